#include "acct/render/report_html.h"

#include <array>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/health_chart.h"
#include "acct/render/html_page.h"
#include "acct/render/markup.h"
#include "acct/render/report_facts.h"
#include "acct/render/svg.h"

namespace acctool {

namespace {

std::string figure(const std::string& svg, std::string_view caption) {
    return fmt::format("<figure>\n{}<figcaption>{}</figcaption>\n</figure>\n", svg,
                       html_escape(caption));
}

// One line chart per currency: amounts in different currencies share no axis.
std::string recurring_charts(const std::vector<CurrencyHistory>& recurring) {
    std::string out;
    for (const auto& h : recurring) {
        std::vector<ChartPoint> points;
        for (const auto& m : h.months)
            points.push_back({format_date(m.month_end).substr(0, 7),
                              static_cast<double>(m.twelfths),
                              fmt::format("{}", monthly_money(h.currency, m.twelfths))});
        auto title = trf("Recurring value per month in {}, at each month end", h.currency.code);
        out += figure(svg_line_chart(title, points), title);
    }
    return out;
}

// One bar per currency, each scaled to its own total; none when nothing is owed.
std::string aging_chart(const std::vector<AgingRow>& aging) {
    std::vector<StackedBar> bars;
    bool owed = false;
    for (const auto& row : aging) {
        StackedBar bar{row.currency.code, {}, {}};
        std::int64_t total = 0;
        for (std::size_t b = 0; b < aging_buckets.size(); ++b) {
            bar.parts.push_back({static_cast<double>(row.minor[b]),
                                 fmt::format("{} {}: {}", row.currency.code, aging_buckets[b],
                                             format_amount(Money{row.minor[b], row.currency}))});
            total += row.minor[b];
        }
        owed = owed || total > 0;
        bar.total_label = fmt::format("{}", Money{total, row.currency});
        bars.push_back(std::move(bar));
    }
    if (!owed) return "";
    std::vector<std::string> legend(aging_buckets.begin(), aging_buckets.end());
    auto title = tr("Receivables by days past due; each bar is its currency's total");
    return figure(svg_stacked_bars(title, legend, bars), title);
}

// A section's facts as a table of the columns any of them uses.
std::string table(const std::vector<const ReportFact*>& rows) {
    std::array<std::string ReportFact::*, 4> fields{&ReportFact::key, &ReportFact::currency,
                                                    &ReportFact::value, &ReportFact::detail};
    std::array<std::string, 4> headers{tr("Item"), tr("Currency"), tr("Value"), tr("Detail")};
    std::array<bool, 4> used{};
    for (const auto* f : rows)
        for (std::size_t i = 0; i < fields.size(); ++i)
            used[i] = used[i] || !(f->*fields[i]).empty();
    std::string out = "<table>\n<thead><tr>";
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (used[i])
            out += fmt::format("<th{}>{}</th>", i == 2 ? " class=\"num\"" : "",
                               html_escape(headers[i]));
    out += "</tr></thead>\n<tbody>\n";
    for (const auto* f : rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (used[i])
                out += fmt::format("<td{}>{}</td>", i == 2 ? " class=\"num\"" : "",
                                   html_escape(f->*fields[i]));
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

}  // namespace

std::string render_report_html(const Report& r, const std::vector<CurrencyHistory>& recurring,
                               const std::vector<ClientHealth>& health) {
    auto all = report_facts(r);
    std::string heading = report_heading(r);
    std::string body = fmt::format("<h1>{}</h1>\n", html_escape(heading));
    for (const auto& s : report_sections(r)) {
        body += fmt::format("<h2>{}</h2>\n", html_escape(s.title));
        std::vector<const ReportFact*> rows;
        for (const auto& f : all)
            if (f.section == s.key) rows.push_back(&f);
        body += rows.empty() ? fmt::format("<p>{}</p>\n", html_escape(tr("none"))) : table(rows);
        if (s.key == "recurring_per_month") body += recurring_charts(recurring);
        if (s.key == "clients" && !health.empty()) {
            auto title = trf("Active and paused clients by health band on {}", say_date(r.as_of));
            body += figure(svg_health_bands(title, health), title);
        }
        if (s.key == "aging") body += aging_chart(r.aging);
    }
    return html_page(heading, body);
}

}  // namespace acctool
