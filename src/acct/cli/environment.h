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
    // Columns of the terminal stdout is (COLUMNS, else the window's size);
    // 0 when stdout is not a terminal: a pipe gets whole lines.
    int stdout_columns = 0;
    // How long a writer waits for another one: ACCT_LOCK_TIMEOUT seconds, else 10.
    std::chrono::milliseconds lock_wait{10000};
    // The folder of acct's caches: $XDG_CACHE_HOME/acct, else ~/.cache/acct;
    // empty when ACCT_CACHE=off or neither variable is set (cron's env -i).
    std::filesystem::path cache_dir;
    bool cache_off = false;                  // ACCT_CACHE=off
    std::optional<std::string> cache_stats;  // ACCT_CACHE_STATS: a file to append counts to
    std::FILE* out = stdout;
    std::FILE* err = stderr;
};

Environment read_environment();

}  // namespace acctool::cli
