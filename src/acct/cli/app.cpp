// The table of commands and the one place where errors become exit codes.
#include "acct/cli/app.h"

#include <vector>

#include <fmt/format.h>

#include "acct/cli/early_language.h"
#include "acct/cli/exit_codes.h"
#include "acct/cli/health_command.h"
#include "acct/cli/help_language.h"
#include "acct/cli/language.h"
#include "acct/cli/metric_command.h"
#include "acct/cli/number_arguments.h"
#include "acct/cli/session.h"
#include "acct/cli/sharing.h"
#include "acct/cli/team_commands.h"
#include "acct/cli/usage.h"
#include "acct/cli/values.h"

namespace acctool::cli {

// The commands that change records in place (their files: contract.cpp,
// renew.cpp, status.cpp, set.cpp, invoice.cpp).
Runner setup_contract(CLI::App& app);
Runner setup_renew(CLI::App& app);
Runner setup_status(CLI::App& app);
Runner setup_set(CLI::App& app);
Runner setup_unset(CLI::App& app);
Runner setup_void(CLI::App& app);

namespace {

bool use_color(const std::string& mode, bool tty, const Environment& env) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    return tty && !env.no_color && !env.dumb_terminal;
}

}  // namespace

int run(int argc, char** argv) {
    Environment env = read_environment();
    GlobalOptions globals;

    CLI::App app{"", "acct"};
    app.description("acct keeps client relationships from going cold.");
    app.set_version_flag("--version", std::string("acct ") + ACCT_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option(
        "-C,--dir", globals.dir,
        "Use the workspace in DIR (default: $ACCT_DIR, else search upwards for acct.yaml)");
    app.add_option("--as-of", globals.as_of,
                   "Pretend today is DATE (YYYY-MM-DD, today, yesterday or tomorrow)");
    app.add_option("--color", globals.color, "Colour: auto (only on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("--no-cache", globals.no_cache,
                 "Read every file again, without the cache of parsed files (also ACCT_CACHE=off)");
    std::optional<std::string> lang;
    app.add_option("--lang", lang,
                   "Write for people in LANG: en or ru (default: $ACCT_LANG, else acct.yaml lang)");
    app.footer("Run 'acct COMMAND --help' for a command's options, 'man acct' for the manual.");

    std::vector<std::pair<CLI::App*, Runner>> commands;
    auto add = [&](Runner (*setup)(CLI::App&)) {
        Runner r = setup(app);
        commands.emplace_back(app.get_subcommands({}).back(), std::move(r));
    };
    add(setup_check);
    add(setup_due);
    add(setup_digest);
    add(setup_export);
    add(setup_explain);
    add(setup_clients);
    add(setup_show);
    add(setup_report);
    add(setup_workload);
    add(setup_completion);
    add(setup_ids);
    add(setup_cache);
    add(setup_init);
    add(setup_new);
    add(setup_log);
    add(setup_task);
    add(setup_done);
    add(setup_invoice);
    add(setup_paid);
    add(setup_contract);
    add(setup_renew);
    add(setup_status);
    add(setup_set);
    add(setup_unset);
    add(setup_void);
    add(setup_ask);
    add(setup_request);
    add(setup_change);
    add(setup_decide);
    add(setup_metric);
    add(setup_brief);
    add(setup_health);
    add(setup_git_setup);
    add(setup_merge_file);
    for (auto& [cmd, runner] : commands)
        cmd->fallthrough();

    use_early_language(argc, argv);
    translate_help(app);
    if (auto unknown = unknown_command(app, argc, argv)) {
        fmt::print(stderr, "acct: error: {}\n", *unknown);
        return exit_code::usage;
    }
    try {
        app.parse(parse_order(app, argc, argv));  // -.5 is a number, not an option
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, std::cout, std::cerr);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, std::cout, std::cerr);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, std::cout, std::cerr);
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "acct: error: {}\n", usage_message(app, e));
        return exit_code::usage;
    }

    Session session{env, globals, env.today, Paint{use_color(globals.color, env.stdout_tty, env)},
                    Paint{use_color(globals.color, env.stderr_tty, env)}};
    if (int status = choose_language(session, lang); status != exit_code::ok) return status;
    if (!globals.as_of.empty()) {
        auto d = parse_as_of(globals.as_of, env.today);
        if (!d) {
            session.print_error(fmt::format("--as-of {}", d.error()));
            return exit_code::usage;
        }
        session.as_of = *d;
    }
    try {
        for (auto& [cmd, runner] : commands)
            if (cmd->parsed()) return runner(session);
    } catch (const std::exception& e) {
        session.print_error(e.what());
        return exit_code::io_error;
    }
    return exit_code::usage;
}

}  // namespace acctool::cli
