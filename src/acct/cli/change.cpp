// acct change: record a budget, deadline or scope change to agree.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/open_twin.h"
#include "acct/cli/pick_record.h"
#include "acct/cli/record_edit.h"
#include "acct/cli/team_commands.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/load/fields.h"
#include "acct/load/suggest.h"
#include "acct/load/team_records.h"

namespace acctool::cli {

namespace {

struct ChangeOptions {
    std::string client, title;
    std::optional<std::string> by, id, date, budget, deadline, contract, request, sent;
    WriteOptions write;
};

// What the options say, checked up front; the budget waits for its currency.
struct NewChange {
    Change change;
    std::optional<Decimal> budget;
};

std::string sent_too_early(Date sent, Date raised) {
    return trf("--sent {} is before the change's date {}", say_date(sent), say_date(raised));
}

Result<NewChange> read_options(const ChangeOptions& o, Date as_of) {
    NewChange n;
    Change& x = n.change;
    auto fail = [](std::string_view what, const std::string& why) {
        return Failure{fmt::format("{} {}", what, why)};
    };
    auto title = parse_text(o.title, "TITLE");
    if (!title) return Failure{title.error()};
    x.title = *title;
    auto by = parse_choice<ChangeBy>(*o.by);
    if (!by) return fail("--by", by.error());
    x.by = *by;
    for (auto [opt, value] : {std::pair{"--id", &o.id}, std::pair{"--contract", &o.contract},
                              std::pair{"--request", &o.request}})
        if (*value)
            if (auto id = parse_id(opt, **value); !id) return Failure{id.error()};
    x.id = o.id.value_or("");
    x.contract = o.contract;
    x.request = o.request;
    auto date = parse_date_option("--date", o.date, as_of);
    if (!date) return Failure{date.error()};
    x.date = *date;
    if (o.budget) {
        auto d = parse_number(*o.budget);
        if (!d) return fail("--budget", d.error());
        n.budget = *d;
    }
    if (o.deadline) {
        auto d = parse_date_option("--deadline", o.deadline, as_of);
        if (!d) return Failure{d.error()};
        x.deadline = *d;
    }
    if (o.sent) {
        auto d = parse_date_option("--sent", o.sent, as_of);
        if (!d) return Failure{d.error()};
        if (*d < x.date) return Failure{sent_too_early(*d, x.date)};
        x.sent = *d;
        x.status = ChangeStatus::sent;
    }
    return n;
}

bool undecided(const Change& x) {
    return x.status == ChangeStatus::proposed || x.status == ChangeStatus::sent;
}

// In the order of SPEC 2.9.
YamlValue to_yaml(const Change& x) {
    YamlValue v = YamlValue::mapping();
    if (!x.id.empty()) v.add("id", YamlValue::word(x.id));
    v.add("date", YamlValue::word(format_date(x.date)));
    v.add("by", YamlValue::word(to_string(x.by)));
    v.add("title", YamlValue::text(x.title));
    if (x.contract) v.add("contract", YamlValue::word(*x.contract));
    if (x.request) v.add("request", YamlValue::word(*x.request));
    if (x.budget) v.add("budget", YamlValue::word(format_amount(*x.budget)));
    if (x.deadline) v.add("deadline", YamlValue::word(format_date(*x.deadline)));
    if (x.sent) {
        v.add("status", YamlValue::word("sent"));
        v.add("sent", YamlValue::word(format_date(*x.sent)));
    }
    return v;
}

// What a change can refer to.
enum class Reference { contract, request };

// A reference to a record of the client, or a refusal (66) with a did-you-mean.
std::optional<Refusal> check_reference(Reference what, const std::string& id,
                                       const std::set<std::string>& ids, const Client& c) {
    if (ids.count(id)) return std::nullopt;
    std::vector<std::string_view> known(ids.begin(), ids.end());
    auto near = closest(id, known);
    if (what == Reference::contract)
        return Refusal{
            exit_code::no_input,
            near ? trf("--contract: {} has no contract '{}'; did you mean '{}'?", c.id, id, *near)
                 : trf("--contract: {} has no contract '{}'", c.id, id)};
    return Refusal{
        exit_code::no_input,
        near ? trf("--request: {} has no request '{}'; did you mean '{}'?", c.id, id, *near)
             : trf("--request: {} has no request '{}'", c.id, id)};
}

Plan plan_change(const LoadResult& loaded, const ChangeOptions& o, NewChange n) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* refusal = std::get_if<Refusal>(&found)) return *refusal;
    const Client& c = *std::get<const Client*>(found);
    Change& x = n.change;
    if (!x.id.empty())
        for (const auto& other : c.changes)
            if (other.id == x.id)
                return Refusal{exit_code::usage, trf("change id '{}' is taken ({}:{})", x.id,
                                                     other.at.file, other.at.line)};
    const Contract* contract = nullptr;
    if (x.contract) {
        if (auto r = check_reference(Reference::contract, *x.contract, c.declared_contracts, c))
            return *r;
        for (const auto& k : c.contracts)
            if (k.id == *x.contract) contract = &k;
    }
    if (x.request)
        if (auto r = check_reference(Reference::request, *x.request, c.declared_requests, c))
            return *r;
    if (n.budget) {
        Currency currency =
            contract && contract->value ? contract->value->amount.currency : ws.config.currency;
        auto money = to_money(*n.budget, currency);
        if (!money)
            return Refusal{exit_code::usage, fmt::format("--budget '{}': {}",
                                                         terminal_safe(*o.budget), money.error())};
        x.budget = *money;
    }
    std::string file = section_file(ws, c, "changes", "changes.yaml");
    auto planned = plan_append(ws, file, "changes", to_yaml(x));
    if (auto* refusal = std::get_if<Refusal>(&planned)) return *refusal;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    SourceLocation at = record_location(w);
    w.reads_back = [at, x, id = c.id](const Workspace& after) {
        if (const Client* client = after.client(id))
            for (const auto& y : client->changes)
                if (y.at == at)
                    return y.id == x.id && y.date == x.date && y.by == x.by && y.title == x.title &&
                           y.contract == x.contract && y.request == x.request &&
                           y.budget == x.budget && y.deadline == x.deadline &&
                           y.status == x.status && y.sent == x.sent;
        return false;
    };
    w.done = x.sent ? trf("Recorded change '{}' for {}, sent {}, at {}:{}", x.title, c.id,
                          say_date(*x.sent), at.file, at.line)
                    : trf("Recorded change '{}' for {} at {}:{}", x.title, c.id, at.file, at.line);
    // Open: undecided, one that `acct change --sent` and `acct decide` can name.
    if (auto warning = twin_warning<Change>(c, c.changes, x.title, change_twin_messages, undecided))
        w.warnings.push_back(*warning);
    w.commit_message = fmt::format("acct: change for {}: {}", c.id, x.title);
    return w;
}

