#pragma once
#include "protocol/content/content.h"
#include "protocol/content/messages.h"

namespace selfcheck {
// The content's named constants as message arguments, so "HK${minimum_allowable_wage_hkd, number}"
// shows the number content/rights.yaml holds.
MessageArgs constant_args(const Content& content);
}  // namespace selfcheck
