#pragma once
// The words of the command line as CLI11 is to read them.
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace acctool::cli {

// argv[1..] in the order CLI11's parse takes (last first), a number written
// with no digit before the point (-.5) spelled with one (-0.5) where it
// stands as an argument: CLI11 reads "-3" and "-0.5" as arguments (a digit
// follows the dash) but "-.5" as the short option '.', which no command has.
// After `--`, and as the value of an option, CLI11 takes the word as it is.
std::vector<std::string> parse_order(const CLI::App& app, int argc, char** argv);

}  // namespace acctool::cli
