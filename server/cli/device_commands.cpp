#include "protocol/time/dates.h"
#include "server/cli/commands.h"
#include "server/devices/device_token.h"
#include "server/devices/kiosk_yaml.h"
#include "server/keys/key_files.h"
#include "server/store/open_store.h"

#include <iomanip>
#include <iostream>

namespace selfcheck::collector {
namespace {

template <typename Body>
int with_store(const Options& options, StoreOpenMode mode, Body body) {
    try {
        const auto store = open_store(options.db, mode);
        return body(*store);
    } catch (const StorageError& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
}

}  // namespace

int run_device_add(const Options& options) {
    std::string public_key;
    try {
        public_key = read_public_key_text(options.public_key_file);
    } catch (const KeyFileError& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
    return with_store(options, StoreOpenMode::CreateIfMissing, [&](RecordStore& store) {
        const Device device{new_device_id(), options.site, utc_timestamp_now(), ""};
        const std::string token = new_device_token();
        store.add_device(device, hash_device_token(token));
        std::cerr << "collector: added device " << device.device_id << " for site " << device.site
                  << ". The token below is shown only this once; the kiosk.yaml is on standard output.\n";
        std::cout << kiosk_yaml(KioskYamlFields{device.site, options.url, token, public_key});
        return kExitOk;
    });
}

int run_device_revoke(const Options& options) {
    return with_store(options, StoreOpenMode::MustExist, [&](RecordStore& store) {
        const std::vector<Device> revoked = store.revoke_devices(options.device_or_site, utc_timestamp_now());
        if (revoked.empty()) {
            std::cerr << "collector: no device with id or site '" << options.device_or_site
                      << "' that is not revoked already\n";
            return kExitFailure;
        }
        for (const Device& device : revoked) {
            std::cout << "revoked " << device.device_id << " (site " << device.site << ")\n";
        }
        return kExitOk;
    });
}

int run_device_list(const Options& options) {
    return with_store(options, StoreOpenMode::MustExist, [&](RecordStore& store) {
        const std::vector<DeviceStatus> devices = store.list_devices();
        std::cout << std::left << std::setw(14) << "DEVICE" << std::setw(24) << "SITE" << std::setw(22) << "CREATED"
                  << std::setw(22) << "LAST CHECK-IN" << std::setw(7) << "QUEUE" << std::setw(40) << "CONTENT"
                  << "REVOKED\n";
        for (const DeviceStatus& status : devices) {
            const Device& device = status.device;
            const auto& checkin = status.last_checkin;
            std::cout << std::setw(14) << device.device_id << std::setw(24) << device.site << std::setw(22)
                      << device.created_at << std::setw(22) << (checkin ? checkin->received_at : "never")
                      << std::setw(7) << (checkin ? std::to_string(checkin->queue_size) : "-") << std::setw(40)
                      << (checkin ? checkin->content_version : "-") << (device.revoked() ? device.revoked_at : "no")
                      << '\n';
        }
        return kExitOk;
    });
}

}  // namespace selfcheck::collector
