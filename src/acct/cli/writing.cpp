#include "acct/cli/writing.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/git_commit.h"
#include "acct/lang/translate.h"
#include "acct/load/file_records.h"
#include "acct/load/parse_memo.h"
#include "acct/load/suggest.h"
#include "acct/os/files.h"
#include "acct/render/diagnostics.h"
#include "acct/render/diff.h"

namespace fs = std::filesystem;

namespace acctool::cli {

namespace {

int status_of(const FileProblem& p) {
    switch (p.kind) {
        case FileProblem::Kind::outside:
            return exit_code::usage;
        case FileProblem::Kind::cannot_write:
            return exit_code::cannot_create;
        case FileProblem::Kind::io:
            return exit_code::io_error;
        case FileProblem::Kind::busy:
            return exit_code::try_again;
    }
    return exit_code::cannot_create;
}

// The first and last line of the new file that an edit wrote.
std::pair<int, int> changed_lines(const PlannedWrite& w) {
    std::vector<const Splice*> order;
    for (const auto& sp : w.edit->splices)
        order.push_back(&sp);
    std::stable_sort(order.begin(), order.end(),
                     [](const Splice* a, const Splice* b) { return a->offset < b->offset; });
    std::size_t first = w.new_bytes.size(), last = 0;
    std::ptrdiff_t shift = 0;
    for (const Splice* sp : order) {
        std::size_t begin =
            static_cast<std::size_t>(static_cast<std::ptrdiff_t>(sp->offset) + shift);
        first = std::min(first, begin);
        last = std::max(last, begin + sp->text.size() - (sp->text.empty() ? 0 : 1));
        shift +=
            static_cast<std::ptrdiff_t>(sp->text.size()) - static_cast<std::ptrdiff_t>(sp->length);
    }
    auto line_of = [&](std::size_t at) {
        at = std::min(at, w.new_bytes.size());
        return 1 + static_cast<int>(
                       std::count(w.new_bytes.begin(),
                                  w.new_bytes.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    };
    return {line_of(first), line_of(last)};
}

// Checks the planned file the way the next acct run will read it. Returns
// why it must not be written, or nothing.
std::optional<std::string> verify(const Session& s, const fs::path& root, const LoadResult& before,
                                  const PlannedWrite& w) {
    std::vector<Diagnostic> problems;
    SourceText text(w.file, w.new_bytes);
    ParseMemo* memo = before.workspace.parses.get();
    auto doc = parse_file(text, problems, memo);
    if (!doc)
        return trf("the new {} would not parse ({})", w.file,
                   problems.empty() ? "" : problems.front().message);
    if (w.insertion && w.old_bytes) {
        SourceText old_text(w.file, *w.old_bytes);
        auto old_doc = parse_file(old_text, problems, memo);
        if (!old_doc || !has_only_the_change(*old_doc, *doc, *w.insertion))
            return trf("the edit of {} would change more than the new record", w.file);
    }
    if (w.edit && w.old_bytes) {
        SourceText old_text(w.file, *w.old_bytes);
        auto old_doc = parse_file(old_text, problems, memo);
        if (!old_doc || !has_only_the_changes(*old_doc, *doc, w.edit->changes))
            return trf("the edit of {} would change more than asked", w.file);
    }
    // Only the client's folder can change: reload just that one (the planner
    // has checked what spans the workspace, such as invoice numbers).
    const std::string folder = fs::path(w.file).parent_path().string();
    LoadResult after = s.load_at(root, Overlay{{w.file, w.new_bytes}}, folder);
    auto errors_in_folder = [&](const LoadResult& r) {
        return std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
            return d.severity == Severity::error && d.where.file.starts_with(folder + "/");
        });
    };
    // The new lines must bring no diagnostic of their own, and the workspace
    // no new error.
    int first_line = 1, last_line = 1 << 30;
    if (w.insertion) {
        first_line = record_location(w).line;
        last_line = first_line + static_cast<int>(std::count(w.insertion->text.begin(),
                                                             w.insertion->text.end(), '\n'));
    } else if (w.edit) {
        std::tie(first_line, last_line) = changed_lines(w);
    }
    for (const auto& d : after.diagnostics)
        if (d.where.file == w.file && d.where.line >= first_line && d.where.line <= last_line) {
            if (d.severity == Severity::error)
                return trf("the new record would not load: {}: {}", d.where, d.message);
            // A new client's "no contract yet" is no news; a warning about a
            // record just added (dated in the future, say) is.
            if (w.insertion || w.edit)
                fmt::print(s.env.err, "{}", format_diagnostic(d, s.err_paint, false));
        }
    if (errors_in_folder(after) > errors_in_folder(before))
        return trf("writing {} would add an error to the workspace", w.file);
    if (!w.reads_back(after.workspace))
        return trf("the new record in {} would not read back as given", w.file);
    return std::nullopt;
}

// Creates the missing folders above `file`; returns the ones it created,
// deepest first, so that a failed write can take them away again.
std::vector<fs::path> create_folders(const fs::path& root, const std::string& file,
                                     std::error_code& ec) {
    std::vector<fs::path> missing;
    for (fs::path d = (root / file).parent_path(); !fs::exists(d, ec) && d != root;
         d = d.parent_path())
        missing.push_back(d);
    for (auto it = missing.rbegin(); it != missing.rend(); ++it)
        if (!fs::create_directory(*it, ec) && ec) break;
    return missing;
}

// A dangling link could lead anywhere once something appears at its end; a
// FIFO or device would block or never read back. Only regular files (or links
// to them) are edited, and this looks without opening anything.
std::optional<Refusal> refuse_unusual_file(const fs::path& path, const std::string& rel) {
    std::error_code ec;
    fs::file_status own = fs::symlink_status(path, ec);
    if (ec || own.type() == fs::file_type::not_found) return std::nullopt;
    fs::file_status target = fs::status(path, ec);
    if (fs::is_symlink(own) && target.type() == fs::file_type::not_found)
        return Refusal{exit_code::usage,
                       trf("{} is a link to a file that does not exist; acct does not "
                           "write through a dangling link",
                           terminal_safe(rel))};
    if (!fs::is_regular_file(target))
        return Refusal{
            exit_code::cannot_create,
            trf("{} is not a regular file; acct writes only regular files", terminal_safe(rel))};
    return std::nullopt;
}

// YAML takes a CR on its own for a line break; acct's lines do not, so an
// insertion could land inside another line's text. Such a file is refused.
std::optional<Refusal> refuse_lone_cr(std::string_view bytes, const std::string& rel) {
    for (std::size_t i = bytes.find('\r'); i != std::string_view::npos;
         i = bytes.find('\r', i + 1)) {
        if (i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;
        SourceLocation at = SourceText(rel, std::string(bytes))
                                .locate(static_cast<std::uint32_t>(i - bom_length(bytes)));
        return Refusal{exit_code::cannot_create,
                       trf("{}: a carriage return (CR) that does not end a line; acct "
                           "edits only files with LF or CRLF line ends: fix that first",
                           at)};
    }
    return std::nullopt;
}

}  // namespace

void add_write_options(CLI::App& cmd, WriteOptions& o) {
    cmd.add_flag("--dry-run,-n", o.dry_run, "Print the change as a unified diff; write nothing");
    cmd.add_flag("--commit", o.commit,
                 "Commit the changed file with git (also: git: {commit: true} in acct.yaml)");
}

int perform_write(Session& s, const WriteOptions& o, const Planner& plan) {
    int status = 0;
    auto root = s.find_root(status);
    if (!root) return status;
    std::optional<WorkspaceLock> lock;
    if (!o.dry_run) {
        FileProblem problem{};
        lock = WorkspaceLock::acquire(*root, s.env.lock_wait, problem);
        if (!lock) {
            s.print_error(problem.message);
            return status_of(problem);
        }
    }
    // No planner reads interactions (log checks its own in the reloaded
    // folder): a warm write costs little more than a warm `due`.
    s.parses = std::make_shared<ParseMemo>();
    LoadResult before = s.load_at(*root, {}, std::nullopt, false);
    s.report_diagnostics(before);
    Plan planned = plan(before);
    if (auto* r = std::get_if<Refusal>(&planned)) {
        s.print_error(r->message);
        return r->status;
    }
    PlannedWrite& w = std::get<PlannedWrite>(planned);
    if (!stays_inside(*root, *root / w.file)) {
        s.print_error(
            trf("{} leads out of the workspace; acct does not write there", terminal_safe(w.file)));
        return exit_code::usage;
    }
    if (auto why = verify(s, *root, before, w)) {
        s.print_error(trf("nothing was written: {}", terminal_safe(*why)));
        return exit_code::cannot_create;
    }
    // A dry run says no more than the real run would: it fails the same way.
    const bool commit = o.commit || before.workspace.config.git_commit;
    if (commit)
        if (auto problem = check_git(*root)) {
            s.print_error(problem->message);
            return problem->status;
        }
    auto warn = [&] {
        for (const auto& text : w.warnings)
            s.print_warning(terminal_safe(text));
    };
    if (o.dry_run) {
        warn();
        s.print(unified_diff(w.file, w.old_bytes, w.new_bytes, s.out_paint, s.env.stdout_tty));
        return data_status(before);
    }

    std::error_code ec;
    std::vector<fs::path> created = create_folders(*root, w.file, ec);
    std::optional<FileProblem> problem;
    if (ec)
        problem = FileProblem{
            FileProblem::Kind::cannot_write,
            trf("cannot create {}: {}", fs::path(w.file).parent_path().string(), ec.message())};
    else
        problem = replace_file(*root, w.file, w.new_bytes);
    if (problem) {
        for (const auto& d : created)
            fs::remove(d, ec);
        s.print_error(trf("nothing was written: {}", terminal_safe(problem->message)));
        return status_of(*problem);
    }
    warn();
    s.print(terminal_safe(w.done) + "\n");
    if (commit) {
        if (auto failed = commit_files(*root, {w.file}, w.commit_message)) {
            s.print_error(trf("{} was written but not committed: {}", terminal_safe(w.file),
                              terminal_safe(*failed)));
            return exit_code::cannot_create;
        }
        s.print(trf("Committed {}", short_head(*root)) + "\n");
    }
    return data_status(before);
}

std::variant<const Client*, Refusal> find_client(const Workspace& ws, std::string_view id) {
    if (const Client* c = ws.client(id)) return c;
    std::vector<std::string_view> ids;
    for (const auto& c : ws.clients)
        ids.push_back(c.id);
    auto near = closest(id, ids);
    return Refusal{exit_code::no_input,
                   near ? trf("no client '{}'; did you mean '{}'?", terminal_safe(id), *near)
                        : trf("no client '{}' in this workspace", terminal_safe(id))};
}

std::variant<WorkspaceFile, Refusal> open_workspace_file(const Workspace& ws,
                                                         const std::string& rel) {
    WorkspaceFile f{rel, std::nullopt, {}};
    fs::path path = fs::path(ws.root) / rel;
    std::error_code ec;
    if (auto refused = refuse_unusual_file(path, rel)) return *refused;
    if (fs::exists(path, ec)) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        if (!in) return Refusal{exit_code::io_error, trf("cannot read {}", terminal_safe(rel))};
        f.bytes = std::move(ss).str();
        if (auto refused = refuse_lone_cr(*f.bytes, rel)) return *refused;
        std::vector<Diagnostic> problems;
        auto doc = parse_file(SourceText(rel, *f.bytes), problems, ws.parses.get());
        if (!doc)
            return Refusal{
                exit_code::data_error,
                trf("{} has an error; fix it first, acct does not edit a file "
                    "it cannot read: {}: {}",
                    terminal_safe(rel), problems.front().where, problems.front().message)};
        f.doc = std::move(*doc);
    }
    return f;
}

std::string section_file(const Workspace& ws, const Client& client, std::string_view section,
                         std::string_view fallback) {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(ws.root) / client.folder, ec), end; !ec && it != end;
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        std::error_code e2;
        // The reader's rule: a name before the extension, however short.
        if (it->is_regular_file(e2) && ((name.ends_with(".yaml") && name.size() > 5) ||
                                        (name.ends_with(".yml") && name.size() > 4)))
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
        auto f = open_workspace_file(ws, client.folder + "/" + *it);
        // A file acct must not edit (a lone CR, say) is named, so that its
        // refusal is what the user sees; one with a YAML error is passed by.
        if (auto* r = std::get_if<Refusal>(&f); r && r->status != exit_code::data_error)
            return client.folder + "/" + *it;
        const auto* file = std::get_if<WorkspaceFile>(&f);
        if (!file || file->doc.empty) continue;
        if (map_get(file->doc, file->doc.node(file->doc.root), section)) return file->rel;
    }
    return client.folder + "/" + std::string(fallback);
}

