#pragma once
// A whole RFC 5322 message: multipart/alternative with the text first and
// the HTML last, UTF-8 bodies in quoted-printable, non-ASCII header text as
// RFC 2047 encoded words, every header line within 78 characters, CRLF line
// ends throughout.
#include <ctime>
#include <string>
#include <string_view>

#include "acct/model/result.h"

namespace acctool {

struct MailMessage {
    std::string from, to, subject;  // no CR or LF (check_header_text)
    std::time_t date = 0;
    long utc_offset = 0;     // seconds east of UTC, for the Date header
    std::string message_id;  // without the angle brackets
    std::string text, html;
};

// Refuses a header value holding CR, LF or NUL: it would start a header of
// its own (header injection).
Result<std::string> check_header_text(std::string_view name, std::string_view value);

// `boundary_seed`: random text for the MIME boundary.
Result<std::string> compose_email(const MailMessage& m, std::string_view boundary_seed);

// "Fri, 27 Nov 2026 07:00:00 +0100", the same in every locale.
std::string rfc5322_date(std::time_t t, long utc_offset);
// `Name: value`, folded, with non-ASCII words encoded (RFC 2047, base64,
// never splitting a UTF-8 character).
std::string encode_header(std::string_view name, std::string_view value);
// An address list: display names encoded when not ASCII; an address that is
// not ASCII is refused.
Result<std::string> encode_address_header(std::string_view name, std::string_view list);
// RFC 2045 quoted-printable with CRLF line ends; lines of at most 76.
std::string quoted_printable(std::string_view text);

}  // namespace acctool
