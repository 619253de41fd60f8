#include "acct/load/yaml_syntax.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "acct/model/message.h"

namespace acctool {

namespace {

struct Line {
    std::uint32_t start = 0;
    std::uint32_t end = 0;  // before the line break (and a CR before it)
};

Line line_at(std::string_view text, std::uint32_t pos) {
    pos = std::min<std::uint32_t>(pos, static_cast<std::uint32_t>(text.size()));
    std::size_t start = pos == 0 ? 0 : text.rfind('\n', pos - 1);
    start = start == std::string_view::npos || pos == 0 ? 0 : start + 1;
    std::size_t end = std::min(text.find('\n', pos), text.size());
    if (end > start && text[end - 1] == '\r') --end;
    return {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
}

std::string_view content(std::string_view text, const Line& l) {
    return text.substr(l.start, l.end - l.start);
}

bool blank_or_comment(std::string_view line) {
    std::size_t k = line.find_first_not_of(" \t");
    return k == std::string_view::npos || line[k] == '#';
}

// The nearest line before `l` that holds more than blanks and a comment.
std::optional<Line> previous_content_line(std::string_view text, Line l) {
    while (l.start > 0) {
        l = line_at(text, l.start - 1);
        if (!blank_or_comment(content(text, l))) return l;
    }
    return std::nullopt;
}

// A tab among the blanks that start the line: its offset.
std::optional<std::uint32_t> tab_in_indentation(std::string_view text, const Line& l) {
    std::string_view s = content(text, l);
    std::size_t indent = s.find_first_not_of(" \t");
    if (indent == std::string_view::npos) return std::nullopt;
    std::size_t tab = s.substr(0, indent).find('\t');
    if (tab == std::string_view::npos) return std::nullopt;
    return static_cast<std::uint32_t>(l.start + tab);
}

// Where a plain `key value` without ':' starts on the line (after the
// indentation and any `- `), when the line is one.
std::optional<std::uint32_t> key_without_colon(std::string_view text, const Line& l) {
    std::string_view s = content(text, l);
    std::size_t k = 0;
    for (;;) {
        k = s.find_first_not_of(' ', k);
        if (k == std::string_view::npos) return std::nullopt;
        if (s[k] == '-' && (k + 1 == s.size() || s[k + 1] == ' ')) {
            ++k;
            continue;
        }
        break;
    }
    std::string_view rest = s.substr(k);
    if (std::string_view("#-[]{}\"'|>?&*!%@`,\t").find(rest[0]) != std::string_view::npos)
        return std::nullopt;
    if (auto comment = rest.find(" #"); comment != std::string_view::npos)
        rest = rest.substr(0, comment);
    while (!rest.empty() && rest.back() == ' ')
        rest.remove_suffix(1);
    if (rest.find(": ") != std::string_view::npos || rest.find(":\t") != std::string_view::npos ||
        rest.ends_with(':'))
        return std::nullopt;
    return static_cast<std::uint32_t>(l.start + k);
}

// `pos` is the first ':' of its line that ends a key.
bool at_first_key_colon(std::string_view text, const Line& l, std::uint32_t pos) {
    if (pos >= text.size() || text[pos] != ':') return false;
    return content(text, l).substr(0, pos - l.start).find(": ") == std::string_view::npos;
}

}  // namespace

std::string no_colon_message(std::string_view line_content) {
    return words(say("'{}' has no ':' after the key; write 'key: value'", line_content));
}

YamlError explain_syntax_error(std::string_view text, const YamlError& raw) {
    Line here = line_at(text, raw.pos);
    if (auto tab = tab_in_indentation(text, here))
        return {*tab, words(say("a tab in the indentation (YAML allows only spaces)"))};
    auto no_colon = [&](const Line& l, std::uint32_t key) -> YamlError {
        std::string_view line = text.substr(key, l.end - key);
        if (auto comment = line.find(" #"); comment != std::string_view::npos)
            line = line.substr(0, comment);
        while (!line.empty() && line.back() == ' ')
            line.remove_suffix(1);
        return {key, no_colon_message(line)};
    };
    if (raw.message == "illegal map value") {
        // `status active` then `since: 2026-01-01`: yaml-cpp reads the two
        // lines as one key and stops at the second line's ':'.
        if (!at_first_key_colon(text, here, raw.pos))
            return {raw.pos, words(say("a ': ' inside a value; put the value in quotes"))};
        if (auto before = previous_content_line(text, here))
            if (auto key = key_without_colon(text, *before)) return no_colon(*before, *key);
    }
    // The same with a comment or a blank line after `status active`.
    if (raw.message == "end of map not found" || raw.message == "end of sequence not found")
        if (auto key = key_without_colon(text, here); key && *key == raw.pos)
            return no_colon(here, *key);
    return raw;
}

}  // namespace acctool
