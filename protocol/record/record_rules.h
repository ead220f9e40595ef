#pragma once
// A record checked against the form version it names: the rules both sides apply, the kiosk
// before it seals a record and the collector after it opens one, so a record the kiosk keeps
// is a record the collector accepts.
#include "protocol/content/content.h"
#include "protocol/crypto/sealing.h"
#include "protocol/record/record.h"

#include <cstddef>
#include <string>

namespace selfcheck {

// Throws RecordError naming the field unless `record` is one the kiosk could have produced
// from `content`: the form id and version are the content's; the language is one the form
// offers; every answer is to a question of the form that the skip logic asks given the other
// answers, with an offered code (never "prefer not to say") or a number in range at the
// question's step; the indicators and result level are the ones scoring gives.
void check_record(const Content& content, const Record& record);

// What a completed session hands over: the answers it holds (stale and declined ones are
// left out here: form.h, counted_answers), scored, with a fresh random id. Throws RecordError
// when the result would not pass check_record, so nothing the collector would refuse is kept.
Record build_record(const Content& content, const std::string& language, const Answers& answers,
                    const std::string& site, const std::string& completed_on);

// The size every record of this form version is padded to before sealing: one byte more than
// its longest possible JSON (every question answered with its longest answer, every indicator
// raised, the longest language, level and site code).
std::size_t padded_record_size(const Content& content);

// Seals records of one form version to the NGO key, each padded to padded_record_size, so
// every sealed record of the version has one length (sealed_size()).
class RecordSealer {
public:
    RecordSealer(const Content& content, const PublicKey& key);
    std::string seal(const Record& record) const;
    std::size_t sealed_size() const { return padded_size_ + kSealOverhead; }

private:
    std::size_t padded_size_;
    PublicKey key_;
};

}  // namespace selfcheck
