#pragma once
// The collector's subcommands, one file each. Each returns the process exit status.

#include "server/cli/options.h"

namespace selfcheck::collector {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // could not open the database, bind the port, ...
inline constexpr int kExitUsage = 2;    // bad command line

// Serves the HTTP API until SIGINT or SIGTERM.
int run_serve(const Options& options);

// Prints the number of records in an existing database.
int run_count(const Options& options);

// Writes the NGO key pair.
int run_keygen(const Options& options);

// device add / revoke / list.
int run_device_add(const Options& options);
int run_device_revoke(const Options& options);
int run_device_list(const Options& options);

// user add: a dashboard login, password from stdin.
int run_user_add(const Options& options);

// report: the protected tables on stdout (table, CSV or JSON).
int run_report(const Options& options);

// backup: a SQLite store copied to a new file while serve runs.
int run_backup(const Options& options);

// content keygen / publish: the signing pair, and a signed content bundle.
int run_content_keygen(const Options& options);
int run_content_publish(const Options& options);

// referral keygen: one organisation's key pair for call-back requests.
int run_referral_keygen(const Options& options);
// referral counts: requests per organisation and month, protected.
int run_referral_counts(const Options& options);

}  // namespace selfcheck::collector
