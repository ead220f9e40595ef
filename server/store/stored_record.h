#pragma once
// A validated record plus what the collector adds when it accepts it.

#include "protocol/record/record.h"

#include <string>

namespace selfcheck::collector {

struct StoredRecord {
    Record record;
    std::string received_at;  // server clock, UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string device_id;    // the device whose token sent it; empty for records from before devices
};

}  // namespace selfcheck::collector
