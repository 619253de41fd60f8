#include <doctest/doctest.h>

#include "acct/os/shell_words.h"

using namespace acctool;
using Words = std::vector<std::string>;

static Words words(std::string_view s) {
    auto r = split_shell_words(s);
    REQUIRE_MESSAGE(r.ok(), r.error());
    return *r;
}

TEST_CASE("digest.sendmail is split as a POSIX shell splits words, with no expansion") {
    CHECK(words("sendmail -t -i") == Words{"sendmail", "-t", "-i"});
    CHECK(words("  sendmail\t-t  ") == Words{"sendmail", "-t"});
    // The issue's example: the quoted command is one word.
    CHECK(words("sh -c \"msmtp -t --account=work\"") ==
          Words{"sh", "-c", "msmtp -t --account=work"});
    CHECK(words("sh -c 'exec sendmail -t \"$@\"' sh") ==
          Words{"sh", "-c", "exec sendmail -t \"$@\"", "sh"});
    CHECK(words("/opt/my\\ mailer/send -f a@b") == Words{"/opt/my mailer/send", "-f", "a@b"});
    CHECK(words("a'b c'\"d e\"f") == Words{"ab cd ef"});
    CHECK(words("x '' \"\"") == Words{"x", "", ""});
    // Inside double quotes a backslash quotes only $ ` " \ and a line break.
    CHECK(words(R"("a\"b\\c\$d\e")") == Words{R"(a"b\c$d\e)"});
    CHECK(words("'a\\b'") == Words{"a\\b"});
    // No expansion: $HOME, ~, * and backquotes stay as written.
    CHECK(words("mailer $HOME ~ * `id`") == Words{"mailer", "$HOME", "~", "*", "`id`"});
    CHECK(words("").empty());
}

TEST_CASE("what only a shell could mean is refused with a reason") {
    CHECK(split_shell_words("sh -c 'open").error() ==
          "the single quote at character 7 is never closed");
    CHECK(split_shell_words("sh -c \"open").error() ==
          "the double quote at character 7 is never closed");
    CHECK(split_shell_words("mailer \\").error() == "it ends in a backslash, which quotes nothing");
    CHECK(split_shell_words("sendmail -t | tee log").error() ==
          "'|' at character 13 needs a shell, and none runs it; write sh -c '...' or quote it");
    CHECK(words("sh -c 'sendmail -t | tee log'") == Words{"sh", "-c", "sendmail -t | tee log"});
}
