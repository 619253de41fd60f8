#include "acct/model/message.h"

#include <fmt/args.h>

#include "acct/model/message_lookup.h"

namespace acctool {

namespace {

MessageLookup lookup = nullptr;

}  // namespace

void set_message_lookup(MessageLookup l) {
    lookup = l;
}

std::string words(const Message& m) {
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    for (const auto& a : m.args)
        store.push_back(a);
    try {
        if (lookup) return fmt::vformat(lookup(m.id.c_str()), store);
        return fmt::vformat(m.id, store);
    } catch (const fmt::format_error&) {
        // An id that does not match its arguments (a cache from an older
        // catalog): show what there is rather than nothing.
        std::string out = m.id;
        for (const auto& a : m.args)
            out += " " + a;
        return out;
    }
}

}  // namespace acctool
