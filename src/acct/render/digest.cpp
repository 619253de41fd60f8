#include "acct/render/digest.h"

#include <array>
#include <vector>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/due.h"
#include "acct/render/health.h"
#include "acct/render/health_chart.h"
#include "acct/render/html_page.h"
#include "acct/render/markup.h"
#include "acct/render/terminal_text.h"

namespace acctool {

namespace {

struct Section {
    std::string title;
    const std::vector<DueItem>* items;
};

std::vector<Section> item_sections(const Digest& d) {
    constexpr unsigned long window = renewal_window_days;
    return {{tr("New today"), &d.new_today},
            {tr("Overdue"), &d.overdue},
            {tr("Today"), &d.today},
            {tr("Upcoming"), &d.upcoming},
            {trnf("Renewals and notice deadlines in the next {} day",
                  "Renewals and notice deadlines in the next {} days", window, window),
             &d.renewals}};
}

// The cells of an item's row, made safe for any output: date, when, client
// id, client name, kind, what to do, where it comes from.
std::array<std::string, 7> cells(const DueItem& item, Date as_of) {
    return {say_table_date(item.due),
            relative_days(days_until(item, as_of)),
            terminal_safe(item.client->id),
            terminal_safe(item.client->name),
            std::string(to_string(item.kind)),
            terminal_safe(item_action(item)),
            terminal_safe(fmt::format("{}:{}", item.at.file, item.at.line))};
}

std::string counts_line(const Digest& d) {
    return trf("{} overdue, {} today, {} upcoming", d.overdue.size(), d.today.size(),
               d.upcoming.size());
}

std::string receivable_line(const Receivable& r) {
    auto n = static_cast<unsigned long>(r.invoices);
    return trnf("{} {} outstanding on {} invoice, {} overdue",
                "{} {} outstanding on {} invoices, {} overdue", n, r.outstanding.currency.code,
                say_amount(r.outstanding), n, say_amount(r.overdue));
}

// "3 overdue, 1 today, 5 upcoming, horizon 7d."
std::string summary_line(const Digest& d) {
    return trf("{}, horizon {}.", counts_line(d), say_period(d.horizon));
}

std::string at_risk_title(const Digest& d) {
    return trf("At risk ({})", d.at_risk.size());
}

// "acme (Acme): score 20, band red".
std::string score_line(const ClientHealth& h) {
    return trf("{} ({}): score {}, band {}", h.client->id, h.client->name, h.score,
               to_string(h.band));
}

// The score line, and the override when one is in force.
std::string at_risk_line(const ClientHealth& h) {
    std::string line = score_line(h);
    if (h.set) line += "; " + trf("set to {}: {}", to_string(h.set->band), h.set->why);
    return line;
}

// The override in force, for the HTML's list under the client.
std::string override_line(const HealthSet& set) {
    if (set.until)
        return trf("Band set by hand to {} until {}: {}", to_string(set.band), say_date(*set.until),
                   set.why);
    return trf("Band set by hand to {}: {}", to_string(set.band), set.why);
}

// The score bar sits before the client's line, as the brief's sparklines do.
constexpr std::string_view style =
    "ul.at-risk svg.score-bar { vertical-align: middle; margin-right: 0.5em; }\n";

std::string problem_line(const Diagnostic& p) {
    return terminal_safe(fmt::format(
        "{}: {}: {}", p.where, p.severity == Severity::error ? "error" : "warning", p.message));
}

// One client at risk: its score as a bar and in words, then the override
// in force and the signals, one line each (never an empty list: a red
// client without an override has signals).
std::string at_risk_html(const ClientHealth& h) {
    auto esc = [](std::string_view s) { return html_escape(s); };
    std::string out = fmt::format("<li>{}{}\n<ul>\n", svg_health_score(h), esc(score_line(h)));
    if (h.set) out += fmt::format("<li>{}</li>\n", esc(override_line(*h.set)));
    for (const auto& sig : h.signals)
        out += fmt::format("<li>{}</li>\n", esc(signal_line(sig)));
    return out + "</ul></li>\n";
}

}  // namespace

std::string digest_title(const Digest& d) {
    std::string title = trf("acct digest for {}", say_weekday_date(d.as_of));
    if (d.owner) title += fmt::format(" ({})", terminal_safe(*d.owner));
    return title;
}

std::string render_digest_text(const Digest& d) {
    std::string out = digest_title(d) + "\n" + summary_line(d) + "\n";
    if (!d.problems.empty()) {
        out += "\n" + trf("Data problems ({}); run 'acct check' for details", d.problems.size()) +
               "\n";
        for (const auto& p : d.problems)
            out += "  " + problem_line(p) + "\n";
    }
    // One set of column widths for all sections, so they line up.
    std::array<int, 7> widths{};
    for (const auto& s : item_sections(d))
        for (const auto& item : *s.items) {
            auto c = cells(item, d.as_of);
            for (std::size_t i = 0; i < c.size(); ++i)
                widths[i] = std::max(widths[i], display_width(c[i]));
        }
    for (const auto& s : item_sections(d)) {
        if (s.items == &d.renewals && !d.at_risk.empty()) {
            out += fmt::format("\n{}\n", at_risk_title(d));
            for (const auto& h : d.at_risk) {
                out += "  " + terminal_safe(at_risk_line(h)) + "\n";
                for (const auto& sig : h.signals)
                    out += "    " + terminal_safe(signal_line(sig)) + "\n";
            }
        }
        if (s.items->empty()) continue;
        out += fmt::format("\n{} ({})\n", s.title, s.items->size());
        for (const auto& item : *s.items) {
            auto c = cells(item, d.as_of);
            std::string line = "  ";
            for (std::size_t i = 0; i < 5; ++i)
                line += pad_right(c[i], widths[i]) + "  ";
            out += fmt::format("{}{}  ({})\n", line, c[5], c[6]);
        }
    }
    if (!d.receivables.empty()) {
        out += fmt::format("\n{}\n", tr("Receivables"));
        for (const auto& r : d.receivables)
            out += "  " + receivable_line(r) + "\n";
    }
    return out;
}

std::string render_digest_markdown(const Digest& d) {
    std::string out = fmt::format("# {}\n\n{}\n", markdown_escape(digest_title(d)),
                                  markdown_escape(summary_line(d)));
    if (!d.problems.empty()) {
        out += fmt::format("\n## {}\n\n", trf("Data problems ({})", d.problems.size()));
        for (const auto& p : d.problems)
            out += "- " + markdown_escape(problem_line(p)) + "\n";
    }
    for (const auto& s : item_sections(d)) {
        if (s.items == &d.renewals && !d.at_risk.empty()) {
            out += fmt::format("\n## {}\n\n", markdown_escape(at_risk_title(d)));
            for (const auto& h : d.at_risk) {
                out += "- " + markdown_escape(terminal_safe(at_risk_line(h))) + "\n";
                for (const auto& sig : h.signals)
                    out += "  - " + markdown_escape(terminal_safe(signal_line(sig))) + "\n";
            }
        }
        if (s.items->empty()) continue;
        out += fmt::format("\n## {} ({})\n\n", s.title, s.items->size());
        for (const auto& item : *s.items) {
            auto c = cells(item, d.as_of);
            out += fmt::format("- **{}** ({}) {} ({}), {}: {} — {}\n", c[0], c[1],
                               markdown_escape(c[2]), markdown_escape(c[3]), c[4],
                               markdown_escape(c[5]), markdown_escape(c[6]));
        }
    }
    if (!d.receivables.empty()) {
        out += fmt::format("\n## {}\n\n", tr("Receivables"));
        for (const auto& r : d.receivables)
            out += "- " + receivable_line(r) + "\n";
    }
    return out;
}

std::string render_digest_html(const Digest& d) {
    auto esc = [](std::string_view s) { return html_escape(s); };
    std::string out =
        fmt::format("<h1>{}</h1>\n<p>{}</p>\n", esc(digest_title(d)), esc(summary_line(d)));
    if (!d.problems.empty()) {
        out +=
            fmt::format("<h2>{}</h2>\n<ul>\n", esc(trf("Data problems ({})", d.problems.size())));
        for (const auto& p : d.problems)
            out += fmt::format("<li><code>{}</code></li>\n", esc(problem_line(p)));
        out += "</ul>\n";
    }
    for (const auto& s : item_sections(d)) {
        if (s.items == &d.renewals && !d.at_risk.empty()) {
            out += fmt::format("<h2>{}</h2>\n<ul class=\"at-risk\">\n", esc(at_risk_title(d)));
            for (const auto& h : d.at_risk)
                out += at_risk_html(h);
            out += "</ul>\n";
        }
        if (s.items->empty()) continue;
        out += fmt::format("<h2>{} ({})</h2>\n<table>\n", esc(s.title), s.items->size());
        for (const auto& item : *s.items) {
            auto c = cells(item, d.as_of);
            out += "<tr>";
            for (std::size_t i = 0; i < c.size(); ++i)
                out += i + 1 == c.size() ? fmt::format("<td><code>{}</code></td>", esc(c[i]))
                                         : fmt::format("<td>{}</td>", esc(c[i]));
            out += "</tr>\n";
        }
        out += "</table>\n";
    }
    if (!d.receivables.empty()) {
        out += fmt::format("<h2>{}</h2>\n<ul>\n", esc(tr("Receivables")));
        for (const auto& r : d.receivables)
            out += fmt::format("<li>{}</li>\n", esc(receivable_line(r)));
        out += "</ul>\n";
    }
    return html_page(digest_title(d), out, style);
}

}  // namespace acctool
