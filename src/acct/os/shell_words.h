#pragma once
// A command line from a configuration file -> its words, as a POSIX shell
// splits them (quotes and backslashes), with no expansion of any kind: the
// program then runs without a shell.
#include <string>
#include <string_view>
#include <vector>

#include "acct/model/result.h"

namespace acctool {

// `sh -c "exec sendmail -t"` -> {sh, -c, exec sendmail -t}. An unclosed
// quote, a trailing backslash or an unquoted shell operator (| & ; < > ( ))
// is an error: there is no shell to give them a meaning.
Result<std::vector<std::string>> split_shell_words(std::string_view command);

}  // namespace acctool
