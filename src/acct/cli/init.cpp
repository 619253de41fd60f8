// acct init: a new workspace, with sample clients on request.
#include <map>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/git_commit.h"
#include "acct/cli/git_driver.h"
#include "acct/cli/session.h"
#include "acct/cli/writing.h"
#include "acct/lang/translate.h"
#include "acct/model/billing_period.h"
#include "acct/os/files.h"
#include "acct/render/diff.h"

namespace fs = std::filesystem;

namespace acctool::cli {

namespace {

struct InitOptions {
    std::optional<std::string> dir;
    bool example = false;
    WriteOptions write;
};

constexpr std::string_view config_text =
    R"(# acct workspace: one folder per client below this one, each with a client.yaml.
# Every setting is optional; the values shown are the defaults. See acct-yaml(5).

# owner: anna              # who looks after clients that name no owner
currency: EUR              # of amounts that name none
horizon: 7d                # how far ahead `acct due` looks
defaults:
  cadence: 2w              # touch base at least this often (or: none)
  renewal_lead: 60d        # warn this long before a renewal or notice deadline
  notice: 30d              # notice before the end of an auto-renewing contract
  terms: 14d               # payment terms of invoices
  send_before: 14d         # send a draft contract this long before its start
  chase_after: 7d          # chase a contract sent for signature after this long
  touch_time: 30min        # time per touch when none is logged (acct workload)
  invoice_time: 15min      # time per invoice (acct workload)
holidays: []               # days off: notice deadlines move back before them
fte_hours: 160             # hours per month of one full-time person
# digest:                  # acct digest --format email --send
#   to: you@example.com
#   from: acct@example.com
#   subject: "acct: what needs doing today"
#   sendmail: sendmail -t -i
# git:
#   commit: true           # commit each change acct makes to these files
)";

struct SampleFile {
    std::string rel;
    std::string text;
};

// Sample clients whose dates are relative to `t`, so that `acct due` right
// after shows a realistic day: something overdue, something today, some
// upcoming, each rule at work.
std::vector<SampleFile> sample_files(Date t) {
    auto d = [&](int days) { return format_date(add_days(t, days)); };
    BillingPeriod this_month = BillingPeriod::containing(t, BillingEvery::month);
    BillingPeriod last_month = this_month.previous();
    const std::map<std::string_view, std::string> values{
        {"t_minus_400", d(-400)},
        {"t_minus_300", d(-300)},
        {"t_minus_30", d(-30)},
        {"t_minus_25", d(-25)},
        {"t_minus_20", d(-20)},
        {"t_minus_7", d(-7)},
        {"today", d(0)},
        {"t_plus_1", d(1)},
        {"t_plus_20", d(20)},
        {"t_plus_45", d(45)},
        {"t_plus_65", d(65)},
        {"last_month", last_month.label()},
        {"last_month_start", format_date(last_month.first_day())},
        {"last_month_paid", format_date(add_days(last_month.first_day(), 9))}};
    // `{name}` -> its value; `{{` and `}}` -> a brace.
    auto fill = [&](std::string_view text) {
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() &&
                text[i + 1] == text[i]) {
                out += text[i++];
            } else if (text[i] == '{') {
                std::size_t end = text.find('}', i);
                out += values.at(text.substr(i + 1, end - i - 1));
                i = end;
            } else {
                out += text[i];
            }
        }
        return out;
    };
    return {
        {"clients/northwind/client.yaml", fill(R"(name: Northwind Traders
status: active
since: {t_minus_400}
cadence: 2w
tags: [logistics]
contacts:
  - {{name: Laura Callahan, role: Operations, email: laura@northwind.example, primary: true}}
contracts:
  - id: support
    title: Website support
    status: signed
    signed: {t_minus_400}
    start: {t_minus_400}
    end: {t_plus_45}
interactions:
  # No follow-up set: the cadence says when to touch base again.
  - date: {t_minus_20}
    kind: call
    with: Laura Callahan
    summary: Happy with the support; asked about next year's plans
    duration: 30min
    mood: positive
)")},
        {"clients/romashka/client.yaml", fill(R"(name: ООО «Ромашка»
status: active
since: {t_minus_300}
cadence: 2w
reporting: monthly
tags: [retainer, russia]
contacts:
  - {{name: Ирина Петрова, role: CEO, email: irina@romashka.example, primary: true}}
contracts:
  - id: retainer
    title: Поддержка сайта
    status: signed
    signed: {t_minus_300}
    start: {t_minus_300}
    end: {t_plus_65}
    renewal: {{auto: true, term: 1y, notice: 30d}}
    value: {{amount: 150000, currency: RUB, per: month}}
    billing: {{every: month, day: 1, terms: 10d, since: {last_month_start}}}
invoices:
  - {{number: "0001", contract: retainer, issued: {last_month_start}, period: {last_month}, amount: 150000, paid: {last_month_paid}}}
)")},
        {"clients/romashka/log.yaml", fill(R"(interactions:
  - {{date: {t_minus_25}, kind: report, with: Ирина, summary: Отчёт за месяц, duration: 45min}}
  - date: {t_minus_7}
    kind: call
    with: Ирина Петрова
    summary: Обсудили бюджет на следующий год
    duration: 30min
    next: {today}
    todo: Перезвонить Ирине по бюджету
)")},
        {"clients/helios/client.yaml", fill(R"(name: Helios Energy
status: prospect
since: {t_minus_30}
contacts:
  - {{name: Tom Berger, role: CTO, email: tom@helios.example, primary: true}}
contracts:
  - id: pilot
    title: Pilot project
    status: draft
    start: {t_plus_20}
    value: {{amount: 8000, per: once}}
    billing: {{every: once}}
tasks:
  - title: Prepare the pilot proposal
    due: {t_plus_1}
)")},
        {"clients/bistro/client.yaml", fill(R"(name: Le Petit Bistro
status: active
since: {t_minus_300}
cadence: monthly
contracts:
  - id: photos
    title: Menu photo shoot
    status: ended
    signed: {t_minus_30}
    start: {t_minus_30}
    end: {t_minus_30}
    value: {{amount: 900, per: once}}
    billing: {{every: once}}
invoices:
  - {{number: "0002", contract: photos, issued: {t_minus_30}, amount: 900}}
interactions:
  - {{date: {t_minus_20}, kind: email, summary: Sent the photos, next: {t_plus_20}}}
)")},
    };
}

int run_init(Session& s, const InitOptions& o) {
    fs::path dir = o.dir ? fs::path(*o.dir) : s.globals.dir ? fs::path(*s.globals.dir) : s.env.cwd;
    std::error_code ec;
    dir = fs::absolute(dir, ec).lexically_normal();
    // Links count as there, dangling or not: init never writes through one.
    auto present = [&](const fs::path& p) {
        return fs::symlink_status(p, ec).type() != fs::file_type::not_found;
    };
    if (present(dir) && !fs::is_directory(dir, ec)) {
        s.print_error(trf("{} is not a folder; acct init makes a workspace in a folder",
                          terminal_safe(dir.string())));
        return exit_code::cannot_create;
    }
    if (fs::is_symlink(fs::symlink_status(dir / "acct.yaml", ec)) &&
        !fs::exists(dir / "acct.yaml", ec)) {
        s.print_error(
            trf("{} is a link to a file that does not exist; acct does not write through a "
                "dangling link",
                terminal_safe((dir / "acct.yaml").string())));
        return exit_code::usage;
    }
    if (present(dir / "acct.yaml")) {
        s.print_error(trf("{} exists already; acct init never overwrites it",
                          terminal_safe((dir / "acct.yaml").string())));
        return exit_code::cannot_create;
    }
    std::vector<SampleFile> files;
    if (o.example) files = sample_files(s.as_of);
    for (const auto& f : files)
        if (present(dir / fs::path(f.rel).parent_path())) {
            s.print_error(
                trf("{} exists already; acct init --example writes only into an empty place",
                    terminal_safe((dir / f.rel).parent_path().string())));
            return exit_code::cannot_create;
        }
    files.push_back({"acct.yaml", std::string(config_text)});  // last: a workspace only when whole

    // Checked before anything is written, and by a dry run too.
    if (o.write.commit) {
        fs::path existing = dir;
        while (!present(existing) && existing.has_parent_path() &&
               existing != existing.parent_path())
            existing = existing.parent_path();
        if (auto problem = check_git(existing)) {
            s.print_error(problem->message);
            return problem->status;
        }
    }
    if (o.write.dry_run) {
        for (const auto& f : files)
            s.print(unified_diff(f.rel, std::nullopt, f.text, s.out_paint, s.env.stdout_tty));
        return exit_code::ok;
    }

    std::vector<fs::path> created;
    auto undo = [&] {
        for (auto it = created.rbegin(); it != created.rend(); ++it)
            fs::remove(*it, ec);
    };
    if (!fs::exists(dir, ec)) {
        for (fs::path p = dir; !fs::exists(p, ec); p = p.parent_path())
            created.insert(created.begin(), p);
        fs::create_directories(dir, ec);
        if (ec) {
            s.print_error(trf("cannot create {}: {}", terminal_safe(dir.string()), ec.message()));
            return exit_code::cannot_create;
        }
    }
    for (const auto& f : files) {
        fs::path folder = (dir / f.rel).parent_path();
        for (fs::path p = folder; p != dir && !fs::exists(p, ec); p = p.parent_path())
            created.push_back(p);
        fs::create_directories(folder, ec);
        auto problem = ec ? std::optional<FileProblem>(FileProblem{
                                FileProblem::Kind::cannot_write,
                                trf("cannot create {}: {}", folder.string(), ec.message())})
                          : replace_file(dir, f.rel, f.text);
        if (problem) {
            undo();
            s.print_error(terminal_safe(problem->message));
            return problem->kind == FileProblem::Kind::io ? exit_code::io_error
                                                          : exit_code::cannot_create;
        }
        created.push_back(dir / f.rel);
    }
    std::string where = terminal_safe(dir.string());
    s.print(trf("Created {}/acct.yaml", where) + "\n");
    if (o.example)
        s.print(trnf("Added {} sample client in {}/clients; try: acct -C {} due",
                     "Added {} sample clients in {}/clients; try: acct -C {} due", files.size() - 2,
                     files.size() - 2, where, where) +
                "\n");
    else
        s.print(std::string(tr("Next: acct new client ID --name NAME")) + "\n");
    // In a git repository: record files merge by records from the start.
    if (inside_git_work_tree(dir)) {
        if (int status = set_up_git_merge(s, dir); status != exit_code::ok) return status;
    }
    if (o.write.commit) {
        std::vector<std::string> rels;
        for (const auto& f : files)
            rels.push_back(f.rel);
        if (fs::exists(fs::path(dir) / ".gitattributes")) rels.push_back(".gitattributes");
        if (auto failed = commit_files(dir, rels, "acct: init")) {
            s.print_error(
                trf("the workspace was created but not committed: {}", terminal_safe(*failed)));
            return exit_code::cannot_create;
        }
        s.print(trf("Committed {}", short_head(dir)) + "\n");
    }
    return exit_code::ok;
}

}  // namespace

Runner setup_init(CLI::App& app) {
    auto o = std::make_shared<InitOptions>();
    auto* cmd = app.add_subcommand("init", "Create a workspace (acct.yaml); never overwrites");
    cmd->add_option("DIR", o->dir, "Where (default: -C, else the current directory)");
    cmd->add_flag("--example", o->example, "Add sample clients whose dates are relative to today");
    add_write_options(*cmd, o->write);
    cmd->footer(
        "Examples:\n"
        "  acct init ~/clients\n"
        "  acct init /tmp/try --example && acct -C /tmp/try due");
    return [o](Session& s) { return run_init(s, *o); };
}

}  // namespace acctool::cli
