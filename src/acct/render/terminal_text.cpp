#include "acct/render/terminal_text.h"

#include <cstdint>

#include <fmt/format.h>

#include "acct/model/utf8.h"

namespace acctool {

namespace {

bool is_bidi_control(std::int32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
           cp == 0x200F || cp == 0x061C;
}

struct Range {
    std::int32_t first, last;
};

constexpr Range zero_width[] = {{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
                                {0x0610, 0x061A}, {0x064B, 0x065F}, {0x1AB0, 0x1AFF},
                                {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x20D0, 0x20FF},
                                {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}};

constexpr Range wide[] = {{0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
                          {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
                          {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},
                          {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
                          {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};

template <std::size_t N>
bool in(const Range (&ranges)[N], std::int32_t cp) {
    for (const auto& r : ranges)
        if (cp >= r.first && cp <= r.last) return true;
    return false;
}

}  // namespace

std::string terminal_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    // Bytes kept as they are go out a run at a time.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto byte = static_cast<unsigned char>(s[i]);
        if (byte >= 0x20 && byte < 0x7F) {
            ++i;
            continue;
        }
        std::size_t start = i;
        std::int32_t cp = decode_utf8(s, i);
        if (cp > 0x9F && !is_bidi_control(cp)) continue;
        out.append(s.substr(run, start - run));
        run = i;
        if (cp < 0)
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[start]));
        else if (cp == '\n')
            out += "\\n";
        else if (cp == '\t')
            out += "\\t";
        else if (cp == '\r')
            out += "\\r";
        else if (cp < 0x20 || cp == 0x7F)
            out += fmt::format("\\x{:02x}", cp);
        else
            out += fmt::format("\\u{:04x}", cp);  // C1 controls and bidi controls
    }
    out.append(s.substr(run));
    return out;
}

int display_width(std::string_view s) {
    int w = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {  // most of a table: no range to look up
            ++w;
            ++i;
            continue;
        }
        std::int32_t cp = decode_utf8(s, i);
        if (cp < 0)
            w += 1;
        else if (!in(zero_width, cp))
            w += in(wide, cp) ? 2 : 1;
    }
    return w;
}

std::string pad_right(std::string_view s, int width) {
    std::string out(s);
    int w = display_width(s);
    if (w < width) out.append(static_cast<std::size_t>(width - w), ' ');
    return out;
}

std::string fit_width(std::string_view s, int width) {
    if (display_width(s) <= width) return std::string(s);
    if (width <= 0) return {};
    std::string out;
    int used = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        std::int32_t cp = decode_utf8(s, i);
        int w = cp < 0 ? 1 : in(zero_width, cp) ? 0 : in(wide, cp) ? 2 : 1;
        if (used + w > width - 1) break;  // room for the ellipsis
        out.append(s.substr(start, i - start));
        used += w;
    }
    return out + "\u2026";
}

std::string align_columns(const std::vector<std::vector<std::string>>& rows,
                          std::string_view indent) {
    std::vector<int> widths;
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], display_width(r[i]));
        }
    std::string out;
    for (const auto& r : rows) {
        std::string line(indent);
        for (std::size_t i = 0; i < r.size(); ++i)
            line += i + 1 < r.size() ? pad_right(r[i], widths[i]) + "  " : r[i];
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string Paint::operator()(std::string_view text, std::string_view sgr) const {
    if (!color || text.empty() || sgr.empty()) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", sgr, text);
}

}  // namespace acctool
