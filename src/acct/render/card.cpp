#include "acct/render/card.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "acct/render/command.h"
#include "acct/render/due.h"
#include "acct/render/terminal_text.h"
#include "acct/report/clients.h"
#include "acct/rules/request_steps.h"

namespace acctool {

namespace {

std::string section(std::string_view title, const std::vector<std::vector<std::string>>& rows,
                    std::string_view empty) {
    return fmt::format("\n{}\n{}", title,
                       rows.empty() ? fmt::format("  {}\n", empty) : align_columns(rows, "  "));
}

std::string safe(std::string_view s) {
    return terminal_safe(s);
}

std::string term(const Contract& k) {
    if (!k.start) return "no start";
    return k.end ? fmt::format("{} to {}", *k.start, *k.end) : fmt::format("from {}", *k.start);
}

}  // namespace

std::string render_card(const CardView& v) {
    const Client& c = v.client;
    std::string out = fmt::format("{} ({})\n", safe(c.name), c.id);
    std::vector<std::string> facts{std::string(to_string(c.status))};
    if (c.owner) facts.push_back("owner " + safe(*c.owner));
    if (c.since) facts.push_back(fmt::format("since {}", *c.since));
    facts.push_back(c.cadence ? fmt::format("cadence {}", *c.cadence) : "cadence none");
    if (c.reporting) facts.push_back(fmt::format("reporting every {}", *c.reporting));
    out += fmt::format("  {}\n", fmt::join(facts, ", "));
    if (!c.team.empty()) {
        std::vector<std::string> roles;
        for (const auto& [role, who] : c.team)
            roles.push_back(fmt::format("{} {}", safe(role), safe(who)));
        out += fmt::format("  team: {}\n", fmt::join(roles, ", "));
    }
    if (!c.tags.empty())
        out += fmt::format("  tags: {}\n", safe(fmt::format("{}", fmt::join(c.tags, ", "))));
    out += fmt::format("  folder: {}\n", safe(c.folder));
    if (!c.notes.empty()) out += fmt::format("  notes: {}\n", safe(c.notes));

    std::vector<std::vector<std::string>> rows;
    for (const auto& k : c.contacts)
        rows.push_back(
            {safe(k.name), safe(k.role), safe(k.email), safe(k.phone), k.primary ? "primary" : ""});
    out += section("Contacts", rows, "none");

    rows.clear();
    for (const auto& k : c.contracts) {
        std::string value =
            k.value ? fmt::format("{} per {}", k.value->amount, to_string(k.value->per)) : "";
        std::string renewal;
        for (const auto& e : v.rules)
            if (e.kind == ItemKind::renewal || e.kind == ItemKind::notice)
                for (const auto& f : e.findings)
                    if (f.item && f.at == k.at)
                        renewal = fmt::format("{} {}", to_string(e.kind), *f.due);
        if (renewal.empty() && k.auto_renew) renewal = fmt::format("renews every {}", k.term);
        rows.push_back(
            {safe(k.id), safe(k.title), std::string(to_string(k.status)), term(k), value, renewal});
    }
    out += section("Contracts", rows, "none");

    rows.clear();
    for (const auto& inv : c.invoices) {
        Money balance = inv.balance();
        std::string state = inv.is_void          ? "void"
                            : balance.minor <= 0 ? (inv.paid ? fmt::format("paid {}", *inv.paid)
                                                             : std::string("paid"))
                                                 : fmt::format("{} open", balance);
        rows.push_back({safe(inv.number), safe(inv.contract.value_or("")), safe(inv.period),
                        fmt::format("issued {}", inv.issued), fmt::format("due {}", inv.due),
                        fmt::format("{}", inv.amount), state});
    }
    out += section("Invoices", rows, "none");
    auto owed = outstanding_by_currency(c);
    if (!owed.empty()) {
        std::vector<std::string> parts;
        for (const auto& m : owed)
            parts.push_back(fmt::format("{}", m));
        out += fmt::format("  outstanding: {}\n", fmt::join(parts, "; "));
    }

    rows.clear();
    for (const auto& t : c.tasks)
        if (!t.done) rows.push_back({format_date(t.due), safe(t.title)});
    out += section("Open tasks", rows, "none");

    rows.clear();
    for (const auto& r : c.requests) {
        auto next = request_steps(r, v.config).item;
        if (!next) continue;
        rows.push_back({format_date(r.date), safe(r.title), std::string(to_string(r.priority)),
                        r.to ? fmt::format("with {}", safe(*r.to)) : "not handed over",
                        r.due ? fmt::format("promised {}", *r.due) : "",
                        fmt::format("next: {} {}", to_string(next->step), next->due)});
    }
    out += section("Open requests", rows, "none");

    rows.clear();
    for (const auto& x : c.changes) {
        if (x.status != ChangeStatus::proposed && x.status != ChangeStatus::sent) continue;
        rows.push_back({format_date(x.date), safe(x.title), fmt::format("by {}", to_string(x.by)),
                        x.budget ? fmt::format("budget {}", *x.budget) : "",
                        x.deadline ? fmt::format("deadline {}", *x.deadline) : "",
                        x.sent ? fmt::format("sent {}", *x.sent) : "not sent"});
    }
    out += section("Open changes", rows, "none");

    rows.clear();
    for (const auto& item : v.items)
        rows.push_back({format_date(item.due), relative_days(days_until(item, v.as_of)),
                        std::string(to_string(item.kind)), safe(item_action(item)),
                        safe(resolving_command(item))});
    out += section("Due", rows, "nothing listed");

    // Newest first; on a tie the later in file order first, as SPEC 3 ranks them.
    std::vector<std::size_t> order(c.interactions.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(c.interactions[a].date, a) > std::tie(c.interactions[b].date, b);
    });
    std::vector<const Interaction*> recent;
    for (std::size_t i : order)
        recent.push_back(&c.interactions[i]);
    if (recent.size() > 10) recent.resize(10);
    rows.clear();
    for (const Interaction* i : recent)
        rows.push_back({format_date(i->date), std::string(to_string(i->kind)), safe(i->with),
                        safe(i->summary), i->mood ? std::string(to_string(*i->mood)) : "",
                        i->minutes ? format_duration(*i->minutes) : ""});
    out += section(fmt::format("Last {} interactions", recent.size()), rows, "none");

    out += "\nRules (acct explain " + c.id + " says more)\n";
    for (const auto& e : v.rules)
        for (const auto& f : e.findings)
            out += fmt::format("  {:<10}  {}\n", to_string(e.kind),
                               safe(f.text.substr(0, f.text.find(". "))));
    return out;
}

}  // namespace acctool
