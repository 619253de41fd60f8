#include "acct/write/git_attributes.h"

#include <vector>

namespace acctool {

namespace {

std::vector<std::string_view> words(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t b = line.find_first_not_of(" \t\r", i);
        if (b == std::string_view::npos) break;
        std::size_t e = line.find_first_of(" \t\r", b);
        if (e == std::string_view::npos) e = line.size();
        out.push_back(line.substr(b, e - b));
        i = e;
    }
    return out;
}

template <class Visit>
void each_line(std::string_view text, Visit visit) {
    int number = 1;
    for (std::size_t i = 0; i < text.size(); ++number) {
        std::size_t e = text.find('\n', i);
        if (e == std::string_view::npos) e = text.size();
        visit(number, words(text.substr(i, e - i)));
        i = e + 1;
    }
}

bool sets_acct(const std::vector<std::string_view>& w) {
    if (w.empty() || w[0].starts_with('#')) return false;
    for (std::size_t i = 1; i < w.size(); ++i)
        if (w[i] == "merge=acct") return true;
    return false;
}

}  // namespace

std::string missing_merge_attributes(std::string_view attributes) {
    std::size_t nl = attributes.find('\n');
    std::string eol =
        nl != std::string_view::npos && nl > 0 && attributes[nl - 1] == '\r' ? "\r\n" : "\n";
    std::string out;
    for (std::string_view wanted : acct_merge_attributes) {
        std::string_view pattern = wanted.substr(0, wanted.find(' '));
        bool present = false;
        each_line(attributes, [&](int, const std::vector<std::string_view>& w) {
            if (sets_acct(w) && w[0] == pattern) present = true;
        });
        if (!present) out += std::string(wanted) + eol;
    }
    if (!out.empty() && !attributes.empty() && attributes.back() != '\n') out.insert(0, eol);
    return out;
}

int acct_merge_line(std::string_view attributes) {
    int found = 0;
    each_line(attributes, [&](int number, const std::vector<std::string_view>& w) {
        if (!found && sets_acct(w)) found = number;
    });
    return found;
}

}  // namespace acctool
