#pragma once
// SPEC 2.8 and 3: the steps of a request (acknowledge, hand over, deliver,
// tell) with their dates, and which one is the request's item. SLA dates
// are the request's date plus the priority's period, moved forward off
// days off. Pure.
#include <optional>
#include <vector>

#include "acct/model/records.h"

namespace acctool {

// In the order SPEC 3 breaks ties in.
enum class RequestStep { ack, handoff, deliver, tell };

template <>
struct EnumNames<RequestStep> {
    static constexpr std::array<std::string_view, 4> names{"ack", "handoff", "deliver", "tell"};
};

struct StepDate {
    RequestStep step = RequestStep::ack;
    Date due;
    // For an SLA date: the period added to the request's date, whether
    // acct.yaml set it, and the date before the move off days off.
    std::optional<Period> period;
    bool from_config = false;
    Date unmoved;
};

struct RequestSteps {
    std::vector<StepDate> outstanding;  // in step order; empty: nothing to do
    std::optional<StepDate> item;       // the earliest outstanding step
};

// The request's date plus `p`, moved forward off days off.
Date sla_date(Date date, Period p, const Config& config);
// The SLA date of a step of `r` (ack, handoff or the resolve date for deliver).
StepDate sla_step(const Request& r, RequestStep step, const Config& config);
// What is still to do about `r` (nothing once dropped, or done and told).
RequestSteps request_steps(const Request& r, const Config& config);
// Whether a request is open: neither dropped nor delivered.
bool is_open(const Request& r);

}  // namespace acctool
