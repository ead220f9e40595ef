#include "server/api/checkin_decoder.h"

#include "protocol/record/checkin.h"

namespace selfcheck::collector {

CheckIn decode_checkin(std::string_view json_text) {
    CheckIn checkin;
    static_cast<selfcheck::CheckIn&>(checkin) = checkin_from_json(json_text);
    return checkin;
}

}  // namespace selfcheck::collector
