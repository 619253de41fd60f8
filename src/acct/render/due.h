#pragma once
// The due list (SPEC 4 `due`) as text for a person or JSON for a program.
#include <string>
#include <vector>

#include "acct/render/terminal_text.h"
#include "acct/rules/due.h"

namespace acctool {

struct DueView {
    Date as_of;
    Period horizon;
    const std::vector<DueItem>& items;
    // The terminal's width in columns: a line longer than it loses the end
    // of its title (then of the client's name), never a date. 0: whole lines.
    int width = 0;
};

std::string render_due_text(const DueView& view, const Paint& paint);
std::string render_due_json(const DueView& view);
// "3 days overdue", "today", "in 4 days"
std::string relative_days(int days);
// What to do, one line: the item's title, with the amount of an invoice to issue.
std::string item_action(const DueItem& item);

}  // namespace acctool
