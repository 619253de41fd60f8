#pragma once
// Reading the `metrics` of a record file (SPEC 2.10), and settling a
// client's series across its files.
#include <cstdint>
#include <string_view>
#include <vector>

#include "acct/load/fields.h"
#include "acct/load/file_records.h"

namespace acctool {

void read_metric(const ReadContext& ctx, std::uint32_t item, FileRecords& out);

// Moves the files' metrics into the client in file order; a warning at the
// first value of a series whose unit differs from the series' unit before.
void take_metrics(Client& client, std::vector<FileRecords>& files, std::vector<Diagnostic>& out);

}  // namespace acctool
