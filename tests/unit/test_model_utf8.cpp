#include <doctest/doctest.h>

#include "acct/model/utf8.h"
#include "acct/render/terminal_text.h"

using namespace acctool;

TEST_CASE("one strict UTF-8 decoder serves the loader and the terminal") {
    CHECK_FALSE(find_invalid_utf8("ООО «Ромашка» 桜 😀").has_value());
    CHECK(find_invalid_utf8("ab\xC0\xAF") == 2u);          // overlong '/'
    CHECK(find_invalid_utf8("a\xED\xA0\x80") == 1u);       // a surrogate
    CHECK(find_invalid_utf8("Acme \xFF\xFE Corp") == 5u);  // not UTF-8 at all
    CHECK(find_invalid_utf8("\xE2\x82") == 0u);            // cut short
    // What the loader refuses, the terminal shows escaped, byte by byte.
    CHECK(terminal_safe("a\xC0\xAF") == "a\\xc0\\xaf");
    CHECK(display_width("ООО 桜") == 6);
}

TEST_CASE("terminal_safe keeps printable text and escapes every control, between runs") {
    CHECK(terminal_safe("") == "");
    CHECK(terminal_safe("Acme Corp") == "Acme Corp");
    CHECK(terminal_safe("ООО «Ромашка» 桜 😀") == "ООО «Ромашка» 桜 😀");
    CHECK(terminal_safe("a\nb\tc\rd") == "a\\nb\\tc\\rd");
    CHECK(terminal_safe("\x1b[31mred\x7f") == "\\x1b[31mred\\x7f");
    CHECK(terminal_safe("x\xC2\x85y") == "x\\u0085y");  // a C1 control, U+0085
    CHECK(terminal_safe("ab\xE2\x80\xAE"
                        "cd") == "ab\\u202ecd");  // right-to-left override
    CHECK(terminal_safe("Ф\xFF"
                        "Я") == "Ф\\xffЯ");  // a byte that is not UTF-8
    CHECK(terminal_safe("\n") == "\\n");
}
