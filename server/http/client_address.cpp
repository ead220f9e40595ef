#include "server/http/client_address.h"

#include <algorithm>

namespace selfcheck::collector::http {

std::string normalise_address(const std::string& address) {
    const std::string mapped = "::ffff:";
    if (address.rfind(mapped, 0) == 0 && address.find('.') != std::string::npos) return address.substr(mapped.size());
    return address;
}

bool is_trusted_proxy(const std::string& peer, const std::vector<std::string>& trusted_proxies) {
    const std::string address = normalise_address(peer);
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) != trusted_proxies.end();
}

std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
    std::string client = normalise_address(peer);
    if (!is_trusted_proxy(client, trusted_proxies)) return client;
    std::size_t end = forwarded_for.size();
    while (end > 0) {
        const std::size_t comma = forwarded_for.rfind(',', end - 1);
        const std::size_t start = comma == std::string::npos ? 0 : comma + 1;
        std::string entry = forwarded_for.substr(start, end - start);
        entry.erase(0, entry.find_first_not_of(" \t"));
        entry.erase(entry.find_last_not_of(" \t") + 1);
        if (entry.empty()) break;
        client = normalise_address(entry);
        if (!is_trusted_proxy(client, trusted_proxies)) return client;
        if (comma == std::string::npos) break;
        end = comma;
    }
    return client;
}

}  // namespace selfcheck::collector::http
