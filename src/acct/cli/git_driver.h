#pragma once
// acct's merge driver in a git repository: setting it up (the attribute lines
// in the workspace's .gitattributes, the driver in the clone's config) and
// noticing a clone where it is named but not registered.
#include <filesystem>
#include <optional>
#include <string>

#include "acct/cli/session.h"
#include "acct/model/diagnostic.h"

namespace acctool::cli {

// Whether `dir` is inside a git work tree (false also when git is missing).
bool inside_git_work_tree(const std::filesystem::path& dir);

// The driver command git runs: this very binary, by absolute path, quoted
// for the shell git runs it with.
std::string merge_driver_command();

// Adds the missing attribute lines to `root`/.gitattributes and registers
// the driver in the repository's config; prints what it did. Returns the
// exit status.
int set_up_git_merge(const Session& s, const std::filesystem::path& root);

// A warning on .gitattributes when it names the acct driver and this clone's
// config does not define it.
std::optional<Diagnostic> unregistered_merge_driver(const std::filesystem::path& root);

}  // namespace acctool::cli
