// The brief as one self-contained HTML page: no scripts, no external
// resources, a stylesheet for print; every piece of data escaped.
#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/render/brief.h"
#include "acct/render/markup.h"

namespace acctool {

namespace {

constexpr std::string_view style =
    R"(body{font-family:system-ui,sans-serif;color:#222;max-width:44em;margin:2em auto;padding:0 1em;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}
h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
p.meta{color:#555;margin-top:0}
ul{padding-left:1.2em}
li{margin:.25em 0}
@media print{body{margin:0;max-width:none;font-size:11pt;color:#000}section{break-inside:avoid}h2{border-color:#000}}
)";

}  // namespace

std::string render_brief_html(const Brief& b) {
    const Escape escape = [](std::string_view s) { return html_escape(s); };
    std::string title = brief_title(b, escape);
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"meta\">",
        current_language() == Language::ru ? "ru" : "en", title, style, title);
    bool first = true;
    for (const auto& line : brief_header_lines(b, escape)) {
        out += (first ? "" : "<br>\n") + line;
        first = false;
    }
    out += "</p>\n";
    for (const auto& s : brief_sections(b, escape)) {
        out += "<section>\n<h2>" + s.heading + "</h2>\n<ul>\n";
        for (const auto& line : s.lines)
            out += "<li>" + line + "</li>\n";
        out += "</ul>\n</section>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace acctool
