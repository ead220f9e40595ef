#include "protocol/content/content_error.h"

namespace selfcheck {

namespace {
std::string located(const std::string& file, int line, int column, const std::string& problem) {
    std::string where = file;
    if (line > 0) where += ":" + std::to_string(line) + ":" + std::to_string(column);
    return where + ": " + problem;
}
}  // namespace

ContentError::ContentError(std::string file, int line, int column, const std::string& problem)
    : std::runtime_error(located(file, line, column, problem)), file_(std::move(file)), line_(line), column_(column) {}

}  // namespace selfcheck
