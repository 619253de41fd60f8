#pragma once
// SPEC 3: the due items of a workspace as of a date. Pure: no clock, no I/O.
#include <optional>
#include <string>
#include <vector>

#include "acct/model/records.h"

namespace acctool {

// In the order of SPEC 3's table, which is also the sort order.
enum class ItemKind {
    follow_up,
    touch_base,
    task,
    request,
    change,
    renewal,
    notice,
    signature,
    invoice,
    payment,
    report
};

template <>
struct EnumNames<ItemKind> {
    static constexpr std::array<std::string_view, 11> names{
        "follow-up", "touch-base", "task",    "request", "change", "renewal",
        "notice",    "signature",  "invoice", "payment", "report"};
};

enum class ItemStatus { overdue, today, upcoming };

template <>
struct EnumNames<ItemStatus> {
    static constexpr std::array<std::string_view, 3> names{"overdue", "today", "upcoming"};
};

struct DueItem {
    const Client* client = nullptr;
    ItemKind kind = ItemKind::task;
    Date due;
    Date listed_from;  // due minus the warning period
    std::string subject;
    std::string title;  // one line of plain words
    SourceLocation at;  // the record the item comes from
    std::optional<Money> amount;
    std::optional<std::string> to;  // request items: who in the team took it on
};

struct DueOptions {
    Date as_of;
    Period horizon;
};

// Every item each rule yields (invoice periods only as far as they could be
// listed), listed or not, in SPEC order.
std::vector<DueItem> all_items(const Workspace& ws, const DueOptions& options);
// The listed items: due − warn ≤ as_of.
std::vector<DueItem> find_due(const Workspace& ws, const DueOptions& options);

ItemStatus status_of(const DueItem& item, Date as_of);
int days_until(const DueItem& item, Date as_of);
void sort_items(std::vector<DueItem>& items);

// The latest interaction, of any kind or of `kind` (greatest date; on a tie
// the last in file order).
const Interaction* latest_interaction(const Client& c,
                                      std::optional<InteractionKind> kind = std::nullopt);
// A contract's value for an invoice covering `months` months (0: a one-off
// invoice), rounded half up; none without a value, or for a one-off value on
// a recurring schedule.
std::optional<Money> invoice_amount(const Contract& k, int months);

}  // namespace acctool
