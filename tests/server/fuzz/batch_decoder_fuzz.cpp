// libFuzzer target: every request body the collector parses before it trusts anything: the
// batch (POST /api/v1/batches), an opened record, and a check-in. Each decoder must give a
// value or throw ProtocolError, and never anything else, crash or hang.
#include "protocol/record/record.h"
#include "server/api/batch_decoder.h"
#include "server/api/checkin_decoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void require(bool holds) {
    if (!holds) std::abort();  // libFuzzer reports the input that got here
}

template <typename Decode>
void decode_or_refuse(Decode decode) {
    try {
        decode();
    } catch (const selfcheck::ProtocolError&) {
        // refused with a reason: what the collector answers 400 with
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace collector = selfcheck::collector;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    decode_or_refuse([&] {
        const auto entries = collector::decode_batch(body);
        require(entries.size() <= collector::kMaxBatchRecords);
        for (const collector::BatchEntry& entry : entries) require(entry.id.size() == 32);
    });
    decode_or_refuse([&] {
        const selfcheck::Record record = selfcheck::record_from_json(body);
        // What was accepted writes back as a record that reads the same.
        require(selfcheck::record_from_json(selfcheck::record_to_json(record)) == record);
    });
    decode_or_refuse([&] { collector::decode_checkin(body); });
    return 0;
}
