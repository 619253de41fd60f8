// acct export: the records and items as CSV, JSON or (items) a calendar.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/formats.h"
#include "acct/cli/session.h"
#include "acct/lang/translate.h"
#include "acct/render/ics.h"
#include "acct/render/table.h"

namespace acctool::cli {

namespace {

struct ExportOptions {
    std::string what;
    std::string format = "csv";
    FileFormatOptions file;
};

int run_export(Session& s, const ExportOptions& o) {
    if (o.format == "ics" && o.what != "items") {
        s.print_error(trf("--format ics exports items only, not {}", o.what));
        return exit_code::usage;
    }
    auto csv = csv_options(o.file, o.format);
    auto alarm = alarm_days(o.file, o.format);
    if (!csv || !alarm) {
        s.print_error(!csv ? csv.error() : alarm.error());
        return exit_code::usage;
    }
    int status = 0;
    auto loaded = s.load_reported(status);
    if (!loaded) return status;
    const Workspace& ws = loaded->workspace;
    // Every item a rule yields, listed yet or not (renewals months ahead too).
    std::vector<DueItem> items = all_items(ws, DueOptions{s.as_of, ws.config.horizon});
    sort_items(items);
    if (o.format == "ics") {
        s.print(render_ics(items, IcsOptions{s.as_of, *alarm}));
        return data_status(*loaded);
    }
    Table t = o.what == "clients"        ? clients_table(ws)
              : o.what == "contracts"    ? contracts_table(ws)
              : o.what == "invoices"     ? invoices_table(ws, s.as_of)
              : o.what == "interactions" ? interactions_table(ws)
              : o.what == "requests"     ? requests_table(ws)
              : o.what == "changes"      ? changes_table(ws)
              : o.what == "metrics"      ? metrics_table(ws)
                                         : items_table(items, s.as_of);
    s.print(o.format == "json" ? table_json(t) : table_csv(t, *csv));
    return data_status(*loaded);
}

}  // namespace

Runner setup_export(CLI::App& app) {
    auto o = std::make_shared<ExportOptions>();
    auto* cmd = app.add_subcommand("export", "Export records or items as CSV, JSON or ICS");
    cmd->add_option("WHAT", o->what,
                    "clients, contracts, invoices, interactions, items, requests, changes or "
                    "metrics")
        ->required()
        ->check(CLI::IsMember({"clients", "contracts", "invoices", "interactions", "items",
                               "requests", "changes", "metrics"}));
    cmd->add_option("--format", o->format, "csv (default), json, or ics (items only)")
        ->check(CLI::IsMember({"csv", "json", "ics"}));
    add_file_format_options(*cmd, o->file);
    cmd->footer(
        "Examples:\n"
        "  acct export invoices > invoices.csv\n"
        "  acct export clients --format csv --delimiter ';' --bom > clients.csv   # Excel\n"
        "  acct export interactions --format json | jq '.interactions | length'\n"
        "  acct export items --format ics --alarm 1d > acct.ics\n"
        "  acct export requests --format json");
    return [o](Session& s) { return run_export(s, *o); };
}

}  // namespace acctool::cli
