// acct contract: move a contract along its lifecycle (SPEC 2.2), setting the
// date that goes with each status.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/editing.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/values.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"

namespace acctool::cli {

namespace {

struct ContractMoveOptions {
    std::string client, id, status;
    std::optional<std::string> date, start;
    WriteOptions write;
};

// The statuses a contract may go to from `from` (SPEC 2.2), draft left out:
// this command does not move a contract back.
std::vector<ContractStatus> next_statuses(ContractStatus from) {
    using S = ContractStatus;
    switch (from) {
        case S::draft:
            return {S::sent, S::signed_};
        case S::sent:
            return {S::signed_};
        case S::signed_:
            return {S::ended, S::terminated};
        case S::ended:
        case S::terminated:
            return {};
    }
    return {};
}

Plan plan_move(const LoadResult& loaded, const ContractMoveOptions& o, ContractStatus to, Date date,
               std::optional<Date> start) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Client& c = *std::get<const Client*>(found);
    auto picked = find_contract(c, o.id);
    if (auto* r = std::get_if<Refusal>(&picked)) return *r;
    const Contract& k = *std::get<const Contract*>(picked);

    auto allowed = next_statuses(k.status);
    if (std::find(allowed.begin(), allowed.end(), to) == allowed.end()) {
        std::string_view from = to_string(k.status), not_to = to_string(to);
        if (allowed.empty())
            return Refusal{exit_code::usage,
                           trf("contract {} of {} is {}, which is final", k.id, c.id, from)};
        if (allowed.size() == 1)
            return Refusal{exit_code::usage,
                           trf("contract {} of {} is {}; it can go to {} (not {})", k.id, c.id,
                               from, to_string(allowed[0]), not_to)};
        return Refusal{exit_code::usage,
                       trf("contract {} of {} is {}; it can go to {} or {} (not {})", k.id, c.id,
                           from, to_string(allowed[0]), to_string(allowed[1]), not_to)};
    }
    if (to == ContractStatus::signed_ && !k.start && !start)
        return Refusal{exit_code::usage,
                       trf("contract {} of {} has no start; a signed contract needs one: "
                           "give --start",
                           k.id, c.id)};
    if (start && to != ContractStatus::signed_)
        return Refusal{exit_code::usage, tr("--start goes with 'signed' only")};

    auto opened = open_record(ws, "contracts", k.at);
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    const RecordInFile& rec = std::get<RecordInFile>(opened);
    EditableFile f{*rec.file.bytes, rec.file.doc};
    auto word = [](std::string_view s) { return YamlValue::word(s); };

    std::vector<Result<Edit>> edits;
    edits.push_back(set_value(f, rec.node, {"status"}, word(to_string(to))));
    std::optional<Date> end = k.end;
    switch (to) {
        case ContractStatus::sent:
            edits.push_back(set_value(f, rec.node, {"sent"}, word(format_date(date))));
            break;
        case ContractStatus::signed_:
            edits.push_back(set_value(f, rec.node, {"signed"}, word(format_date(date))));
            if (start)
                edits.push_back(set_value(f, rec.node, {"start"}, word(format_date(*start))));
            break;
        default:
            // An end already passed by D stays; a later one comes forward to D.
            if (!k.end || *k.end > date) {
                end = date;
                edits.push_back(set_value(f, rec.node, {"end"}, word(format_date(date))));
            }
            break;
    }
    if (start && end && *start > *end)
        return Refusal{exit_code::usage, trf("--start {} is after the contract's end {}",
                                             say_date(*start), say_date(*end))};
    auto planned = plan_edits(rec, std::move(edits));
    if (auto* r = std::get_if<Refusal>(&planned)) return *r;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    const std::optional<Date> new_start = start ? start : k.start;
    w.reads_back = [=, id = c.id, kid = k.id](const Workspace& after) {
        const Client* ac = after.client(id);
        if (!ac) return false;
        for (const auto& n : ac->contracts)
            if (n.id == kid)
                return n.status == to && n.start == new_start && n.end == end &&
                       (to != ContractStatus::sent || n.sent == date) &&
                       (to != ContractStatus::signed_ || n.signed_on == date);
        return false;
    };
    std::string_view was = to_string(k.status), now = to_string(to);
    w.done = to == ContractStatus::sent
                 ? trf("Contract {} of {}: {} → {} (sent {}), at {}:{}", k.id, c.id, was, now,
                       say_date(date), k.at.file, k.at.line)
             : to == ContractStatus::signed_
                 ? trf("Contract {} of {}: {} → {} (signed {}), at {}:{}", k.id, c.id, was, now,
                       say_date(date), k.at.file, k.at.line)
                 : trf("Contract {} of {}: {} → {} (end {}), at {}:{}", k.id, c.id, was, now,
                       say_date(*end), k.at.file, k.at.line);
    w.commit_message = fmt::format("acct: contract {} of {} {}", k.id, c.id, to_string(to));
    return w;
}

}  // namespace

Runner setup_contract(CLI::App& app) {
    auto o = std::make_shared<ContractMoveOptions>();
    auto* cmd = app.add_subcommand(
        "contract", "Move a contract along: sent for signature, signed, ended or terminated");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("ID", o->id, "The contract's id")->required();
    cmd->add_option("STATUS", o->status, "sent, signed, ended or terminated")->required();
    cmd->add_option("--date", o->date,
                    "When it was sent or signed, or when it ended (default: today)");
    cmd->add_option("--start", o->start, "With signed: the start, when the contract has none");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct contract initech pilot sent\n"
        "  acct contract initech pilot signed --date 2026-11-30 --start 2027-01-01\n"
        "  acct contract acme hosting-2025 ended");
    return [o](Session& s) {
        auto to = parse_choice<ContractStatus>(o->status);
        if (to && *to == ContractStatus::draft)
            to = Failure{
                tr("'draft' is not a move acct makes; edit the file to take a contract back")};
        auto date = parse_date_option("--date", o->date, s.as_of);
        std::optional<Date> start;
        std::optional<std::string> bad;
        if (!to)
            bad = fmt::format("STATUS {}", to.error());
        else if (!date)
            bad = date.error();
        if (o->start && !bad) {
            auto d = parse_when(*o->start, s.as_of);
            if (!d)
                bad = fmt::format("--start {}", d.error());
            else
                start = *d;
        }
        if (bad) {
            s.print_error(*bad);
            return exit_code::usage;
        }
        return perform_write(s, o->write, [&](const LoadResult& loaded) {
            return plan_move(loaded, *o, *to, *date, start);
        });
    };
}

}  // namespace acctool::cli
