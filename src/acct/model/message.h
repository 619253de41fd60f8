#pragma once
// A message for people as an id and its arguments, put into words only when
// it is shown: the cache stores the id and arguments, never the words, so the
// language of a message never comes from the cache.
#include <string>
#include <vector>

#include <fmt/format.h>

namespace acctool {

struct Message {
    std::string id;                 // the English format string, the catalog's key
    std::vector<std::string> args;  // each argument already written as text

    friend bool operator==(const Message&, const Message&) = default;
};

// A message from its format string and arguments; the placeholders take no
// format specification (`{}` only): the arguments are text by then.
template <class... A>
Message say(fmt::format_string<A...> id, A&&... args) {
    fmt::string_view text = id;
    return Message{std::string(text.data(), text.size()), {fmt::format("{}", args)...}};
}

// Text made elsewhere, carried as it is.
inline Message verbatim(std::string text) {
    return Message{"{}", {std::move(text)}};
}

// The one place a message becomes words.
std::string words(const Message& m);

}  // namespace acctool
