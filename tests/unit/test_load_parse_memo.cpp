#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "acct/load/parse_memo.h"

using namespace acctool;

namespace {

// The document as "kind:value" words, to compare two parses.
std::string shape(const YamlParse& p) {
    if (!p.document) return "error at " + std::to_string(p.error.pos) + ": " + p.error.message;
    std::string out;
    for (const auto& n : p.document->nodes)
        out += std::to_string(static_cast<int>(n.kind)) + ":" + n.value + "@" +
               std::to_string(n.pos) + " ";
    return out;
}

}  // namespace

TEST_CASE("the same bytes are parsed once, and give what parse_yaml gives") {
    ParseMemo memo;
    const std::string text = "interactions:\n  - date: 2026-11-27\n    kind: call\n";
    CHECK(shape(memo.parse(text)) == shape(parse_yaml(text)));
    CHECK(shape(memo.parse(std::string(text))) == shape(parse_yaml(text)));
    CHECK(memo.parsed() == 1);
    // One byte more is another text.
    CHECK(shape(memo.parse(text + "\n")) == shape(parse_yaml(text + "\n")));
    CHECK(memo.parsed() == 2);
}

TEST_CASE("a syntax error is remembered with its position") {
    ParseMemo memo;
    const std::string text = "name: A\nstatus active\n";
    YamlParse first = memo.parse(text);
    REQUIRE_FALSE(first.document);
    CHECK(shape(memo.parse(text)) == shape(first));
    CHECK(shape(first) == shape(parse_yaml(text)));
    CHECK(memo.parsed() == 1);
}

TEST_CASE("only the latest few parses are kept") {
    ParseMemo memo(2, 1000);
    memo.parse("a: 1\n");
    memo.parse("b: 2\n");
    memo.parse("a: 1\n");  // kept: now the latest used
    memo.parse("c: 3\n");  // pushes out b
    CHECK(memo.kept() == 2);
    CHECK(memo.parsed() == 3);
    memo.parse("a: 1\n");
    CHECK(memo.parsed() == 3);
    memo.parse("b: 2\n");
    CHECK(memo.parsed() == 4);
}

TEST_CASE("texts beyond the byte budget are parsed but not kept") {
    ParseMemo memo(8, 12);
    const std::string big = "key: a long value\n";
    CHECK(memo.parse(big).document);
    CHECK(memo.kept() == 0);
    memo.parse("a: 1\n");
    memo.parse("b: 2\n");
    memo.parse("c: 3\n");  // 15 bytes in all: the oldest goes
    CHECK(memo.kept() == 2);
}

TEST_CASE("threads may parse at once") {
    ParseMemo memo(4, 1 << 20);
    std::vector<std::string> texts;
    for (int i = 0; i < 16; ++i)
        texts.push_back("n: " + std::to_string(i % 4) + "\n");
    std::vector<std::string> got(texts.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < texts.size(); ++i)
        threads.emplace_back([&, i] { got[i] = shape(memo.parse(texts[i])); });
    for (auto& t : threads)
        t.join();
    for (std::size_t i = 0; i < texts.size(); ++i)
        CHECK(got[i] == shape(parse_yaml(texts[i])));
    CHECK(memo.kept() == 4);
}
