// acct git-setup: record-level merges for this clone of the workspace.
#include <fmt/format.h>

#include "acct/cli/git_driver.h"
#include "acct/cli/sharing.h"

namespace acctool::cli {

Runner setup_git_setup(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "git-setup", "Let git merge record files record by record (run once in each clone)");
    cmd->footer(
        "Adds '*.yaml merge=acct' and '*.yml merge=acct' to the workspace's .gitattributes\n"
        "when missing and registers 'acct merge-file' as the driver in the clone's config.\n"
        "Example:\n"
        "  acct git-setup && git add .gitattributes && git commit -m 'acct merges'");
    return [](Session& s) {
        int status = 0;
        auto root = s.find_root(status);
        if (!root) return status;
        return set_up_git_merge(s, *root);
    };
}

}  // namespace acctool::cli
