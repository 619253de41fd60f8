#pragma once
// --owner and --tag must name what some client has: a typo would otherwise
// list nothing, silently, as if nothing were due.
#include <optional>
#include <string>

#include "acct/model/records.h"

namespace acctool::cli {

// Why no client of `ws` matches, with a did-you-mean; nothing when one does.
std::optional<std::string> unmatched_owner(const Workspace& ws, const std::string& owner);
std::optional<std::string> unmatched_tag(const Workspace& ws, const std::string& tag);
// Both, for the options a command was given: the first that matches nothing.
std::optional<std::string> unmatched_filters(const Workspace& ws,
                                             const std::optional<std::string>& owner,
                                             const std::optional<std::string>& tag);

}  // namespace acctool::cli
