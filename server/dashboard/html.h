#pragma once
// Small HTML helpers for the dashboard: escaping and the page frame (one inline style
// sheet, no scripts, nothing fetched from elsewhere; readable on a phone).

#include <string>

namespace selfcheck::collector {

std::string html_escape(const std::string& text);

struct PageFrame {
    std::string title;
    std::string user;        // empty: not logged in (no logout button)
    std::string csrf_token;  // for the logout form
};

std::string html_page(const PageFrame& frame, const std::string& body);

// The Content-Security-Policy every dashboard page is sent with.
inline constexpr const char* kDashboardCsp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

}  // namespace selfcheck::collector
