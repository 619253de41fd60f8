#pragma once
// Reading the `requests` and `changes` of a record file (SPEC 2.8, 2.9):
// what one file can settle. References to contracts and requests, duplicate
// ids and the budget's currency wait for assemble.h.
#include <cstdint>

#include "acct/load/fields.h"
#include "acct/load/file_records.h"

namespace acctool {

void read_request(const ReadContext& ctx, std::uint32_t item, FileRecords& out);
void read_change(const ReadContext& ctx, std::uint32_t item, FileRecords& out);

}  // namespace acctool
