// acct decide: record the decision on a change (approved, rejected or
// withdrawn), changing it in place.
#include <algorithm>
#include <array>
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/pick_record.h"
#include "acct/cli/record_edit.h"
#include "acct/cli/team_commands.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"

namespace acctool::cli {

namespace {

struct DecideOptions {
    std::string client, change, decision;
    std::optional<std::string> date;
    WriteOptions write;
};

constexpr std::array<std::string_view, 3> decisions{"approved", "rejected", "withdrawn"};

Result<ChangeStatus> parse_decision(const std::string& word) {
    if (std::find(decisions.begin(), decisions.end(), word) != decisions.end())
        return *parse_choice<ChangeStatus>(word);
    auto near = closest(word, decisions);
    return Failure{
        near ? trf("DECISION '{}' is not approved, rejected or withdrawn; did you mean '{}'?",
                   terminal_safe(word), *near)
             : trf("DECISION '{}' is not approved, rejected or withdrawn", terminal_safe(word))};
}

bool undecided(const Change& x) {
    return x.status == ChangeStatus::proposed || x.status == ChangeStatus::sent;
}

// What the command says it wrote: one sentence per decision.
std::string decided(const Change& x, const std::string& client, ChangeStatus decision, Date date) {
    if (decision == ChangeStatus::approved)
        return trf("Change '{}' of {} approved on {} ({}:{})", x.title, client, say_date(date),
                   x.at.file, x.at.line);
    if (decision == ChangeStatus::rejected)
        return trf("Change '{}' of {} rejected on {} ({}:{})", x.title, client, say_date(date),
                   x.at.file, x.at.line);
    return trf("Change '{}' of {} withdrawn on {} ({}:{})", x.title, client, say_date(date),
               x.at.file, x.at.line);
}

Plan plan_decide(const LoadResult& loaded, const DecideOptions& o, ChangeStatus decision,
                 Date date) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* refusal = std::get_if<Refusal>(&found)) return *refusal;
    const Client& c = *std::get<const Client*>(found);
    auto picked = pick_record<Change>(c, c.changes, o.change, change_messages, undecided);
    if (auto* refusal = std::get_if<Refusal>(&picked)) return *refusal;
    const Change& x = *std::get<const Change*>(picked);
    if (date < x.date)
        return Refusal{exit_code::usage, trf("--date {} is before the change was raised ({})",
                                             say_date(date), say_date(x.date))};
    if (x.sent && date < *x.sent)
        return Refusal{exit_code::usage, trf("--date {} is before the change was sent ({})",
                                             say_date(date), say_date(*x.sent))};
    auto planned = plan_record_edit(ws, "changes", x.at,
                                    {{"status", YamlValue::word(to_string(decision))},
                                     {"decided", YamlValue::word(format_date(date))}});
    if (auto* refusal = std::get_if<Refusal>(&planned)) return *refusal;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    w.reads_back = [at = x.at, title = x.title, decision, date, id = c.id](const Workspace& after) {
        const Change* y = record_at(after, id, at, &Client::changes);
        return y && y->title == title && y->status == decision && y->decided == date;
    };
    w.done = decided(x, c.id, decision, date);
    w.commit_message = fmt::format("acct: change of {} {}: {}", c.id, to_string(decision), x.title);
    return w;
}

}  // namespace

Runner setup_decide(CLI::App& app) {
    auto o = std::make_shared<DecideOptions>();
    auto* cmd = app.add_subcommand("decide", "Record the decision on a change");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("CHANGE", o->change, "Its id, its title, or the start of its title")
        ->required();
    cmd->add_option("DECISION", o->decision, "approved, rejected or withdrawn")->required();
    cmd->add_option("--date", o->date, "When it was decided (default: today)");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct decide orbit c1 approved\n"
        "  acct decide orbit \"Move launch\" rejected --date yesterday");
    return [o](Session& s) {
        auto decision = parse_decision(o->decision);
        if (!decision) {
            s.print_error(decision.error());
            return exit_code::usage;
        }
        auto date = parse_date_option("--date", o->date, s.as_of);
        if (!date) {
            s.print_error(date.error());
            return exit_code::usage;
        }
        return perform_write(s, o->write, [&](const LoadResult& loaded) {
            return plan_decide(loaded, *o, *decision, *date);
        });
    };
}

}  // namespace acctool::cli
