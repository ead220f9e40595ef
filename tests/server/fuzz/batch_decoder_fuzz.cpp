// libFuzzer target: every request body the collector parses before it trusts anything:
// the batch (POST /api/v1/batches), an opened record, and a check-in. Each decoder must
// return a value or an error, never throw, crash or hang, and never both or neither.

#include "server/api/batch_decoder.h"
#include "server/api/checkin_decoder.h"
#include "server/api/record_decoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void require(bool holds) {
    if (!holds) std::abort();  // libFuzzer reports the input that got here
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);

    const collector::BatchDecodeResult batch = collector::decode_batch(body);
    require(batch.entries.has_value() == batch.error.empty());
    if (batch.entries) {
        require(batch.entries->size() <= collector::kMaxBatchRecords);
        for (const collector::BatchEntry& entry : *batch.entries) require(entry.id.size() == 32);
    }

    const collector::DecodeResult record = collector::decode_record(body);
    require(record.record.has_value() == record.error.empty());

    const collector::CheckInDecodeResult checkin = collector::decode_checkin(body);
    require(checkin.checkin.has_value() == checkin.error.empty());
    return 0;
}
