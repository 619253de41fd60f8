// acct merge-file BASE OURS THEIRS [PATH]: git's merge driver for record
// files. Merges by records when it can prove the result, else hands the file
// to `git merge-file` (line merge, conflict markers).
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/sharing.h"
#include "acct/lang/translate.h"
#include "acct/load/config.h"
#include "acct/os/files.h"
#include "acct/os/process.h"
#include "acct/write/merge.h"

namespace fs = std::filesystem;

namespace acctool::cli {

namespace {

struct MergeFileOptions {
    std::string base, ours, theirs;
    std::optional<std::string> path;
    int marker_size = 7;
};

// Where the merged file lives in a workspace, when it is a record file.
struct RecordFilePlace {
    std::optional<fs::path> root;  // absent: no workspace found
    std::string rel;               // relative to the root
    std::string client_id;
    bool client_file = true;
};

bool hidden(const std::string& name) {
    return name.starts_with('.') || name.starts_with('_');
}

// PATH as git gives it (relative to the top of the work tree, where git runs
// the driver): a record file is a *.yaml or *.yml file of a client folder.
std::optional<RecordFilePlace> record_file_place(const Session& s, const MergeFileOptions& o) {
    std::error_code ec;
    RecordFilePlace place;
    if (!o.path) {
        // Called by hand without PATH: the files are taken as record files.
        WorkspaceSearch found = find_workspace(s.globals.dir, s.env.acct_dir, s.env.cwd);
        place.root = found.root;
        place.rel = "client.yaml";
        place.client_id = "client";
        return place;
    }
    fs::path file = (s.env.cwd / *o.path).lexically_normal();
    std::string name = file.filename().string();
    if (!(name.ends_with(".yaml") || name.ends_with(".yml"))) return std::nullopt;
    for (fs::path d = file.parent_path(); !d.empty(); d = d.parent_path()) {
        if (fs::is_regular_file(d / "acct.yaml", ec)) {
            place.root = d;
            break;
        }
        if (d == d.parent_path()) break;
    }
    if (!place.root) return std::nullopt;
    fs::path rel = file.lexically_relative(*place.root);
    place.rel = rel.generic_string();
    if (!rel.has_parent_path()) return std::nullopt;  // acct.yaml and its neighbours
    for (const auto& part : rel.parent_path())
        if (hidden(part.string())) return std::nullopt;
    place.client_file = name == "client.yaml";
    if (!place.client_file && !fs::is_regular_file(file.parent_path() / "client.yaml", ec))
        return std::nullopt;
    place.client_id = rel.parent_path().filename().string();
    return place;
}

Config workspace_config(const std::optional<fs::path>& root) {
    if (!root) return Config{};
    auto bytes = read_whole_file(*root / "acct.yaml");
    if (!bytes) return Config{};
    return read_config(SourceText("acct.yaml", *bytes)).config;
}

int count_errors(const LoadResult& r) {
    int n = 0;
    for (const auto& d : r.diagnostics)
        n += d.severity == Severity::error;
    return n;
}

// The rest of the workspace as our side has it must take the merged file
// without a new error (an invoice number that another file already uses).
std::optional<std::string> new_workspace_error(const Session& s, const RecordFilePlace& place,
                                               const std::string& ours, const std::string& merged) {
    if (!place.root || !fs::exists(*place.root / place.rel)) return std::nullopt;
    LoadResult before = s.load_at(*place.root, Overlay{{place.rel, ours}});
    LoadResult after = s.load_at(*place.root, Overlay{{place.rel, merged}});
    if (count_errors(after) <= count_errors(before)) return std::nullopt;
    for (const auto& d : after.diagnostics) {
        if (d.severity != Severity::error) continue;
        bool old = false;
        for (const auto& e : before.diagnostics)
            old = old || (e.severity == Severity::error && e.message == d.message);
        if (!old)
            return trf("the merged file would add an error to the workspace: {}: {}", d.where,
                       d.message);
    }
    return tr("the merged file would add an error to the workspace");
}

int line_merge(const Session& s, const MergeFileOptions& o) {
    ProcessResult r =
        run_program({"git", "merge-file", fmt::format("--marker-size={}", o.marker_size), "-L",
                     "ours", "-L", "base", "-L", "theirs", "--", o.ours, o.base, o.theirs});
    if (!r.started) {
        s.print_error(tr("git is not installed; the file is left as our side has it"));
        return exit_code::unavailable;
    }
    if (r.signal != 0 || r.exit_status < 0 || r.exit_status > 127) {
        s.print_error(fmt::format("git merge-file {}: {}", r.describe(), terminal_safe(r.errors)));
        return r.exit_status > 0 ? r.exit_status : 1;
    }
    return r.exit_status;
}

int run_merge_file(const Session& s, const MergeFileOptions& o) {
    std::string shown = terminal_safe(o.path.value_or(o.ours));
    auto place = record_file_place(s, o);
    if (!place) return line_merge(s, o);
    auto base = read_whole_file(o.base), ours = read_whole_file(o.ours),
         theirs = read_whole_file(o.theirs);
    for (const auto& [bytes, name] :
         {std::pair{&base, &o.base}, std::pair{&ours, &o.ours}, std::pair{&theirs, &o.theirs}})
        if (!*bytes) {
            s.print_error(trf("cannot read {}", terminal_safe(*name)));
            return exit_code::no_input;
        }
    Config config = workspace_config(place->root);
    RecordFileContext ctx{place->rel, place->client_id, place->client_file, ReadOptions{config}};
    RecordMerge m = merge_record_file({*base, *ours, *theirs}, ctx);
    if (m.outcome == RecordMerge::Outcome::merged)
        if (auto why = new_workspace_error(s, *place, *ours, m.text))
            m = RecordMerge{RecordMerge::Outcome::conflict, {}, *why};
    if (m.outcome == RecordMerge::Outcome::merged) {
        fs::path target = fs::absolute(o.ours);
        if (auto problem = replace_file(target.parent_path(), target.filename().string(), m.text)) {
            s.print_error(
                trf("cannot write the merged {}: {}", shown, terminal_safe(problem->message)));
            return exit_code::cannot_create;
        }
        return exit_code::ok;
    }
    fmt::print(s.env.err, "acct merge-file: {}: {}\n", shown, terminal_safe(m.reason));
    int status = line_merge(s, o);
    if (status == 0 && m.outcome == RecordMerge::Outcome::conflict) {
        fmt::print(s.env.err, "acct merge-file: {}: {}\n", shown,
                   tr("the lines merged cleanly, but the records conflict; check the file "
                      "before you commit it"));
        return 1;
    }
    if (status == 0)
        fmt::print(s.env.err, "acct merge-file: {}: {}\n", shown,
                   tr("merged line by line instead"));
    else
        fmt::print(s.env.err, "acct merge-file: {}: {}\n", shown,
                   tr("merged line by line; the conflicts are marked in the file"));
    return status;
}

}  // namespace

Runner setup_merge_file(CLI::App& app) {
    auto o = std::make_shared<MergeFileOptions>();
    auto* cmd = app.add_subcommand(
        "merge-file", "git merge driver: merge a record file by records (see acct git-setup)");
    cmd->add_option("BASE", o->base, "The common ancestor's version (git's %O)")->required();
    cmd->add_option("OURS", o->ours, "Our version; the result is written here (git's %A)")
        ->required();
    cmd->add_option("THEIRS", o->theirs, "Their version (git's %B)")->required();
    cmd->add_option("PATH", o->path,
                    "The file's path in the work tree (git's %P); decides whether it holds "
                    "records");
    cmd->add_option("--marker-size", o->marker_size,
                    "Length of conflict markers when the line merge takes over (git's %L)")
        ->check(CLI::Range(1, 1000));
    cmd->footer(
        "Exit 0 when merged; non-zero when the file has a conflict (git then lists it).\n"
        "Example (what acct git-setup registers):\n"
        "  git config merge.acct.driver \"/usr/bin/acct merge-file --marker-size %L %O %A %B "
        "%P\"");
    return [o](Session& s) { return run_merge_file(s, *o); };
}

}  // namespace acctool::cli
