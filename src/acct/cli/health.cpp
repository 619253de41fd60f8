// acct health: each client's score, band and the signals behind them.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/health_command.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/render/health.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

namespace {

struct HealthOptions {
    std::optional<std::string> client;
    std::string format = "text";
};

int run_health(Session& s, const HealthOptions& o) {
    int status = 0;
    auto loaded = s.load_reported(status);
    if (!loaded) return status;
    const Workspace& ws = loaded->workspace;
    std::vector<ClientHealth> shown;
    if (o.client) {
        const Client* found = s.client_or_say(ws, *o.client, status);
        if (!found) return status;
        const Client& c = *found;
        if (!has_health(c)) {
            // SPEC 6: not an error; JSON lists no client.
            if (o.format == "json")
                s.print(health_json({}, s.as_of).dump());
            else
                s.print(trf("{} ({}) is {}: only active and paused clients have a health "
                            "score.",
                            terminal_safe(c.name), c.id, to_string(c.status)) +
                        "\n");
            return data_status(*loaded);
        }
        shown.push_back(client_health(ws, c, s.as_of, ws.config.horizon));
    } else {
        shown = workspace_health(ws, s.as_of, ws.config.horizon);
    }
    if (o.format == "json")
        s.print(health_json(shown, s.as_of).dump());
    else if (shown.empty())
        s.print(fmt::format("{}\n", tr("No active or paused clients: no health to show.")));
    else
        s.print(health_text(shown));
    return data_status(*loaded);
}

}  // namespace

Runner setup_health(CLI::App& app) {
    auto o = std::make_shared<HealthOptions>();
    auto* cmd = app.add_subcommand(
        "health",
        "Health score and band of each client, lowest first, with the signals behind them");
    cmd->add_option("CLIENT", o->client, "Only this client");
    cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->footer(
        "Examples:\n"
        "  acct health\n"
        "  acct health romashka --format json");
    return [o](Session& s) { return run_health(s, *o); };
}

}  // namespace acctool::cli
