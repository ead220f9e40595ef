#include "protocol/content/content_messages.h"

namespace selfcheck {

MessageArgs constant_args(const Content& content) {
    MessageArgs args;
    for (const auto& [name, value] : content.constants) args[name] = long(value);
    return args;
}

}  // namespace selfcheck
