#pragma once
// What the commands that change records in place share: finding the record
// in its file, turning the edit engine's refusals into messages, and one
// planned write for several edits of one file.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "acct/cli/writing.h"

namespace acctool::cli {

// A record's file and the record's mapping in it.
struct RecordInFile {
    WorkspaceFile file;
    std::uint32_t node = 0;
};

// The record of `section` whose first key is at `at`.
std::variant<RecordInFile, Refusal> open_record(const Workspace& ws, std::string_view section,
                                                const SourceLocation& at);

// The client's client.yaml, its whole mapping as the record.
std::variant<RecordInFile, Refusal> open_client_file(const Workspace& ws, const Client& c);

// The contract ID of the client, or a refusal (66) with a did-you-mean.
std::variant<const Contract*, Refusal> find_contract(const Client& c, std::string_view id);

// The edits, in order, as one planned write of the record's file; the
// engine's refusals exit 73 naming the file, line and column.
std::variant<PlannedWrite, Refusal> plan_edits(const RecordInFile& r,
                                               std::vector<Result<Edit>> edits);

}  // namespace acctool::cli
