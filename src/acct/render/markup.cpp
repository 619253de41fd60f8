#include "acct/render/markup.h"

#include "acct/render/terminal_text.h"

namespace acctool {

std::string html_escape(std::string_view s) {
    std::string out;
    for (char c : terminal_safe(s)) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string markdown_escape(std::string_view s) {
    std::string out;
    for (char c : terminal_safe(s)) {
        if (std::string_view("\\`*_[]<>|~&#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace acctool
