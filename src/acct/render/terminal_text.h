#pragma once
// Text for a terminal: data never reaches it raw, and columns line up by
// display width (Cyrillic 1 column, CJK 2, combining marks 0).
#include <string>
#include <string_view>
#include <vector>

namespace acctool {

// Control characters (C0, DEL, C1), bidi overrides and invalid bytes shown
// escaped: \n, \t, \r, \x1b, \u202e.
std::string terminal_safe(std::string_view s);
int display_width(std::string_view s);
// Pads with spaces to `width` display columns.
std::string pad_right(std::string_view s, int width);
// `s` cut to at most `width` display columns, ending in "…" when cut.
std::string fit_width(std::string_view s, int width);

// Rows of cells as lines: each cell but a row's last padded to its column's
// display width, two spaces apart, `indent` first; no trailing spaces.
std::string align_columns(const std::vector<std::vector<std::string>>& rows,
                          std::string_view indent);

// SGR colouring, or the text unchanged when colour is off.
struct Paint {
    bool color = false;
    std::string operator()(std::string_view text, std::string_view sgr) const;
};

}  // namespace acctool
