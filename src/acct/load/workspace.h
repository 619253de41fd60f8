#pragma once
// The edges of loading: finding the workspace, walking its folders, reading
// files (in parallel). Everything else in load/ takes text.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "acct/model/diagnostic.h"
#include "acct/model/records.h"

namespace acctool {

struct WorkspaceSearch {
    std::optional<std::filesystem::path> root;
    std::string tried;  // what was looked at, for the error message
};

// -C/--dir, else $ACCT_DIR, else the nearest ancestor of `cwd` with acct.yaml.
WorkspaceSearch find_workspace(const std::optional<std::string>& dir_option,
                               const std::optional<std::string>& env_dir,
                               const std::filesystem::path& cwd);

struct LoadResult {
    Workspace workspace;
    std::vector<Diagnostic> diagnostics;  // sorted by path, line, column
    bool io_error = false;                // a file could not be read
};

// The ids of the client folders, by walking the folders only (no file is
// read): fast enough for shell completion.
std::vector<std::string> list_client_ids(const std::filesystem::path& root);

// Files as they would be after a write: path relative to the root -> text,
// read instead of the disk (a new file or folder included).
using Overlay = std::map<std::string, std::string>;

// `only`: read just this client folder (relative to the root) besides
// acct.yaml, as a writer does to check the one folder it changed.
LoadResult load_workspace(const std::filesystem::path& root, Date as_of,
                          const Overlay& overlay = {},
                          const std::optional<std::string>& only = std::nullopt);

}  // namespace acctool
