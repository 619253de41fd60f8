#include "acct/render/html_page.h"

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/render/markup.h"

namespace acctool {

namespace {

// Inline styles only (the policy allows nothing else): readable on screen,
// black on white without backgrounds on paper, charts kept whole on a page.
constexpr const char* stylesheet =
    R"(body { font-family: sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; }
figcaption { font-size: 0.9em; color: #555; }
svg { max-width: 100%; height: auto; }
@media print {
  body { margin: 0; max-width: none; color: #000; font-size: 10pt; }
  h2 { break-after: avoid; }
  figure, table, svg { break-inside: avoid; }
  th, td { border-color: #888; }
}
)";

}  // namespace

std::string html_page(std::string_view title, std::string_view body, std::string_view style) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{}</title>\n<style>\n{}{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        to_string(current_language()), html_escape(title), stylesheet, style, body);
}

}  // namespace acctool
