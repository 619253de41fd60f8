#pragma once
// acct health (SPEC 6).
#include "acct/cli/session.h"

namespace acctool::cli {

Runner setup_health(CLI::App& app);

}  // namespace acctool::cli
