#include <doctest/doctest.h>

#include <CLI/CLI.hpp>

#include "acct/cli/number_arguments.h"

using namespace acctool::cli;

namespace {

// The words CLI11 gets for `acct WORDS...`, back in reading order.
std::vector<std::string> read(const CLI::App& app, std::vector<std::string> words) {
    words.insert(words.begin(), "acct");
    std::vector<char*> argv;
    for (auto& w : words)
        argv.push_back(w.data());
    auto out = parse_order(app, static_cast<int>(argv.size()), argv.data());
    return {out.rbegin(), out.rend()};
}

}  // namespace

TEST_CASE("a number with no digit before the point is an argument, not the option '.'") {
    CLI::App app{"", "acct"};
    std::string dir, value, unit;
    bool dry = false;
    app.add_option("-C,--dir", dir);
    auto* metric = app.add_subcommand("metric");
    metric->add_option("VALUE", value);
    metric->add_option("--unit", unit);
    metric->add_flag("-n,--dry-run", dry);

    using W = std::vector<std::string>;
    CHECK(read(app, {"metric", "-.5"}) == W{"metric", "-0.5"});
    CHECK(read(app, {"metric", "-n", "-.25", "--unit", "pp"}) ==
          W{"metric", "-n", "-0.25", "--unit", "pp"});
    // What CLI11 reads as it is: the value of an option, anything after `--`,
    // a word that is not a number, and "-3" and "-0.5", arguments already.
    CHECK(read(app, {"metric", "--unit", "-.5"}) == W{"metric", "--unit", "-.5"});
    CHECK(read(app, {"-C", "-.5", "metric"}) == W{"-C", "-.5", "metric"});
    CHECK(read(app, {"metric", "--", "-.5"}) == W{"metric", "--", "-.5"});
    CHECK(read(app, {"metric", "-.5e3", "-.", "-.x", "-3", "-0.5"}) ==
          W{"metric", "-.5e3", "-.", "-.x", "-3", "-0.5"});

    // And CLI11 then takes the spelled word for VALUE.
    std::vector<std::string> words{"acct", "metric", "-.5", "-n"};
    std::vector<char*> argv;
    for (auto& w : words)
        argv.push_back(w.data());
    app.parse(parse_order(app, static_cast<int>(argv.size()), argv.data()));
    CHECK(value == "-0.5");
    CHECK(dry);
}
