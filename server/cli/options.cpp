#include "server/cli/options.h"

#include "protocol/content/identifiers.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>

namespace selfcheck::collector {
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

// The command, from one word or two ("device add"); `used` says how many were read.
Command parse_command(const std::vector<std::string>& args, std::size_t& used) {
    used = 1;
    const std::string& word = args[0];
    if (word == "serve") return Command::Serve;
    if (word == "count") return Command::Count;
    if (word == "keygen") return Command::Keygen;
    if (word == "help") return Command::Help;
    if (word == "report") return Command::Report;
    if (word == "backup") return Command::Backup;
    if (word == "user") {
        if (args.size() < 2 || args[1] != "add") throw UsageError{"'user' needs: add"};
        used = 2;
        return Command::UserAdd;
    }
    if (word == "content") {
        if (args.size() < 2) throw UsageError{"'content' needs one of: keygen, publish"};
        used = 2;
        if (args[1] == "keygen") return Command::ContentKeygen;
        if (args[1] == "publish") return Command::ContentPublish;
        throw UsageError{"unknown command 'content " + args[1] + "': expected keygen or publish"};
    }
    if (word == "referral") {
        if (args.size() < 2) throw UsageError{"'referral' needs one of: keygen, counts"};
        used = 2;
        if (args[1] == "keygen") return Command::ReferralKeygen;
        if (args[1] == "counts") return Command::ReferralCounts;
        throw UsageError{"unknown command 'referral " + args[1] + "': expected keygen or counts"};
    }
    if (word != "device") throw UsageError{"unknown command '" + word + "'"};
    if (args.size() < 2) throw UsageError{"'device' needs one of: add, revoke, list"};
    used = 2;
    if (args[1] == "add") return Command::DeviceAdd;
    if (args[1] == "revoke") return Command::DeviceRevoke;
    if (args[1] == "list") return Command::DeviceList;
    throw UsageError{"unknown command 'device " + args[1] + "': expected add, revoke or list"};
}

std::vector<std::string> accepted_options(Command command) {
    switch (command) {
    case Command::Serve:
        return {"--db",
                "--host",
                "--port",
                "--max-body",
                "--secret-key",
                "--content",
                "--locales",
                "--trusted-proxy",
                "--secure-cookies",
                "--max-connections",
                "--max-connections-per-client",
                "--bundle",
                "--referral-retention-days"};
    case Command::Report: return {"--db", "--from", "--to", "--site", "--format", "--content", "--locales"};
    case Command::Backup: return {"--db", "--to"};
    case Command::Count:
    case Command::DeviceRevoke:
    case Command::DeviceList:
    case Command::UserAdd: return {"--db", "--role", "--org"};
    case Command::ReferralCounts: return {"--db"};
    case Command::Keygen:
    case Command::ContentKeygen: return {"--out"};
    case Command::ContentPublish: return {"--content", "--locales", "--key", "--out"};
    case Command::ReferralKeygen: return {"--org", "--out"};
    case Command::DeviceAdd: return {"--db", "--site", "--public-key", "--url"};
    case Command::Help: break;
    }
    return {};
}

bool is_collector_url(const std::string& url) {
    for (const std::string scheme : {"http://", "https://"}) {
        if (url.rfind(scheme, 0) == 0 && url.size() > scheme.size() &&
            std::none_of(url.begin(), url.end(), [](char c) { return c <= ' ' || c == '"' || c > '~'; })) {
            return true;
        }
    }
    return false;
}

// Applies one "--name value" (or "--name=value") to `options`; the name is known to be accepted.
void apply_option(Options& options, const std::string& name, const std::string& value) {
    if (name == "--db") {
        options.db = value;
    } else if (name == "--host") {
        options.host = value;
    } else if (name == "--port") {
        options.port = parse_number(name, value, 0, 65535);
    } else if (name == "--max-body") {
        options.max_body_bytes = parse_number<std::size_t>(name, value, 1, std::numeric_limits<std::uint32_t>::max());
    } else if (name == "--secret-key") {
        options.secret_key_file = value;
    } else if (name == "--content") {
        options.content_dirs.push_back(value);
    } else if (name == "--locales") {
        options.locales_dir = value;
    } else if (name == "--trusted-proxy") {
        options.trusted_proxies.push_back(value);
    } else if (name == "--max-connections") {
        options.max_connections = parse_number<std::size_t>(name, value, 1, 100000);
    } else if (name == "--max-connections-per-client") {
        options.max_connections_per_client = parse_number<std::size_t>(name, value, 1, 100000);
    } else if (name == "--referral-retention-days") {
        options.referral_retention_days = parse_number(name, value, 1, 3650);
    } else if (name == "--from") {
        options.from = value;
    } else if (name == "--to") {
        (options.command == Command::Backup ? options.backup_file : options.to) = value;
    } else if (name == "--format") {
        if (value == "table") {
            options.format = ReportFormat::Table;
        } else if (value == "csv") {
            options.format = ReportFormat::Csv;
        } else if (value == "json") {
            options.format = ReportFormat::Json;
        } else {
            throw UsageError{"bad value '" + value + "' for --format: expected table, csv or json"};
        }
    } else if (name == "--out") {
        (options.command == Command::ContentPublish ? options.bundle_file : options.out_dir) = value;
    } else if (name == "--bundle") {
        options.bundle_file = value;
    } else if (name == "--role") {
        if (value != "analyst" && value != "caseworker")
            throw UsageError{"bad value '" + value + "' for --role: expected analyst or caseworker"};
        options.role = value;
    } else if (name == "--org") {
        if (!is_identifier(value))
            throw UsageError{"bad value '" + value + "' for --org: expected a directory id of " +
                             std::string(kIdentifierRule)};
        options.organisation = value;
    } else if (name == "--key") {
        options.publisher_key_file = value;
    } else if (name == "--site") {
        if (!is_slug(value)) {
            throw UsageError{"bad value '" + value + "' for --site: expected 1-64 characters from a-z 0-9 - _"};
        }
        options.site = value;
    } else if (name == "--public-key") {
        options.public_key_file = value;
    } else if (name == "--url") {
        if (!is_collector_url(value)) {
            throw UsageError{"bad value '" + value + "' for --url: expected http:// or https:// and a host"};
        }
        options.url = value;
    }
}

bool is_user_name(const std::string& name) {
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

void require(bool given, const std::string& what) {
    if (!given) throw UsageError{what + " is required"};
}

void check_required(const Options& options) {
    switch (options.command) {
    case Command::Serve:
        require(!options.db.empty(), "--db PATH");
        return require(!options.secret_key_file.empty(), "--secret-key FILE");
    case Command::Count:
    case Command::ReferralCounts:
    case Command::DeviceList: return require(!options.db.empty(), "--db PATH");
    case Command::DeviceRevoke:
        require(!options.db.empty(), "--db PATH");
        return require(!options.device_or_site.empty(), "a device id or site");
    case Command::UserAdd:
        require(!options.db.empty(), "--db PATH");
        require(!options.user_name.empty(), "a user NAME");
        if (options.role == "caseworker")
            require(!options.organisation.empty(), "--org ID (a caseworker's organisation)");
        if (options.role != "caseworker" && !options.organisation.empty())
            throw UsageError{"--org is for a caseworker (--role caseworker) only"};
        return;
    case Command::Keygen:
    case Command::ContentKeygen: return require(!options.out_dir.empty(), "--out DIR");
    case Command::ReferralKeygen:
        require(!options.organisation.empty(), "--org ID");
        return require(!options.out_dir.empty(), "--out DIR");
    case Command::ContentPublish:
        require(options.content_dirs.size() == 1, "one --content DIR");
        require(!options.locales_dir.empty(), "--locales DIR (the compiled .res files)");
        require(!options.publisher_key_file.empty(), "--key FILE");
        return require(!options.bundle_file.empty(), "--out FILE");
    case Command::Report:
        require(!options.db.empty(), "--db PATH");
        require(!options.from.empty(), "--from YYYY-MM-DD");
        return require(!options.to.empty(), "--to YYYY-MM-DD");
    case Command::Backup:
        require(!options.db.empty(), "--db PATH");
        return require(!options.backup_file.empty(), "--to FILE");
    case Command::DeviceAdd:
        require(!options.db.empty(), "--db PATH");
        require(!options.site.empty(), "--site NAME");
        require(!options.public_key_file.empty(), "--public-key FILE");
        return require(!options.url.empty(), "--url URL");
    case Command::Help: return;
    }
}

Options parse(const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") return Options{};
    }
    if (args.empty()) throw UsageError{"no command given"};

    Options options;
    std::size_t first = 0;
    options.command = parse_command(args, first);
    const std::string command_words = first == 2 ? args[0] + " " + args[1] : args[0];
    const std::vector<std::string> accepted = accepted_options(options.command);
    for (std::size_t i = first; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0) {
            if (options.command == Command::DeviceRevoke && options.device_or_site.empty()) {
                options.device_or_site = arg;
                continue;
            }
            if (options.command == Command::UserAdd && options.user_name.empty()) {
                if (!is_user_name(arg)) {
                    throw UsageError{"bad user name '" + arg + "': expected 1-64 characters from a-z 0-9 . _ -"};
                }
                options.user_name = arg;
                continue;
            }
            throw UsageError{"unexpected argument '" + arg + "'"};
        }
        const std::size_t equals = arg.find('=');
        const std::string name = arg.substr(0, equals);
        if (std::find(accepted.begin(), accepted.end(), name) == accepted.end()) {
            throw UsageError{"unknown option '" + name + "' for '" + command_words + "'"};
        }
        if (name == "--secure-cookies") {  // the one flag: it takes no value
            if (equals != std::string::npos) throw UsageError{"option '--secure-cookies' takes no value"};
            options.secure_cookies = true;
        } else if (equals != std::string::npos) {
            apply_option(options, name, arg.substr(equals + 1));
        } else if (i + 1 < args.size()) {
            apply_option(options, name, args[++i]);
        } else {
            throw UsageError{"option '" + name + "' needs a value"};
        }
    }
    check_required(options);
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
           "  collector keygen --out DIR\n"
           "      Make the NGO key pair: DIR/ngo_public.key (for kiosks) and DIR/ngo_secret.key\n"
           "      (mode 0600; keep it on the collector machine only). Never replaces existing keys.\n"
           "  collector device add --db DB --site NAME --public-key FILE --url URL\n"
           "      Register a kiosk for site NAME and print its kiosk.yaml, with a new device\n"
           "      token (shown once; only its hash is kept), the NGO public key and URL.\n"
           "  collector device revoke ID-OR-SITE --db DB\n"
           "      Refuse that device's token (or every device of that site) from now on.\n"
           "  collector device list --db DB\n"
           "      Show each device: id, site, created, last check-in, queue size, revoked.\n"
           "  collector user add NAME --db DB [--role analyst|caseworker --org ID]\n"
           "      Add a dashboard user; reads the password (at least 10 characters) from the first\n"
           "      line of standard input. Kept as an Argon2id hash. An analyst (the default) sees\n"
           "      the reports; a caseworker of organisation ID only its call-back requests.\n"
           "  collector serve --db DB --secret-key FILE [--content DIR]... [--locales DIR]\n"
           "                  [--host ADDRESS] [--port N] [--max-body BYTES]\n"
           "      Receive sealed record batches from kiosks over HTTP and store them. --content\n"
           "      names a content directory per accepted form version (default: the one this\n"
           "      build came with); --locales the compiled message bundles (.res) they are\n"
           "      checked against and reports are labelled from (default: this build's).\n"
           "      --host defaults to 127.0.0.1; --port 0 (the default) picks a\n"
           "      free port. Prints 'collector listening on http://HOST:PORT' once ready; stops\n"
           "      cleanly on SIGINT or SIGTERM. --max-body defaults to 1048576.\n"
           "                  [--bundle FILE]\n"
           "      --bundle serves the signed content bundle FILE that 'collector content publish\n"
           "      --out FILE' writes to enrolled kiosks (GET /api/v1/content), read anew each\n"
           "      time, so publishing again to FILE reaches the kiosks at their next sync.\n"
           "                  [--trusted-proxy ADDRESS]... [--secure-cookies]\n"
           "                  [--max-connections N] [--max-connections-per-client N]\n"
           "                  [--referral-retention-days N]\n"
           "      --trusted-proxy names a reverse proxy (e.g. 127.0.0.1 for Caddy or nginx on the\n"
           "      same machine) whose X-Forwarded-For gives the client's address, for login\n"
           "      limits and the per-client connection cap (default 16; 1000 in all).\n"
           "      --secure-cookies marks the dashboard's cookies Secure (behind TLS).\n"
           "      --referral-retention-days (default 30): call-back requests are erased this\n"
           "      many days after they arrive, contacted or not.\n"
           "  collector report --db DB --from YYYY-MM-DD --to YYYY-MM-DD [--site NAME]\n"
           "                   [--format table|csv|json] [--content DIR]... [--locales DIR]\n"
           "      Print the dashboard's protected report tables without a browser.\n"
           "  collector backup --db DB --to FILE\n"
           "      Copy a SQLite database to FILE (a new file) while the collector keeps running.\n"
           "      For PostgreSQL use pg_dump (docs/deploy-collector.md).\n"
           "  collector referral keygen --org ID --out DIR\n"
           "      Writes ID_referral_public.key (goes into content/directory.yaml as the\n"
           "      organisation's referral_key) and ID_referral_secret.key (mode 0600; only\n"
           "      that organisation's caseworkers' collector may hold it).\n"
           "  collector referral counts --db DB\n"
           "      Call-back requests per organisation and month, small counts suppressed as in\n"
           "      the reports. Never joined to records.\n"
           "  collector content keygen --out DIR\n"
           "      Make the content publisher's signing pair: DIR/publisher_public.key (pinned in\n"
           "      every kiosk.yaml) and DIR/publisher_secret.key (mode 0600). Not the NGO key.\n"
           "  collector content publish --content DIR --locales DIR --key FILE --out FILE\n"
           "      Check the content with the kiosk's own validator and write it, with the\n"
           "      compiled messages, as one bundle signed with the publisher secret key.\n"
           "  collector count --db DB\n"
           "      Print how many records the existing database holds.\n"
           "  collector --help\n"
           "      Show this text.\n"
           "DB is a SQLite file path, or a PostgreSQL connection string (postgresql://...).\n";
}

}  // namespace selfcheck::collector
