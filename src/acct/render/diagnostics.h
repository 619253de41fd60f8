#pragma once
#include <string>
#include <vector>

#include "acct/model/diagnostic.h"
#include "acct/render/terminal_text.h"

namespace acctool {

// `path:line:col: error: message`, then (with `source`) the line and a caret:
//     3 | since: 2025-02-29
//       |        ^
std::string format_diagnostic(const Diagnostic& d, const Paint& paint, bool source);
// "2 errors, 1 warning in 5 files"
std::string format_counts(const DiagnosticCounts& c, int files_checked);

}  // namespace acctool
