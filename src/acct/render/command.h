#pragma once
// The acct command that resolves a due item, as a suggestion a person can
// paste: `acct contract initech pilot sent`. Titles come from a shared
// repository, so every argument is shell-quoted.
#include <string>
#include <string_view>

#include "acct/rules/due.h"

namespace acctool {

// `s` as one POSIX shell word: plain when safe, else in single quotes.
std::string shell_quote(std::string_view s);

// The command line for `item`; empty when no acct command resolves it.
std::string resolving_command(const DueItem& item);

}  // namespace acctool
