#pragma once
// Who a request comes from. Behind a reverse proxy every connection comes from the proxy,
// so the proxy's X-Forwarded-For is believed, but only when the connection comes from an
// address the operator named as a trusted proxy (--trusted-proxy): anyone else could write
// any address there.

#include <string>
#include <vector>

namespace selfcheck::collector::http {

// "::ffff:127.0.0.1" → "127.0.0.1"; other addresses unchanged.
std::string normalise_address(const std::string& address);

bool is_trusted_proxy(const std::string& peer, const std::vector<std::string>& trusted_proxies);

// The client: `peer`, or when `peer` is a trusted proxy, the right-most X-Forwarded-For entry
// that is not itself a trusted proxy (each proxy appends the address it was reached from).
std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace selfcheck::collector::http
