#include "server/dashboard/report_page.h"

#include "server/dashboard/device_delivery.h"
#include "server/dashboard/html.h"
#include "server/reports/percent.h"
#include "server/reports/report_builder.h"

#include <algorithm>

namespace selfcheck::collector {
namespace {

// The same rounding as the CSV and JSON (percent.h).
std::optional<std::string> percent(const Count& count, const Count& of) {
    const std::optional<std::string> text = percent_text(count, of);
    if (!text) return std::nullopt;
    return *text + "%";
}

// A count cell, a share cell and a bar cell, or three "suppressed" cells.
std::string figure_cells(const Count& count, const Count& of) {
    if (count.suppressed) {
        return "<td class=\"suppressed\">suppressed</td><td class=\"suppressed\">suppressed</td><td></td>";
    }
    const std::optional<std::string> part = percent(count, of);
    std::string cells = "<td class=\"num\">" + with_thousands(count.value) + "</td>";
    if (!part) return cells + "<td class=\"num\">&ndash;</td><td></td>";
    return cells + "<td class=\"num\">" + *part + "</td><td><div class=\"bar\"><span style=\"width:" + *part +
           "\"></span></div></td>";
}

std::string count_text(const Count& count) { return count.suppressed ? "suppressed" : with_thousands(count.value); }

std::string levels_section(const Report& report) {
    std::string html =
        "<section id=\"levels\"><h2>Result levels</h2><div class=\"scroll\"><table>"
        "<tr><th>Level</th><th>Count</th><th>Share</th><th>Chart</th></tr>";
    for (const LevelCount& level : report.levels) {
        html +=
            "<tr><td>" + html_escape(level.label) + "</td>" + figure_cells(level.count, report.respondents) + "</tr>";
    }
    return html + "</table></div></section>";
}

std::string dimensions_section(const Report& report) {
    std::string html =
        "<section id=\"indicators\"><h2>ILO indicators by dimension</h2>"
        "<p class=\"note\">Respondents with each indicator raised, of all respondents. An indicator "
        "can count in more than one dimension.</p>";
    for (const DimensionReport& dimension : report.dimensions) {
        html += "<h3>" + html_escape(dimension.label) +
                "</h3><div class=\"scroll\"><table>"
                "<tr><th>Indicator</th><th>Count</th><th>Share</th><th>Chart</th></tr>";
        for (const IndicatorCount& indicator : dimension.indicators) {
            html += "<tr><td>" + html_escape(indicator.label) + "</td>" +
                    figure_cells(indicator.count, report.respondents) + "</tr>";
        }
        html += "</table></div>";
    }
    return html + "</section>";
}

// A count alone in its cell, or "suppressed".
std::string count_cell(const Count& count) {
    return count.suppressed ? "<td class=\"suppressed\">suppressed</td>"
                            : "<td class=\"num\">" + count_text(count) + "</td>";
}

// Yes/no questions show the share answering yes; others one column per answer; both say how
// many were asked but chose not to answer.
std::string question_table(const QuestionReport& question) {
    std::string html = "<h3 id=\"q-" + html_escape(question.id) + "\">" + html_escape(question.text) +
                       " <span class=\"note\">(" + html_escape(question.id) +
                       ")</span></h3><div class=\"scroll\"><table>";
    std::vector<const AnswerColumn*> rows = {&question.overall};
    std::vector<std::string> row_heads = {""};
    for (const Breakdown& breakdown : question.breakdowns) {
        for (const AnswerColumn& column : breakdown.columns) {
            rows.push_back(&column);
            row_heads.push_back(breakdown.by);
        }
    }
    if (question.yes_no) {
        html +=
            "<tr><th>Group</th><th>Answered</th><th>Yes</th><th>% yes</th><th>Chart</th><th>Chose not to "
            "answer</th></tr>";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const AnswerColumn& row = *rows[i];
            html += "<tr data-group=\"" + html_escape(row_heads[i].empty() ? "all" : row_heads[i] + ":" + row.group) +
                    "\"><td>" + (row_heads[i].empty() ? "" : html_escape(row_heads[i]) + ": ") +
                    html_escape(row.group_label) + "</td>" + count_cell(row.answered) +
                    figure_cells(row.by_code[0], row.answered) + count_cell(row.declined) + "</tr>";
        }
        return html + "</table></div>";
    }
    html += "<tr><th>Group</th><th>Answered</th>";
    for (const std::string& label : question.code_labels) html += "<th>" + html_escape(label) + "</th>";
    html += "<th>Chose not to answer</th></tr>";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const AnswerColumn& row = *rows[i];
        html += "<tr><td>" + (row_heads[i].empty() ? "" : html_escape(row_heads[i]) + ": ") +
                html_escape(row.group_label) + "</td>" + count_cell(row.answered);
        for (const Count& count : row.by_code) {
            const std::optional<std::string> part = percent(count, row.answered);
            if (count.suppressed) {
                html += "<td class=\"suppressed\">suppressed</td>";
            } else {
                html += "<td class=\"num\">" + count_text(count) + (part ? " (" + *part + ")" : "") + "</td>";
            }
        }
        html += count_cell(row.declined) + "</tr>";
    }
    return html + "</table></div>";
}

