// RecordStore's defaults for the report and dashboard queries: a store that does not keep
// them says so instead of pretending to be empty.
#include "server/store/record_store.h"

#include <algorithm>

namespace selfcheck::collector {
namespace {

[[noreturn]] void unsupported(const char* what) { throw StorageError("this store", what, 0, "not supported"); }

}  // namespace

std::map<std::string, std::string> deliveries(const std::vector<StoredRecord>& records) {
    std::map<std::string, std::string> latest;
    for (const StoredRecord& stored : records) {
        if (stored.device_id.empty()) continue;
        std::string& at = latest[stored.device_id];
        at = std::max(at, stored.received_at);
    }
    return latest;
}

std::vector<Record> RecordStore::records_in_range(const RecordFilter&) const { unsupported("reports"); }
std::string RecordStore::tally_fingerprint() const { return {}; }
std::optional<Tallies> RecordStore::tallies_in_range(const RecordFilter&, const std::string&) const {
    return std::nullopt;
}
std::int64_t RecordStore::rebuild_tallies() { unsupported("report tallies"); }
void RecordStore::add_user(const DashboardUser&) { unsupported("dashboard users"); }
std::optional<DashboardUser> RecordStore::find_user(const std::string&) const { unsupported("dashboard users"); }
void RecordStore::add_session(const DashboardSession&) { unsupported("dashboard sessions"); }
std::optional<DashboardSession> RecordStore::find_session(const std::string&, const std::string&) const {
    unsupported("dashboard sessions");
}
void RecordStore::delete_session(const std::string&) { unsupported("dashboard sessions"); }
std::int64_t RecordStore::delete_expired_sessions(const std::string&) { unsupported("dashboard sessions"); }
std::vector<bool> RecordStore::insert_referrals(const std::vector<StoredReferral>&) { unsupported("referrals"); }
std::vector<StoredReferral> RecordStore::referrals_of(const std::string&) const { unsupported("referrals"); }
std::int64_t RecordStore::referral_count() const { unsupported("referrals"); }
std::vector<std::tuple<std::string, std::string, std::int64_t>> RecordStore::referral_months() const {
    unsupported("referrals");
}
bool RecordStore::set_referral_state(const std::string&, const std::string&, const std::string&) {
    unsupported("referrals");
}
std::int64_t RecordStore::erase_referrals_received_before(const std::string&) { unsupported("referrals"); }
void RecordStore::log_referral_view(const std::string&, const std::string&, const std::string&, const std::string&) {
    unsupported("referrals");
}
std::int64_t RecordStore::referral_view_count(const std::string&) const { unsupported("referrals"); }
void RecordStore::check_writable() { unsupported("health checks"); }
std::int64_t RecordStore::begin_login_attempt(const std::vector<LoginLimit>&, std::int64_t, std::int64_t) {
    unsupported("login limits");
}
void RecordStore::clear_login_failure(const std::string&) { unsupported("login limits"); }
std::string RecordStore::get_or_create_secret(const std::string&, const std::string&) { unsupported("secrets"); }

}  // namespace selfcheck::collector
