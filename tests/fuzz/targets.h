#pragma once
// The bodies of the fuzz targets, shared by the libFuzzer executables
// (fuzz_*.cpp, clang builds) and by the unit test that replays every saved
// input in tests/fuzz/regressions/ in every build. Each returns 0 and aborts
// on a broken invariant.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace acctool::fuzz {

// A record file's bytes, read as client.yaml and as a section file.
int record_file(const std::uint8_t* data, std::size_t size);
// Text for a terminal: never a raw control or bidi character out.
int terminal_text(const std::uint8_t* data, std::size_t size);
// The writer: insert a record into any file that parses; the result must be
// the old bytes plus the insertion.
int insert(const std::uint8_t* data, std::size_t size);

// Mail: any subject, display name and body make a message whose lines stay
// within limits, with no bare line feed and no header but acct's.
int mail(const std::uint8_t* data, std::size_t size);

// CSV: any text cells make rows that a reader splits back into the same
// cells (formulas neutralised); ICS: any text makes lines of at most 75
// octets, whole UTF-8 characters, no bare line break.
int csv(const std::uint8_t* data, std::size_t size);
int ics(const std::uint8_t* data, std::size_t size);

// The record merge: three versions separated by NUL (or one file, to which
// each side appends a record). A merged result parses, and keeps every
// record either side added.
int merge(const std::uint8_t* data, std::size_t size);

using Target = int (*)(const std::uint8_t*, std::size_t);
struct NamedTarget {
    std::string_view name;
    Target run;
};
inline constexpr NamedTarget targets[] = {{"record_file", record_file},
                                          {"terminal_text", terminal_text},
                                          {"insert", insert},
                                          {"mail", mail},
                                          {"csv", csv},
                                          {"ics", ics},
                                          {"merge", merge}};

}  // namespace acctool::fuzz
