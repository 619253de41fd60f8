#include "acct/render/digest.h"

#include <array>
#include <vector>

#include <fmt/format.h>

#include "acct/render/due.h"
#include "acct/render/markup.h"
#include "acct/render/terminal_text.h"

namespace acctool {

namespace {

struct Section {
    std::string title;
    const std::vector<DueItem>* items;
};

std::vector<Section> item_sections(const Digest& d) {
    return {{"New today", &d.new_today},
            {"Overdue", &d.overdue},
            {"Today", &d.today},
            {"Upcoming", &d.upcoming},
            {fmt::format("Renewals and notice deadlines in the next {} days", renewal_window_days),
             &d.renewals}};
}

// The cells of an item's row, made safe for any output: date, when, client
// id, client name, kind, what to do, where it comes from.
std::array<std::string, 7> cells(const DueItem& item, Date as_of) {
    return {format_date(item.due),
            relative_days(days_until(item, as_of)),
            terminal_safe(item.client->id),
            terminal_safe(item.client->name),
            std::string(to_string(item.kind)),
            terminal_safe(item_action(item)),
            terminal_safe(fmt::format("{}:{}", item.at.file, item.at.line))};
}

std::string counts_line(const Digest& d) {
    return fmt::format("{} overdue, {} today, {} upcoming", d.overdue.size(), d.today.size(),
                       d.upcoming.size());
}

std::string receivable_line(const Receivable& r) {
    return fmt::format("{} {} outstanding on {} invoice{}, {} overdue", r.outstanding.currency.code,
                       format_amount(r.outstanding), r.invoices, r.invoices == 1 ? "" : "s",
                       format_amount(r.overdue));
}

std::string problem_line(const Diagnostic& p) {
    return terminal_safe(fmt::format(
        "{}: {}: {}", p.where, p.severity == Severity::error ? "error" : "warning", p.message));
}

}  // namespace

std::string digest_title(const Digest& d) {
    std::string title = fmt::format("acct digest for {} {}", weekday_name(d.as_of), d.as_of);
    if (d.owner) title += fmt::format(" ({})", terminal_safe(*d.owner));
    return title;
}

std::string render_digest_text(const Digest& d) {
    std::string out = fmt::format("{}\n{}, horizon {}.\n", digest_title(d), counts_line(d),
                                  format_period(d.horizon));
    if (!d.problems.empty()) {
        out +=
            fmt::format("\nData problems ({}); run 'acct check' for details\n", d.problems.size());
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
        out += "\nReceivables\n";
        for (const auto& r : d.receivables)
            out += "  " + receivable_line(r) + "\n";
    }
    return out;
}

std::string render_digest_markdown(const Digest& d) {
    std::string out = fmt::format("# {}\n\n{}, horizon {}.\n", markdown_escape(digest_title(d)),
                                  counts_line(d), format_period(d.horizon));
    if (!d.problems.empty()) {
        out += fmt::format("\n## Data problems ({})\n\n", d.problems.size());
        for (const auto& p : d.problems)
            out += "- " + markdown_escape(problem_line(p)) + "\n";
    }
    for (const auto& s : item_sections(d)) {
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
        out += "\n## Receivables\n\n";
        for (const auto& r : d.receivables)
            out += "- " + receivable_line(r) + "\n";
    }
    return out;
}

std::string render_digest_html(const Digest& d) {
    auto esc = [](std::string_view s) { return html_escape(s); };
    std::string title = esc(digest_title(d));
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>{0}</title>\n</head>\n<body style=\"font-family: sans-serif\">\n"
        "<h1>{0}</h1>\n<p>{1}, horizon {2}.</p>\n",
        title, counts_line(d), format_period(d.horizon));
    if (!d.problems.empty()) {
        out += fmt::format("<h2>Data problems ({})</h2>\n<ul>\n", d.problems.size());
        for (const auto& p : d.problems)
            out += fmt::format("<li><code>{}</code></li>\n", esc(problem_line(p)));
        out += "</ul>\n";
    }
    for (const auto& s : item_sections(d)) {
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
        out += "<h2>Receivables</h2>\n<ul>\n";
        for (const auto& r : d.receivables)
            out += fmt::format("<li>{}</li>\n", esc(receivable_line(r)));
        out += "</ul>\n";
    }
    return out + "</body>\n</html>\n";
}

}  // namespace acctool
