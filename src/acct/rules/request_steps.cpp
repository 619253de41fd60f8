#include "acct/rules/request_steps.h"

#include "acct/rules/calendar.h"

namespace acctool {

Date sla_date(Date date, Period p, const Config& config) {
    return move_off_days_off(add(date, p), config, Direction::forward);
}

StepDate sla_step(const Request& r, RequestStep step, const Config& config) {
    const Sla& sla = config.sla[static_cast<std::size_t>(r.priority)];
    std::size_t i = step == RequestStep::ack ? 0 : step == RequestStep::handoff ? 1 : 2;
    Period p = i == 0 ? sla.ack : i == 1 ? sla.handoff : sla.resolve;
    StepDate s;
    s.step = step;
    s.period = p;
    s.from_config = sla.set[i];
    s.unmoved = add(r.date, p);
    s.due = sla_date(r.date, p, config);
    return s;
}

bool is_open(const Request& r) {
    return !r.dropped && !r.done;
}

RequestSteps request_steps(const Request& r, const Config& config) {
    RequestSteps out;
    if (r.dropped) return out;
    if (r.done) {
        if (!r.told)
            out.outstanding.push_back(StepDate{RequestStep::tell, *r.done, {}, false, *r.done});
    } else {
        if (!r.acked) out.outstanding.push_back(sla_step(r, RequestStep::ack, config));
        if (!r.to) out.outstanding.push_back(sla_step(r, RequestStep::handoff, config));
        if (r.due)
            out.outstanding.push_back(StepDate{RequestStep::deliver, *r.due, {}, false, *r.due});
        else
            out.outstanding.push_back(sla_step(r, RequestStep::deliver, config));
    }
    // The earliest; on a tie the earlier step, which comes first.
    for (const auto& s : out.outstanding)
        if (!out.item || s.due < out.item->due) out.item = s;
    return out;
}

}  // namespace acctool
