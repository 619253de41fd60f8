#include "acct/cli/git_commit.h"

#include <cerrno>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/lang/translate.h"
#include "acct/os/process.h"

namespace fs = std::filesystem;

namespace acctool::cli {

std::optional<GitProblem> check_git(const fs::path& folder) {
    ProcessResult r = run_git(folder, {"rev-parse", "--is-inside-work-tree"});
    if (!r.started && r.start_error == ENOENT)
        return GitProblem{exit_code::unavailable, tr("--commit: git is not installed")};
    if (!r.succeeded())
        return GitProblem{exit_code::usage,
                          trf("--commit: {} is not inside a git work tree", folder.string())};
    return std::nullopt;
}

std::optional<std::string> commit_files(const fs::path& folder,
                                        const std::vector<std::string>& files,
                                        const std::string& message) {
    std::vector<std::string> add_args{"add", "--"};
    add_args.insert(add_args.end(), files.begin(), files.end());
    ProcessResult add = run_git(folder, add_args);
    if (!add.succeeded()) return fmt::format("git add {}: {}", add.describe(), add.errors);
    std::vector<std::string> commit_args{"commit", "--quiet", "--only", "-m", message, "--"};
    commit_args.insert(commit_args.end(), files.begin(), files.end());
    ProcessResult commit = run_git(folder, commit_args);
    if (!commit.succeeded())
        return fmt::format("git commit {}: {}", commit.describe(), commit.errors);
    return std::nullopt;
}

std::string short_head(const fs::path& folder) {
    return run_git(folder, {"rev-parse", "--short", "HEAD"}).output;
}

}  // namespace acctool::cli
