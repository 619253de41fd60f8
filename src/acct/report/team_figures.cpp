#include "acct/report/team_figures.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "acct/rules/request_steps.h"

namespace acctool {

namespace {

bool within(const std::optional<Date>& d, Date first, Date last) {
    return d && first <= *d && *d <= last;
}

std::optional<int> lower_median(std::vector<int> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    return v[(v.size() - 1) / 2];
}

}  // namespace

TeamFigures team_figures(const Workspace& ws, Date first, Date last, Date as_of) {
    TeamFigures t;
    RequestFigures& rq = t.requests;
    ChangeFigures& ch = t.changes;
    const Date end = std::min(last, as_of);
    std::vector<int> ack_days, deliver_days;
    for (const auto& c : ws.clients) {
        for (const auto& r : c.requests) {
            if (within(r.date, first, last)) ++rq.received;
            if (within(r.acked, first, last)) ack_days.push_back(days_between(r.date, *r.acked));
            if (within(r.done, first, last)) {
                ++rq.delivered;
                deliver_days.push_back(days_between(r.date, *r.done));
                Date promised = r.due ? *r.due : sla_step(r, RequestStep::deliver, ws.config).due;
                if (*r.done <= promised) ++rq.delivered_on_time;
            }
            bool open =
                r.date <= end && !(r.done && *r.done <= end) && !(r.dropped && *r.dropped <= end);
            if (first <= end && open) {
                int age = days_between(r.date, end);
                ++rq.open_by_age[age <= 7 ? 0 : age <= 30 ? 1 : 2];
            }
        }
        for (const auto& x : c.changes) {
            if (within(x.date, first, last))
                ++(x.by == ChangeBy::client ? ch.by_client : ch.by_team);
            if (!within(x.decided, first, last)) continue;
            if (x.status == ChangeStatus::approved) {
                ++ch.approved;
                if (x.budget) {
                    auto [it, fresh] =
                        ch.approved_budget.emplace(x.budget->currency.code, *x.budget);
                    if (!fresh) it->second.minor += x.budget->minor;
                }
            }
            if (x.status == ChangeStatus::rejected) ++ch.rejected;
            if (x.status == ChangeStatus::withdrawn) ++ch.withdrawn;
        }
    }
    rq.median_days_to_ack = lower_median(std::move(ack_days));
    rq.median_days_to_deliver = lower_median(std::move(deliver_days));
    return t;
}

}  // namespace acctool
