#pragma once
// Who is posting: the device whose token is in "Authorization: Bearer <token>". The store
// is asked on every request (no cache), so `collector device revoke` takes effect at once,
// even from another process.

#include "server/store/record_store.h"

#include <optional>
#include <string>

namespace selfcheck::collector {

struct AuthResult {
    std::optional<Device> device;  // set when the token belongs to a device that is not revoked
    std::string error;             // otherwise: why, starting with "Authorization: "
};

// Throws StorageError when the store cannot be asked.
AuthResult authenticate(const RecordStore& store, const std::string& authorization_header);

}  // namespace selfcheck::collector
