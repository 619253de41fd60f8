#pragma once
// Retention over a report period (SPEC 7): who stayed, what their recurring
// value did, renewals, tenure and concentration. Values are kept exact in
// twelfths of a minor unit per month and rounded only when written. Pure.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "acct/model/records.h"
#include "acct/report/percent.h"

namespace acctool {

// A ratio kept exact; written as a percentage with one decimal.
struct Ratio {
    std::int64_t num = 0, den = 0;
};

// Recurring value per month in twelfths of a minor unit, by currency code.
struct Twelfths {
    Currency currency;
    std::int64_t twelfths = 0;
};

struct RecurringRetention {
    Currency currency;
    std::int64_t at_start = 0, at_end = 0, kept = 0;  // twelfths; kept = Σ min(end, start)
};

struct Expansion {
    Currency currency;
    int contracts = 0;
    std::int64_t monthly = 0;  // twelfths
};

struct Concentration {
    Currency currency;
    std::string client;
    std::int64_t value = 0, total = 0;  // twelfths on the last day
};

struct Retention {
    Date from, to;
    int clients_at_start = 0;
    std::vector<std::string> lost, added;       // ids, sorted ("new" in the output)
    std::vector<RecurringRetention> recurring;  // by currency
    std::vector<Expansion> expansion;           // by currency
    int renewals_due = 0, renewals_renewed = 0;
    std::optional<int> median_tenure_months;
    std::vector<Concentration> concentration;  // by currency
};

// [first, last] is the report period, T the as-of date; nothing when first > T.
// Former clients without `until` are left out of every figure.
std::optional<Retention> build_retention(const std::vector<Client>& clients, Date first, Date last,
                                         Date as_of);

// A client's recurring value per month on day d, per currency (SPEC 7).
std::map<std::string, Twelfths> recurring_on(const Client& c, Date d);

// Whole months from `since` to `to`, a month counted once its day is reached.
int whole_months(Date since, Date to);

}  // namespace acctool