void set_insertion(PlannedWrite& w, const WorkspaceFile& f, Insertion ins) {
    w.file = f.rel;
    w.old_bytes = f.bytes;
    w.new_bytes = apply_insertion(f.bytes.value_or(""), ins);
    w.insertion = std::move(ins);
}

std::variant<PlannedWrite, Refusal> plan_append(const Workspace& ws, const std::string& rel,
                                                std::string_view section, const YamlValue& item) {
    auto opened = open_workspace_file(ws, rel);
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    const WorkspaceFile& f = std::get<WorkspaceFile>(opened);
    std::string_view bytes = f.bytes ? std::string_view(*f.bytes) : std::string_view();
    auto ins = append_to_section(EditableFile{bytes, f.doc}, section, item);
    // A file whose top is a list or a scalar is the data's error (check
    // reports it), not a file acct cannot write.
    if (!ins)
        return Refusal{holds_sections(f.doc) ? exit_code::cannot_create : exit_code::data_error,
                       trf("cannot add to {}: {}", terminal_safe(rel), ins.error())};
    PlannedWrite w;
    set_insertion(w, f, std::move(ins.value()));
    return w;
}

std::optional<std::uint32_t> record_node(const WorkspaceFile& f, std::string_view section,
                                         const SourceLocation& at) {
    if (f.doc.empty || !f.bytes) return std::nullopt;
    const YamlNode* list = map_get(f.doc, f.doc.node(f.doc.root), section);
    if (!list || list->kind != YamlNode::Kind::sequence) return std::nullopt;
    SourceText text(f.rel, *f.bytes);
    for (std::uint32_t item : list->items) {
        const YamlNode& n = f.doc.node(item);
        if (n.kind != YamlNode::Kind::mapping || n.items.empty()) continue;
        SourceLocation first = text.locate(f.doc.node(n.items.front()).pos);
        if (first == at) return item;
    }
    return std::nullopt;
}

void set_edit(PlannedWrite& w, const WorkspaceFile& f, Edit e) {
    w.file = f.rel;
    w.old_bytes = f.bytes;
    w.new_bytes = apply_edit(f.bytes.value_or(""), e);
    w.edit = std::move(e);
}

SourceLocation record_location(const PlannedWrite& w) {
    SourceText text(w.file, w.new_bytes);
    std::size_t offset = w.insertion ? w.insertion->record : 0;
    return text.locate(static_cast<std::uint32_t>(offset - bom_length(w.new_bytes)));
}

}  // namespace acctool::cli
