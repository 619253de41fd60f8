#pragma once
// The digest as plain text, Markdown or an HTML page. Every piece of data is
// made safe for where it goes: control characters escaped in all three,
// Markdown punctuation backslash-escaped, HTML entities in HTML.
#include <string>

#include "acct/report/digest.h"

namespace acctool {

std::string digest_title(const Digest& d);  // "acct digest for Fri 2026-11-27 (anna)"
std::string render_digest_text(const Digest& d);
std::string render_digest_markdown(const Digest& d);
std::string render_digest_html(const Digest& d);

}  // namespace acctool
