#include <doctest/doctest.h>

#include "acct/render/diff.h"

using namespace acctool;

TEST_CASE("a dry run shows the insertion as a unified diff with three lines of context") {
    std::string old_text = "a\nb\nc\nd\ne\nf\n";
    std::string new_text = "a\nb\nc\nd\nX\nY\ne\nf\n";
    CHECK(unified_diff("c/log.yaml", old_text, new_text, Paint{}) ==
          "--- a/c/log.yaml\n+++ b/c/log.yaml\n@@ -2,5 +2,7 @@\n b\n c\n d\n+X\n+Y\n e\n f\n");
}

TEST_CASE("a new file, a missing final newline and CRLF lines are shown plainly") {
    CHECK(unified_diff("n.yaml", std::nullopt, "x: 1\n", Paint{}) ==
          "--- /dev/null\n+++ b/n.yaml\n@@ -0,0 +1 @@\n+x: 1\n");
    CHECK(unified_diff("n.yaml", std::string("a\r\nb"), "a\r\nb\r\nc\r\n", Paint{}) ==
          "--- a/n.yaml\n+++ b/n.yaml\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n"
          "+b\n+c\n");
    CHECK(unified_diff("n.yaml", std::string("a\n"), "a\n", Paint{}).empty());
}

TEST_CASE("control characters in a diff are escaped") {
    CHECK(unified_diff("n.yaml", std::string(""), "x: \"\x1b[2J\"\n", Paint{}) ==
          "--- a/n.yaml\n+++ b/n.yaml\n@@ -0,0 +1 @@\n+x: \"\\x1b[2J\"\n");
}

TEST_CASE("into a pipe the diff keeps the bytes: CR, tab and escapes as they are") {
    CHECK(unified_diff("n.yaml", std::string("a\r\n"), "a\r\nb\tc\x1b\r\n", Paint{}, false) ==
          "--- a/n.yaml\n+++ b/n.yaml\n@@ -1 +1,2 @@\n a\r\n+b\tc\x1b\r\n");
}
