#pragma once
// What every command gets: the environment, the global options, and the
// helpers that print and load the workspace the same way for all.
#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "acct/cli/environment.h"
#include "acct/load/workspace.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

struct GlobalOptions {
    std::optional<std::string> dir;
    std::string as_of;
    std::string color = "auto";
    bool no_cache = false;
};

struct Session {
    const Environment& env;
    const GlobalOptions& globals;
    Date as_of;
    Paint out_paint;
    Paint err_paint;
    // Set by a writing command: the same bytes are parsed once in the run.
    std::shared_ptr<ParseMemo> parses = nullptr;

    void print(std::string_view text) const;
    void print_error(std::string_view text) const;  // "acct: error: text"
    // "acct: warning: text"
    void print_warning(std::string_view text) const;
    // Finds the workspace root; on failure prints why and sets `status`.
    std::optional<std::filesystem::path> find_root(int& status) const;
    // Finds and loads the workspace; on failure prints why, sets `status`
    // and returns null. The workspace is kept until the run ends: freeing a
    // large one took a tenth of a warm run, as the process exits anyway.
    LoadResult* load(int& status, bool with_interactions = true) const;
    // Loads the workspace at `root` (load_workspace), with the cache unless
    // it is off.
    LoadResult load_at(const std::filesystem::path& root, const Overlay& overlay = {},
                       const std::optional<std::string>& only = std::nullopt,
                       bool with_interactions = true) const;
    // The cache's folder, or empty when there is none.
    CacheUse cache() const;
    // Diagnostics on stderr, one line each (check prints its own on stdout).
    void report_diagnostics(const LoadResult& r) const;
    // load(), then its diagnostics on stderr: what every reading command does.
    LoadResult* load_reported(int& status, bool with_interactions = true) const;
    // The client `id` of `ws`; when there is none, prints why, sets `status`
    // and returns null.
    const Client* client_or_say(const Workspace& ws, std::string_view id, int& status) const;
};

// Status for a command that loaded `r`: 74 on an unreadable file, 65 on a
// data error (or a warning with `strict`), else 0.
int data_status(const LoadResult& r, bool strict = false);

using Runner = std::function<int(Session&)>;

// One per command; each declares its options on `app` and returns its run.
Runner setup_check(CLI::App& app);
Runner setup_due(CLI::App& app);
Runner setup_init(CLI::App& app);
Runner setup_new(CLI::App& app);
Runner setup_log(CLI::App& app);
Runner setup_task(CLI::App& app);
Runner setup_done(CLI::App& app);
Runner setup_invoice(CLI::App& app);
Runner setup_paid(CLI::App& app);
Runner setup_digest(CLI::App& app);
Runner setup_export(CLI::App& app);
Runner setup_explain(CLI::App& app);
Runner setup_clients(CLI::App& app);
Runner setup_show(CLI::App& app);
Runner setup_report(CLI::App& app);
Runner setup_workload(CLI::App& app);
Runner setup_completion(CLI::App& app);
Runner setup_ids(CLI::App& app);
Runner setup_cache(CLI::App& app);

}  // namespace acctool::cli
