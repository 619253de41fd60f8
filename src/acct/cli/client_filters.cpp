#include "acct/cli/client_filters.h"

#include <set>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "acct/load/suggest.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

namespace {

// "; did you mean 'x'?", else "; the owners are a, b" (`what`: "owners").
std::string hint(const std::string& word, const std::set<std::string>& known,
                 std::string_view what) {
    std::vector<std::string_view> names(known.begin(), known.end());
    if (auto near = closest(word, names))
        return fmt::format("did you mean '{}'?", terminal_safe(*near));
    if (known.empty()) return fmt::format("no client has {}", what);
    std::vector<std::string> safe;
    for (const auto& k : known)
        safe.push_back(terminal_safe(k));
    return fmt::format("the {} are {}", what, fmt::join(safe, ", "));
}

}  // namespace

std::optional<std::string> unmatched_owner(const Workspace& ws, const std::string& owner) {
    std::set<std::string> owners;
    for (const auto& c : ws.clients)
        if (c.owner) owners.insert(*c.owner);
    if (owners.count(owner)) return std::nullopt;
    return fmt::format("--owner: no client is looked after by '{}'; {}", terminal_safe(owner),
                       hint(owner, owners, "owners"));
}

std::optional<std::string> unmatched_tag(const Workspace& ws, const std::string& tag) {
    std::set<std::string> tags;
    for (const auto& c : ws.clients)
        tags.insert(c.tags.begin(), c.tags.end());
    if (tags.count(tag)) return std::nullopt;
    return fmt::format("--tag: no client has the tag '{}'; {}", terminal_safe(tag),
                       hint(tag, tags, "tags"));
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
