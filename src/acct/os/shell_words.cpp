#include "acct/os/shell_words.h"

#include <optional>

#include <fmt/format.h>

namespace acctool {

Result<std::vector<std::string>> split_shell_words(std::string_view command) {
    std::vector<std::string> words;
    std::optional<std::string> word;  // set once a word has begun, even as ''
    auto end_word = [&] {
        if (word) words.push_back(std::move(*word));
        word.reset();
    };
    for (std::size_t i = 0; i < command.size(); ++i) {
        char c = command[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            end_word();
        } else if (c == '\'') {
            std::size_t close = command.find('\'', i + 1);
            if (close == std::string_view::npos)
                return Failure{
                    fmt::format("the single quote at character {} is never closed", i + 1)};
            word = word.value_or("") + std::string(command.substr(i + 1, close - i - 1));
            i = close;
        } else if (c == '"') {
            std::string text;
            std::size_t j = i + 1;
            for (; j < command.size() && command[j] != '"'; ++j) {
                // Inside double quotes a backslash quotes only $ ` " \ and a line break.
                if (command[j] == '\\' && j + 1 < command.size() &&
                    std::string_view("$`\"\\\n").find(command[j + 1]) != std::string_view::npos) {
                    ++j;
                    if (command[j] == '\n') continue;
                }
                text += command[j];
            }
            if (j >= command.size())
                return Failure{
                    fmt::format("the double quote at character {} is never closed", i + 1)};
            word = word.value_or("") + text;
            i = j;
        } else if (c == '\\') {
            if (i + 1 >= command.size())
                return Failure{"it ends in a backslash, which quotes nothing"};
            ++i;
            if (command[i] != '\n') word = word.value_or("") + command[i];
        } else if (std::string_view("|&;<>()").find(c) != std::string_view::npos) {
            return Failure{fmt::format(
                "'{}' at character {} needs a shell, and none runs it; write sh -c '...' or "
                "quote it",
                c, i + 1)};
        } else {
            word = word.value_or("") + c;
        }
    }
    end_word();
    return words;
}

}  // namespace acctool
