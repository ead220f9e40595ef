#pragma once
// An error in a content or config file, located precisely enough for an author to fix it.
#include <stdexcept>
#include <string>

namespace selfcheck {

class ContentError : public std::runtime_error {
public:
    // line and column are 1-based; 0 means "not known" (e.g. the file is missing).
    ContentError(std::string file, int line, int column, const std::string& problem);

    const std::string& file() const { return file_; }
    int line() const { return line_; }
    int column() const { return column_; }

private:
    std::string file_;
    int line_;
    int column_;
};

}  // namespace selfcheck
