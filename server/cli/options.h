#pragma once
// The collector's command line, parsed into plain values. No I/O here.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace collector {

enum class Command { help, serve, count };

struct Options {
  Command command = Command::help;
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 0;  // 0: the system picks a free port
  std::size_t max_body_bytes = 1024 * 1024;
};

struct ParsedOptions {
  std::optional<Options> options;
  std::string error;  // set when options is not: names the offending word
};

// `args` excludes the program name.
ParsedOptions parse_options(const std::vector<std::string>& args);

std::string usage_text();

}  // namespace collector
