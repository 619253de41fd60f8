#include "acct/cli/early_language.h"

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "acct/cli/language.h"
#include "acct/lang/translate.h"
#include "acct/load/workspace.h"

namespace acctool::cli {

namespace {

// The value of option `name` (or `short_name`) in argv: "--name V",
// "--name=V", "-s V" or "-sV"; the last one given wins, as CLI11 has it.
std::optional<std::string> option_in(int argc, char** argv, std::string_view name,
                                     std::string_view short_name = {}) {
    std::optional<std::string> found;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") break;
        bool spaced = arg == name || (!short_name.empty() && arg == short_name);
        if (spaced && i + 1 < argc)
            found = argv[++i];
        else if (arg.starts_with(name) && arg.substr(name.size()).starts_with('='))
            found = arg.substr(name.size() + 1);
        else if (!short_name.empty() && arg.size() > short_name.size() &&
                 arg.starts_with(short_name))
            found = arg.substr(short_name.size());
    }
    return found;
}

// --lang, else ACCT_LANG, else `lang` in the acct.yaml of the workspace the
// command would use (-C/--dir, ACCT_DIR, the current folder and up).
std::optional<Language> early_language(int argc, char** argv) {
    std::optional<std::string> code = option_in(argc, argv, "--lang");
    if (!code)
        if (const char* env = std::getenv("ACCT_LANG")) code = env;
    if (code) {
        auto language = parse_language(*code);
        return language ? std::optional<Language>(*language) : std::nullopt;
    }
    std::optional<std::string> env_dir;
    if (const char* d = std::getenv("ACCT_DIR")) env_dir = d;
    std::error_code ec;
    auto cwd = std::filesystem::current_path(ec);
    if (ec) return std::nullopt;
    WorkspaceSearch found = find_workspace(option_in(argc, argv, "--dir", "-C"), env_dir, cwd);
    return found.root ? workspace_language(*found.root) : std::nullopt;
}

}  // namespace

void use_early_language(int argc, char** argv) {
    auto language = early_language(argc, argv);
    if (!language) return;
    std::error_code ec;  // no /proc: only the configured prefix is searched
    static Catalogs catalogs{std::filesystem::read_symlink("/proc/self/exe", ec)};
    if (const Catalog* c = catalogs.get(*language)) use_language(*language, c);
}

}  // namespace acctool::cli
