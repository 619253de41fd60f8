// The words of a brief, shared by its formats: one format string per line,
// so that word order stays the translator's.
#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/model/period.h"
#include "acct/render/brief.h"

namespace acctool {

namespace {

std::string kind_word(InteractionKind k) {
    switch (k) {
        case InteractionKind::call:
            return tr("Call");
        case InteractionKind::email:
            return tr("Email");
        case InteractionKind::meeting:
            return tr("Meeting");
        case InteractionKind::message:
            return tr("Message");
        case InteractionKind::report:
            return tr("Status report");
        case InteractionKind::note:
            break;
    }
    return tr("Note");
}

std::string with_unit(Decimal v, const std::string& unit, const Escape& escape) {
    std::string figure = say_figure(format_decimal(v));
    return unit.empty() ? figure : fmt::format("{} {}", figure, escape(unit));
}

std::string signed_money(const Money& m) {
    return m.minor < 0 ? "-" + say_money(Money{-m.minor, m.currency}) : "+" + say_money(m);
}

std::string decision_line(const BriefChange& c, const Escape& escape) {
    std::string title = escape(c.title);
    std::string date = say_date(*c.decided);
    bool approved = c.status == ChangeStatus::approved;
    if (c.budget && c.deadline)
        return approved ? trf("{} — approved on {}; budget {}, deadline {}", title, date,
                              signed_money(*c.budget), say_date(*c.deadline))
                        : trf("{} — not approved ({}); budget {}, deadline {}", title, date,
                              signed_money(*c.budget), say_date(*c.deadline));
    if (c.budget)
        return approved
                   ? trf("{} — approved on {}; budget {}", title, date, signed_money(*c.budget))
                   : trf("{} — not approved ({}); budget {}", title, date, signed_money(*c.budget));
    if (c.deadline)
        return approved
                   ? trf("{} — approved on {}; deadline {}", title, date, say_date(*c.deadline))
                   : trf("{} — not approved ({}); deadline {}", title, date, say_date(*c.deadline));
    return approved ? trf("{} — approved on {}", title, date)
                    : trf("{} — not approved ({})", title, date);
}

std::string metric_line(const BriefMetric& m, const Escape& escape) {
    std::string change = say_figure((m.change.units > 0 ? "+" : "") + format_decimal(m.change));
    std::string first = with_unit(m.first.value, m.unit, escape);
    std::string last = with_unit(m.last.value, m.unit, escape);
    if (m.percent)
        return trf("{}: {} on {} → {} on {}, change {} ({}%)", escape(m.name), first,
                   say_date(m.first.date), last, say_date(m.last.date), change,
                   say_figure(*m.percent));
    return trf("{}: {} on {} → {} on {}, change {}", escape(m.name), first, say_date(m.first.date),
               last, say_date(m.last.date), change);
}

}  // namespace

std::string brief_title(const Brief& b, const Escape& escape) {
    return trf("Status report for {}", escape(b.client_name));
}

std::vector<std::string> brief_header_lines(const Brief& b, const Escape& escape) {
    std::vector<std::string> out{
        trf("Period: {} – {}", say_date(b.window.from), say_date(b.window.to))};
    if (!b.author.empty()) out.push_back(trf("Prepared by {}", escape(b.author)));
    return out;
}

std::string brief_log_summary(const BriefWindow& w) {
    return trf("Status report {} – {}", format_date(w.from), format_date(w.to));
}

std::vector<BriefSection> brief_sections(const Brief& b, const Escape& escape) {
    std::vector<BriefSection> out;
    auto add = [&](BriefSection s) {
        if (!s.lines.empty()) out.push_back(std::move(s));
    };

    BriefSection done{tr("What was done"), {}, false};
    for (const auto& r : b.delivered)
        done.lines.push_back(trf("Delivered on {}: {}", say_date(*r.date), escape(r.title)));
    for (const auto& x : b.interactions)
        done.lines.push_back(x.summary.empty() ? trf("{}: {}", say_date(x.date), kind_word(x.kind))
                                               : trf("{}: {} — {}", say_date(x.date),
                                                     kind_word(x.kind), escape(x.summary)));
    if (b.minutes > 0)
        done.lines.push_back(trf("Time spent together: {}", say_duration(b.minutes)));
    add(std::move(done));

    BriefSection progress{tr("In progress"), {}, false};
    for (const auto& r : b.open_requests)
        progress.lines.push_back(
            r.date ? trf("{} — promised for {}", escape(r.title), say_date(*r.date))
                   : escape(r.title));
    for (const auto& c : b.open_changes)
        progress.lines.push_back(
            c.status == ChangeStatus::sent
                ? trf("Change awaiting a decision: {}", escape(c.title))
                : trf("Change you asked for, being prepared: {}", escape(c.title)));
    add(std::move(progress));

    BriefSection decisions{tr("Decisions"), {}, false};
    for (const auto& c : b.decisions)
        decisions.lines.push_back(decision_line(c, escape));
    add(std::move(decisions));

    BriefSection results{tr("Results"), {}, true};
    for (const auto& m : b.metrics)
        results.lines.push_back(metric_line(m, escape));
    add(std::move(results));

    BriefSection coming{tr("Coming up"), {}, false};
    for (const auto& c : b.coming_up)
        coming.lines.push_back(
            c.contract_end ? trf("{}: the contract '{}' ends", say_date(c.date), escape(c.subject))
                           : trf("{}: {} is due", say_date(c.date), escape(c.subject)));
    add(std::move(coming));

    BriefSection money{tr("Invoices"), {}, false};
    for (const auto& i : b.invoices)
        money.lines.push_back(
            trf("Invoice {} of {}: {}", escape(i.number), say_date(i.issued), say_money(i.amount)));
    for (const auto& m : b.balances)
        money.lines.push_back(trf("Open balance: {}", say_money(m)));
    add(std::move(money));
    return out;
}

}  // namespace acctool
