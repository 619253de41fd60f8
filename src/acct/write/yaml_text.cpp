#include "acct/write/yaml_text.h"

#include "acct/load/source_text.h"

namespace acctool {

Body body_of(std::string_view bytes) {
    std::size_t base = bom_length(bytes);
    std::string_view text = bytes.substr(base);
    std::size_t nl = text.find('\n');
    bool crlf = nl != text_npos && nl > 0 && text[nl - 1] == '\r';
    return Body{base, text, crlf ? "\r\n" : "\n"};
}

std::size_t line_begin(std::string_view t, std::size_t pos) {
    if (pos == 0) return 0;
    std::size_t k = t.rfind('\n', pos - 1);
    return k == text_npos ? 0 : k + 1;
}

std::size_t line_next(std::string_view t, std::size_t pos) {
    std::size_t k = t.find('\n', pos);
    return k == text_npos ? t.size() : k + 1;
}

int column(std::string_view t, std::size_t pos) {
    return static_cast<int>(pos - line_begin(t, pos));
}

std::size_t skip_properties(std::string_view t, std::size_t pos) {
    while (pos < t.size() && (t[pos] == '&' || t[pos] == '!')) {
        pos = t.find_first_of(" \t\r\n", pos);
        if (pos == text_npos) return t.size();
        pos = t.find_first_not_of(" \t\r\n", pos);
        if (pos == text_npos) return t.size();
    }
    return pos;
}

bool is_document_marker(std::string_view line) {
    return (line.rfind("---", 0) == 0 || line.rfind("...", 0) == 0) &&
           (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
}

FlowScan scan_flow(std::string_view t, std::size_t open) {
    FlowScan s;
    s.last = open;
    int depth = 0;
    for (std::size_t i = open; i < t.size(); ++i) {
        char c = t[i];
        if (c == '#' && (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n')) {
            i = line_next(t, i) - 1;
            continue;
        }
        if ((c == '"' || c == '\'') && std::string_view("[{,:?").find(t[s.last]) != text_npos) {
            for (++i; i < t.size(); ++i) {
                if (c == '"' && t[i] == '\\') {
                    ++i;
                } else if (t[i] == c) {
                    if (c == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
                        ++i;
                        continue;
                    }
                    break;
                }
            }
            s.last = i;
            continue;
        }
        if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0) {
                s.close = i;
                return s;
            }
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            continue;
        }
        s.last = i;
    }
    return s;
}

}  // namespace acctool
