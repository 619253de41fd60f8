#pragma once
// The client's status report (SPEC 8) in words: Markdown (CommonMark),
// plain text and one self-contained HTML page. Written in the current
// language: the caller sets the client's (LanguageScope).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "acct/brief/brief.h"

namespace acctool {

// One part of the report: its heading and one line per entry, the data in
// each already escaped for the output. `metrics` marks the results part,
// whose lines follow Brief::metrics one for one.
struct BriefSection {
    std::string heading;
    std::vector<std::string> lines;
    bool metrics = false;
};

using Escape = std::function<std::string(std::string_view)>;

// "Status report for Orbit Labs".
std::string brief_title(const Brief& b, const Escape& escape);
// The window and who writes, one line each.
std::vector<std::string> brief_header_lines(const Brief& b, const Escape& escape);
// The parts that have something, in the order of SPEC 8.
std::vector<BriefSection> brief_sections(const Brief& b, const Escape& escape);
// "Status report 2026-11-01 – 2026-11-27", ISO dates whatever the language.
std::string brief_log_summary(const BriefWindow& w);

std::string render_brief_markdown(const Brief& b);
std::string render_brief_text(const Brief& b);
std::string render_brief_html(const Brief& b);

}  // namespace acctool
