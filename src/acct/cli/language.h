#pragma once
// Which language acct writes in (SPEC 9): --lang, else ACCT_LANG, else
// acct.yaml `lang`, else English; and where its catalog is found, installed
// or in the build tree.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "acct/cli/session.h"
#include "acct/lang/catalog.h"
#include "acct/model/language.h"

namespace acctool::cli {

// The language named by `code` ("en", "ru"), or why not, with a did-you-mean.
Result<Language> parse_language(std::string_view code);

// --lang (nullopt when not given), else ACCT_LANG, for the whole run: 64 on
// an unknown --lang; an unknown ACCT_LANG is a warning.
int choose_language(const Session& session, const std::optional<std::string>& option);
// acct.yaml `lang` of the workspace at `root` decides when neither --lang
// nor ACCT_LANG did; English when it names none.
void use_workspace_language(const Session& session, const std::filesystem::path& root);
// The language acct.yaml at `root` names: nullopt when it names none or
// cannot be read (loading reports that).
std::optional<Language> workspace_language(const std::filesystem::path& root);
// The catalog of `language` for a scope of its own (a client's brief, in a
// LanguageScope): nullptr for English, or when none can be read (warned).
const Catalog* catalog_of(const Session& session, Language language);

// The catalogs of one run, read when first needed.
class Catalogs {
  public:
    // `exe` is the running binary: its catalogs sit in EXE_DIR/locale in
    // the build tree, or EXE_DIR/../share/locale when installed.
    explicit Catalogs(std::filesystem::path exe) : exe_(std::move(exe)) {}

    // The catalog of `language`: nullptr for English, or when none can be
    // read (then `warning` says where it looked).
    const Catalog* get(Language language, std::string* warning = nullptr);
    // Where the catalog of `language` is looked for, in order.
    std::vector<std::filesystem::path> paths(Language language) const;

  private:
    std::filesystem::path exe_;
    std::map<Language, std::optional<Catalog>> loaded_;
};

}  // namespace acctool::cli
