#pragma once
// `acct report`'s figures between the client and the team (SPEC 4): the
// requests and changes of the period [first, last], in calendar days. Pure.
#include <array>
#include <map>
#include <optional>
#include <string>

#include "acct/model/records.h"
#include "acct/report/percent.h"

namespace acctool {

inline constexpr std::array<std::string_view, 3> request_age_buckets{"0-7", "8-30", "31+"};

struct RequestFigures {
    int received = 0;   // dated in the period
    int delivered = 0;  // done in the period
    // Medians (the lower middle of an even count) over the requests
    // acknowledged, and delivered, in the period: from `date`.
    std::optional<int> median_days_to_ack, median_days_to_deliver;
    // Of those delivered in the period: by `due`, else by the SLA resolve date.
    int delivered_on_time = 0;
    // Open on the period's end (its last day, or the as-of date when
    // earlier): asked by then, neither done nor dropped by then; by age.
    std::array<int, 3> open_by_age{};
};

struct ChangeFigures {
    int by_client = 0, by_team = 0;                 // raised in the period
    int approved = 0, rejected = 0, withdrawn = 0;  // decided in the period
    std::map<std::string, Money> approved_budget;   // by currency code
};

struct TeamFigures {
    RequestFigures requests;
    ChangeFigures changes;
};

TeamFigures team_figures(const Workspace& ws, Date first, Date last, Date as_of);

}  // namespace acctool
