#include "acct/cli/session.h"

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/language.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/model/text.h"
#include "acct/render/diagnostics.h"

namespace acctool::cli {

void Session::print(std::string_view text) const {
    std::fwrite(text.data(), 1, text.size(), env.out);
}

void Session::print_error(std::string_view text) const {
    fmt::print(env.err, "acct: {} {}\n", err_paint("error:", "1;31"), text);
}

void Session::print_warning(std::string_view text) const {
    fmt::print(env.err, "acct: {} {}\n", err_paint("warning:", "1;33"), text);
}

std::optional<std::filesystem::path> Session::find_root(int& status) const {
    WorkspaceSearch found = find_workspace(globals.dir, env.acct_dir, env.cwd);
    if (!found.root) {
        print_error(trf("no workspace: no acct.yaml in {}; run 'acct init' to create one",
                        terminal_safe(found.tried)));
        status = exit_code::no_input;
    }
    return found.root;
}

LoadResult* Session::load(int& status, bool with_interactions) const {
    auto root = find_root(status);
    if (!root) return nullptr;
    use_workspace_language(*this, *root);
    auto loaded = std::make_shared<LoadResult>(load_at(*root, {}, std::nullopt, with_interactions));
    keep_until_exit(loaded);
    return loaded.get();
}

LoadResult* Session::load_reported(int& status, bool with_interactions) const {
    LoadResult* loaded = load(status, with_interactions);
    if (loaded) report_diagnostics(*loaded);
    return loaded;
}

const Client* Session::client_or_say(const Workspace& ws, std::string_view id, int& status) const {
    auto found = find_client(ws, id);
    if (auto* refusal = std::get_if<Refusal>(&found)) {
        print_error(refusal->message);
        status = refusal->status;
        return nullptr;
    }
    return std::get<const Client*>(found);
}

CacheUse Session::cache() const {
    if (globals.no_cache) return CacheUse{{}, 0, parses};
    return CacheUse{env.cache_dir, static_cast<std::int64_t>(env.now) * 1'000'000'000, parses};
}

LoadResult Session::load_at(const std::filesystem::path& root, const Overlay& overlay,
                            const std::optional<std::string>& only, bool with_interactions) const {
    LoadResult r = load_workspace(root, as_of, overlay, only, cache(), with_interactions);
    // For the tests: whether a run took every file from the cache.
    if (env.cache_stats) {
        if (std::FILE* f = std::fopen(env.cache_stats->c_str(), "a")) {
            fmt::print(f, "cached={} parsed={}\n", r.files_cached, r.files_parsed);
            std::fclose(f);
        }
    }
    return r;
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
