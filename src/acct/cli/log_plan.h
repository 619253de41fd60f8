#pragma once
// Appending an interaction, shared by `acct log` and `acct brief --log`.
#include <optional>
#include <string>

#include "acct/cli/writing.h"

namespace acctool::cli {

struct NewInteraction {
    Date date;
    InteractionKind kind;
    std::string summary;
    std::optional<Date> next;
    std::optional<std::string> todo, with;
    std::optional<int> minutes;
    std::optional<Mood> mood;
};

// The append to the client's last file with `interactions` (else log.yaml).
Plan plan_log(const LoadResult& loaded, const std::string& client_id, const NewInteraction& n);

}  // namespace acctool::cli
