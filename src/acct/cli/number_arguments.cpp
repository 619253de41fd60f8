#include "acct/cli/number_arguments.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include <CLI/CLI.hpp>

namespace acctool::cli {

namespace {

// -.5, -.25: what CLI11 would take for the option '.'.
bool dotted_negative(std::string_view word) {
    return word.size() > 2 && word.starts_with("-.") &&
           std::all_of(word.begin() + 2, word.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// Whether `word` names an option, of any command, that takes a value.
bool takes_value(const CLI::App& app, const std::string& word) {
    if (const CLI::Option* o = app.get_option_no_throw(word);
        o && !o->get_positional() && o->get_items_expected_min() > 0)
        return true;
    for (const CLI::App* sub : app.get_subcommands({}))
        if (takes_value(*sub, word)) return true;
    return false;
}

}  // namespace

std::vector<std::string> parse_order(const CLI::App& app, int argc, char** argv) {
    std::vector<std::string> words;
    bool as_is = false;  // after `--`
    for (int i = 1; i < argc; ++i) {
        std::string word = argv[i];
        if (word == "--") as_is = true;
        if (!as_is && dotted_negative(word) && !(i > 1 && takes_value(app, argv[i - 1])))
            word.insert(1, "0");
        words.push_back(std::move(word));
    }
    std::reverse(words.begin(), words.end());
    return words;
}

}  // namespace acctool::cli
