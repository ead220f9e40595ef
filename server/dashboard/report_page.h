#pragma once
// The dashboard's body: filters, the headline, result levels and indicators by dimension
// with CSS bar charts, one table per question (overall, by nationality, by language), and
// the device list (devices not delivering first, marked; device_delivery.h). Suppressed
// figures read "suppressed". Content past its review date is named at the top.

#include "protocol/content/review.h"
#include "server/reports/report.h"
#include "server/store/device.h"

#include <chrono>
#include <string>
#include <vector>

namespace selfcheck::collector {

// `now` judges which devices are not delivering; `overdue` is the content past its review
// date (protocol/content/review.h), shown first so the NGO checks and republishes it.
std::string report_page_body(const Report& report, const std::vector<DeviceStatus>& devices,
                             std::chrono::system_clock::time_point now, const std::vector<ReviewItem>& overdue);

// The filter form alone, with an error above it (bad parameters).
std::string filter_form(const RecordFilter& filter, std::int64_t k, const std::string& error);

}  // namespace selfcheck::collector
