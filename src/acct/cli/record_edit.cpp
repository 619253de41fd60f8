#include "acct/cli/record_edit.h"

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/lang/translate.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

std::variant<PlannedWrite, Refusal> plan_record_edit(
    const Workspace& ws, std::string_view section, const SourceLocation& at,
    const std::vector<std::pair<std::string, YamlValue>>& values) {
    auto opened = open_workspace_file(ws, at.file);
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    const WorkspaceFile& f = std::get<WorkspaceFile>(opened);
    auto node = record_node(f, section, at);
    if (!node)
        return Refusal{exit_code::cannot_create,
                       trf("cannot find the record at {}:{}", terminal_safe(at.file), at.line)};
    EditableFile file{*f.bytes, f.doc};
    Edit edit;
    auto refusal = [&](const std::string& why) {
        return Refusal{exit_code::cannot_create,
                       trf("cannot edit {}: {}", terminal_safe(at.file), why)};
    };
    for (const auto& [key, value] : values) {
        auto one = set_value(file, *node, {key}, value);
        if (!one) return refusal(one.error());
        auto both = combine(std::move(edit), std::move(one.value()));
        if (!both) return refusal(both.error());
        edit = std::move(both.value());
    }
    PlannedWrite w;
    w.file = f.rel;
    w.old_bytes = f.bytes;
    w.new_bytes = apply_edit(*f.bytes, edit);
    w.edit = std::move(edit);
    return w;
}

}  // namespace acctool::cli
