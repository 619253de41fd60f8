#pragma once
// The edges of loading: finding the workspace, walking its folders, reading
// files (in parallel). Everything else in load/ takes text.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
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
    int files_cached = 0;                 // record files taken from the cache
    int files_parsed = 0;                 // record files read from disk and parsed
};

// The cache of parsed files: the folder of acct's caches ($XDG_CACHE_HOME/acct),
// empty for none, and when this run began (the system clock, read by cli).
// `parses`: a writing command's memo of parses, kept in the Workspace.
struct CacheUse {
    std::filesystem::path dir;
    std::int64_t now_ns = 0;
    std::shared_ptr<ParseMemo> parses;
};

// The ids of the client folders, by walking the folders only (no file is
// read): fast enough for shell completion.
std::vector<std::string> list_client_ids(const std::filesystem::path& root);

// Files as they would be after a write: path relative to the root -> text,
// read instead of the disk (a new file or folder included).
using Overlay = std::map<std::string, std::string>;

// `only`: read just this client folder (relative to the root) besides
// acct.yaml, as a writer does to check the one folder it changed. Without
// `with_interactions`, clients keep only their latest interaction and latest
// report (Workspace::interactions_loaded): a warm run then decodes a tenth of
// the records.
LoadResult load_workspace(const std::filesystem::path& root, Date as_of,
                          const Overlay& overlay = {},
                          const std::optional<std::string>& only = std::nullopt,
                          const CacheUse& cache = {}, bool with_interactions = true);

// The key of a cache made by this build for this acct.yaml.
std::string cache_key(const Config& config);

// For `acct cache info`: the workspace's cache under `cache.dir`.
struct CacheState {
    std::filesystem::path file;
    bool exists = false;
    bool valid = false;  // intact, of this build and this acct.yaml
    std::uint64_t bytes = 0;
    std::size_t files = 0;
    std::uint64_t data_bytes = 0;  // the sum of the cached files' sizes
};
CacheState cache_state(const std::filesystem::path& root, const CacheUse& cache);
// Removes the workspace's cache; false when it is there and could not be.
bool remove_cache(const std::filesystem::path& root, const CacheUse& cache);

}  // namespace acctool
