#include "acct/cli/environment.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

namespace acctool::cli {

namespace {

std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

// COLUMNS when it is a positive number (as ls and man honour it), else the
// window's size, else 80.
int terminal_columns(const std::optional<std::string>& columns) {
    if (columns) {
        char* end = nullptr;
        long n = std::strtol(columns->c_str(), &end, 10);
        if (end != columns->c_str() && *end == '\0' && n > 0 && n < 10000)
            return static_cast<int>(n);
    }
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

}  // namespace

Environment read_environment() {
    Environment e;
    std::error_code ec;
    e.cwd = std::filesystem::current_path(ec);
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    e.today = Date{std::chrono::year{local.tm_year + 1900},
                   std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                   std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
    e.now = now;
    e.utc_offset = local.tm_gmtoff;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0) e.hostname = host;
    if (e.hostname.empty()) e.hostname = "localhost";
    e.acct_dir = env("ACCT_DIR");
    // https://no-color.org: set and not empty.
    auto no_color = env("NO_COLOR");
    e.no_color = no_color && !no_color->empty();
    e.dumb_terminal = env("TERM").value_or("") == "dumb";
    e.stdout_tty = isatty(STDOUT_FILENO) == 1;
    e.stderr_tty = isatty(STDERR_FILENO) == 1;
    if (e.stdout_tty) e.stdout_columns = terminal_columns(env("COLUMNS"));
    if (auto wait = env("ACCT_LOCK_TIMEOUT")) {
        char* end = nullptr;
        double seconds = std::strtod(wait->c_str(), &end);
        if (end != wait->c_str() && *end == '\0' && seconds >= 0 && seconds < 86400)
            e.lock_wait = std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    }
    e.cache_off = env("ACCT_CACHE").value_or("") == "off";
    // XDG: a relative XDG_CACHE_HOME is invalid and ignored.
    auto xdg = env("XDG_CACHE_HOME");
    auto home = env("HOME");
    if (e.cache_off)
        ;
    else if (xdg && !xdg->empty() && (*xdg)[0] == '/')
        e.cache_dir = std::filesystem::path(*xdg) / "acct";
    else if (home && !home->empty() && (*home)[0] == '/')
        e.cache_dir = std::filesystem::path(*home) / ".cache" / "acct";
    e.cache_stats = env("ACCT_CACHE_STATS");
    return e;
}

}  // namespace acctool::cli
