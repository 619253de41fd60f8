// The brief as one self-contained HTML page (render/html_page: no scripts,
// no external resources, a stylesheet for print); every piece of data
// escaped. Each metric series of two points or more is drawn as a sparkline.
#include <cmath>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/brief.h"
#include "acct/render/html_page.h"
#include "acct/render/markup.h"
#include "acct/render/svg.h"

namespace acctool {

namespace {

// The brief reads as a letter: a narrower column than the report's tables.
constexpr std::string_view style =
    R"(body { max-width: 44em; line-height: 1.45; }
p.meta { color: #555; margin-top: 0; }
ul { padding-left: 1.2em; }
li { margin: 0.25em 0; }
li.metric { display: flex; align-items: center; }
svg.sparkline { flex: none; margin-right: 0.6em; }
@media print { section { break-inside: avoid; } }
)";

double as_double(Decimal d) {
    return static_cast<double>(d.units) / std::pow(10.0, d.scale);
}

// A line of one point says nothing a number does not: that series gets none.
std::string sparkline(const BriefMetric& m) {
    if (m.points.size() < 2) return "";
    std::vector<double> values;
    for (const auto& p : m.points)
        values.push_back(as_double(p.value));
    return svg_sparkline(trf("{} from {} to {}", m.name, say_date(m.points.front().date),
                             say_date(m.points.back().date)),
                         values);
}

}  // namespace

std::string render_brief_html(const Brief& b) {
    const Escape escape = [](std::string_view s) { return html_escape(s); };
    std::string body = fmt::format("<h1>{}</h1>\n<p class=\"meta\">", brief_title(b, escape));
    bool first = true;
    for (const auto& line : brief_header_lines(b, escape)) {
        body += (first ? "" : "<br>\n") + line;
        first = false;
    }
    body += "</p>\n";
    for (const auto& s : brief_sections(b, escape)) {
        body += "<section>\n<h2>" + s.heading + "</h2>\n<ul>\n";
        for (std::size_t i = 0; i < s.lines.size(); ++i) {
            std::string chart = s.metrics && i < b.metrics.size() ? sparkline(b.metrics[i]) : "";
            body += (s.metrics ? "<li class=\"metric\">" : "<li>") + chart + s.lines[i] + "</li>\n";
        }
        body += "</ul>\n</section>\n";
    }
    const Escape plain = [](std::string_view s) { return std::string(s); };
    return html_page(brief_title(b, plain), body, style);
}

}  // namespace acctool
