#pragma once
// The sample record (tests/support/sample_record.h) as the collector's store keeps it.
#include "server/store/stored_record.h"
#include "tests/support/sample_record.h"

#include <string>

inline selfcheck::collector::StoredRecord sample_stored_record(const std::string& record_id = kSampleRecordId) {
    selfcheck::collector::StoredRecord stored;
    stored.record.record_id = record_id;
    stored.record.form_id = "hk-mdw-self-assessment";
    stored.record.form_version = 1;
    stored.record.language = "id";
    stored.record.site = kSampleSite;
    stored.record.completed_on = "2026-11-22";
    stored.record.answers = {{"has_loan", std::string("yes")}, {"monthly_salary", 6000}};
    stored.record.indicators = {"debt_bondage"};
    stored.record.result_level = "rights_concerns";
    stored.received_at = "2026-11-22T10:00:00Z";
    return stored;
}
