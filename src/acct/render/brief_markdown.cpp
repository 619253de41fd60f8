// The brief as CommonMark: every piece of data backslash-escaped, so that a
// `*` or `<` in a summary stays literal.
#include "acct/render/brief.h"
#include "acct/render/markup.h"

namespace acctool {

std::string render_brief_markdown(const Brief& b) {
    const Escape escape = [](std::string_view s) { return markdown_escape(s); };
    std::string out = "# " + brief_title(b, escape) + "\n\n";
    for (const auto& line : brief_header_lines(b, escape))
        out += line + "  \n";
    for (const auto& s : brief_sections(b, escape)) {
        out += "\n## " + s.heading + "\n\n";
        for (const auto& line : s.lines)
            out += "- " + line + "\n";
    }
    return out;
}

}  // namespace acctool
