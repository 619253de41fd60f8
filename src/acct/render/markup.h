#pragma once
// Data made safe for markup: HTML entities, Markdown backslash escapes.
// Control characters are escaped first (terminal_safe), so neither can carry
// a raw line break or escape sequence.
#include <string>
#include <string_view>

namespace acctool {

std::string html_escape(std::string_view s);
// ASCII punctuation that Markdown could read as markup, backslash-escaped.
std::string markdown_escape(std::string_view s);

}  // namespace acctool
