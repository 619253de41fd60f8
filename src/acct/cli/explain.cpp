// acct explain: why each rule does or does not remind about a client.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/session.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"
#include "acct/render/command.h"
#include "acct/rules/explain.h"

namespace acctool::cli {

namespace {

struct ExplainOptions {
    std::string client;
    std::optional<std::string> kind;
};

int run_explain(Session& s, const ExplainOptions& o) {
    std::optional<ItemKind> only;
    if (o.kind) {
        auto k = parse_choice<ItemKind>(*o.kind);
        if (!k) {
            s.print_error(fmt::format("KIND {}", k.error()));
            return exit_code::usage;
        }
        only = *k;
    }
    int status = 0;
    auto loaded = s.load_reported(status);
    if (!loaded) return status;
    const Workspace& ws = loaded->workspace;
    const Client* found = s.client_or_say(ws, o.client, status);
    if (!found) return status;
    const Client& c = *found;
    DueOptions rules{s.as_of, ws.config.horizon};
    std::string out =
        trf("{} ({}, {}), as of {}, horizon {}", terminal_safe(c.name), c.id, to_string(c.status),
            say_weekday_date(s.as_of), say_period(rules.horizon)) +
        "\n";
    const std::vector<DueItem> items = all_items(ws, rules);
    for (const auto& e : explain_client(ws, c, rules)) {
        if (only && e.kind != *only) continue;
        out += fmt::format("\n{}\n", s.out_paint(to_string(e.kind), "1"));
        for (const auto& f : e.findings) {
            out += fmt::format("  {}\n", terminal_safe(f.text));
            // The command that resolves the item, when there is one.
            auto it = std::find_if(items.begin(), items.end(), [&](const DueItem& i) {
                return f.item && i.client == &c && i.kind == e.kind && i.at == f.at &&
                       i.due == f.due;
            });
            if (it != items.end())
                if (std::string cmd = resolving_command(*it); !cmd.empty())
                    out += "    " + trf("to resolve: {}", terminal_safe(cmd)) + "\n";
        }
    }
    s.print(out);
    return data_status(*loaded);
}

}  // namespace

Runner setup_explain(CLI::App& app) {
    auto o = std::make_shared<ExplainOptions>();
    auto* cmd =
        app.add_subcommand("explain", "Why each rule does or does not remind about a client");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("KIND", o->kind,
                    "Only this rule: follow-up, touch-base, task, renewal, "
                    "notice, signature, invoice, payment, report");
    cmd->footer(
        "Examples:\n"
        "  acct explain romashka\n"
        "  acct explain nordlicht renewal");
    return [o](Session& s) { return run_explain(s, *o); };
}

}  // namespace acctool::cli
