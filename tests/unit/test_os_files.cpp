#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "acct/os/files.h"

using namespace acctool;

TEST_CASE("pread_all and pwrite_all move every byte at an offset, and say when the file ends") {
    // Under TMPDIR, and removed however the test ends.
    struct RemovedAtEnd {
        std::string path;
        int fd = -1;
        ~RemovedAtEnd() {
            if (fd >= 0) ::close(fd);
            std::remove(path.c_str());
        }
    } file{(std::filesystem::temp_directory_path() / "acct-files-test-XXXXXX").string()};
    file.fd = ::mkstemp(file.path.data());
    REQUIRE(file.fd >= 0);

    const std::string text = "ООО «Ромашка»";
    REQUIRE(pwrite_all(file.fd, text.data(), text.size(), 4));
    std::string back(text.size(), '\0');
    REQUIRE(pread_all(file.fd, back.data(), back.size(), 4));
    CHECK(back == text);
    // The four bytes before the offset read as zeros: a hole.
    std::string start(4, 'x');
    REQUIRE(pread_all(file.fd, start.data(), 4, 0));
    CHECK(start == std::string(4, '\0'));
    // One byte past the end cannot be read whole.
    std::string past(text.size() + 1, '\0');
    CHECK_FALSE(pread_all(file.fd, past.data(), past.size(), 4));
    CHECK_FALSE(pread_all(-1, back.data(), 1, 0));
    CHECK(pread_all(file.fd, back.data(), 0, 0));  // nothing to read: done
}
