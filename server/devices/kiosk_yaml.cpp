#include "server/devices/kiosk_yaml.h"

namespace selfcheck::collector {

// Every value is from a restricted alphabet (slug, URL without quotes or spaces, base64),
// so double quotes need no escaping. The optional keys are named but left unset: their
// defaults are the kiosk's own (kiosk/core/kiosk_defaults.h), written down nowhere else.
std::string kiosk_yaml(const KioskYamlFields& fields) {
    return "# kiosk.yaml for site " + fields.site +
           ", made by 'collector device add'.\n"
           "# The device token is a password: keep this file on the kiosk only.\n"
           "site: " +
           fields.site + "\ncollector_url: " + fields.collector_url + "\ndevice_token: \"" + fields.device_token +
           "\"\nngo_public_key: \"" + fields.ngo_public_key +
           "\"\n"
           "staff_pin_hash: \"\"               # set with kiosk-hash-pin; empty: no staff panel\n"
           "# Optional, with the kiosk's defaults when absent (docs/protocol.md, \"Kiosk config file\"):\n"
           "# idle_timeout_seconds, languages, title, locked, screen_dpi, max_queued_records,\n"
           "# max_queued_days; content_publisher_key (publisher_public.key from 'collector content\n"
           "# keygen') for signed content updates.\n";
}

}  // namespace selfcheck::collector
