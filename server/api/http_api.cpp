#include "server/api/http_api.h"

#include "protocol/time/dates.h"
#include "server/api/batch_decoder.h"
#include "server/api/batch_ingest.h"
#include "server/api/checkin_decoder.h"
#include "server/api/device_auth.h"
#include "server/api/published_bundle.h"
#include "server/api/referral_ingest.h"
#include "server/store/record_store.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <iostream>
#include <memory>
#include <string>

namespace selfcheck::collector {
namespace {

using nlohmann::json;

constexpr const char* kJson = "application/json";

void reply(http::Response& response, int status, const json& body) {
    response.status = status;
    // `replace` keeps a reply from throwing should a message ever hold broken UTF-8.
    response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), kJson);
}

void reply_unavailable(http::Response& response, const HttpApiOptions& options, const std::string& what) {
    std::cerr << "collector: store unavailable: " << what << '\n';
    response.set_header("Retry-After", std::to_string(options.retry_after.count()));
    write_json_error(response, 503,
                     "the collector's store is busy or unavailable; nothing was stored, try again later");
}

// The token of an authenticated POST; the server has already judged size and media type.
std::optional<Device> authenticated(const HttpApiContext& context, const http::Request& request,
                                    http::Response& response) {
    AuthResult auth = authenticate(context.store, request.header("Authorization"));
    if (!auth.device) {
        response.set_header("WWW-Authenticate", "Bearer");
        write_json_error(response, 401, auth.error);
    }
    return auth.device;
}

// 200 {"results":[{"id","status","reason"?}]}: one answer per record or referral, in order.
void reply_outcomes(http::Response& response, const std::vector<RecordOutcome>& outcomes) {
    json results = json::array();
    for (const RecordOutcome& outcome : outcomes) {
        json result = {{"id", outcome.id}, {"status", status_name(outcome.status)}};
        if (outcome.status == RecordStatus::Rejected) result["reason"] = outcome.reason;
        results.push_back(std::move(result));
    }
    reply(response, 200, {{"results", std::move(results)}});
}

void post_batch(const HttpApiContext& context, const BatchIngest& ingest, const http::Request& request,
                http::Response& response) {
    const std::optional<Device> device = authenticated(context, request, response);
    if (!device) return;
    std::vector<BatchEntry> batch;
    try {
        batch = decode_batch(request.body);
    } catch (const ProtocolError& e) {
        return write_json_error(response, 400, e.what());
    }
    reply_outcomes(response, ingest.ingest(batch, *device, utc_timestamp_now()));
}

// Kept apart from post_batch on purpose: a referral never shares a batch, a table or an id
// with a record (docs/protocol.md, "Referrals").
void post_referrals(const HttpApiContext& context, const http::Request& request, http::Response& response) {
    const std::optional<Device> device = authenticated(context, request, response);
    if (!device) return;
    std::vector<ReferralBatchItem> items;
    try {
        items = referral_batch_from_json(request.body);
    } catch (const ProtocolError& e) {
        return write_json_error(response, 400, e.what());
    }
    reply_outcomes(response, ingest_referrals(context.store, context.forms, items, hong_kong_today()));
}

void post_checkin(const HttpApiContext& context, const http::Request& request, http::Response& response) {
    const std::optional<Device> device = authenticated(context, request, response);
    if (!device) return;
    CheckIn checkin;
    try {
        checkin = decode_checkin(request.body);
    } catch (const ProtocolError& e) {
        return write_json_error(response, 400, e.what());
    }
    checkin.received_at = utc_timestamp_now();
    context.store.record_checkin(device->device_id, checkin);
    response.status = 204;
}

// The newest published bundle (read again only when its file changes, so a publication
// reaches kiosks without a restart). The ETag is a hash of the bytes: a kiosk that has them
// gets 304 and no body.
void get_content(const HttpApiContext& context, PublishedBundle& bundle, const http::Request& request,
                 http::Response& response) {
    if (!authenticated(context, request, response)) return;
    const std::shared_ptr<const BundleSnapshot> published = bundle.current();
    if (published->bytes.empty()) return write_json_error(response, 404, "no content bundle is published");
    response.set_header("ETag", published->etag);
    if (request.header("If-None-Match") == published->etag) {
        response.status = 304;
        return;
    }
    response.status = 200;
    response.set_content(published->bytes, "application/octet-stream");
}

// "Reachable" is any answer at all; 200 here also means a record sent now could be stored.
void get_health(const HttpApiContext& context, http::Response& response) {
    try {
        context.store.check_writable();
    } catch (const StorageError& error) {
        std::cerr << "collector: healthz: store cannot take a write: " << error.what() << '\n';
        response.set_header("Retry-After", std::to_string(context.options.retry_after.count()));
        return reply(response, 503,
                     {{"status", "cannot_store"},
                      {"error",
                       "the collector is reachable but its store cannot take a write; records stay on the "
                       "kiosk"}});
    }
    reply(response, 200, {{"status", "ok"}});
}

// Runs a route, turning a store failure into 503 + Retry-After (load shedding: the kiosk
// keeps its records and comes back later).
template <typename Route>
void shed_on_store_error(const HttpApiOptions& options, http::Response& response, Route route) {
    try {
        route();
    } catch (const StorageError& error) {
        response = http::Response{};
        reply_unavailable(response, options, error.what());
    }
}

}  // namespace

void write_json_error(http::Response& response, int status, const std::string& reason) {
    reply(response, status, {{"error", reason}});
}

http::Router make_collector_router() { return http::Router(write_json_error); }

void add_http_api(http::Router& router, const HttpApiContext& given) {
    // Shared by the route lambdas, which the router keeps for the server's lifetime.
    const auto context = std::make_shared<const HttpApiContext>(given);
    const auto ingest = std::make_shared<const BatchIngest>(context->store, context->keys, context->forms);
    const auto bundle = std::make_shared<PublishedBundle>(context->options.content_bundle_file);
    const std::size_t limit = context->options.max_body_bytes;

    router.add({"GET",
                "/healthz",
                [context](const http::Request&, http::Response& response) { get_health(*context, response); },
                0,
                {}});
    router.add({"POST",
                "/api/v1/batches",
                [context, ingest](const http::Request& request, http::Response& response) {
                    shed_on_store_error(context->options, response,
                                        [&] { post_batch(*context, *ingest, request, response); });
                },
                limit,
                {kJson}});
    router.add({"GET",
                "/api/v1/content",
                [context, bundle](const http::Request& request, http::Response& response) {
                    shed_on_store_error(context->options, response,
                                        [&] { get_content(*context, *bundle, request, response); });
                },
                0,
                {}});
    router.add({"POST",
                "/api/v1/referrals",
                [context](const http::Request& request, http::Response& response) {
                    shed_on_store_error(context->options, response,
                                        [&] { post_referrals(*context, request, response); });
                },
                limit,
                {kJson}});
    router.add({"POST",
                "/api/v1/checkin",
                [context](const http::Request& request, http::Response& response) {
                    shed_on_store_error(context->options, response, [&] { post_checkin(*context, request, response); });
                },
                limit,
                {kJson}});
}

}  // namespace selfcheck::collector
