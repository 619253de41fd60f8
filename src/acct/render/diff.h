#pragma once
// A unified diff of one file's change, as `--dry-run` shows it.
#include <optional>
#include <string>
#include <string_view>

#include "acct/render/terminal_text.h"

namespace acctool {

// `old_text` absent: a new file. For a terminal, lines are shown with
// control characters escaped (a CR before the line break is left out);
// otherwise byte for byte, so that `git apply` takes the diff. Colour from
// `paint`.
std::string unified_diff(std::string_view path, const std::optional<std::string>& old_text,
                         std::string_view new_text, const Paint& paint, bool for_terminal = true,
                         int context = 3);

}  // namespace acctool
