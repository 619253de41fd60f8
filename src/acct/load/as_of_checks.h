#pragma once
// What depends on the as-of date T is checked after reading, so that reading
// a file stays a function of its bytes (and can be cached).
#include <vector>

#include "acct/load/assemble.h"

namespace acctool {

// Warns of each interaction of `file` dated after `as_of`, at its `date` value.
void check_as_of(const FileRecords& file, Date as_of, std::vector<Diagnostic>& out);

}  // namespace acctool
