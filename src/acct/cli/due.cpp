// acct due: what needs doing, as SPEC 3 lists it.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "acct/cli/client_filters.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/formats.h"
#include "acct/cli/session.h"
#include "acct/lang/translate.h"
#include "acct/load/suggest.h"
#include "acct/render/due.h"
#include "acct/render/ics.h"
#include "acct/render/table.h"
#include "acct/rules/due.h"

namespace acctool::cli {

namespace {

struct DueCommandOptions {
    std::string horizon;
    std::vector<std::string> clients;
    std::optional<std::string> owner;
    std::optional<std::string> tag;
    std::vector<std::string> kinds;
    std::optional<std::string> to;
    std::string format = "text";
    FileFormatOptions file;
    bool exit_code = false;
};

bool wanted(const DueItem& item, const DueCommandOptions& o) {
    const Client& c = *item.client;
    if (!o.clients.empty() &&
        std::find(o.clients.begin(), o.clients.end(), c.id) == o.clients.end())
        return false;
    if (o.owner && c.owner != *o.owner) return false;
    if (o.tag && std::find(c.tags.begin(), c.tags.end(), *o.tag) == c.tags.end()) return false;
    if (!o.kinds.empty() &&
        std::find(o.kinds.begin(), o.kinds.end(), to_string(item.kind)) == o.kinds.end())
        return false;
    if (o.to && item.to != *o.to) return false;
    return true;
}

int run_due(Session& s, const DueCommandOptions& o) {
    const auto& kind_names = EnumNames<ItemKind>::names;
    for (const auto& k : o.kinds) {
        if (std::find(kind_names.begin(), kind_names.end(), k) != kind_names.end()) continue;
        auto near = closest(k, kind_names);
        s.print_error(near ? trf("--kind: unknown kind '{}'; did you mean '{}'?", k, *near)
                           : trf("--kind: unknown kind '{}'; the kinds are {}", k,
                                 fmt::format("{}", fmt::join(kind_names, ", "))));
        return exit_code::usage;
    }
    auto csv = csv_options(o.file, o.format);
    auto alarm = alarm_days(o.file, o.format);
    if (!csv || !alarm) {
        s.print_error(!csv ? csv.error() : alarm.error());
        return exit_code::usage;
    }
    std::optional<Period> horizon;
    if (!o.horizon.empty()) {
        auto p = parse_period(o.horizon);
        if (!p) {
            s.print_error(fmt::format("--horizon '{}': {}", o.horizon, p.error()));
            return exit_code::usage;
        }
        horizon = *p;
    }
    int status = 0;
    // Of the interactions, the rules need only each client's latest.
    auto loaded = s.load_reported(status, false);
    if (!loaded) return status;
    const Workspace& ws = loaded->workspace;
    for (const auto& id : o.clients)
        if (!ws.client(id)) {
            s.print_error(trf("--client: no client '{}' in this workspace", terminal_safe(id)));
            return exit_code::no_input;
        }
    if (auto why = unmatched_filters(ws, o.owner, o.tag)) {
        s.print_error(*why);
        return exit_code::no_input;
    }
    DueOptions rules{s.as_of, horizon.value_or(ws.config.horizon)};
    std::vector<DueItem> items = find_due(ws, rules);
    std::erase_if(items, [&](const DueItem& i) { return !wanted(i, o); });
    DueView view{rules.as_of, rules.horizon, items, s.env.stdout_columns};
    if (o.format == "json")
        s.print(render_due_json(view));
    else if (o.format == "csv")
        s.print(table_csv(items_table(items, rules.as_of), *csv));
    else if (o.format == "ics")
        s.print(render_ics(items, IcsOptions{rules.as_of, *alarm}));
    else
        s.print(render_due_text(view, s.out_paint));

    if (int st = data_status(*loaded); st != exit_code::ok) return st;
    bool overdue = std::any_of(items.begin(), items.end(), [&](const DueItem& i) {
        return status_of(i, rules.as_of) == ItemStatus::overdue;
    });
    return o.exit_code && overdue ? exit_code::overdue : exit_code::ok;
}

}  // namespace

Runner setup_due(CLI::App& app) {
    auto opts = std::make_shared<DueCommandOptions>();
    auto* cmd = app.add_subcommand("due", "List what needs doing: overdue, today and upcoming");
    cmd->add_option("--horizon", opts->horizon,
                    "List items due within this period (default: acct.yaml horizon)");
    cmd->add_option("--client", opts->clients, "Only this client (repeatable)");
    cmd->add_option("--owner", opts->owner, "Only clients looked after by this person");
    cmd->add_option("--tag", opts->tag, "Only clients with this tag");
    cmd->add_option("--kind", opts->kinds,
                    "Only items of this kind (repeatable): follow-up, touch-base, task, request, "
                    "change, renewal, notice, signature, invoice, payment, report");
    cmd->add_option("--to", opts->to,
                    "Only the requests handed to this person in the team (their 'to')");
    cmd->add_option("--format", opts->format, "Output format: text, json, csv or ics")
        ->check(CLI::IsMember({"text", "json", "csv", "ics"}));
    add_file_format_options(*cmd, opts->file);
    cmd->add_flag("--exit-code", opts->exit_code, "Exit 1 when something is overdue");
    cmd->footer(
        "Examples:\n"
        "  acct due\n"
        "  acct due --horizon 2w --owner anna\n"
        "  acct due --kind invoice --kind payment --format json\n"
        "  acct due --to anna --horizon 2w\n"
        "  acct due --horizon 30d --format ics --alarm 1d > acct.ics\n"
        "  acct due --exit-code || notify-send 'acct: something is overdue'");
    return [opts](Session& s) { return run_due(s, *opts); };
}

}  // namespace acctool::cli
