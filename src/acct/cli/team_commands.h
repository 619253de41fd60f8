#pragma once
// The commands between the client and the team (SPEC 2.8, 2.9): ask,
// request, change, decide.
#include "acct/cli/session.h"

namespace acctool::cli {

Runner setup_ask(CLI::App& app);
Runner setup_change(CLI::App& app);
Runner setup_request(CLI::App& app);
Runner setup_decide(CLI::App& app);

}  // namespace acctool::cli
