#include "acct/cli/language.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/lang/translate.h"
#include "acct/load/config_language.h"
#include "acct/load/suggest.h"

namespace acctool::cli {

namespace {

std::filesystem::path running_binary() {
    std::error_code ec;  // no /proc: only the configured prefix is searched
    return std::filesystem::read_symlink("/proc/self/exe", ec);
}

// The run's language settings: chosen once here, before any message.
struct RunLanguage {
    Catalogs catalogs{running_binary()};
    bool chosen = false;  // by --lang or ACCT_LANG: acct.yaml does not decide
};

RunLanguage& run_language() {
    static RunLanguage r;
    return r;
}

void use(const Session& s, Language language) {
    std::string warning;
    const Catalog* c = run_language().catalogs.get(language, &warning);
    if (!warning.empty()) s.print_warning(warning);
    use_language(c ? language : Language::en, c);
}

}  // namespace

const Catalog* catalog_of(const Session& s, Language language) {
    std::string warning;
    const Catalog* c = run_language().catalogs.get(language, &warning);
    if (!warning.empty()) s.print_warning(warning);
    return c;
}

Result<Language> parse_language(std::string_view code) {
    constexpr auto names = EnumNames<Language>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == code) return static_cast<Language>(i);
    if (auto near = closest(code, names))
        return Failure{trf("unknown language '{}'; did you mean '{}'?", code, *near)};
    return Failure{trf("unknown language '{}'; expected one of {}", code,
                       fmt::format("{}", fmt::join(names, ", ")))};
}

int choose_language(const Session& s, const std::optional<std::string>& option) {
    std::optional<Language> chosen;
    if (option) {
        auto l = parse_language(*option);
        if (!l) {
            s.print_error(fmt::format("--lang: {}", l.error()));
            return exit_code::usage;
        }
        chosen = *l;
    } else if (const char* env = std::getenv("ACCT_LANG")) {
        auto l = parse_language(env);
        if (l)
            chosen = *l;
        else
            s.print_warning(trf("ACCT_LANG: {} (ignored)", l.error()));
    }
    if (chosen) {
        run_language().chosen = true;
        use(s, *chosen);
    }
    return exit_code::ok;
}

std::optional<Language> workspace_language(const std::filesystem::path& root) {
    std::ifstream in(root / "acct.yaml", std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return read_config_language(SourceText("acct.yaml", text.str()));
}

void use_workspace_language(const Session& s, const std::filesystem::path& root) {
    if (run_language().chosen) return;
    // English when acct.yaml names no language: the early guess (for --help
    // and usage errors) may have looked at another folder.
    use(s, workspace_language(root).value_or(Language::en));
}

std::vector<std::filesystem::path> Catalogs::paths(Language language) const {
    std::filesystem::path tail =
        std::filesystem::path(to_string(language)) / "LC_MESSAGES" / "acct.mo";
    std::vector<std::filesystem::path> out;
    if (!exe_.empty()) {
        std::filesystem::path dir = exe_.parent_path();
        out.push_back(dir / "locale" / tail);
        out.push_back(dir.parent_path() / "share" / "locale" / tail);
    }
    out.push_back(std::filesystem::path(ACCT_LOCALEDIR) / tail);
    return out;
}

const Catalog* Catalogs::get(Language language, std::string* warning) {
    if (language == Language::en) return nullptr;
    auto [it, fresh] = loaded_.try_emplace(language);
    if (fresh) {
        std::vector<std::string> tried;
        for (const auto& path : paths(language)) {
            std::ifstream in(path, std::ios::binary);
            if (!in) {
                tried.push_back(path.string());
                continue;
            }
            std::ostringstream bytes;
            bytes << in.rdbuf();
            auto c = parse_mo(bytes.str());
            if (c) {
                it->second = std::move(*c);
                break;
            }
            tried.push_back(fmt::format("{} ({})", path.string(), c.error()));
        }
        if (!it->second && warning)
            *warning = fmt::format("no catalog for lang '{}': tried {}; English applies",
                                   to_string(language), fmt::join(tried, ", "));
    }
    return it->second ? &*it->second : nullptr;
}

}  // namespace acctool::cli
