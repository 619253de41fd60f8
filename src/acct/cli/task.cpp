// acct task / acct done: add a task to a client, or mark one finished.
#include <memory>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/pick_record.h"
#include "acct/cli/values.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/lang/words.h"

namespace acctool::cli {

namespace {

struct TaskOptions {
    std::string client, title, due;
    std::optional<std::string> notes;
    WriteOptions write;
};

struct DoneOptions {
    std::string client, title;
    std::optional<std::string> date;
    WriteOptions write;
};

Plan plan_task(const LoadResult& loaded, const TaskOptions& o, const std::string& title, Date due,
               const std::optional<std::string>& notes) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Client& c = *std::get<const Client*>(found);
    YamlValue item = YamlValue::mapping();
    item.add("title", YamlValue::text(title)).add("due", YamlValue::word(format_date(due)));
    if (notes) item.add("notes", YamlValue::text(*notes));
    auto planned = plan_append(ws, section_file(ws, c, "tasks", "client.yaml"), "tasks", item);
    if (auto* r = std::get_if<Refusal>(&planned)) return *r;
    PlannedWrite w = std::move(std::get<PlannedWrite>(planned));
    SourceLocation at = record_location(w);
    w.reads_back = [=, id = c.id](const Workspace& after) {
        const Task* t = record_at(after, id, at, &Client::tasks);
        return t && t->title == title && t->due == due && !t->done &&
               t->notes == notes.value_or("");
    };
    w.done = trf("Added task '{}' for {}, due {}, at {}:{}", title, c.id, say_date(due), at.file,
                 at.line);
    w.commit_message = fmt::format("acct: task for {}: {}", c.id, title);
    return w;
}

Plan plan_done(const LoadResult& loaded, const DoneOptions& o, Date date) {
    const Workspace& ws = loaded.workspace;
    auto found = find_client(ws, o.client);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const Client& c = *std::get<const Client*>(found);
    auto picked = pick_record<Task>(c, c.tasks, o.title, task_messages,
                                    [](const Task& t) { return !t.done; });
    if (auto* r = std::get_if<Refusal>(&picked)) return *r;
    const Task& task = *std::get<const Task*>(picked);

    auto opened = open_workspace_file(ws, task.at.file);
    if (auto* r = std::get_if<Refusal>(&opened)) return *r;
    const WorkspaceFile& f = std::get<WorkspaceFile>(opened);
    auto node = record_node(f, "tasks", task.at);
    if (!node)
        return Refusal{exit_code::cannot_create,
                       trf("cannot find the task at {}:{}", task.at.file, task.at.line)};
    auto ins =
        add_key(EditableFile{*f.bytes, f.doc}, *node, "done", YamlValue::word(format_date(date)));
    if (!ins)
        return Refusal{exit_code::cannot_create,
                       trf("cannot edit {}: {}", task.at.file, ins.error())};
    PlannedWrite w;
    set_insertion(w, f, std::move(ins.value()));
    // The task's first key comes before the new line: its place stays.
    w.reads_back = [at = task.at, date, id = c.id, title = task.title](const Workspace& after) {
        const Task* t = record_at(after, id, at, &Client::tasks);
        return t && t->title == title && t->done == date;
    };
    w.done = trf("Done: '{}' for {} on {} ({}:{})", task.title, c.id, say_date(date), task.at.file,
                 task.at.line);
    w.commit_message = fmt::format("acct: done for {}: {}", c.id, task.title);
    return w;
}

}  // namespace

Runner setup_task(CLI::App& app) {
    auto o = std::make_shared<TaskOptions>();
    auto* cmd = app.add_subcommand("task", "Add a task for a client");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("TITLE", o->title, "What to do")->required();
    cmd->add_option("--due", o->due, "When: a date, a period from today (3d) or a weekday (fri)")
        ->required();
    cmd->add_option("--notes", o->notes, "Anything else worth keeping with it");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct task acme \"Send the quote for the second data centre\" --due fri\n"
        "  acct task romashka \"Подготовить отчёт\" --due 2026-12-05");
    return [o](Session& s) {
        auto title = parse_text(o->title, "TITLE");
        auto due = parse_when(o->due, s.as_of);
        std::optional<std::string> notes;
        if (o->notes) {
            auto n = parse_text(*o->notes, "--notes");
            if (!n) {
                s.print_error(n.error());
                return exit_code::usage;
            }
            notes = *n;
        }
        if (!title || !due) {
            s.print_error(!title ? title.error() : fmt::format("--due {}", due.error()));
            return exit_code::usage;
        }
        return perform_write(s, o->write, [&](const LoadResult& loaded) {
            return plan_task(loaded, *o, *title, *due, notes);
        });
    };
}

Runner setup_done(CLI::App& app) {
    auto o = std::make_shared<DoneOptions>();
    auto* cmd = app.add_subcommand("done", "Mark a client's open task as done");
    cmd->add_option("CLIENT", o->client, "The client's id")->required();
    cmd->add_option("TITLE", o->title, "The task's title, or the start of it")->required();
    cmd->add_option("--date", o->date, "When it was done (default: today)");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct done acme \"Send the quote\"\n"
        "  acct done romashka Подготовить --date 2026-12-04");
    // An empty TITLE would be the start of every title.
    Runner run = dated_write(o, plan_done);
    return [o, run](Session& s) {
        if (auto title = parse_text(o->title); !title) {
            s.print_error(fmt::format("TITLE {}", title.error()));
            return exit_code::usage;
        }
        return run(s);
    };
}

}  // namespace acctool::cli
