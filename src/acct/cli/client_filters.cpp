#include "acct/cli/client_filters.h"

#include <set>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/load/suggest.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

namespace {

// "did you mean 'x'?", else the owners (or tags) there are.
std::string hint(const std::string& word, const std::set<std::string>& known, bool owners) {
    std::vector<std::string_view> names(known.begin(), known.end());
    if (auto near = closest(word, names)) return trf("did you mean '{}'?", terminal_safe(*near));
    if (known.empty()) return owners ? tr("no client has owners") : tr("no client has tags");
    std::vector<std::string> safe;
    for (const auto& k : known)
        safe.push_back(terminal_safe(k));
    std::string list = fmt::format("{}", fmt::join(safe, ", "));
    return owners ? trf("the owners are {}", list) : trf("the tags are {}", list);
}

}  // namespace

std::optional<std::string> unmatched_owner(const Workspace& ws, const std::string& owner) {
    std::set<std::string> owners;
    for (const auto& c : ws.clients)
        if (c.owner) owners.insert(*c.owner);
    if (owners.count(owner)) return std::nullopt;
    return trf("--owner: no client is looked after by '{}'; {}", terminal_safe(owner),
               hint(owner, owners, true));
}

std::optional<std::string> unmatched_tag(const Workspace& ws, const std::string& tag) {
    std::set<std::string> tags;
    for (const auto& c : ws.clients)
        tags.insert(c.tags.begin(), c.tags.end());
    if (tags.count(tag)) return std::nullopt;
    return trf("--tag: no client has the tag '{}'; {}", terminal_safe(tag), hint(tag, tags, false));
}

std::optional<std::string> unmatched_filters(const Workspace& ws,
                                             const std::optional<std::string>& owner,
                                             const std::optional<std::string>& tag) {
    if (owner)
        if (auto why = unmatched_owner(ws, *owner)) return why;
    if (tag) return unmatched_tag(ws, *tag);
    return std::nullopt;
}

}  // namespace acctool::cli
