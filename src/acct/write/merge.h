#pragma once
// A three-way merge of one record file by records, not lines: what each side
// added is kept (ours first, then theirs, each block byte for byte), a record
// changed on one side takes that change, and the result is proved to read
// back as exactly the merged records before it is offered.
#include <string>
#include <string_view>

#include "acct/load/file_records.h"

namespace acctool {

struct RecordMergeInput {
    std::string_view base, ours, theirs;  // whole files, a BOM included
};

// How the file is read: its path (for messages), its client, the workspace's
// settings (our side's acct.yaml).
struct RecordFileContext {
    std::string path;
    std::string client_id;
    bool client_file = false;
    ReadOptions options;
};

struct RecordMerge {
    enum class Outcome {
        merged,    // `text` is the merged file
        conflict,  // the sides contradict each other: `reason`
        unsure,    // a layout or a result the merge cannot prove: `reason`
    };
    Outcome outcome = Outcome::unsure;
    std::string text;
    std::string reason;  // one sentence for the user
};

RecordMerge merge_record_file(const RecordMergeInput& in, const RecordFileContext& ctx);

}  // namespace acctool
