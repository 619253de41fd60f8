#pragma once
// What every writing command shares (SPEC 4 "Writing"): the lock, planning
// an insertion from the workspace as loaded under it, proving the new file
// reads back with exactly that change, then the atomic replace, the
// `--dry-run` diff and the `--commit`.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "acct/cli/exit_codes.h"
#include "acct/cli/session.h"
#include "acct/cli/values.h"
#include "acct/load/yaml_tree.h"
#include "acct/write/edit.h"
#include "acct/write/insert.h"

namespace acctool::cli {

struct WriteOptions {
    bool dry_run = false;
    bool commit = false;
};

void add_write_options(CLI::App& cmd, WriteOptions& o);

// One file's new contents.
struct PlannedWrite {
    std::string file;                      // relative to the root
    std::optional<std::string> old_bytes;  // absent: a new file
    std::string new_bytes;
    std::optional<Insertion> insertion;  // absent for a new file
    std::optional<Edit> edit;            // changes in place (and insertions) in one file
    // Whether the workspace as it would load holds what was asked for.
    std::function<bool(const Workspace&)> reads_back;
    std::string done;            // one line for the user: what was written where
    std::string commit_message;  // "acct: log call with romashka"
    // Said on stderr ("acct: warning: ...") when it is written, or would be.
    std::vector<std::string> warnings;
};

struct Refusal {
    int status;
    std::string message;
};

using Plan = std::variant<PlannedWrite, Refusal>;
using Planner = std::function<Plan(const LoadResult&)>;

int perform_write(Session& s, const WriteOptions& o, const Planner& plan);

// The runner of a writing command whose options have `date` (--date, the
// as-of date when absent) and `write`: `plan(loaded, options, date)`.
template <class Options, class PlanFn>
Runner dated_write(std::shared_ptr<Options> o, PlanFn plan);

template <class Options, class PlanFn>
Runner dated_write(std::shared_ptr<Options> o, PlanFn plan) {
    return [o, plan](Session& s) {
        auto date = parse_date_option("--date", o->date, s.as_of);
        if (!date) {
            s.print_error(date.error());
            return exit_code::usage;
        }
        return perform_write(s, o->write,
                             [&](const LoadResult& loaded) { return plan(loaded, *o, *date); });
    };
}

// Helpers for planners.

// The client, or a refusal (66) with a did-you-mean.
std::variant<const Client*, Refusal> find_client(const Workspace& ws, std::string_view id);

// A file of the workspace, as bytes and tree; a file that does not exist is
// empty. Refuses a file that does not parse: acct does not edit those.
struct WorkspaceFile {
    std::string rel;
    std::optional<std::string> bytes;  // absent: not there yet
    YamlDocument doc;
};
std::variant<WorkspaceFile, Refusal> open_workspace_file(const Workspace& ws,
                                                         const std::string& rel);

// The file of `client` that gets a new record of `section`: the last file, by
// name, that has the section, else `fallback` in the client's folder.
std::string section_file(const Workspace& ws, const Client& client, std::string_view section,
                         std::string_view fallback);

// Appends `item` to `section` of file `rel`.
std::variant<PlannedWrite, Refusal> plan_append(const Workspace& ws, const std::string& rel,
                                                std::string_view section, const YamlValue& item);

// The mapping node of the record of `section` whose first key is at `at`.
std::optional<std::uint32_t> record_node(const WorkspaceFile& f, std::string_view section,
                                         const SourceLocation& at);

// The new bytes and the insertion's place, set on `w`.
void set_insertion(PlannedWrite& w, const WorkspaceFile& f, Insertion ins);

// The new bytes and the edit, set on `w`.
void set_edit(PlannedWrite& w, const WorkspaceFile& f, Edit e);

// The location of the record an insertion adds, in the new file.
SourceLocation record_location(const PlannedWrite& w);

}  // namespace acctool::cli
