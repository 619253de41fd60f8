// acct workload: how much of a person account management takes.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/client_filters.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/session.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/json.h"
#include "acct/render/terminal_text.h"
#include "acct/report/workload.h"

namespace acctool::cli {

namespace {

struct WorkloadOptions {
    std::optional<std::string> owner;
    std::string format = "text";
};

std::string num(double x) {
    return say_decimal(x, 2);
}

// "2.17 touches × 30.0 min (logged) + 1.00 report × 45.0 min (touch_time) + ..."
std::string arithmetic(const ClientLoad& l) {
    auto src = [](bool measured) { return measured ? tr("logged avg") : "touch_time"; };
    return trf(
        "{} touches × {} min ({}) + {} reports × {} min ({}) + {} invoices "
        "× {} min + {} requests × {} min + {} changes × {} min = {} min",
        num(l.touches), say_decimal(l.touch_minutes, 1), src(l.touch_measured), num(l.reports),
        say_decimal(l.report_minutes, 1), src(l.report_measured), num(l.invoices),
        say_decimal(l.invoice_minutes, 0), num(l.requests), say_decimal(l.request_minutes, 0),
        num(l.changes), say_decimal(l.change_minutes, 0), say_decimal(l.expected(), 1));
}

std::string owner_text(const OwnerLoad& o, double fte_hours, bool details) {
    // The total and the clients without an owner have names only in the text.
    std::string name = !details  ? std::string(tr("total"))
                       : o.named ? terminal_safe(o.owner)
                                 : std::string(tr("(no owner)"));
    std::string out = trnf("{}: {} active client", "{}: {} active clients", o.clients.size(), name,
                           o.clients.size()) +
                      "\n";
    if (details)
        for (const auto& l : o.clients)
            out += fmt::format("  {}: {}\n", terminal_safe(l.client->id), arithmetic(l));
    double touches = 0;
    for (const auto& l : o.clients)
        touches += l.touches;
    out += "  " +
           trf("expected: {} touches and {} hours a month", num(touches),
               say_decimal(o.expected_minutes / 60, 1)) +
           "\n";
    out += "  " +
           trf("logged: {} hours a month (the last 90 days)",
               say_decimal(o.logged_per_month / 60, 1)) +
           "\n";
    out += "  " +
           trf("FTE: {} h / {} h = {}: {}", say_decimal(o.expected_minutes / 60, 1),
               say_decimal(fte_hours, 0), say_decimal(o.fte, 2), verdict_words(o.fte)) +
           "\n";
    return out;
}

// Hours and minutes with 2 decimals, FTE with 3, rounded half up (SPEC 4).
Json owner_json(const OwnerLoad& o, double fte_hours) {
    Json clients = Json::array();
    for (const auto& l : o.clients) {
        Json c = Json::object();
        c.set("client", l.client->id);
        c.set("touches_per_month", Json::rounded(l.touches, 2));
        c.set("minutes_per_touch", Json::rounded(l.touch_minutes, 2));
        c.set("touch_minutes_from", l.touch_measured ? "logged" : "touch_time");
        c.set("reports_per_month", Json::rounded(l.reports, 2));
        c.set("minutes_per_report", Json::rounded(l.report_minutes, 2));
        c.set("invoices_per_month", Json::rounded(l.invoices, 2));
        c.set("minutes_per_invoice", Json::rounded(l.invoice_minutes, 2));
        c.set("requests_per_month", Json::rounded(l.requests, 2));
        c.set("minutes_per_request", Json::rounded(l.request_minutes, 2));
        c.set("changes_per_month", Json::rounded(l.changes, 2));
        c.set("minutes_per_change", Json::rounded(l.change_minutes, 2));
        c.set("expected_minutes_per_month", Json::rounded(l.expected(), 2));
        c.set("logged_minutes_90_days", static_cast<std::int64_t>(l.logged_90));
        clients.push(std::move(c));
    }
    Json j = Json::object();
    j.set("owner", o.named ? Json(o.owner) : Json());
    j.set("active_clients", static_cast<std::int64_t>(o.clients.size()));
    j.set("expected_hours_per_month", Json::rounded(o.expected_minutes / 60, 2));
    j.set("logged_hours_per_month", Json::rounded(o.logged_per_month / 60, 2));
    j.set("fte_hours", Json::rounded(fte_hours, 2));
    j.set("fte", Json::rounded(o.fte, 3));
    j.set("verdict", o.verdict);
    j.set("clients", std::move(clients));
    return j;
}

int run_workload(Session& s, const WorkloadOptions& o) {
    int status = 0;
    auto loaded = s.load_reported(status);
    if (!loaded) return status;
    if (auto why = unmatched_filters(loaded->workspace, o.owner, std::nullopt)) {
        s.print_error(*why);
        return exit_code::no_input;
    }
    Workload w = build_workload(loaded->workspace, s.as_of, o.owner);
    if (o.format == "json") {
        Json owners = Json::array();
        for (const auto& ol : w.owners)
            owners.push(owner_json(ol, w.fte_hours));
        Json root = Json::object();
        root.set("as_of", format_date(s.as_of));
        root.set("owners", std::move(owners));
        root.set("total", owner_json(w.total, w.fte_hours));
        s.print(root.dump());
    } else {
        std::string out = trf("Workload as of {}: expected minutes a month per active client",
                              say_weekday_date(s.as_of)) +
                          "\n";
        for (const auto& ol : w.owners)
            out += "\n" + owner_text(ol, w.fte_hours, true);
        if (w.owners.size() != 1) out += "\n" + owner_text(w.total, w.fte_hours, false);
        s.print(out);
    }
    return data_status(*loaded);
}

}  // namespace

Runner setup_workload(CLI::App& app) {
    auto o = std::make_shared<WorkloadOptions>();
    auto* cmd = app.add_subcommand("workload", "How much of a person account management takes");
    cmd->add_option("--owner", o->owner, "Only this person's clients");
    cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->footer(
        "Examples:\n"
        "  acct workload\n"
        "  acct workload --owner anna --format json");
    return [o](Session& s) { return run_workload(s, *o); };
}

}  // namespace acctool::cli
