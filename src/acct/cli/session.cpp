#include "acct/cli/session.h"

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/language.h"
#include "acct/render/diagnostics.h"

namespace acctool::cli {

void Session::print(std::string_view text) const {
    std::fwrite(text.data(), 1, text.size(), env.out);
}

void Session::print_error(std::string_view text) const {
    fmt::print(env.err, "acct: {} {}\n", err_paint("error:", "1;31"), text);
}

std::optional<std::filesystem::path> Session::find_root(int& status) const {
    WorkspaceSearch found = find_workspace(globals.dir, env.acct_dir, env.cwd);
    if (!found.root) {
        print_error(fmt::format("no workspace: no acct.yaml in {}; run 'acct init' to create one",
                                terminal_safe(found.tried)));
        status = exit_code::no_input;
    }
    return found.root;
}

std::optional<LoadResult> Session::load(int& status) const {
    auto root = find_root(status);
    if (!root) return std::nullopt;
    use_workspace_language(*this, *root);
    return load_workspace(*root, as_of);
}

void Session::report_diagnostics(const LoadResult& r) const {
    for (const auto& d : r.diagnostics)
        fmt::print(env.err, "{}", format_diagnostic(d, err_paint, false));
}

int data_status(const LoadResult& r, bool strict) {
    if (r.io_error) return exit_code::io_error;
    DiagnosticCounts c = count(r.diagnostics);
    if (c.errors > 0 || (strict && c.warnings > 0)) return exit_code::data_error;
    return exit_code::ok;
}

}  // namespace acctool::cli
