#pragma once
// The records of a workspace, as SPEC 2 defines them, after validation.
#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "acct/model/date.h"
#include "acct/model/money.h"
#include "acct/model/period.h"
#include "acct/model/source_location.h"
#include "acct/model/text.h"

namespace acctool {

enum class ClientStatus { prospect, active, paused, former };
enum class ContractStatus { draft, sent, signed_, ended, terminated };
enum class Per { month, quarter, year, once };
enum class BillingEvery { month, quarter, year, once };
enum class BillingWhen { advance, arrears };
enum class InteractionKind { call, email, meeting, message, report, note };
enum class Mood { positive, neutral, negative };
enum class Priority { urgent, high, normal, low };
enum class ChangeBy { client, team };
enum class ChangeStatus { proposed, sent, approved, rejected, withdrawn };
enum class Language;  // model/language.h
enum class HealthBand { green, yellow, red };

struct Contact {
    std::string name, role, email, phone;
    bool primary = false;
};

struct Value {
    Money amount;
    Per per = Per::month;
};

struct Billing {
    std::optional<BillingEvery> every;  // absent: no invoicing schedule
    int day = 1;                        // 1..31; 0 means the month's last day
    BillingWhen when = BillingWhen::advance;
    Period terms{14, PeriodUnit::day};
    std::optional<Date> since;  // default: the contract's start
    std::optional<Date> on;     // with `every: once`; default: start
};

struct Contract {
    std::string id;
    std::string title;
    ContractStatus status = ContractStatus::draft;
    std::optional<Date> sent, signed_on, start, end;
    bool auto_renew = false;
    Period term{1, PeriodUnit::year};
    Period notice;
    Period lead;
    std::optional<std::string> renewed_by;
    std::optional<Value> value;
    Billing billing;
    SourceLocation at;  // the record's first key
};

struct Payment {
    Date date;
    Money amount;
};

struct Invoice {
    std::string number;
    std::optional<std::string> contract;
    Date issued;
    Date due;
    Money amount;
    std::string period;  // "2026-11", "2026-Q4", "2026", "once", or "" when unknown
    std::optional<Date> paid;
    std::vector<Payment> payments;
    bool is_void = false;
    SourceLocation at;

    // amount − payments, or zero once `paid` is set.
    Money balance() const;
};

struct Interaction {
    Date date;
    InteractionKind kind = InteractionKind::note;
    Text with, summary, todo;
    std::optional<int> minutes;
    std::optional<Mood> mood;
    std::optional<Date> next;
    SourceLocation at;
};

struct Task {
    std::string title;
    Date due;
    std::optional<Date> done;
    std::string notes;
    SourceLocation at;
};

// What the client asked the team for (SPEC 2.8).
struct Request {
    std::string id;  // empty when absent
    Date date;
    std::string title;
    std::string from;
    Priority priority = Priority::normal;
    std::optional<std::string> to;  // the handoff
    std::optional<Date> acked, due, done, told, dropped;
    std::string notes;
    SourceLocation at;
};

// A budget, deadline or scope change to agree (SPEC 2.9).
struct Change {
    std::string id;  // empty when absent
    Date date;
    ChangeBy by = ChangeBy::client;
    std::string title;
    std::optional<std::string> contract, request;
    std::optional<Money> budget;
    std::optional<Date> deadline;
    ChangeStatus status = ChangeStatus::proposed;
    std::optional<Date> sent, decided;
    std::string notes;
    SourceLocation at;
};

// One value of a metric series (SPEC 2.10).
struct Metric {
    Date date;
    std::string name;  // one name is one series
    Decimal value;     // signed: `units` carries the sign
    std::string unit;  // empty when absent
    SourceLocation at;
};

// A manual health band (SPEC 2.1 `health`): in force while T <= until.
struct HealthSet {
    HealthBand band = HealthBand::red;
    std::string why;
    std::optional<Date> until;  // absent: for ever
    SourceLocation at;          // the `health` key
};

struct Client {
    std::string id;
    std::string folder;  // relative to the workspace root
    std::string name;
    ClientStatus status = ClientStatus::active;
    std::optional<std::string> owner;
    std::map<std::string, std::string> team;
    std::optional<Date> since;
    std::optional<Date> until;      // end of the relationship (SPEC 2.1)
    std::optional<Language> lang;   // absent: the workspace's language
    std::optional<Period> cadence;  // nullopt: `none`
    std::optional<Period> reporting;
    std::vector<std::string> tags;
    std::vector<Contact> contacts;
    std::string notes;
    std::optional<HealthSet> health;
    SourceLocation at;            // client.yaml's first key (1:1 when empty)
    SourceLocation reporting_at;  // the `reporting` key

