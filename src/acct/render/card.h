#pragma once
// `acct show`: one client's card and timeline as text.
#include <string>
#include <vector>

#include "acct/rules/explain.h"

namespace acctool {

struct CardView {
    const Client& client;
    Date as_of;
    const std::vector<DueItem>& items;  // the client's listed items
    const std::vector<RuleExplanation>& rules;
    const Config& config;
};

std::string render_card(const CardView& v);

}  // namespace acctool
