#pragma once
// `--commit`: checking that git can commit in the workspace before anything
// is written, committing exactly the written files, naming the commit.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace acctool::cli {

struct GitProblem {
    int status;  // 69: no git; 64: not a work tree
    std::string message;
};

// Why --commit cannot work in `folder`, or nothing.
std::optional<GitProblem> check_git(const std::filesystem::path& folder);

// Commits exactly `files` (relative to `folder`): other staged work stays
// staged and uncommitted. Returns what went wrong, or nothing.
std::optional<std::string> commit_files(const std::filesystem::path& folder,
                                        const std::vector<std::string>& files,
                                        const std::string& message);

// HEAD as `git log --oneline` names it.
std::string short_head(const std::filesystem::path& folder);

}  // namespace acctool::cli
