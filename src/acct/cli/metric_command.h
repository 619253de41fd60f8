#pragma once
// acct metric and acct brief: what the client sees of the work (SPEC 2.10, 8).
#include "acct/cli/session.h"

namespace acctool::cli {

Runner setup_metric(CLI::App& app);
Runner setup_brief(CLI::App& app);

}  // namespace acctool::cli
