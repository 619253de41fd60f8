#pragma once
// Reading a YAML file's bytes around the nodes of its tree: lines, columns,
// the extent of a block and of a flow collection. Shared by the writers that
// insert and that edit, which must find spans without re-parsing.
#include <cstddef>
#include <string>
#include <string_view>

namespace acctool {

inline constexpr std::size_t text_npos = std::string_view::npos;

// The body of a file (its BOM left out) and the line ending it uses.
struct Body {
    std::size_t base;
    std::string_view text;
    std::string eol;
};

Body body_of(std::string_view bytes);

std::size_t line_begin(std::string_view t, std::size_t pos);
// The start of the line after the one holding `pos` (or the end of `t`).
std::size_t line_next(std::string_view t, std::size_t pos);
int column(std::string_view t, std::size_t pos);

// Skips an anchor (`&a`) or tag (`!!map`) before a node's own first byte.
std::size_t skip_properties(std::string_view t, std::size_t pos);

bool is_document_marker(std::string_view line);

// The end (after its line break) of the last content line of the block that
// starts on the line holding `start` and goes on while `belongs(line,
// indent)`; blank and comment lines neither belong nor end it.
template <class Belongs>
std::size_t block_end(std::string_view t, std::size_t start, Belongs belongs) {
    std::size_t last_end = line_next(t, start);
    for (std::size_t i = last_end; i < t.size();) {
        std::size_t next = line_next(t, i);
        std::string_view line = t.substr(i, next - i);
        std::size_t k = line.find_first_not_of(" \t\r\n");
        if (k != text_npos && line[k] != '#') {
            std::size_t indent = line.find_first_not_of(' ');
            if (is_document_marker(line) || !belongs(line, static_cast<int>(indent))) break;
            last_end = next;
        }
        i = next;
    }
    return last_end;
}

struct FlowScan {
    std::size_t close = text_npos;  // the matching `]` or `}`
    std::size_t last = 0;           // the last byte before it that is not blank or comment
};

// From the `[` or `{` at `open` to its partner, past quoted strings and
// comments.
FlowScan scan_flow(std::string_view t, std::size_t open);

}  // namespace acctool
