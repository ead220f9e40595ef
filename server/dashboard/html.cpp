#include "server/dashboard/html.h"

namespace selfcheck::collector {
namespace {

constexpr const char* kStyle = R"css(
*{box-sizing:border-box}
body{font:16px/1.45 system-ui,"Noto Sans","Noto Sans CJK TC",sans-serif;margin:0;color:#1b1b1b;background:#f6f6f3}
header{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;justify-content:space-between;padding:.6em 1em;background:#1f4e5a;color:#fff}
header h1{font-size:1.1em;margin:0}
header form{margin:0}
main{padding:1em;max-width:70em;margin:auto}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8em 1em;margin:0 0 1em}
h2{font-size:1.15em;margin:.2em 0 .6em}
h3{font-size:1em;margin:1em 0 .4em}
.headline{font-size:1.3em;font-weight:600}
.note{color:#555;font-size:.9em}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95em}
th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #eee;vertical-align:top}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.suppressed{color:#8a5a00;font-style:italic;text-align:right}
tr.not-delivering td{background:#fde8e8}
.bar{background:#e5ecee;height:.9em;min-width:4em;border-radius:2px}
.bar span{display:block;height:100%;background:#2e7d8c;border-radius:2px}
form.filters{display:flex;flex-wrap:wrap;gap:.6em;align-items:end}
form.filters label{display:flex;flex-direction:column;font-size:.9em}
input,button{font:inherit;padding:.45em .6em;border:1px solid #999;border-radius:4px;min-height:2.6em}
button{background:#1f4e5a;color:#fff;border-color:#1f4e5a;cursor:pointer}
header button{background:#fff;color:#1f4e5a}
.error{background:#fde8e8;border-color:#e0a0a0}
a{color:#1f4e5a}
)css";

}  // namespace

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string html_page(const PageFrame& frame, const std::string& body) {
    std::string page =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"referrer\" content=\"no-referrer\"><title>" +
        html_escape(frame.title) + "</title><style>" + kStyle + "</style></head><body><header><h1>" +
        html_escape(frame.title) + "</h1>";
    if (!frame.user.empty()) {
        page += "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"" +
                html_escape(frame.csrf_token) + "\"><span>" + html_escape(frame.user) +
                "</span> <button type=\"submit\" id=\"logout\">Log out</button></form>";
    }
    return page + "</header><main>" + body + "</main></body></html>";
}

}  // namespace selfcheck::collector
