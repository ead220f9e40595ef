#pragma once
// The collector's command line, parsed into plain values. No I/O here.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace selfcheck::collector {

enum class Command {
    Help,
    Serve,
    Count,
    Keygen,
    DeviceAdd,
    DeviceRevoke,
    DeviceList,
    UserAdd,
    Report,
    Backup,
    ContentKeygen,
    ContentPublish,
    ReferralKeygen,
    ReferralCounts,
};

enum class ReportFormat { Table, Csv, Json };

struct Options {
    Command command = Command::Help;
    std::string db;  // a SQLite file path, or a postgresql:// connection string
    // serve
    std::string host = "127.0.0.1";
    int port = 0;  // 0: the system picks a free port
    std::size_t max_body_bytes = 1024 * 1024;
    std::string secret_key_file;
    std::vector<std::string> content_dirs;     // empty: the content this build came with
    std::string locales_dir;                   // empty: the compiled locales this build came with
    std::vector<std::string> trusted_proxies;  // whose X-Forwarded-For is believed
    bool secure_cookies = false;
    std::size_t max_connections = 1000;
    std::size_t max_connections_per_client = 16;
    int referral_retention_days = 30;  // call-back requests are erased this many days after receipt
    // report
    std::string from;
    std::string to;
    ReportFormat format = ReportFormat::Table;
    // backup
    std::string backup_file;
    // keygen, content keygen, referral keygen
    std::string out_dir;
    std::string organisation;  // referral keygen: the directory id the pair is for
    // content publish (content_dirs and locales_dir above)
    std::string publisher_key_file;
    std::string bundle_file;  // publish: where it writes the signed bundle; serve: what it serves
    // device add; report
    std::string site;
    std::string public_key_file;
    std::string url;
    // device revoke
    std::string device_or_site;
    // user add
    std::string user_name;
    std::string role = "analyst";  // or "caseworker", with `organisation` (--org)
};

struct ParsedOptions {
    std::optional<Options> options;
    std::string error;  // set when options is not: names the offending word
};

// `args` excludes the program name.
ParsedOptions parse_options(const std::vector<std::string>& args);

std::string usage_text();

}  // namespace selfcheck::collector
