#include "acct/cli/mail.h"

#include <random>

#include <unistd.h>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/lang/translate.h"
#include "acct/os/process.h"
#include "acct/os/shell_words.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

namespace {

// The domain of the first address in `from`, for the Message-ID.
std::string domain_of(std::string_view from, const std::string& fallback) {
    auto at = from.find('@');
    if (at == std::string_view::npos) return fallback;
    auto end = from.find_first_of(">, ", at);
    std::string d(from.substr(at + 1, end == std::string_view::npos ? end : end - at - 1));
    return d.empty() ? fallback : d;
}

}  // namespace

std::string random_hex(std::size_t digits) {
    std::random_device rd;
    std::string out;
    while (out.size() < digits)
        out += fmt::format("{:08x}", rd());
    return out.substr(0, digits);
}

std::string new_message_id(const Environment& env, std::string_view from) {
    return fmt::format("acct.{}.{}.{}@{}", env.now, getpid(), random_hex(12),
                       domain_of(from, env.hostname));
}

int send_mail(Session& s, const std::string& sendmail, const std::string& message,
              std::string_view not_sent) {
    // The whole message exists before the mailer starts: nothing half-built
    // is ever sent. sendmail takes local line ends.
    std::string local;
    for (std::size_t i = 0; i < message.size(); ++i)
        if (!(message[i] == '\r' && i + 1 < message.size() && message[i + 1] == '\n'))
            local += message[i];
    auto words = split_shell_words(sendmail);
    if (!words) {
        s.print_error(
            fmt::format("digest.sendmail '{}': {}", terminal_safe(sendmail), words.error()));
        return exit_code::usage;
    }
    const std::vector<std::string>& argv = *words;
    if (argv.empty()) {
        s.print_error(tr("digest.sendmail is empty"));
        return exit_code::usage;
    }
    ProcessResult r = run_program(argv, local);
    if (!r.started) {
        s.print_error(
            trf("cannot run '{}': {}; install a mail transfer agent or set "
                "digest.sendmail in acct.yaml",
                terminal_safe(sendmail), r.describe()));
        return exit_code::unavailable;
    }
    if (!r.succeeded()) {
        s.print_error(fmt::format("'{}' {}{}{}; {}", terminal_safe(sendmail), r.describe(),
                                  r.errors.empty() ? "" : ": ", terminal_safe(r.errors), not_sent));
        return exit_code::try_again;
    }
    return 0;
}

}  // namespace acctool::cli
