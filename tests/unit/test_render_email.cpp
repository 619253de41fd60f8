#include <doctest/doctest.h>

#include "acct/render/email.h"

using namespace acctool;

TEST_CASE("the Date header is RFC 5322 in any locale, with the zone's offset") {
    // 2026-11-27 07:05:09 UTC
    CHECK(rfc5322_date(1795763109, 0) == "Fri, 27 Nov 2026 07:05:09 +0000");
    CHECK(rfc5322_date(1795763109, 3 * 3600) == "Fri, 27 Nov 2026 10:05:09 +0300");
    CHECK(rfc5322_date(1795763109, -(9 * 3600 + 30 * 60)) == "Thu, 26 Nov 2026 21:35:09 -0930");
}

TEST_CASE("a long Cyrillic subject becomes encoded words of whole characters, folded") {
    std::string subject(60, ' ');
    subject = "Сводка: " + std::string("просроченные счета и продления договоров на неделю");
    std::string h = encode_header("Subject", subject);
    CHECK(h.starts_with("Subject: =?UTF-8?B?"));
    // Every line within 78, each word within 75.
    std::size_t start = 0;
    while (start < h.size()) {
        std::size_t end = h.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 78);
        start = end + 2;
    }
    CHECK(encode_header("Subject", "acct: 3 overdue") == "Subject: acct: 3 overdue\r\n");
    // "=?" in plain ASCII would read as an encoded word: it is encoded.
    CHECK(encode_header("Subject", "a =?x?= b").starts_with("Subject: =?UTF-8?B?"));
}

TEST_CASE("no encoded word splits a UTF-8 character") {
    // 39 bytes a word: 13 three-byte characters fit, the 14th starts the next word.
    std::string cjk;
    for (int i = 0; i < 14; ++i)
        cjk += "\xE6\xA1\x9C";  // 桜
    std::string h = encode_header("Subject", cjk);
    CHECK(h ==
          "Subject: =?UTF-8?B?5qGc5qGc5qGc5qGc5qGc5qGc5qGc5qGc5qGc5qGc5qGc5qGc5qGc?=\r\n"
          " =?UTF-8?B?5qGc?=\r\n");
}

TEST_CASE("addresses: ASCII as written, a display name that is not ASCII encoded") {
    CHECK(*encode_address_header("To", "a@example.com, Bob <b@example.com>") ==
          "To: a@example.com, Bob <b@example.com>\r\n");
    CHECK(*encode_address_header("From", "Анна <anna@example.com>") ==
          "From: =?UTF-8?B?0JDQvdC90LA=?= <anna@example.com>\r\n");
    CHECK(encode_address_header("To", "анна@пример.рф").error() ==
          "To: 'анна@пример.рф' is not an ASCII address");
}

TEST_CASE("a quoted display name: ASCII kept quoted, otherwise its quoted pairs undone") {
    CHECK(*encode_address_header("To", R"("Eve \\ <e> , x" <e@example.com>)") ==
          "To: \"Eve \\\\ <e> , x\" <e@example.com>\r\n");
    // "Анна \\ <Ко>" encodes the text Анна \ <Ко>.
    CHECK(*encode_address_header("To", R"("Анна \\ <Ко>" <a@example.com>)") ==
          "To: =?UTF-8?B?0JDQvdC90LAgXCA80JrQvj4=?= <a@example.com>\r\n");
}

TEST_CASE("a header value with a line break is refused") {
    CHECK(check_header_text("--subject", "Acme\r\nBcc: x@example.com").error() ==
          "--subject holds a line break, which would start a header of its own");
    CHECK(!check_header_text("To", "a\nb"));
    CHECK(check_header_text("Subject", "Сводка"));
}

TEST_CASE("quoted-printable keeps lines within 76 and encodes what it must") {
    CHECK(quoted_printable("a=b\nend \n") == "a=3Db\r\nend=20\r\n");
    CHECK(quoted_printable("Ж") == "=D0=96");
    std::string qp = quoted_printable(std::string(200, 'x'));
    CHECK(qp.find("=\r\n") == 75);
    for (std::size_t start = 0, end; (end = qp.find("\r\n", start)) != std::string::npos;
         start = end + 2)
        CHECK(end - start <= 76);
}

TEST_CASE("the message has both parts and a boundary found in neither") {
    MailMessage m{"acct@example.com", "anna@example.com",  "Hi",           1795763109, 0,
                  "x@example.com",    "text =_acct_ABC\n", "<p>html</p>\n"};
    auto msg = compose_email(m, "ABC");
    REQUIRE(msg);
    CHECK(msg->find("Content-Type: multipart/alternative;\r\n boundary=\"=_acct_ABC\"\r\n") !=
          std::string::npos);
    CHECK(msg->find("text =3D_acct_ABC") != std::string::npos);
    CHECK(msg->find("text/plain") < msg->find("text/html"));
    CHECK(msg->ends_with("--=_acct_ABC--\r\n"));
}

TEST_CASE("a word too long to fold is sent as encoded words, so no line passes 78") {
    for (const std::string& value : {std::string(300, 'x'), "Anna " + std::string(120, 'y')}) {
        std::string h = encode_header("Subject", value);
        for (std::size_t start = 0, end; (end = h.find("\r\n", start)) != std::string::npos;
             start = end + 2)
            CHECK(end - start <= 78);
        auto a = encode_address_header("From", "\"" + value + "\" <a@example.com>");
        REQUIRE(a);
        for (std::size_t start = 0, end; (end = a->find("\r\n", start)) != std::string::npos;
             start = end + 2)
            CHECK(end - start <= 78);
    }
}
