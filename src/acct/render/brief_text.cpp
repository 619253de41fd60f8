// The brief as plain text, for a terminal or a mail's text part.
#include "acct/render/brief.h"
#include "acct/render/terminal_text.h"

namespace acctool {

std::string render_brief_text(const Brief& b) {
    const Escape escape = [](std::string_view s) { return terminal_safe(s); };
    std::string out = brief_title(b, escape) + "\n";
    for (const auto& line : brief_header_lines(b, escape))
        out += line + "\n";
    for (const auto& s : brief_sections(b, escape)) {
        out += "\n" + s.heading + "\n";
        for (const auto& line : s.lines)
            out += "  " + line + "\n";
    }
    return out;
}

}  // namespace acctool
