#pragma once
// Changing an existing record in place for a writing command: set keys of
// the record of a section whose first key is at a place, in one write.
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "acct/cli/writing.h"

namespace acctool::cli {

// Each (key, value) replaces the key's value, or is added at the end of the
// record in this order.
std::variant<PlannedWrite, Refusal> plan_record_edit(
    const Workspace& ws, std::string_view section, const SourceLocation& at,
    const std::vector<std::pair<std::string, YamlValue>>& values);

}  // namespace acctool::cli
