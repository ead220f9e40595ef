#pragma once
// The kiosk.yaml `collector device add` prints (docs/protocol.md, "Kiosk config file").

#include <string>

namespace selfcheck::collector {

struct KioskYamlFields {
    std::string site;            // a slug, checked by the caller
    std::string collector_url;   // http(s)://..., checked by the caller
    std::string device_token;    // base64url, 43 characters
    std::string ngo_public_key;  // base64, 32 bytes
};

std::string kiosk_yaml(const KioskYamlFields& fields);

}  // namespace selfcheck::collector
