#pragma once
// REQUEST and CHANGE of SPEC 4, and done's TITLE: a record of the client
// named by its id, else an exact title, else a unique start of a title, among
// its open records. Several matches are listed (exit 64), none lists the open
// ones (exit 66).
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

// The three messages, each a whole sentence in the current language: none
// open (client); no match (client, name, list); several (name, count,
// client, list).
struct PickMessages {
    std::string (*none)(const std::string& client);
    std::string (*no_match)(const std::string& client, const std::string& name,
                            const std::string& list);
    std::string (*several)(const std::string& name, std::size_t count, const std::string& client,
                           const std::string& list);
};

inline constexpr PickMessages request_messages{
    [](const std::string& client) { return trf("{} has no open request", client); },
    [](const std::string& client, const std::string& name, const std::string& list) {
        return trf(
            "no open request of {} has the id or title '{}' or a title starting with it; the "
            "open ones:{}",
            client, name, list);
    },
    [](const std::string& name, std::size_t count, const std::string& client,
       const std::string& list) {
        return trnf(
            "'{}' matches {} open request of {}; say which (an id, or more of the title):{}",
            "'{}' matches {} open requests of {}; say which (an id, or more of the title):{}",
            count, name, count, client, list);
    }};
inline constexpr PickMessages change_messages{
    [](const std::string& client) {
        return trf("{} has no change waiting for a decision", client);
    },
    [](const std::string& client, const std::string& name, const std::string& list) {
        return trf(
            "no undecided change of {} has the id or title '{}' or a title starting with it; "
            "the undecided ones:{}",
            client, name, list);
    },
    [](const std::string& name, std::size_t count, const std::string& client,
       const std::string& list) {
        return trnf(
            "'{}' matches {} undecided change of {}; say which (an id, or more of the title):{}",
            "'{}' matches {} undecided changes of {}; say which (an id, or more of the title):{}",
            count, name, count, client, list);
    }};

inline constexpr PickMessages task_messages{
    [](const std::string& client) { return trf("{} has no open task", client); },
    [](const std::string& client, const std::string& name, const std::string& list) {
        return trf("no open task of {} starts with '{}'; the open tasks:{}", client, name, list);
    },
    [](const std::string& name, std::size_t count, const std::string& client,
       const std::string& list) {
        return trnf("'{}' matches {} open task of {}; say which:{}",
                    "'{}' matches {} open tasks of {}; say which:{}", count, name, count, client,
                    list);
    }};

// A record in a list of matches: where it is, its title and its date (a
// task's due date).
template <class Record>
std::string listed(const Record& r) {
    return fmt::format("\n  {}:{}: {} ({})", r.at.file, r.at.line, terminal_safe(r.title),
                       say_table_date(r.date));
}
inline std::string listed(const Task& t) {
    return trf("\n  {}:{}: {} (due {})", t.at.file, t.at.line, terminal_safe(t.title),
               say_table_date(t.due));
}

template <class Record>
std::variant<const Record*, Refusal> pick_record(const Client& c,
                                                 const std::vector<Record>& records,
                                                 const std::string& name, const PickMessages& say,
                                                 const std::function<bool(const Record&)>& open) {
    std::vector<const Record*> by_id, exact, prefix;
    for (const auto& r : records) {
        if (!open(r)) continue;
        if constexpr (requires { r.id; })  // a task has none
            if (!r.id.empty() && r.id == name) by_id.push_back(&r);
        if (r.title == name) exact.push_back(&r);
        if (r.title.compare(0, name.size(), name) == 0) prefix.push_back(&r);
    }
    const auto& matches = !by_id.empty() ? by_id : !exact.empty() ? exact : prefix;
    if (matches.size() == 1) return matches.front();
    if (matches.empty()) {
        std::string list;
        for (const auto& r : records)
            if (open(r)) list += listed(r);
        return Refusal{exit_code::no_input, list.empty()
                                                ? say.none(c.id)
                                                : say.no_match(c.id, terminal_safe(name), list)};
    }
    std::string list;
    for (const Record* r : matches)
        list += listed(*r);
    return Refusal{exit_code::usage, say.several(terminal_safe(name), matches.size(), c.id, list)};
}

// The record of client `id` whose first key is at `at` (in a workspace as
// reloaded after a write), or nullptr.
template <class Record>
const Record* record_at(const Workspace& ws, const std::string& id, const SourceLocation& at,
                        std::vector<Record> Client::*records) {
    if (const Client* c = ws.client(id))
        for (const auto& r : c->*records)
            if (r.at == at) return &r;
    return nullptr;
}

}  // namespace acctool::cli
