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
