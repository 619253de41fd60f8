#pragma once
// What the commands that mail share (digest, brief): the Message-ID parts
// and the hand-over to digest.sendmail, exactly as the digest has always
// sent.
#include <string>
#include <string_view>

#include "acct/cli/session.h"

namespace acctool::cli {

std::string random_hex(std::size_t digits);
// A fresh Message-ID (without the angle brackets) in the domain of `from`.
std::string new_message_id(const Environment& env, std::string_view from);

// Pipes the whole `message` (CRLF) to the `sendmail` command with local line
// ends. 0 when it was sent, else the exit status, the reason printed with
// `not_sent` ("the digest was not sent") after it.
int send_mail(Session& s, const std::string& sendmail, const std::string& message,
              std::string_view not_sent);

}  // namespace acctool::cli
