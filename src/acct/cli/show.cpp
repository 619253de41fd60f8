// acct show: one client's card and timeline.
#include <memory>

#include "acct/cli/exit_codes.h"
#include "acct/cli/session.h"
#include "acct/cli/writing.h"
#include "acct/render/card.h"

namespace acctool::cli {

Runner setup_show(CLI::App& app) {
    auto id = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("show",
                                   "One client's card: contacts, contracts, invoices, "
                                   "tasks, items, interactions, rules");
    cmd->add_option("ID", *id, "The client's id")->required();
    cmd->footer("Example:\n  acct show romashka");
    return [id](Session& s) {
        int status = 0;
        auto loaded = s.load_reported(status);
        if (!loaded) return status;
        const Workspace& ws = loaded->workspace;
        const Client* found = s.client_or_say(ws, *id, status);
        if (!found) return status;
        const Client& c = *found;
        DueOptions rules{s.as_of, ws.config.horizon};
        std::vector<DueItem> items;
        for (auto& item : find_due(ws, rules))
            if (item.client == &c) items.push_back(std::move(item));
        auto explained = explain_client(ws, c, rules);
        s.print(render_card(CardView{c, s.as_of, items, explained, ws.config}));
        return data_status(*loaded);
    };
}

}  // namespace acctool::cli
