#pragma once
// The shipped content/ and compiled locales, loaded once per test binary as `collector serve`
// loads them by default.
#include "protocol/content/content_messages.h"
#include "protocol/time/dates.h"
#include "server/catalog/form_catalog.h"

#include <memory>

inline std::shared_ptr<selfcheck::Messages> shipped_messages() {
    static const auto messages = std::make_shared<selfcheck::Messages>(SELFCHECK_BINARY_DIR "/locales");
    return messages;
}

inline const selfcheck::collector::FormCatalog& shipped_catalog() {
    static const selfcheck::collector::FormCatalog catalog = [] {
        auto forms = selfcheck::collector::FormCatalog::load({SELFCHECK_SOURCE_DIR "/content"}, *shipped_messages());
        shipped_messages()->set_shared_args(selfcheck::content_args(*forms.newest(), selfcheck::hong_kong_today()));
        return forms;
    }();
    return catalog;
}