std::string delivery_text(Delivery delivery) {
    switch (delivery) {
    case Delivery::NeverCheckedIn: return "never checked in";
    case Delivery::NothingWaiting: return "nothing waiting";
    case Delivery::Delivering: return "delivering";
    case Delivery::NotDelivering: return "not delivering";
    }
    return "";
}

// Devices that check in but whose records have not arrived for a day come first, marked; then
// by the content they show ("<form>/<version>@<content version>", from their check-in), so
// the devices an update has not reached yet stand together.
std::string devices_section(const std::vector<DeviceStatus>& devices, std::chrono::system_clock::time_point now) {
    std::vector<std::pair<Delivery, const DeviceStatus*>> rows;
    for (const DeviceStatus& status : devices) rows.emplace_back(delivery_of(status, now), &status);
    auto content_of = [](const DeviceStatus& status) {
        return status.last_checkin ? status.last_checkin->content_version : std::string();
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
        const bool a_alert = a.first == Delivery::NotDelivering, b_alert = b.first == Delivery::NotDelivering;
        if (a_alert != b_alert) return a_alert;
        return content_of(*a.second) < content_of(*b.second);
    });
    std::string html =
        "<section id=\"devices\"><h2>Devices</h2><div class=\"scroll\"><table>"
        "<tr><th>Site</th><th>Device</th><th>Delivery</th><th>Last batch stored</th><th>Last check-in</th>"
        "<th>Content</th><th>Queue</th><th>Oldest queued</th><th>Rejected</th><th>Dropped</th><th>Last error</th>"
        "<th>Revoked</th></tr>";
    for (const auto& [delivery, status] : rows) {
        const auto& checkin = status->last_checkin;
        const bool alert = delivery == Delivery::NotDelivering;
        html += std::string("<tr") + (alert ? " class=\"not-delivering\"" : "") + "><td>" +
                html_escape(status->device.site) + "</td><td>" + html_escape(status->device.device_id) + "</td><td>" +
                (alert ? "<strong>" + delivery_text(delivery) + "</strong>" : delivery_text(delivery)) + "</td><td>" +
                (status->last_delivery_at.empty() ? "never" : html_escape(status->last_delivery_at)) + "</td><td>" +
                (checkin ? html_escape(checkin->received_at) : "never") + "</td><td>" +
                (checkin ? html_escape(checkin->content_version) : "") + "</td><td class=\"num\">" +
                (checkin ? std::to_string(checkin->queue_size) : "") + "</td><td>" +
                (checkin ? html_escape(checkin->oldest_queued_on) : "") + "</td><td class=\"num\">" +
                (checkin ? std::to_string(checkin->rejected) : "") + "</td><td class=\"num\">" +
                (checkin ? std::to_string(checkin->dropped) : "") + "</td><td>" +
                (checkin ? html_escape(checkin->last_error) : "") + "</td><td>" +
                (status->device.revoked() ? html_escape(status->device.revoked_at) : "no") + "</td></tr>";
    }
    if (devices.empty()) html += "<tr><td colspan=\"12\">No devices yet.</td></tr>";
    return html + "</table></div></section>";
}

