#pragma once
// The requests and changes of one client, settled across its files (SPEC
// 2.7-2.9): duplicate ids (the later is skipped), references to the
// client's contracts and requests, and a change budget's currency. Runs
// after the client's contracts are taken.
#include <functional>
#include <vector>

#include "acct/load/file_records.h"

namespace acctool {

void take_requests(Client& client, std::vector<FileRecords>& files, std::vector<Diagnostic>& out);
// `folded()` says whether a dangling reference is told with a file of the
// client that did not parse (the record may refer to something in it).
void take_changes(Client& client, std::vector<FileRecords>& files, const Config& config,
                  std::vector<Diagnostic>& out, const std::function<bool()>& folded);

}  // namespace acctool
