#include "acct/report/retention.h"

#include <algorithm>

#include <fmt/format.h>

namespace acctool {

namespace {

bool runs(const Contract& k, Date d) {
    if (k.status != ContractStatus::signed_ && k.status != ContractStatus::ended &&
        k.status != ContractStatus::terminated)
        return false;
    if (!k.start || d < *k.start) return false;
    if (!k.end) return k.status != ContractStatus::terminated;
    return d <= *k.end || (k.status == ContractStatus::signed_ && k.auto_renew && !k.renewed_by);
}

// Twelfths of a minor unit per month; 0 for `per: once`.
std::int64_t monthly_twelfths(const Value& v) {
    switch (v.per) {
        case Per::month:
            return v.amount.minor * 12;
        case Per::quarter:
            return v.amount.minor * 4;
        case Per::year:
            return v.amount.minor;
        case Per::once:
            return 0;
    }
    return 0;
}

std::int64_t value_in(const std::map<std::string, Twelfths>& values, const std::string& code) {
    auto it = values.find(code);
    return it == values.end() ? 0 : it->second.twelfths;
}

bool sold_as_renewal(const Client& c, const std::string& id) {
    return std::any_of(c.contracts.begin(), c.contracts.end(),
                       [&](const Contract& k) { return k.renewed_by && *k.renewed_by == id; });
}

bool in_retention(const Client& c) {
    return !(c.status == ClientStatus::former && !c.until);
}

bool at_start(const Client& c, Date a) {
    return c.status != ClientStatus::prospect && (!c.since || *c.since < a) &&
           (!c.until || *c.until >= a);
}

}  // namespace

std::map<std::string, Twelfths> recurring_on(const Client& c, Date d) {
    std::map<std::string, Twelfths> out;
    if (c.until && d > *c.until) return out;
    for (const auto& k : c.contracts) {
        if (!k.value || !runs(k, d)) continue;
        std::int64_t t = monthly_twelfths(*k.value);
        if (t == 0) continue;
        auto [it, fresh] =
            out.try_emplace(k.value->amount.currency.code, Twelfths{k.value->amount.currency, 0});
        it->second.twelfths += t;
    }
    return out;
}

int whole_months(Date since, Date to) {
    int months = (static_cast<int>(to.year()) - static_cast<int>(since.year())) * 12 +
                 (static_cast<int>(static_cast<unsigned>(to.month())) -
                  static_cast<int>(static_cast<unsigned>(since.month())));
    unsigned last = static_cast<unsigned>(last_day_of_month(to.year(), to.month()).day());
    unsigned day = std::min(static_cast<unsigned>(since.day()), last);
    if (static_cast<unsigned>(to.day()) < day) --months;
    return std::max(months, 0);
}

std::optional<std::string> percent(std::int64_t num, std::int64_t den) {
    if (den == 0) return std::nullopt;
    // Tenths of a per cent, half up: (2000·num + den) ÷ (2·den), in 128 bits.
    __extension__ using Wide = __int128;
    Wide tenths = (Wide{2000} * num + den) / (Wide{2} * den);
    auto t = static_cast<std::int64_t>(tenths);
    return fmt::format("{}.{}", t / 10, t % 10);
}

std::optional<Retention> build_retention(const std::vector<Client>& clients, Date first, Date last,
                                         Date as_of) {
    if (as_of < first) return std::nullopt;
    Retention r;
    Date a = first;
    Date b = std::min(last, as_of);
    r.from = a;
    r.to = b;
    std::map<std::string, RecurringRetention> recurring;
    std::map<std::string, Expansion> expansion;
    std::map<std::string, Concentration> concentration;
    std::vector<int> tenures;
    for (const auto& c : clients) {
        if (!in_retention(c)) continue;
        auto on_b = recurring_on(c, b);
        if (at_start(c, a)) {
            ++r.clients_at_start;
            if (c.until && *c.until <= b) r.lost.push_back(c.id);
            for (const auto& [code, v] : recurring_on(c, a)) {
                auto [it, fresh] = recurring.try_emplace(code, RecurringRetention{v.currency});
                std::int64_t end = value_in(on_b, code);
                it->second.at_start += v.twelfths;
                it->second.at_end += end;
                it->second.kept += std::min(end, v.twelfths);
            }
            for (const auto& k : c.contracts) {
                if (!k.value || monthly_twelfths(*k.value) == 0 || !k.start || *k.start <= a ||
                    b < *k.start || k.status == ContractStatus::draft ||
                    k.status == ContractStatus::sent || sold_as_renewal(c, k.id))
                    continue;
                const Currency& cur = k.value->amount.currency;
                auto [it, fresh] = expansion.try_emplace(cur.code, Expansion{cur});
                ++it->second.contracts;
                it->second.monthly += monthly_twelfths(*k.value);
            }
        } else if (c.status != ClientStatus::prospect && c.since && a <= *c.since &&
                   *c.since <= b) {
            r.added.push_back(c.id);
        }
        for (const auto& k : c.contracts) {
            bool concluded = k.status == ContractStatus::signed_ ||
                             k.status == ContractStatus::ended ||
                             k.status == ContractStatus::terminated;
            if (!concluded || !k.end || *k.end < a || b < *k.end || k.auto_renew) continue;
            ++r.renewals_due;
            if (k.renewed_by) ++r.renewals_renewed;
        }
        if (c.status == ClientStatus::active && c.since && *c.since <= as_of)
            tenures.push_back(whole_months(*c.since, as_of));
        for (const auto& [code, v] : on_b) {
            auto [it, fresh] = concentration.try_emplace(code, Concentration{v.currency, "", 0, 0});
            it->second.total += v.twelfths;
            // Clients come in id order: only a strictly larger value takes over.
            if (v.twelfths > it->second.value) {
                it->second.value = v.twelfths;
                it->second.client = c.id;
            }
        }
    }
    for (auto& [code, v] : recurring)
        r.recurring.push_back(v);
    for (auto& [code, v] : expansion)
        r.expansion.push_back(v);
    for (auto& [code, v] : concentration)
        if (v.total > 0) r.concentration.push_back(v);
    std::sort(r.lost.begin(), r.lost.end());
    std::sort(r.added.begin(), r.added.end());
    if (!tenures.empty()) {
        std::sort(tenures.begin(), tenures.end());
        r.median_tenure_months = tenures[(tenures.size() - 1) / 2];
    }
    return r;
}

}  // namespace acctool
