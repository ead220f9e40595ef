#include "protocol/content/content_messages.h"

#include "protocol/content/dated_values.h"

namespace selfcheck {

MessageArgs constant_args(const Content& content) {
    MessageArgs args;
    for (const auto& [name, value] : content.constants) args[name] = long(value);
    return args;
}

MessageArgs content_args(const Content& content, std::string_view date) {
    MessageArgs args;
    for (const auto& [name, value] : numbers_on(content, date)) args[name] = long(value);
    return args;
}

}  // namespace selfcheck
