// acct status: a client becomes a prospect, active, paused or former (SPEC 4):
// `until` is set on leaving and removed on coming back, and a prospect who
// becomes active gets `since`.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/editing.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/values.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"

namespace acctool::cli {

namespace {

struct StatusOptions {
    std::string client, status;
    std::optional<std::string> date;
    WriteOptions write;
};

Plan plan_status(const LoadResult& loaded, const StatusOptions& o, Date date) {
    const Workspace& ws = loaded.workspace;
    auto to = parse_choice<ClientStatus>(o.status);
    if (!to) return Refusal{exit_code::usage, fmt::format("STATUS {}", to.error())};
    auto found = find_client(ws, o.client);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Client& c = *std::get<const Client*>(found);
    if (c.status == *to)
        return Refusal{exit_code::usage, trf("{} is {} already", c.id, to_string(c.status))};
    auto opened = open_client_file(ws, c);
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    const RecordInFile& rec = std::get<RecordInFile>(opened);
    EditableFile f{*rec.file.bytes, rec.file.doc};
    const std::string day = format_date(date);

    std::vector<Result<Edit>> edits;
    edits.push_back(set_value(f, rec.node, {"status"}, YamlValue::word(to_string(*to))));
    enum class Also { none, until, since } also = Also::none;
    if (*to == ClientStatus::former) {
        edits.push_back(set_value(f, rec.node, {"until"}, YamlValue::word(day)));
        also = Also::until;
    } else if (c.status == ClientStatus::former) {
        edits.push_back(remove_key(f, rec.node, {"until"}));
    }
    std::optional<Date> since = c.since;
    if (*to == ClientStatus::active && c.status == ClientStatus::prospect && !c.since) {
        edits.push_back(set_value(f, rec.node, {"since"}, YamlValue::word(day)));
        since = date;
        also = Also::since;
    }
    auto planned = plan_edits(rec, std::move(edits));
    if (auto* r = std::get_if<Refusal>(&planned)) return *r;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    w.reads_back = [=, id = c.id, to = *to](const Workspace& after) {
        const Client* ac = after.client(id);
        return ac && ac->status == to && ac->since == since;
    };
    std::string_view was = to_string(c.status), now = to_string(*to);
    switch (also) {
        case Also::until:
            w.done =
                trf("{}: {} → {}, until {} ({})", c.id, was, now, say_date(date), rec.file.rel);
            break;
        case Also::since:
            w.done =
                trf("{}: {} → {}, since {} ({})", c.id, was, now, say_date(date), rec.file.rel);
            break;
        case Also::none:
            w.done = trf("{}: {} → {} ({})", c.id, was, now, rec.file.rel);
            break;
    }
    w.commit_message = fmt::format("acct: {} is {}", c.id, to_string(*to));
    return w;
}

}  // namespace

Runner setup_status(CLI::App& app) {
    auto o = std::make_shared<StatusOptions>();
    auto* cmd = app.add_subcommand("status", "Make a client a prospect, active, paused or former");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("STATUS", o->status, "prospect, active, paused or former")->required();
    cmd->add_option("--date", o->date,
                    "For former: the last day (until); for a new active client: since "
                    "(default: today)");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct status initech active\n"
        "  acct status acme former --date 2026-12-31");
    return dated_write(o, plan_status);
}

}  // namespace acctool::cli
