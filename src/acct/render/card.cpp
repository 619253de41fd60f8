#include "acct/render/card.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
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
    if (!k.start) return tr("no start");
    return k.end ? trf("{} to {}", say_table_date(*k.start), say_table_date(*k.end))
                 : trf("from {}", say_table_date(*k.start));
}

// "150000.00 per month"; "once" is a one-off amount.
std::string value_per(const Money& amount, Per per) {
    switch (per) {
        case Per::month:
            return trf("{} per month", say_money(amount));
        case Per::quarter:
            return trf("{} per quarter", say_money(amount));
        case Per::year:
            return trf("{} per year", say_money(amount));
        case Per::once:
            return trf("{} once", say_money(amount));
    }
    return say_money(amount);
}

}  // namespace

std::string render_card(const CardView& v) {
    const Client& c = v.client;
    std::string out = fmt::format("{} ({})\n", safe(c.name), c.id);
    std::vector<std::string> facts{std::string(to_string(c.status))};
    if (c.owner) facts.push_back(trf("owner {}", safe(*c.owner)));
    if (c.since) facts.push_back(trf("since {}", say_date(*c.since)));
    facts.push_back(c.cadence ? trf("cadence {}", say_period(*c.cadence)) : tr("cadence none"));
    if (c.reporting) facts.push_back(trf("reporting every {}", say_period(*c.reporting)));
    out += fmt::format("  {}\n", fmt::join(facts, ", "));
    if (!c.team.empty()) {
        std::vector<std::string> roles;
        for (const auto& [role, who] : c.team)
            roles.push_back(fmt::format("{} {}", safe(role), safe(who)));
        out += "  " + trf("team: {}", fmt::join(roles, ", ")) + "\n";
    }
    if (!c.tags.empty())
        out += "  " + trf("tags: {}", safe(fmt::format("{}", fmt::join(c.tags, ", ")))) + "\n";
    out += "  " + trf("folder: {}", safe(c.folder)) + "\n";
    if (!c.notes.empty()) out += "  " + trf("notes: {}", safe(c.notes)) + "\n";

    std::vector<std::vector<std::string>> rows;
    for (const auto& k : c.contacts)
        rows.push_back({safe(k.name), safe(k.role), safe(k.email), safe(k.phone),
                        k.primary ? tr("primary") : ""});
    out += section(tr("Contacts"), rows, tr("none"));

    rows.clear();
    for (const auto& k : c.contracts) {
        std::string value = k.value ? value_per(k.value->amount, k.value->per) : "";
        std::string renewal;
        for (const auto& e : v.rules)
            if (e.kind == ItemKind::renewal || e.kind == ItemKind::notice)
                for (const auto& f : e.findings)
                    if (f.item && f.at == k.at)
                        renewal = fmt::format("{} {}", to_string(e.kind), say_table_date(*f.due));
        if (renewal.empty() && k.auto_renew) renewal = trf("renews every {}", say_period(k.term));
        rows.push_back(
            {safe(k.id), safe(k.title), std::string(to_string(k.status)), term(k), value, renewal});
    }
    out += section(tr("Contracts"), rows, tr("none"));

    rows.clear();
    for (const auto& inv : c.invoices) {
        Money balance = inv.balance();
        std::string state =
            inv.is_void ? tr("void")
            : balance.minor <= 0
                ? (inv.paid ? trf("paid {}", say_table_date(*inv.paid)) : std::string(tr("paid")))
                : trf("{} open", say_money(balance));
        rows.push_back({safe(inv.number), safe(inv.contract.value_or("")), safe(inv.period),
                        trf("issued {}", say_table_date(inv.issued)),
                        trf("due {}", say_table_date(inv.due)), say_money(inv.amount), state});
    }
    out += section(tr("Invoices"), rows, tr("none"));
    auto owed = outstanding_by_currency(c);
    if (!owed.empty()) {
        std::vector<std::string> parts;
        for (const auto& m : owed)
            parts.push_back(say_money(m));
        out += "  " + trf("outstanding: {}", fmt::join(parts, "; ")) + "\n";
    }

    rows.clear();
    for (const auto& t : c.tasks)
        if (!t.done) rows.push_back({say_table_date(t.due), safe(t.title)});
    out += section(tr("Open tasks"), rows, tr("none"));

    rows.clear();
    for (const auto& r : c.requests) {
        auto next = request_steps(r, v.config).item;
        if (!next) continue;
        rows.push_back({say_table_date(r.date), safe(r.title), std::string(to_string(r.priority)),
                        r.to ? trf("with {}", safe(*r.to)) : tr("not handed over"),
                        r.due ? trf("promised {}", say_table_date(*r.due)) : "",
                        trf("next: {} {}", to_string(next->step), say_table_date(next->due))});
    }
    out += section(tr("Open requests"), rows, tr("none"));

    rows.clear();
    for (const auto& x : c.changes) {
        if (x.status != ChangeStatus::proposed && x.status != ChangeStatus::sent) continue;
        rows.push_back({say_table_date(x.date), safe(x.title), trf("by {}", to_string(x.by)),
                        x.budget ? trf("budget {}", say_money(*x.budget)) : "",
                        x.deadline ? trf("deadline {}", say_table_date(*x.deadline)) : "",
                        x.sent ? trf("sent {}", say_table_date(*x.sent)) : tr("not sent")});
    }
    out += section(tr("Open changes"), rows, tr("none"));

    rows.clear();
    for (const auto& item : v.items)
        rows.push_back({say_table_date(item.due), relative_days(days_until(item, v.as_of)),
                        std::string(to_string(item.kind)), safe(item_action(item)),
                        safe(resolving_command(item))});
    out += section(tr("Due"), rows, tr("nothing listed"));

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
        rows.push_back({say_table_date(i->date), std::string(to_string(i->kind)), safe(i->with),
                        safe(i->summary), i->mood ? std::string(to_string(*i->mood)) : "",
                        i->minutes ? format_duration(*i->minutes) : ""});
    out +=
        section(trnf("Last {} interaction", "Last {} interactions", recent.size(), recent.size()),
                rows, tr("none"));

    out += "\n" + trf("Rules (acct explain {} says more)", c.id) + "\n";
    for (const auto& e : v.rules)
        for (const auto& f : e.findings)
            out += fmt::format("  {:<10}  {}\n", to_string(e.kind),
                               safe(f.text.substr(0, f.text.find(". "))));
    return out;
}

}  // namespace acctool
