#include "acct/render/diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace acctool {

namespace {

// Lines with their terminators; the last may have none.
std::vector<std::string_view> split_lines(std::string_view t) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < t.size();) {
        std::size_t k = t.find('\n', i);
        std::size_t next = k == std::string_view::npos ? t.size() : k + 1;
        out.push_back(t.substr(i, next - i));
        i = next;
    }
    return out;
}

std::string show(char mark, std::string_view line, const Paint& paint, std::string_view color,
                 bool for_terminal) {
    bool has_newline = !line.empty() && line.back() == '\n';
    if (has_newline) line.remove_suffix(1);
    std::string text(line);
    if (for_terminal) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        text = terminal_safe(line);
    }
    std::string out = paint(fmt::format("{}{}", mark, text), color) + "\n";
    if (!has_newline) out += "\\ No newline at end of file\n";
    return out;
}

std::string range(std::size_t start, std::size_t count) {
    // An empty range names the line before it, as diff(1) does.
    if (count == 0) return fmt::format("{},0", start == 0 ? 0 : start - 1);
    return count == 1 ? fmt::format("{}", start) : fmt::format("{},{}", start, count);
}

}  // namespace

std::string unified_diff(std::string_view path, const std::optional<std::string>& old_text,
                         std::string_view new_text, const Paint& paint, bool for_terminal,
                         int context) {
    auto a = split_lines(old_text ? std::string_view(*old_text) : std::string_view());
    auto b = split_lines(new_text);
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    if (prefix == a.size() && prefix == b.size()) return {};

    auto ctx = static_cast<std::size_t>(context);
    std::size_t before = std::min(ctx, prefix), after = std::min(ctx, suffix);
    std::size_t first = prefix - before;
    std::size_t old_count = before + (a.size() - prefix - suffix) + after;
    std::size_t new_count = before + (b.size() - prefix - suffix) + after;

    std::string name = for_terminal ? terminal_safe(path) : std::string(path);
    std::string out;
    out += paint(
        fmt::format("--- {}", old_text ? fmt::format("a/{}", name) : std::string("/dev/null")),
        "1");
    out += "\n" + paint(fmt::format("+++ b/{}", name), "1") + "\n";
    out += paint(
        fmt::format("@@ -{} +{} @@", range(first + 1, old_count), range(first + 1, new_count)),
        "36");
    out += "\n";
    for (std::size_t i = first; i < prefix; ++i)
        out += show(' ', a[i], paint, "", for_terminal);
    for (std::size_t i = prefix; i < a.size() - suffix; ++i)
        out += show('-', a[i], paint, "31", for_terminal);
    for (std::size_t i = prefix; i < b.size() - suffix; ++i)
        out += show('+', b[i], paint, "32", for_terminal);
    for (std::size_t i = a.size() - suffix; i < a.size() - suffix + after; ++i)
        out += show(' ', a[i], paint, "", for_terminal);
    return out;
}

}  // namespace acctool
