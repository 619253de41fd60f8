#pragma once
// `acct report`: the portfolio over a period (a month, quarter or year) and
// as of a date. Money is summed per currency, never across, in exact minor
// units (recurring value in twelfths of one, so that ÷3 and ÷12 stay exact
// until the figure is shown). Pure.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "acct/report/retention.h"
#include "acct/report/team_figures.h"
#include "acct/rules/due.h"

namespace acctool {

struct ReportPeriod {
    std::string label;  // 2026-11, 2026-Q4, 2026
    Date first, last;
};

Result<ReportPeriod> parse_report_period(std::string_view text);
ReportPeriod month_of(Date d);

// A sum per currency, in order of currency code.
using Sums = std::map<std::string, Money>;

struct AgingRow {
    Currency currency;
    std::array<std::int64_t, 5> minor{};  // current, 1–30, 31–60, 61–90, 90+ days past due
};
inline constexpr std::array<std::string_view, 5> aging_buckets{"current", "1-30", "31-60", "61-90",
                                                               "90+"};

struct SilentClient {
    const Client* client = nullptr;
    std::optional<Date> last;  // last contact, else since
    std::optional<int> days;   // since then, as of the report; none: never contacted
};

struct Report {
    ReportPeriod period;
    Date as_of;
    std::array<int, 4> clients_by_status{};
    // Recurring value per month of signed contracts running in the period,
    // in twelfths of a minor unit; one-off values apart.
    std::map<std::string, std::pair<Currency, std::int64_t>> recurring_twelfths;
    Sums one_off;
    Sums invoiced, collected;                   // in the period
    std::vector<AgingRow> aging;                // as of the as-of date
    std::vector<DueItem> renewals;              // renewal and notice items due within 90 days
    std::vector<SilentClient> silent;           // past their cadence, longest silence first
    std::array<int, 6> interactions_by_kind{};  // in the period
    std::array<int, 4> interactions_by_mood{};  // positive, neutral, negative, unrecorded
    long minutes_logged = 0;                    // in the period
    TeamFigures team;                           // requests and changes
    std::optional<Retention> retention;         // SPEC 7; none when the period starts after T
};

Report build_report(const Workspace& ws, const ReportPeriod& period, const DueOptions& options);

// A recurring monthly figure rounded half up to the currency's digits.
Money monthly_money(const Currency& c, std::int64_t twelfths);

}  // namespace acctool