std::string export_links(const Report& report) {
    std::string query =
        "from=" + report.filter.from + "&amp;to=" + report.filter.to + "&amp;k=" + std::to_string(report.k);
    if (!report.filter.site.empty()) query += "&amp;site=" + html_escape(report.filter.site);
    return "<p><a id=\"csv\" href=\"/reports.csv?" + query + "\">Download CSV</a> &middot; <a href=\"/api/v1/reports?" +
           query + "\">JSON</a></p>";
}

}  // namespace

std::string filter_form(const RecordFilter& filter, std::int64_t k, const std::string& error) {
    std::string html = "<section" + std::string(error.empty() ? "" : " class=\"error\"") + ">";
    if (!error.empty()) html += "<p id=\"error\">" + html_escape(error) + "</p>";
    return html +
           "<form class=\"filters\" method=\"get\" action=\"/dashboard\">"
           "<label>From <input type=\"date\" name=\"from\" value=\"" +
           html_escape(filter.from) +
           "\" required></label>"
           "<label>To <input type=\"date\" name=\"to\" value=\"" +
           html_escape(filter.to) +
           "\" required></label>"
           "<label>Site <input name=\"site\" value=\"" +
           html_escape(filter.site) +
           "\" placeholder=\"all sites\"></label>"
           "<label>k <input type=\"number\" name=\"k\" value=\"" +
           std::to_string(k) +
           "\" min=\"1\"></label>"
           "<button type=\"submit\">Show</button></form></section>";
}

// What the kiosks tell workers must stay true: amounts, rules and phone numbers each have a
// date by which someone must check them again against their source.
std::string review_section(const std::vector<ReviewItem>& overdue) {
    if (overdue.empty()) return "";
    std::string html =
        "<section id=\"content-review\" class=\"warning\"><h2>Content review overdue</h2>"
        "<p>The kiosks show these items of the content after the date by which they had to be checked "
        "again against their sources. Check each one, correct content/ where it changed, and publish it "
        "(content/SOURCES.md says where each comes from).</p><ul>";
    for (const ReviewItem& item : overdue) html += "<li>" + html_escape(describe(item)) + "</li>";
    return html + "</ul></section>";
}

std::string report_page_body(const Report& report, const std::vector<DeviceStatus>& devices,
                             std::chrono::system_clock::time_point now, const std::vector<ReviewItem>& overdue) {
    std::string html = review_section(overdue) + filter_form(report.filter, report.k, "");
    html += "<section id=\"summary\"><p class=\"headline\" id=\"headline\">" + html_escape(report.headline) +
            "</p>"
            "<p class=\"note\">" +
            html_escape(report.filter.from) + " to " + html_escape(report.filter.to) + ", " +
            (report.filter.site.empty() ? std::string("all sites") : "site " + html_escape(report.filter.site)) +
            ". Cells with fewer than " + std::to_string(report.k) +
            " respondents, and cells that would reveal them by subtraction, show as suppressed. Denominators are "
            "those asked a question and answering it.</p>" +
            export_links(report) + "</section>";
    html += levels_section(report);
    html += dimensions_section(report);
    html += "<section id=\"questions\"><h2>Answers</h2>";
    for (const QuestionReport& question : report.questions) html += question_table(question);
    html += "</section>";
    return html + devices_section(devices, now);
}

}  // namespace selfcheck::collector
