#pragma once
// Due items as an RFC 5545 calendar: one all-day VEVENT per item, with a UID
// that stays the same for the same item from day to day (client, kind and
// subject), text escaped, CRLF line ends, lines folded at 75 octets but never
// inside a UTF-8 character, and a VALARM when asked.
#include <optional>
#include <string>
#include <vector>

#include "acct/rules/due.h"

namespace acctool {

struct IcsOptions {
    Date stamp;                     // DTSTAMP (the as-of date, midnight UTC)
    std::optional<int> alarm_days;  // a VALARM this many days before
};

std::string render_ics(const std::vector<DueItem>& items, const IcsOptions& options);

// RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped; other
// control characters dropped.
std::string ics_text(std::string_view s);
// `NAME:value` folded into lines of at most 75 octets, each ending in CRLF.
std::string ics_line(std::string_view content);
std::string item_uid(const DueItem& item);

}  // namespace acctool
