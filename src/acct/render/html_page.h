#pragma once
// One self-contained HTML page: no scripts, no external resources (a
// Content-Security-Policy says so to the browser too), a stylesheet for the
// screen and one for print. The body is markup the caller has escaped.
#include <string>
#include <string_view>

namespace acctool {

// `title` is plain text (escaped here); `body` is ready markup; `style` is
// added after the shared stylesheet (CSS, not data).
std::string html_page(std::string_view title, std::string_view body, std::string_view style = {});

}  // namespace acctool
