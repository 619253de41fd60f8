#include "acct/report/tables.h"

#include <fmt/format.h>

#include "acct/model/metric.h"
#include "acct/rules/request_steps.h"

namespace acctool {

namespace {

using Cell = std::optional<std::string>;

Cell date_cell(const std::optional<Date>& d) {
    return d ? Cell(format_date(*d)) : std::nullopt;
}
Cell text_cell(const std::string& s) {
    return s.empty() ? std::nullopt : Cell(s);
}
Cell text_cell(const Text& s) {
    return s.empty() ? std::nullopt : Cell(s.str());
}
Cell text_cell(const std::optional<std::string>& s) {
    return s;
}
Cell int_cell(long long n) {
    return fmt::format("{}", n);
}
Cell bool_cell(bool b) {
    return b ? "true" : "false";
}

std::string place(const SourceLocation& at) {
    return at.file;
}

Table make(std::string name, std::vector<Column> columns) {
    return Table{std::move(name), std::move(columns), {}};
}

}  // namespace

Table clients_table(const Workspace& ws) {
    using T = ColumnType;
    Table t = make("clients", {{"id"},
                               {"name"},
                               {"status"},
                               {"owner"},
                               {"since", T::date},
                               {"cadence"},
                               {"reporting"},
                               {"tags"},
                               {"contact"},
                               {"email"},
                               {"phone"},
                               {"folder"}});
    for (const auto& c : ws.clients) {
        const Contact* primary = nullptr;
        for (const auto& k : c.contacts)
            if (!primary || (k.primary && !primary->primary)) primary = &k;
        t.rows.push_back(
            {c.id, c.name, std::string(to_string(c.status)), text_cell(c.owner), date_cell(c.since),
             c.cadence ? Cell(format_period(*c.cadence)) : Cell("none"),
             c.reporting ? Cell(format_period(*c.reporting)) : std::nullopt,
             c.tags.empty() ? std::nullopt : Cell(fmt::format("{}", fmt::join(c.tags, "; "))),
             primary ? text_cell(primary->name) : std::nullopt,
             primary ? text_cell(primary->email) : std::nullopt,
             primary ? text_cell(primary->phone) : std::nullopt, c.folder});
    }
    return t;
}

Table contracts_table(const Workspace& ws) {
    using T = ColumnType;
    Table t = make("contracts", {{"client"},
                                 {"id"},
                                 {"title"},
                                 {"status"},
                                 {"sent", T::date},
                                 {"signed", T::date},
                                 {"start", T::date},
                                 {"end", T::date},
                                 {"auto_renew", T::boolean},
                                 {"term"},
                                 {"notice"},
                                 {"renewal_lead"},
                                 {"renewed_by"},
                                 {"value", T::money},
                                 {"currency"},
                                 {"per"},
                                 {"billing_every"},
                                 {"billing_terms"},
                                 {"file"},
                                 {"line", T::integer}});
    for (const auto& c : ws.clients)
        for (const auto& k : c.contracts)
            t.rows.push_back(
                {c.id,
                 k.id,
                 k.title,
                 std::string(to_string(k.status)),
                 date_cell(k.sent),
                 date_cell(k.signed_on),
                 date_cell(k.start),
                 date_cell(k.end),
                 bool_cell(k.auto_renew),
                 format_period(k.term),
                 format_period(k.notice),
                 format_period(k.lead),
                 text_cell(k.renewed_by),
                 k.value ? Cell(format_amount(k.value->amount)) : std::nullopt,
                 k.value ? Cell(k.value->amount.currency.code) : std::nullopt,
                 k.value ? Cell(std::string(to_string(k.value->per))) : std::nullopt,
                 k.billing.every ? Cell(std::string(to_string(*k.billing.every))) : std::nullopt,
                 format_period(k.billing.terms),
                 place(k.at),
                 int_cell(k.at.line)});
    return t;
}

Table invoices_table(const Workspace& ws, Date as_of) {
    using T = ColumnType;
    Table t = make("invoices", {{"client"},
                                {"number"},
                                {"contract"},
                                {"period"},
                                {"issued", T::date},
                                {"due", T::date},
                                {"amount", T::money},
                                {"currency"},
                                {"paid", T::date},
                                {"balance", T::money},
                                {"state"},
                                {"days_past_due", T::integer},
                                {"file"},
                                {"line", T::integer}});
    for (const auto& c : ws.clients)
        for (const auto& inv : c.invoices) {
            Money balance = inv.balance();
            std::string state = inv.is_void ? "void" : balance.minor <= 0 ? "paid" : "open";
            t.rows.push_back({c.id, inv.number, text_cell(inv.contract), text_cell(inv.period),
                              format_date(inv.issued), format_date(inv.due),
                              format_amount(inv.amount), inv.amount.currency.code,
                              date_cell(inv.paid), format_amount(balance), state,
                              state == "open" ? int_cell(std::max(0, days_between(inv.due, as_of)))
                                              : std::nullopt,
                              place(inv.at), int_cell(inv.at.line)});
        }
    return t;
}

Table interactions_table(const Workspace& ws) {
    using T = ColumnType;
    Table t = make("interactions", {{"client"},
                                    {"date", T::date},
                                    {"kind"},
                                    {"with"},
                                    {"summary"},
                                    {"minutes", T::integer},
                                    {"mood"},
                                    {"next", T::date},
                                    {"todo"},
                                    {"file"},
                                    {"line", T::integer}});
    for (const auto& c : ws.clients)
        for (const auto& i : c.interactions)
            t.rows.push_back(
                {c.id, format_date(i.date), std::string(to_string(i.kind)), text_cell(i.with),
                 text_cell(i.summary), i.minutes ? int_cell(*i.minutes) : std::nullopt,
                 i.mood ? Cell(std::string(to_string(*i.mood))) : std::nullopt, date_cell(i.next),
                 text_cell(i.todo), place(i.at), int_cell(i.at.line)});
    return t;
}

Table items_table(const std::vector<DueItem>& items, Date as_of) {
    using T = ColumnType;
    Table t = make("items", {{"client"},
                             {"client_name"},
                             {"owner"},
                             {"kind"},
                             {"due", T::date},
                             {"days", T::integer},
                             {"status"},
                             {"subject"},
                             {"title"},
                             {"amount", T::money},
                             {"currency"},
                             {"file"},
                             {"line", T::integer}});
    for (const auto& item : items)
        t.rows.push_back({item.client->id, item.client->name, text_cell(item.client->owner),
                          std::string(to_string(item.kind)), format_date(item.due),
                          int_cell(days_until(item, as_of)),
                          std::string(to_string(status_of(item, as_of))), item.subject, item.title,
                          item.amount ? Cell(format_amount(*item.amount)) : std::nullopt,
                          item.amount ? Cell(item.amount->currency.code) : std::nullopt,
                          item.at.file, int_cell(item.at.line)});
    return t;
}

Table requests_table(const Workspace& ws) {
    using T = ColumnType;
    Table t = make("requests", {{"client"},
                                {"id"},
                                {"date", T::date},
                                {"title"},
                                {"from"},
                                {"priority"},
                                {"to"},
                                {"acked", T::date},
                                {"due", T::date},
                                {"done", T::date},
                                {"told", T::date},
                                {"dropped", T::date},
                                {"step"},
                                {"step_due", T::date},
                                {"notes"},
                                {"file"},
                                {"line", T::integer}});
    for (const auto& c : ws.clients)
        for (const auto& r : c.requests) {
            auto next = request_steps(r, ws.config).item;
            t.rows.push_back({c.id, text_cell(r.id), format_date(r.date), r.title,
                              text_cell(r.from), std::string(to_string(r.priority)),
                              text_cell(r.to), date_cell(r.acked), date_cell(r.due),
                              date_cell(r.done), date_cell(r.told), date_cell(r.dropped),
                              next ? Cell(std::string(to_string(next->step))) : std::nullopt,
                              next ? date_cell(next->due) : std::nullopt, text_cell(r.notes),
                              place(r.at), int_cell(r.at.line)});
        }
    return t;
}

Table changes_table(const Workspace& ws) {
    using T = ColumnType;
    Table t = make("changes", {{"client"},
                               {"id"},
                               {"date", T::date},
                               {"by"},
                               {"title"},
                               {"contract"},
                               {"request"},
                               {"budget", T::money},
                               {"currency"},
                               {"deadline", T::date},
                               {"status"},
                               {"sent", T::date},
                               {"decided", T::date},
                               {"notes"},
                               {"file"},
                               {"line", T::integer}});
    for (const auto& c : ws.clients)
        for (const auto& x : c.changes)
            t.rows.push_back(
                {c.id, text_cell(x.id), format_date(x.date), std::string(to_string(x.by)), x.title,
                 text_cell(x.contract), text_cell(x.request),
                 x.budget ? Cell(format_amount(*x.budget)) : std::nullopt,
                 x.budget ? Cell(x.budget->currency.code) : std::nullopt, date_cell(x.deadline),
                 std::string(to_string(x.status)), date_cell(x.sent), date_cell(x.decided),
                 text_cell(x.notes), place(x.at), int_cell(x.at.line)});
    return t;
}

Table metrics_table(const Workspace& ws) {
    using T = ColumnType;
    Table t = make("metrics", {{"client"},
                               {"date", T::date},
                               {"name"},
                               {"value", T::money},
                               {"unit"},
                               {"file"},
                               {"line", T::integer}});
    for (const auto& c : ws.clients)
        for (const auto& m : c.metrics)
            t.rows.push_back({c.id, format_date(m.date), m.name, format_decimal(m.value),
                              text_cell(m.unit), place(m.at), int_cell(m.at.line)});
    return t;
}

}  // namespace acctool
