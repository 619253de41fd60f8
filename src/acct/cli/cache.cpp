// acct cache info|clear: the cache of parsed files of this workspace.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/session.h"
#include "acct/lang/translate.h"

namespace acctool::cli {

namespace {

struct CacheOptions {
    std::string action;
};

std::string off_reason(const Session& s) {
    if (s.globals.no_cache) return std::string(tr("cache: off (--no-cache)")) + "\n";
    if (s.env.cache_off) return std::string(tr("cache: off (ACCT_CACHE=off)")) + "\n";
    return std::string(tr("cache: off (neither XDG_CACHE_HOME nor HOME is set)")) + "\n";
}

int run_cache(Session& s, const CacheOptions& o) {
    int status = 0;
    auto root = s.find_root(status);
    if (!root) return status;
    CacheUse use = s.cache();
    if (use.dir.empty()) {
        if (o.action == "info") s.print(off_reason(s));
        return exit_code::ok;
    }
    if (o.action == "clear") {
        if (remove_cache(*root, use)) return exit_code::ok;
        s.print_error(trf("cannot remove {}: {}",
                          terminal_safe(cache_state(*root, use).file.string()),
                          std::strerror(errno)));
        return exit_code::cannot_create;
    }
    CacheState c = cache_state(*root, use);
    std::string file = terminal_safe(c.file.string());
    if (!c.exists)
        s.print(
            trf("cache: {} (none yet: the next command that reads the workspace makes it)", file) +
            "\n");
    else if (!c.valid)
        s.print(trf("cache: {} (damaged, or of another acct build or acct.yaml: the next "
                    "command that reads the workspace makes it again)",
                    file) +
                "\n");
    else
        s.print(trf("cache: {}\nfiles: {} ({} bytes of YAML)\nsize: {} bytes", file, c.files,
                    c.data_bytes, c.bytes) +
                "\n");
    return exit_code::ok;
}

}  // namespace

Runner setup_cache(CLI::App& app) {
    auto o = std::make_shared<CacheOptions>();
    auto* cmd =
        app.add_subcommand("cache", "Show or remove this workspace's cache of parsed files");
    cmd->add_option("ACTION", o->action,
                    "info: where the cache is and what it holds; clear: remove it")
        ->required()
        ->check(CLI::IsMember({"info", "clear"}));
    cmd->footer("Example:\n  acct cache info\n  acct --no-cache due    # read every file again");
    return [o](Session& s) { return run_cache(s, *o); };
}

}  // namespace acctool::cli
