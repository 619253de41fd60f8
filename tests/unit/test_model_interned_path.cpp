#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "acct/model/source_location.h"

using namespace acctool;

TEST_CASE("an interned path is one copy per text, and reads as its text") {
    std::string text = "clients/romashka/log.yaml";
    InternedPath a{text}, b{std::string_view(text)}, c{"clients/romashka/client.yaml"};
    CHECK(&a.str() == &b.str());
    CHECK(a == b);
    CHECK_FALSE(a == c);
    CHECK(a == "clients/romashka/log.yaml");
    CHECK(a == text);
    CHECK(a.starts_with("clients/romashka/"));
    CHECK(InternedPath().empty());
    CHECK(InternedPath("") == InternedPath());
    CHECK(fmt::format("{}", a) == text);
    std::string copy = a;
    CHECK(copy == text);
}

TEST_CASE("interned paths sort as their texts, not as their addresses") {
    InternedPath z("z.yaml"), a("a.yaml"), m("m.yaml");
    CHECK(a < m);
    CHECK(m < z);
    CHECK(std::tie(z, a) > std::tie(m, z));
    SourceLocation l{"clients/a/client.yaml", 3, 7};
    CHECK(fmt::format("{}", l) == "clients/a/client.yaml:3:7");
    CHECK(l == SourceLocation{std::string("clients/a/client.yaml"), 3, 7});
}

TEST_CASE("threads interning the same paths get the same copies") {
    std::vector<const std::string*> first(200), second(200);
    auto run = [](std::vector<const std::string*>& out) {
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] = &InternedPath(fmt::format("clients/c-{}/log.yaml", i)).str();
    };
    {
        std::jthread t(run, std::ref(first));
        run(second);
    }
    CHECK(first == second);
    CHECK(*first[17] == "clients/c-17/log.yaml");
}
