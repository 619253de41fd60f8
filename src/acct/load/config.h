#pragma once
// acct.yaml -> Config. A bad value is reported and its default applies.
#include <vector>

#include "acct/load/source_text.h"
#include "acct/model/records.h"

namespace acctool {

struct ConfigRead {
    Config config;
    std::vector<Diagnostic> diagnostics;
};

ConfigRead read_config(const SourceText& source);

}  // namespace acctool
