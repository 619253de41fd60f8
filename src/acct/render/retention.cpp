#include "acct/render/retention.h"

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/report/portfolio.h"

namespace acctool {

namespace {

Json percent_json(std::int64_t num, std::int64_t den) {
    auto p = percent(num, den);
    return p ? Json(*p) : Json(nullptr);
}

std::string percent_text(std::int64_t num, std::int64_t den) {
    return percent(num, den).value_or(std::string(no_figure));
}

Json ids(const std::vector<std::string>& v) {
    Json a = Json::array();
    for (const auto& id : v)
        a.push(id);
    return a;
}

std::string amount(const Currency& c, std::int64_t twelfths) {
    return format_amount(monthly_money(c, twelfths));
}

int kept(const Retention& r) {
    return r.clients_at_start - static_cast<int>(r.lost.size());
}

}  // namespace

Json retention_json(const std::optional<Retention>& r) {
    if (!r) return nullptr;
    Json j = Json::object();
    j.set("from", format_date(r->from));
    j.set("to", format_date(r->to));
    j.set("clients_at_start", r->clients_at_start);
    j.set("lost", ids(r->lost));
    j.set("new", ids(r->added));
    j.set("client_retention", percent_json(kept(*r), r->clients_at_start));
    Json recurring = Json::array();
    for (const auto& v : r->recurring) {
        Json e = Json::object();
        e.set("currency", v.currency.code);
        e.set("at_start", amount(v.currency, v.at_start));
        e.set("at_end", amount(v.currency, v.at_end));
        e.set("grr", percent_json(v.kept, v.at_start));
        e.set("nrr", percent_json(v.at_end, v.at_start));
        recurring.push(std::move(e));
    }
    j.set("recurring", std::move(recurring));
    Json expansion = Json::array();
    for (const auto& v : r->expansion) {
        Json e = Json::object();
        e.set("currency", v.currency.code);
        e.set("contracts", v.contracts);
        e.set("monthly", amount(v.currency, v.monthly));
        expansion.push(std::move(e));
    }
    j.set("expansion", std::move(expansion));
    Json renewals = Json::object();
    renewals.set("due", r->renewals_due);
    renewals.set("renewed", r->renewals_renewed);
    renewals.set("rate", percent_json(r->renewals_renewed, r->renewals_due));
    j.set("renewals", std::move(renewals));
    j.set("median_tenure_months",
          r->median_tenure_months ? Json(*r->median_tenure_months) : Json(nullptr));
    Json concentration = Json::array();
    for (const auto& v : r->concentration) {
        Json e = Json::object();
        e.set("currency", v.currency.code);
        e.set("client", v.client);
        e.set("share", percent_json(v.value, v.total));
        concentration.push(std::move(e));
    }
    j.set("concentration", std::move(concentration));
    return j;
}

std::vector<RetentionRow> retention_rows(const Retention& r) {
    std::vector<RetentionRow> out;
    out.push_back({"from", "", say_table_date(r.from), ""});
    out.push_back({"to", "", say_table_date(r.to), ""});
    out.push_back({"clients_at_start", "", fmt::format("{}", r.clients_at_start), ""});
    out.push_back(
        {"lost", "", fmt::format("{}", r.lost.size()), fmt::format("{}", fmt::join(r.lost, ", "))});
    out.push_back({"new", "", fmt::format("{}", r.added.size()),
                   fmt::format("{}", fmt::join(r.added, ", "))});
    out.push_back({"client_retention", "", percent_text(kept(r), r.clients_at_start),
                   r.clients_at_start ? "%" : ""});
    for (const auto& v : r.recurring) {
        out.push_back({"recurring_at_start", v.currency.code, amount(v.currency, v.at_start), ""});
        out.push_back({"recurring_at_end", v.currency.code, amount(v.currency, v.at_end), ""});
        out.push_back({"grr", v.currency.code, percent_text(v.kept, v.at_start), "%"});
        out.push_back({"nrr", v.currency.code, percent_text(v.at_end, v.at_start), "%"});
    }
    for (const auto& v : r.expansion)
        out.push_back({"expansion", v.currency.code, amount(v.currency, v.monthly),
                       trf("new contracts: {}", v.contracts)});
    out.push_back({"renewals_due", "", fmt::format("{}", r.renewals_due), ""});
    out.push_back({"renewals_renewed", "", fmt::format("{}", r.renewals_renewed), ""});
    out.push_back({"renewal_rate", "", percent_text(r.renewals_renewed, r.renewals_due),
                   r.renewals_due ? "%" : ""});
    out.push_back({"median_tenure_months", "",
                   r.median_tenure_months ? fmt::format("{}", *r.median_tenure_months)
                                          : std::string(no_figure),
                   ""});
    for (const auto& v : r.concentration)
        out.push_back({"concentration", v.currency.code, percent_text(v.value, v.total),
                       trf("% held by {}", v.client)});
    for (auto& row : out)
        row.value = say_figure(row.value);
    return out;
}

}  // namespace acctool
