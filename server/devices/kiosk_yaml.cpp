#include "server/devices/kiosk_yaml.h"

namespace selfcheck::collector {

// Every value is from a restricted alphabet (slug, URL without quotes or spaces, base64),
// so double quotes need no escaping.
std::string kiosk_yaml(const KioskYamlFields& fields) {
    return "# kiosk.yaml for site " + fields.site +
           ", made by 'collector device add'.\n"
           "# The device token is a password: keep this file on the kiosk only.\n"
           "site: " +
           fields.site +
           "\n"
           "collector_url: " +
           fields.collector_url +
           "\n"
           "device_token: \"" +
           fields.device_token +
           "\"\n"
           "ngo_public_key: \"" +
           fields.ngo_public_key +
           "\"\n"
           "staff_pin_hash: \"\"               # set with kiosk-hash-pin; empty: no staff panel\n"
           "idle_timeout_seconds: 90\n"
           "languages: [id, fil, en, zh_Hant_HK]\n"
           "title: \"Information point\"\n"
           "locked: true\n";
}

}  // namespace selfcheck::collector
