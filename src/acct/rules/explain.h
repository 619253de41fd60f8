#pragma once
// SPEC 3 rule by rule for one client: the items each rule yields, with the
// dates used, where they came from and the window that lists them, or why
// the rule yields nothing. The answer to "why didn't it remind me?". Pure.
#include <optional>
#include <string>
#include <vector>

#include "acct/rules/due.h"

namespace acctool {

struct RuleFinding {
    bool item = false;  // an item, or a reason there is none
    std::string text;   // one line for a person
    SourceLocation at;  // where the record behind it is
    bool listed = false;
    std::optional<Date> due;  // with an item
};

struct RuleExplanation {
    ItemKind kind;
    std::vector<RuleFinding> findings;
};

std::vector<RuleExplanation> explain_client(const Workspace& ws, const Client& c,
                                            const DueOptions& options);

}  // namespace acctool
