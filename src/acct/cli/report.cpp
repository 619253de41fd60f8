// acct report: the portfolio over a month, quarter or year.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/formats.h"
#include "acct/cli/session.h"
#include "acct/render/report.h"
#include "acct/render/report_html.h"

namespace acctool::cli {

namespace {

struct ReportOptions {
    std::optional<std::string> period;
    std::string format = "text";
    FileFormatOptions file;
};

int run_report(Session& s, const ReportOptions& o) {
    ReportPeriod period = month_of(s.as_of);
    if (o.period) {
        auto p = parse_report_period(*o.period);
        if (!p) {
            s.print_error(fmt::format("--period {}", terminal_safe(p.error())));
            return exit_code::usage;
        }
        period = *p;
    }
    auto csv = csv_options(o.file, o.format);
    if (!csv) {
        s.print_error(csv.error());
        return exit_code::usage;
    }
    int status = 0;
    auto loaded = s.load_reported(status);
    if (!loaded) return status;
    const Workspace& ws = loaded->workspace;
    Report r = build_report(ws, period, DueOptions{s.as_of, ws.config.horizon});
    if (o.format == "json")
        s.print(render_report_json(r));
    else if (o.format == "csv")
        s.print(render_report_csv(r, *csv));
    else if (o.format == "markdown")
        s.print(render_report_markdown(r));
    else if (o.format == "html")
        s.print(render_report_html(r, recurring_history(ws.clients, period.last, 12),
                                   workspace_health(ws, s.as_of, ws.config.horizon)));
    else
        s.print(render_report_text(r));
    return data_status(*loaded);
}

}  // namespace

Runner setup_report(CLI::App& app) {
    auto o = std::make_shared<ReportOptions>();
    auto* cmd = app.add_subcommand("report",
                                   "The portfolio: clients, recurring value, invoiced "
                                   "and collected, aging, renewals, silence, hours");
    cmd->add_option("--period", o->period,
                    "YYYY-MM, YYYY-Qn or YYYY (default: the month holding the as-of date)");
    cmd->add_option("--format", o->format, "text, json, csv, markdown or html")
        ->check(CLI::IsMember({"text", "json", "csv", "markdown", "html"}));
    add_csv_options(*cmd, o->file);
    cmd->footer(
        "Examples:\n"
        "  acct report\n"
        "  acct report --period 2026-Q4 --format markdown > q4.md\n"
        "  acct report --period 2026 --format html > 2026.html\n"
        "  acct report --period 2026 --format json | jq .invoiced");
    return [o](Session& s) { return run_report(s, *o); };
}

}  // namespace acctool::cli
