#pragma once
// Base64 as the protocol writes keys and sealed bytes: libsodium's ORIGINAL variant, with
// padding (docs/protocol.md, "Sealing").
#include <stdexcept>
#include <string>
#include <string_view>

namespace selfcheck {

class Base64Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string to_base64(std::string_view bytes);
// `what` names the value in the error, e.g. "ngo_public_key".
std::string from_base64(std::string_view text, const std::string& what);

}  // namespace selfcheck
