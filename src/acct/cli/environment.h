#pragma once
// What acct takes from outside the program: read once, here, and passed down.
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "acct/model/date.h"

namespace acctool::cli {

struct Environment {
    std::filesystem::path cwd;
    Date today;  // local date, honouring TZ
    std::optional<std::string> acct_dir;
    bool no_color = false;
    bool dumb_terminal = false;
    bool stdout_tty = false;
    bool stderr_tty = false;
    std::FILE* out = stdout;
    std::FILE* err = stderr;
};

Environment read_environment();

}  // namespace acctool::cli