// The second form: CHANGE names an undecided change, which is now sent.
Plan plan_sent(const LoadResult& loaded, const ChangeOptions& o, Date sent) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* refusal = std::get_if<Refusal>(&found)) return *refusal;
    const Client& c = *std::get<const Client*>(found);
    auto picked = pick_record<Change>(c, c.changes, o.title, change_messages, undecided);
    if (auto* refusal = std::get_if<Refusal>(&picked)) {
        if (refusal->status == exit_code::no_input)
            refusal->message +=
                fmt::format("\n{}", tr("(to record a new change, give --by client or --by team)"));
        return *refusal;
    }
    const Change& x = *std::get<const Change*>(picked);
    if (sent < x.date) return Refusal{exit_code::usage, sent_too_early(sent, x.date)};
    auto planned = plan_record_edit(
        ws, "changes", x.at,
        {{"status", YamlValue::word("sent")}, {"sent", YamlValue::word(format_date(sent))}});
    if (auto* refusal = std::get_if<Refusal>(&planned)) return *refusal;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    w.reads_back = [at = x.at, title = x.title, sent, id = c.id](const Workspace& after) {
        const Change* y = record_at(after, id, at, &Client::changes);
        return y && y->title == title && y->status == ChangeStatus::sent && y->sent == sent;
    };
    w.done = trf("Change '{}' of {} sent on {} ({}:{}); chase it if no answer by {}", x.title, c.id,
                 say_date(sent), x.at.file, x.at.line, say_date(add(sent, ws.config.chase_after)));
    w.commit_message = fmt::format("acct: change of {} sent: {}", c.id, x.title);
    return w;
}

}  // namespace

Runner setup_change(CLI::App& app) {
    auto o = std::make_shared<ChangeOptions>();
    auto* cmd = app.add_subcommand("change", "Record a budget, deadline or scope change to agree");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("TITLE", o->title,
                    "What changes; without --by, an undecided change (id, title or its start)")
        ->required();
    cmd->add_option("--by", o->by, "Which side wants it: client or team");
    cmd->add_option("--id", o->id, "An id for the change");
    cmd->add_option("--date", o->date, "When it was raised (default: today)");
    cmd->add_option("--budget", o->budget, "The change to the budget, may be negative: -2000");
    cmd->add_option("--deadline", o->deadline, "The new deadline asked for");
    cmd->add_option("--contract", o->contract, "The contract it changes");
    cmd->add_option("--request", o->request, "The request it comes from (its id)");
    cmd->add_option("--sent", o->sent, "When it was put to the other side for a decision");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct change orbit \"Cut the budget by 20%\" --by client --budget -2000 --request r1\n"
        "  acct change orbit \"Move launch to January\" --by team --deadline 2027-01-15 --sent "
        "today\n"
        "  acct change orbit c1 --sent today");
    return [o](Session& s) {
        if (!o->by) {
            bool new_fields =
                o->id || o->date || o->budget || o->deadline || o->contract || o->request;
            if (!o->sent || new_fields) {
                s.print_error(
                    tr("--by client or --by team is required for a new change; to mark an "
                       "existing one sent, give only --sent"));
                return exit_code::usage;
            }
            auto sent = parse_date_option("--sent", o->sent, s.as_of);
            if (!sent) {
                s.print_error(sent.error());
                return exit_code::usage;
            }
            return perform_write(s, o->write, [&](const LoadResult& loaded) {
                return plan_sent(loaded, *o, *sent);
            });
        }
        auto n = read_options(*o, s.as_of);
        if (!n) {
            s.print_error(n.error());
            return exit_code::usage;
        }
        return perform_write(s, o->write,
                             [&](const LoadResult& loaded) { return plan_change(loaded, *o, *n); });
    };
}

}  // namespace acctool::cli
