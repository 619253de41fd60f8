#include "acct/cli/early_language.h"

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "acct/cli/language.h"
#include "acct/lang/translate.h"

namespace acctool::cli {

namespace {

std::optional<std::string> lang_in(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") break;
        if (arg == "--lang" && i + 1 < argc) return std::string(argv[i + 1]);
        if (arg.starts_with("--lang=")) return std::string(arg.substr(7));
    }
    if (const char* env = std::getenv("ACCT_LANG")) return std::string(env);
    return std::nullopt;
}

}  // namespace

void use_early_language(int argc, char** argv) {
    auto code = lang_in(argc, argv);
    if (!code) return;
    auto language = parse_language(*code);
    if (!language) return;
    std::error_code ec;  // no /proc: only the configured prefix is searched
    static Catalogs catalogs{std::filesystem::read_symlink("/proc/self/exe", ec)};
    if (const Catalog* c = catalogs.get(*language)) use_language(*language, c);
}

}  // namespace acctool::cli
