// acct check [--strict]: every diagnostic of the workspace, then a count.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/git_driver.h"
#include "acct/cli/session.h"
#include "acct/render/diagnostics.h"

namespace acctool::cli {

namespace {

struct CheckOptions {
    bool strict = false;
};

int run_check(Session& s, const CheckOptions& o) {
    int status = 0;
    auto loaded = s.load(status, false);  // diagnostics only
    if (!loaded) return status;
    if (auto unregistered = unregistered_merge_driver(loaded->workspace.root)) {
        loaded->diagnostics.push_back(std::move(*unregistered));
        sort_diagnostics(loaded->diagnostics);
    }
    std::string out;
    for (const auto& d : loaded->diagnostics)
        out += format_diagnostic(d, s.out_paint, true);
    out += format_counts(count(loaded->diagnostics), loaded->workspace.files_read) + '\n';
    s.print(out);
    return data_status(*loaded, o.strict);
}

}  // namespace

Runner setup_check(CLI::App& app) {
    auto opts = std::make_shared<CheckOptions>();
    auto* cmd =
        app.add_subcommand("check", "Check every file of the workspace and list the problems");
    cmd->add_flag("--strict", opts->strict, "Warnings count as errors for the exit status");
    cmd->footer("Example:\n  acct check --strict    # exit 65 on any error or warning");
    return [opts](Session& s) { return run_check(s, *opts); };
}

}  // namespace acctool::cli
