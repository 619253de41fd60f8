#pragma once
// The lines of a .gitattributes file that send record files to acct's merge
// driver: which are missing (to be inserted, never rewriting a line), and
// whether a file names the driver at all.
#include <array>
#include <string>
#include <string_view>

namespace acctool {

inline constexpr std::array<std::string_view, 2> acct_merge_attributes{"*.yaml merge=acct",
                                                                       "*.yml merge=acct"};

// The text to append to `attributes` so that it holds every line of
// acct_merge_attributes; empty when nothing is missing. It starts with a line
// break when the file's last line has none, and follows the file's endings.
std::string missing_merge_attributes(std::string_view attributes);

// The first line (from 1) that sets `merge=acct` for some pattern, or 0.
int acct_merge_line(std::string_view attributes);

}  // namespace acctool
