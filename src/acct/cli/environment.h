#pragma once
// What acct takes from outside the program: read once, here, and passed down.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

#include "acct/model/date.h"

namespace acctool::cli {

struct Environment {
    std::filesystem::path cwd;
    Date today;  // local date, honouring TZ
    std::time_t now = 0;
    long utc_offset = 0;  // seconds east of UTC, now
    std::string hostname;
    std::optional<std::string> acct_dir;
    bool no_color = false;
    bool dumb_terminal = false;
    bool stdout_tty = false;
    bool stderr_tty = false;
    // How long a writer waits for another one: ACCT_LOCK_TIMEOUT seconds, else 10.
    std::chrono::milliseconds lock_wait{10000};
    std::FILE* out = stdout;
    std::FILE* err = stderr;
};

Environment read_environment();

}  // namespace acctool::cli
