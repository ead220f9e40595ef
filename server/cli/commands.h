#pragma once
// The collector's subcommands. Each returns the process exit status.

#include "server/cli/options.h"

namespace collector {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // could not open the database, bind the port, ...
inline constexpr int kExitUsage = 2;    // bad command line

// Serves the HTTP API until SIGINT or SIGTERM.
int run_serve(const Options& options);

// Prints the number of records in an existing database.
int run_count(const Options& options);

}  // namespace collector
