#pragma once
// acct.yaml `lang`: the workspace's language, read apart from the rest of
// the configuration, since the command line asks for it after loading.
#include <optional>

#include "acct/load/source_text.h"
#include "acct/model/language.h"

namespace acctool {

// The language acct.yaml names; nullopt when it names none, or an unknown
// one (read_config warns about that).
std::optional<Language> read_config_language(const SourceText& acct_yaml);

}  // namespace acctool
