#include "server/cli/options.h"

#include <charconv>
#include <cstdint>
#include <limits>

namespace collector {
namespace {

// Thrown while parsing; parse_options turns it into ParsedOptions::error.
struct UsageError {
  std::string message;
};

template <typename Number>
Number parse_number(const std::string& option, const std::string& text, Number low, Number high) {
  Number value{};
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end || value < low || value > high) {
    throw UsageError{"bad value '" + text + "' for " + option + ": expected a whole number from " +
                     std::to_string(low) + " to " + std::to_string(high)};
  }
  return value;
}

Command parse_command(const std::string& word) {
  if (word == "serve") return Command::serve;
  if (word == "count") return Command::count;
  if (word == "help") return Command::help;
  throw UsageError{"unknown command '" + word + "'"};
}

bool accepts_option(Command command, const std::string& name) {
  if (name == "--db") return true;
  return command == Command::serve && (name == "--host" || name == "--port" || name == "--max-body");
}

// Applies one "--name value" (or "--name=value") to `options`; the name is known to be accepted.
void apply_option(Options& options, const std::string& name, const std::string& value) {
  if (name == "--db") {
    options.db_path = value;
  } else if (name == "--host") {
    options.host = value;
  } else if (name == "--port") {
    options.port = parse_number(name, value, 0, 65535);
  } else if (name == "--max-body") {
    options.max_body_bytes =
        parse_number<std::size_t>(name, value, 1, std::numeric_limits<std::uint32_t>::max());
  }
}

Options parse(const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") return Options{};
  }
  if (args.empty()) throw UsageError{"no command given"};

  Options options;
  options.command = parse_command(args[0]);
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) throw UsageError{"unexpected argument '" + arg + "'"};
    const std::size_t equals = arg.find('=');
    const std::string name = arg.substr(0, equals);
    if (!accepts_option(options.command, name)) {
      throw UsageError{"unknown option '" + name + "' for '" + args[0] + "'"};
    }
    if (equals != std::string::npos) {
      apply_option(options, name, arg.substr(equals + 1));
    } else if (i + 1 < args.size()) {
      apply_option(options, name, args[++i]);
    } else {
      throw UsageError{"option '" + name + "' needs a value"};
    }
  }
  if (options.command != Command::help && options.db_path.empty()) {
    throw UsageError{"--db PATH is required"};
  }
  return options;
}

}  // namespace

ParsedOptions parse_options(const std::vector<std::string>& args) {
  ParsedOptions parsed;
  try {
    parsed.options = parse(args);
  } catch (const UsageError& error) {
    parsed.error = error.message;
  }
  return parsed;
}

std::string usage_text() {
  return "Usage:\n"
         "  collector serve --db PATH [--host ADDRESS] [--port N] [--max-body BYTES]\n"
         "      Receive records from kiosks over HTTP and store them in the SQLite file PATH\n"
         "      (created if missing). --host defaults to 127.0.0.1; --port 0 (the default)\n"
         "      picks a free port. Prints 'collector listening on http://HOST:PORT' once ready;\n"
         "      stops cleanly on SIGINT or SIGTERM. --max-body defaults to 1048576.\n"
         "  collector count --db PATH\n"
         "      Print how many records the existing database PATH holds.\n"
         "  collector --help\n"
         "      Show this text.\n";
}

}  // namespace collector
