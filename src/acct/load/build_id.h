#pragma once
// What identifies this build of acct, for the cache's key.
#include <string>

namespace acctool {

// The ELF build id of the running program (the linker's hash of its code), as
// hex; empty when it has none, and then nothing is cached.
std::string build_id();

}  // namespace acctool
