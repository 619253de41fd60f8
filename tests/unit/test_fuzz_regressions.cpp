#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "../fuzz/targets.h"

// Every input a fuzzer ever crashed on (tests/fuzz/regressions/TARGET/) and
// every seed, replayed through the same bodies in every build.
TEST_CASE("saved fuzz inputs and seeds run clean through every fuzz target") {
    namespace fs = std::filesystem;
    const fs::path dir = ACCT_FUZZ_DIR;
    int inputs = 0;
    for (const auto& t : acctool::fuzz::targets) {
        std::vector<fs::path> files;
        for (const fs::path& sub : {dir / "regressions" / t.name, fs::path(ACCT_CORPUS_DIR)})
            for (const auto& e : fs::recursive_directory_iterator(sub))
                if (e.is_regular_file()) files.push_back(e.path());
        for (const auto& f : files) {
            std::ifstream in(f, std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            std::string bytes = ss.str();
            CAPTURE(f.string());
            CHECK(t.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()) == 0);
            ++inputs;
        }
    }
    CHECK(inputs > 1000);
}