    // In file order: files by name (client.yaml among them), then entries.
    std::vector<Contract> contracts;
    std::vector<Invoice> invoices;
    std::vector<Interaction> interactions;  // empty unless Workspace::interactions_loaded
    std::vector<Task> tasks;
    std::vector<Request> requests;
    std::vector<Change> changes;
    std::vector<Metric> metrics;
    std::set<std::string> declared_contracts;  // loaded or skipped
    // The latest interaction, and the latest report (of equal dates, the last
    // in file order), whether or not the interactions were loaded.
    std::optional<Interaction> last_interaction, last_report;
    std::set<std::string> declared_requests;  // loaded or skipped
};

// The SLA of one priority (SPEC 2.8); `set` says which came from acct.yaml.
struct Sla {
    Period ack, handoff, resolve;
    std::array<bool, 3> set{};  // ack, handoff, resolve
};

// acct.yaml `health` (SPEC 6): points by signal name, as written there.
struct HealthConfig {
    std::map<std::string, int> points;
    int green = 75, yellow = 50;
};

struct DigestConfig {
    std::string to, from, subject;
    std::string sendmail = "sendmail -t -i";
};

struct Config {
    std::optional<std::string> owner;
    Currency currency{"EUR", 2, true};
    Period horizon{7, PeriodUnit::day};
    std::optional<Period> cadence{Period{2, PeriodUnit::week}};
    Period renewal_lead{60, PeriodUnit::day};
    Period notice{30, PeriodUnit::day};
    Period terms{14, PeriodUnit::day};
    Period send_before{14, PeriodUnit::day};
    Period chase_after{7, PeriodUnit::day};
    int touch_minutes = 30;
    int invoice_minutes = 15;
    Period change_send{2, PeriodUnit::day};
    int request_minutes = 20;
    int change_minutes = 30;
    // By Priority: urgent, high, normal, low.
    std::array<Sla, 4> sla{
        {{{1, PeriodUnit::day}, {1, PeriodUnit::day}, {2, PeriodUnit::day}, {}},
         {{1, PeriodUnit::day}, {1, PeriodUnit::day}, {5, PeriodUnit::day}, {}},
         {{1, PeriodUnit::day}, {2, PeriodUnit::day}, {10, PeriodUnit::day}, {}},
         {{2, PeriodUnit::day}, {5, PeriodUnit::day}, {30, PeriodUnit::day}, {}}}};
    std::set<Date> holidays;
    double fte_hours = 160;
    DigestConfig digest;
    HealthConfig health;
    bool git_commit = false;  // commit what the writing commands change
};

class ParseMemo;

struct Workspace {
    std::string root;  // absolute path
    Config config;
    std::vector<Client> clients;  // by id, byte order
    int files_read = 0;
    // False when the command asked for no interactions (load_workspace):
    // `due` and `check` need only each client's latest.
    bool interactions_loaded = true;
    // The parses a writing command keeps (load/parse_memo.h), so that the
    // file it edits is parsed once, not at every step; null otherwise.
    std::shared_ptr<ParseMemo> parses;

    // The client with this id, or nullptr.
    const Client* client(std::string_view id) const {
        auto it = std::lower_bound(clients.begin(), clients.end(), id,
                                   [](const Client& c, std::string_view v) { return c.id < v; });
        return it != clients.end() && it->id == id ? &*it : nullptr;
    }
};

// The lower-case words of each enumeration, in declaration order.
template <class E>
struct EnumNames;
template <>
struct EnumNames<ClientStatus> {
    static constexpr std::array<std::string_view, 4> names{"prospect", "active", "paused",
                                                           "former"};
};
template <>
struct EnumNames<ContractStatus> {
    static constexpr std::array<std::string_view, 5> names{"draft", "sent", "signed", "ended",
                                                           "terminated"};
};
template <>
struct EnumNames<Per> {
    static constexpr std::array<std::string_view, 4> names{"month", "quarter", "year", "once"};
};
template <>
struct EnumNames<BillingEvery> {
    static constexpr std::array<std::string_view, 4> names{"month", "quarter", "year", "once"};
};
template <>
struct EnumNames<BillingWhen> {
    static constexpr std::array<std::string_view, 2> names{"advance", "arrears"};
};
template <>
struct EnumNames<HealthBand> {
    static constexpr std::array<std::string_view, 3> names{"green", "yellow", "red"};
};
template <>
struct EnumNames<InteractionKind> {
    static constexpr std::array<std::string_view, 6> names{"call",    "email",  "meeting",
                                                           "message", "report", "note"};
};
template <>
struct EnumNames<Mood> {
    static constexpr std::array<std::string_view, 3> names{"positive", "neutral", "negative"};
};

template <>
struct EnumNames<Priority> {
    static constexpr std::array<std::string_view, 4> names{"urgent", "high", "normal", "low"};
};
template <>
struct EnumNames<ChangeBy> {
    static constexpr std::array<std::string_view, 2> names{"client", "team"};
};
template <>
struct EnumNames<ChangeStatus> {
    static constexpr std::array<std::string_view, 5> names{"proposed", "sent", "approved",
                                                           "rejected", "withdrawn"};
};

template <class E>
std::string_view to_string(E e) {
    return EnumNames<E>::names[static_cast<size_t>(e)];
}

}  // namespace acctool
