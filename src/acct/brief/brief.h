#pragma once
// The status report the account manager sends the client (SPEC 8), as data:
// each part empty when it has nothing. Pure: no clock, no I/O, no words.
#include <optional>
#include <string>
#include <vector>

#include "acct/model/metric.h"
#include "acct/model/records.h"

namespace acctool {

struct BriefWindow {
    Date from, to;  // both included
};

// From the day after the client's latest `report` interaction dated before
// `as_of`, else `since`, else as_of − 30, through as_of.
BriefWindow default_brief_window(const Client& client, Date as_of);

struct BriefRequest {
    std::string title;
    std::optional<Date> date;  // done (delivered) or due (promised)
};

struct BriefInteraction {
    Date date;
    InteractionKind kind;
    std::string summary;
};

struct BriefChange {
    std::string title;
    ChangeBy by;
    ChangeStatus status;
    std::optional<Date> decided;
    std::optional<Money> budget;
    std::optional<Date> deadline;
};

struct BriefMetric {
    std::string name, unit;
    SeriesPoint first, last;
    Decimal change;                      // last − first
    std::optional<std::string> percent;  // "+5.1", "-12.0"; none when first is 0
    std::vector<SeriesPoint> points;     // first, then those in the window
};

struct BriefComing {
    Date date;
    bool contract_end = false;  // else a promised request date
    std::string subject;        // request title, or contract title
};

struct BriefInvoice {
    std::string number;
    Date issued;
    Money amount;
};

struct Brief {
    std::string client, client_name, author;
    BriefWindow window;
    std::vector<BriefRequest> delivered;
    std::vector<BriefInteraction> interactions;
    int minutes = 0;  // logged in those interactions
    std::vector<BriefRequest> open_requests;
    std::vector<BriefChange> open_changes;
    std::vector<BriefChange> decisions;
    std::vector<BriefMetric> metrics;
    std::vector<BriefComing> coming_up;
    std::vector<BriefInvoice> invoices;
    std::vector<Money> balances;  // open, per currency, by code
};

Brief build_brief(const Client& client, const Config& config, BriefWindow window, Date as_of);

// b − a, exact.
Decimal subtract(Decimal b, Decimal a);

}  // namespace acctool
