#include "acct/cli/git_driver.h"

#include <sstream>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/lang/translate.h"
#include "acct/model/message.h"
#include "acct/os/files.h"
#include "acct/os/process.h"
#include "acct/write/git_attributes.h"

namespace fs = std::filesystem;

namespace acctool::cli {

namespace {

// A file that is not there reads as empty.
std::optional<std::string> read_text(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::string();
    return read_whole_file(path);
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

bool inside_git_work_tree(const fs::path& dir) {
    return run_git(dir, {"rev-parse", "--is-inside-work-tree"}).succeeded();
}

std::string merge_driver_command() {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) self = "acct";
    return fmt::format("{} merge-file --marker-size %L %O %A %B %P", shell_quote(self.string()));
}

int set_up_git_merge(const Session& s, const fs::path& root) {
    ProcessResult probe = run_git(root, {"rev-parse", "--is-inside-work-tree"});
    if (!probe.started) {
        s.print_error(tr("git is not installed"));
        return exit_code::unavailable;
    }
    if (!probe.succeeded()) {
        s.print_error(trf("{} is not inside a git work tree; run 'git init' first",
                          terminal_safe(root.string())));
        return exit_code::usage;
    }
    auto old = read_text(root / ".gitattributes");
    if (!old) {
        s.print_error(trf("cannot read {}", ".gitattributes"));
        return exit_code::io_error;
    }
    std::string added = missing_merge_attributes(*old);
    if (!added.empty()) {
        FileProblem problem{};
        auto lock = WorkspaceLock::acquire(root, s.env.lock_wait, problem);
        if (!lock) {
            s.print_error(problem.message);
            return problem.kind == FileProblem::Kind::busy ? exit_code::try_again
                                                           : exit_code::cannot_create;
        }
        if (auto failed = replace_file(root, ".gitattributes", *old + added)) {
            s.print_error(trf("nothing was written: {}", terminal_safe(failed->message)));
            return failed->kind == FileProblem::Kind::io ? exit_code::io_error
                                                         : exit_code::cannot_create;
        }
        for (std::string_view line : acct_merge_attributes)
            if (added.find(line) != std::string::npos)
                s.print(trf("Added '{}' to .gitattributes", line) + "\n");
    } else {
        s.print(
            std::string(tr(
                ".gitattributes already sends *.yaml and *.yml files to the acct merge driver")) +
            "\n");
    }
    std::string driver = merge_driver_command();
    for (auto args : {std::vector<std::string>{"config", "merge.acct.name",
                                               "acct: merge record files record by record"},
                      std::vector<std::string>{"config", "merge.acct.driver", driver}}) {
        ProcessResult r = run_git(root, args);
        if (!r.succeeded()) {
            s.print_error(fmt::format("git config {}: {}", r.describe(), terminal_safe(r.errors)));
            return exit_code::cannot_create;
        }
    }
    s.print(
        trf("Registered the merge driver in this clone's git config: {}", terminal_safe(driver)) +
        "\n");
    if (!added.empty())
        s.print(std::string(tr("Commit .gitattributes; every other clone runs 'acct git-setup' "
                               "once.")) +
                "\n");
    return exit_code::ok;
}

std::optional<Diagnostic> unregistered_merge_driver(const fs::path& root) {
    auto text = read_text(root / ".gitattributes");
    if (!text) return std::nullopt;
    int line = acct_merge_line(*text);
    if (line == 0 || !inside_git_work_tree(root)) return std::nullopt;
    ProcessResult r = run_git(root, {"config", "--get", "merge.acct.driver"});
    if (!r.started || r.succeeded()) return std::nullopt;
    Diagnostic d;
    d.severity = Severity::warning;
    d.where = SourceLocation{".gitattributes", line, 1};
    d.said =
        say("record files are sent to the 'acct' merge driver, but this clone's git config does "
            "not define it, so git merges them line by line; run 'acct git-setup'");
    d.message = words(d.said);
    std::istringstream lines(*text);
    for (int i = 0; i < line; ++i)
        std::getline(lines, d.source_line);
    if (!d.source_line.empty() && d.source_line.back() == '\r') d.source_line.pop_back();
    return d;
}

}  // namespace acctool::cli
