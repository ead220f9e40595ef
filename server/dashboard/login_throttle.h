#pragma once
// Login rate limiting, counted in the store (a restart keeps the counts, collectors sharing
// one PostgreSQL share them), with the check and the count one atomic step: an attempt is
// counted as failed before the password is checked and taken back if it was right, so 40
// parallel guesses get no more password checks than 5 sequential ones.
// Limits per window (kWindow), each its own key:
//   one client on one account   kPerAccountAndClient   (a guesser is stopped here)
//   one client, any accounts    kPerClient             (made-up names stop only that client)
//   one account, any clients    kPerAccount            (many addresses guessing one account)
// Only someone guessing at an account can hold it up: failures with other names, or from
// other clients below kPerAccount, never lock its owner out. The client is the address
// http::Request::client_address gives (X-Forwarded-For only from a trusted proxy).

#include <chrono>
#include <string>
#include <vector>

namespace selfcheck::collector {

class RecordStore;

struct LoginAttempt {
    std::chrono::seconds wait{0};   // above zero: refused, try again after this long
    std::vector<std::string> keys;  // what was counted, for succeeded()
};

class LoginThrottle {
public:
    static constexpr std::int64_t kPerAccountAndClient = 5;
    static constexpr std::int64_t kPerClient = 20;
    static constexpr std::int64_t kPerAccount = 50;
    static constexpr std::chrono::minutes kWindow{15};

    explicit LoginThrottle(RecordStore& store) : store_(store) {}

    // Counts the attempt (or refuses it). Throws StorageError.
    LoginAttempt begin(const std::string& user, const std::string& client, std::chrono::system_clock::time_point now);
    // The password was right: the attempt is taken back.
    void succeeded(const LoginAttempt& attempt);

private:
    RecordStore& store_;
};

}  // namespace selfcheck::collector
