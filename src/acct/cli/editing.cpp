#include "acct/cli/editing.h"

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/load/suggest.h"

namespace acctool::cli {

namespace {

Refusal cannot_edit(const std::string& file, const std::string& why) {
    // The engine's own refusals start with "LINE:COL: ".
    bool placed = !why.empty() && why.front() >= '0' && why.front() <= '9';
    return Refusal{exit_code::cannot_create, placed ? trf("cannot edit {}:{}; nothing was written",
                                                          terminal_safe(file), terminal_safe(why))
                                                    : trf("cannot edit {}: {}; nothing was written",
                                                          terminal_safe(file), terminal_safe(why))};
}

}  // namespace

std::variant<RecordInFile, Refusal> open_record(const Workspace& ws, std::string_view section,
                                                const SourceLocation& at) {
    auto opened = open_workspace_file(ws, at.file);
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    WorkspaceFile& f = std::get<WorkspaceFile>(opened);
    auto node = record_node(f, section, at);
    if (!node)
        return Refusal{exit_code::cannot_create,
                       trf("cannot find the record at {}:{}", at.file, at.line)};
    return RecordInFile{std::move(f), *node};
}

std::variant<RecordInFile, Refusal> open_client_file(const Workspace& ws, const Client& c) {
    auto opened = open_workspace_file(ws, c.folder + "/client.yaml");
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    WorkspaceFile& f = std::get<WorkspaceFile>(opened);
    if (!f.bytes || f.doc.empty || f.doc.node(f.doc.root).kind != YamlNode::Kind::mapping)
        return Refusal{exit_code::cannot_create,
                       trf("{} is not a mapping of client fields; acct does not edit it",
                           terminal_safe(f.rel))};
    std::uint32_t root = f.doc.root;
    return RecordInFile{std::move(f), root};
}

std::variant<const Contract*, Refusal> find_contract(const Client& c, std::string_view id) {
    std::vector<std::string_view> ids;
    for (const auto& k : c.contracts) {
        if (k.id == id) return &k;
        ids.push_back(k.id);
    }
    if (c.declared_contracts.count(std::string(id)))
        return Refusal{exit_code::data_error,
                       trf("contract '{}' of {} has errors; fix them first (acct check)",
                           terminal_safe(id), c.id)};
    auto near = closest(id, ids);
    return Refusal{
        exit_code::no_input,
        near ? trf("{} has no contract '{}'; did you mean '{}'?", c.id, terminal_safe(id), *near)
             : trf("{} has no contract '{}'", c.id, terminal_safe(id))};
}

std::variant<PlannedWrite, Refusal> plan_edits(const RecordInFile& r,
                                               std::vector<Result<Edit>> edits) {
    Edit all;
    for (auto& e : edits) {
        if (!e) return cannot_edit(r.file.rel, e.error());
        auto both = combine(std::move(all), std::move(e.value()));
        if (!both) return cannot_edit(r.file.rel, both.error());
        all = std::move(both.value());
    }
    PlannedWrite w;
    set_edit(w, r.file, std::move(all));
    return w;
}

}  // namespace acctool::cli
