#pragma once
// Builds a workspace from in-memory files, as load_workspace would from disk.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "acct/load/as_of_checks.h"
#include "acct/load/assemble.h"
#include "acct/load/config.h"
#include "acct/rules/due.h"

namespace acctool::testing {

struct Built {
    Workspace ws;
    std::vector<Diagnostic> diagnostics;
};

// files: {"alpha/client.yaml", "name: A\n..."}; every folder is a client.
inline Built build(const std::map<std::string, std::string>& files, const std::string& config_yaml,
                   Date as_of) {
    Built out;
    ConfigRead cfg = read_config(SourceText("acct.yaml", config_yaml));
    out.ws.config = cfg.config;
    out.diagnostics = cfg.diagnostics;
    std::map<std::string, ClientFiles> by_folder;
    ReadOptions options{out.ws.config};
    for (const auto& [path, text] : files) {  // std::map: byte order of path
        std::string folder = path.substr(0, path.rfind('/'));
        std::string id = folder.substr(folder.rfind('/') + 1);
        auto& cf = by_folder[folder];
        cf.id = id;
        cf.folder = folder;
        auto source = std::make_shared<const SourceText>(path, text);
        cf.files.push_back(read_record_file(source, path.ends_with("/client.yaml"), id, options));
    }
    std::vector<ClientFiles> clients;
    for (auto& [folder, cf] : by_folder)
        clients.push_back(std::move(cf));
    for (const auto& c : clients)
        for (const auto& f : c.files)
            check_as_of(f, as_of, out.diagnostics);
    Assembled a = assemble(std::move(clients), out.ws.config, as_of);
    out.ws.clients = std::move(a.clients);
    for (auto& d : a.diagnostics)
        out.diagnostics.push_back(std::move(d));
    sort_diagnostics(out.diagnostics);
    return out;
}

// "kind due subject days" for each listed item, for compact assertions.
inline std::vector<std::string> due_lines(const Workspace& ws, Date as_of, Period horizon) {
    std::vector<std::string> out;
    for (const auto& i : find_due(ws, DueOptions{as_of, horizon}))
        out.push_back(fmt::format("{} {} {} {} {}", i.client->id, to_string(i.kind), i.due,
                                  i.subject, days_until(i, as_of)));
    return out;
}

}  // namespace acctool::testing
