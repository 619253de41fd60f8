#pragma once
// The commands for sharing a workspace through git.
#include "acct/cli/session.h"

namespace acctool::cli {

Runner setup_git_setup(CLI::App& app);
Runner setup_merge_file(CLI::App& app);

}  // namespace acctool::cli
