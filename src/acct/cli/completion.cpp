// acct completion bash|zsh|fish: completion scripts made from the command
// table itself, so that they always know every command and option. Client
// ids come from `acct __ids`, which walks the folders and reads no file;
// contract ids (`__ids contracts CLIENT`) and the numbers of invoices not yet
// paid or void (`__ids invoices`) from the loaded workspace.
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "acct/cli/exit_codes.h"
#include "acct/cli/session.h"
#include "acct/load/workspace.h"
#include "acct/model/records.h"
#include "acct/rules/due.h"

namespace acctool::cli {

namespace {

struct CommandSpec {
    std::string name;
    std::vector<std::string> options;      // every option name, long and short
    std::vector<std::string> valued;       // those that take a value
    std::vector<std::string> positionals;  // what each positional is: client, kind, ...
};

template <class E>
std::string words_of() {
    return fmt::format("{}", fmt::join(EnumNames<E>::names, " "));
}

// What a value is: a word list, or `@client`, `@contract` (of the client
// named first), `@invoice` or `@dir` for the dynamic kinds.
std::string values_for(const std::string& command, const std::string& option) {
    static const std::map<std::string, std::string> formats{
        {"due", "text json csv ics"},         {"digest", "text markdown html email"},
        {"export", "csv json ics"},           {"clients", "text json csv"},
        {"report", "text json csv markdown"}, {"workload", "text json"}};
    if (option == "--format") {
        auto it = formats.find(command);
        return it == formats.end() ? "" : it->second;
    }
    if (option == "--kind") return words_of<ItemKind>();
    if (option == "--status") return words_of<ClientStatus>();
    if (option == "--mood") return words_of<Mood>();
    if (option == "--priority") return words_of<Priority>();
    if (option == "--by") return words_of<ChangeBy>();
    if (option == "--per") return words_of<Per>();
    if (option == "--billing") return words_of<BillingEvery>();
    if (option == "--color") return "auto always never";
    if (option == "--lang") return "en ru";
    if (option == "--sort") return "id name status owner last next open balance";
    if (option == "--client") return "@client";
    if (option == "--contract") return "@contract";
    if (option == "-C" || option == "--dir") return "@dir";
    return "";
}

std::string values_for_positional(const std::string& what) {
    if (what == "client") return "@client";
    if (what == "contract") return "@contract";
    if (what == "invoice") return "@invoice";
    if (what == "kind") return words_of<ItemKind>();
    if (what == "interaction") return words_of<InteractionKind>();
    if (what == "export") return "clients contracts invoices interactions items requests changes";
    if (what == "decision") return "approved rejected withdrawn";
    if (what == "shell") return "bash zsh fish";
    if (what == "new") return "client contract";
    if (what == "move") return "sent signed ended terminated";
    if (what == "status") return words_of<ClientStatus>();
    if (what == "field")
        return "name owner since cadence reporting tags notes lang team.sales team.account "
               "team.project health.set health.why health.until";
    if (what == "unset")
        return "owner since cadence reporting tags notes lang team team.sales team.account "
               "team.project health health.until";
    return "";
}

std::vector<CommandSpec> specs(CLI::App& app) {
    static const std::map<std::string, std::vector<std::string>> positionals{
        {"log", {"client", "interaction", ""}},
        {"task", {"client", ""}},
        {"done", {"client", ""}},
        {"invoice", {"client", "contract"}},
        {"show", {"client"}},
        {"explain", {"client", "kind"}},
        {"export", {"export"}},
        {"completion", {"shell"}},
        {"new", {"new", "client", ""}},
        {"paid", {"invoice"}},
        {"contract", {"client", "contract", "move"}},
        {"renew", {"client", "contract"}},
        {"status", {"client", "status"}},
        {"set", {"client", "field", ""}},
        {"unset", {"client", "unset"}},
        {"void", {"invoice"}},
        {"ask", {"client", ""}},
        {"request", {"client", ""}},
        {"change", {"client", ""}},
        {"decide", {"client", "", "decision"}},
        {"health", {"client"}},
        {"init", {""}}};
    std::vector<CommandSpec> out;
    auto collect = [](CLI::App* cmd, CommandSpec& spec) {
        for (const CLI::Option* opt : cmd->get_options()) {
            if (opt->get_positional()) continue;
            for (const auto& l : opt->get_lnames()) {
                spec.options.push_back("--" + l);
                if (opt->get_items_expected_min() > 0) spec.valued.push_back("--" + l);
            }
            for (const auto& s : opt->get_snames()) {
                spec.options.push_back("-" + s);
                if (opt->get_items_expected_min() > 0) spec.valued.push_back("-" + s);
            }
        }
    };
    CommandSpec global{"", {}, {}, {}};
    collect(&app, global);
    out.push_back(global);
    for (CLI::App* cmd : app.get_subcommands({})) {
        if (cmd->get_group().empty()) continue;  // hidden
        CommandSpec spec{cmd->get_name(), {}, {}, {}};
        collect(cmd, spec);
        for (CLI::App* sub : cmd->get_subcommands({}))
            collect(sub, spec);
        auto p = positionals.find(spec.name);
        if (p != positionals.end()) spec.positionals = p->second;
        out.push_back(std::move(spec));
    }
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    return fmt::format("{}", fmt::join(v, " "));
}

// The case arms shared by bash and zsh: for the command and the word before
// the cursor, the candidates (a word list, @client or @dir).
std::string shell_cases(const std::vector<CommandSpec>& all) {
    std::string out = "    case \"$cmd\" in\n";
    for (const auto& c : all) {
        if (c.name.empty()) continue;
        out += fmt::format("    {})\n", c.name);
        out += "        case \"$prev\" in\n";
        std::set<std::string> done;
        for (const auto& o : c.valued) {
            if (!done.insert(o).second) continue;
            out +=
                fmt::format("        {}) want='{}'; return_after=1 ;;\n", o, values_for(c.name, o));
        }
        out += "        esac\n";
        out += fmt::format("        valued='{}'\n", joined(c.valued));
        out += fmt::format("        options='{}'\n", joined(c.options));
        for (std::size_t i = 0; i < c.positionals.size(); ++i)
            out += fmt::format("        [ \"$npos\" = {} ] && positional='{}'\n", i,
                               values_for_positional(c.positionals[i]));
        out += "        ;;\n";
    }
    return out + "    esac\n";
}

std::string command_names(const std::vector<CommandSpec>& all) {
    std::vector<std::string> names;
    for (const auto& c : all)
        if (!c.name.empty()) names.push_back(c.name);
    return joined(names);
}

// Finds the command and counts positionals before the cursor; `words` and
// `current` are the shell's own (bash: COMP_WORDS/COMP_CWORD, zsh: words/CURRENT).
std::string scan(const CommandSpec& global, std::string_view first, std::string_view word,
                 std::string_view upto) {
    return fmt::format(
        R"SH(    local cmd="" npos=0 dir="" i={first} w valued="" pending="" client=""
    while [ $i -lt {upto} ]; do
        w="{word}"
        if [ -n "$pending" ]; then
            [ "$pending" = dir ] && dir="$w"
            pending=""
        elif [ -z "$cmd" ]; then
            case "$w" in
                -C|--dir) pending=dir ;;
                {global_valued}) pending=1 ;;
                -*) ;;
                *) cmd="$w" ;;
            esac
        else
            case " $valued " in
                *" $w "*) pending=1 ;;
                *) case "$w" in -*) ;; *) [ $npos = 0 ] && client="$w"; npos=$((npos + 1)) ;; esac ;;
            esac
        fi
        i=$((i + 1))
    done
)SH",
        fmt::arg("first", first), fmt::arg("upto", upto), fmt::arg("word", word),
        fmt::arg("global_valued", fmt::format("{}", fmt::join(global.valued, "|"))));
}

// bash and zsh: the ids of a dynamic kind, in the workspace of -C when given
// (`dir`, `client`: the command's first positional, set by the scan).
std::string ids_function() {
    return R"SH(_acct_ids() {
    case "$1" in
        @client) acct ${dir:+-C "$dir"} __ids 2>/dev/null ;;
        @contract) [ -n "$client" ] && acct ${dir:+-C "$dir"} __ids contracts "$client" 2>/dev/null ;;
        @invoice) acct ${dir:+-C "$dir"} __ids invoices 2>/dev/null ;;
    esac
}
)SH";
}

std::string bash_script(const std::vector<CommandSpec>& all) {
    std::string out = "# bash completion for acct: made by 'acct completion bash'\n_acct() {\n";
    out += "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n";
    out += "    local want=\"\" options=\"\" positional=\"\" return_after=\"\"\n";
    out += scan(all.front(), "1", "${COMP_WORDS[i]}", "$COMP_CWORD");
    out += fmt::format(R"SH(    if [ -z "$cmd" ]; then
        case "$prev" in
            -C|--dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
            --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            --lang) COMPREPLY=($(compgen -W "en ru" -- "$cur")); return ;;
            --as-of) return ;;
        esac
        COMPREPLY=($(compgen -W "{commands} {global}" -- "$cur"))
        return
    fi
    valued=""
)SH",
                       fmt::arg("commands", command_names(all)),
                       fmt::arg("global", joined(all.front().options)));
    // Re-scan now that the command's valued options are known.
    out += "    _acct_candidates() {\n" + shell_cases(all) + "    }\n";
    out += "    _acct_candidates\n";
    out += scan(all.front(), "1", "${COMP_WORDS[i]}", "$COMP_CWORD");
    out += R"SH(    _acct_candidates
    if [ -n "$return_after" ]; then
        case "$want" in
            @client|@contract|@invoice) COMPREPLY=($(compgen -W "$(_acct_ids "$want")" -- "$cur")) ;;
            @dir) COMPREPLY=($(compgen -d -- "$cur")) ;;
            *) COMPREPLY=($(compgen -W "$want" -- "$cur")) ;;
        esac
        return
    fi
    case "$cur" in
        -*) COMPREPLY=($(compgen -W "$options" -- "$cur")) ;;
        *) case "$positional" in
               @client|@contract|@invoice) COMPREPLY=($(compgen -W "$(_acct_ids "$positional")" -- "$cur")) ;;
               *) COMPREPLY=($(compgen -W "$positional" -- "$cur")) ;;
           esac ;;
    esac
}
complete -F _acct acct
)SH";
    out = ids_function() + out;
    return out;
}

std::string zsh_script(const std::vector<CommandSpec>& all) {
    std::string out = "#compdef acct\n# zsh completion for acct: made by 'acct completion zsh'\n";
    out += ids_function();
    out += "_acct() {\n";
    out += "    local cur=\"${words[CURRENT]}\" prev=\"${words[CURRENT-1]}\"\n";
    out += "    local want=\"\" options=\"\" positional=\"\" return_after=\"\"\n";
    out += scan(all.front(), "2", "${words[i]}", "$CURRENT");
    out += fmt::format(R"SH(    if [ -z "$cmd" ]; then
        case "$prev" in
            -C|--dir) _files -/; return ;;
            --color) compadd auto always never; return ;;
            --lang) compadd en ru; return ;;
            --as-of) return ;;
        esac
        compadd -- {commands} {global}
        return
    fi
    valued=""
)SH",
                       fmt::arg("commands", command_names(all)),
                       fmt::arg("global", joined(all.front().options)));
    out += "    _acct_candidates() {\n" + shell_cases(all) + "    }\n";
    out += "    _acct_candidates\n";
    out += scan(all.front(), "2", "${words[i]}", "$CURRENT");
    out += R"SH(    _acct_candidates
    local -a list
    if [ -n "$return_after" ]; then
        case "$want" in
            @client|@contract|@invoice) list=(${(f)"$(_acct_ids "$want")"}) ;;
            @dir) _files -/; return ;;
            *) list=(${=want}) ;;
        esac
    else
        case "$cur" in
            -*) list=(${=options}) ;;
            *) case "$positional" in
                   @client|@contract|@invoice) list=(${(f)"$(_acct_ids "$positional")"}) ;;
                   *) list=(${=positional}) ;;
               esac ;;
        esac
    fi
    compadd -a list
}
_acct "$@"
)SH";
    return out;
}

// fish: the positionals typed after the command (global options and their
// values skipped), and the ids of a kind in the workspace of -C.
std::string fish_functions() {
    return R"SH(function __acct_words
    set -l words (commandline -opc)
    set -e words[1]
    set -l skip 0
    set -l seen 0
    for w in $words
        if test $skip = 1
            set skip 0
            continue
        end
        switch $w
            case -C --dir --as-of --lang --color --format --date --horizon --owner --tag --kind --client --contract
                set skip 1
            case '-*'
            case '*'
                if test $seen = 1
                    echo $w
                end
                set seen 1
        end
    end
end
function __acct_npos
    count (__acct_words)
end
function __acct_ids
    set -l words (commandline -opc)
    set -l dir
    set -l i (contains -i -- -C $words; or contains -i -- --dir $words)
    if test -n "$i"
        set dir -C $words[(math $i + 1)]
    end
    if test $argv[1] = contracts
        set -l first (__acct_words)[1]
        test -n "$first"; and acct $dir __ids contracts $first 2>/dev/null
    else
        acct $dir __ids $argv[1] 2>/dev/null
    end
end
)SH";
}

std::string fish_script(const std::vector<CommandSpec>& all) {
    std::string out = "# fish completion for acct: made by 'acct completion fish'\n";
    out += fish_functions();
    out += "complete -c acct -f\n";
    out += fmt::format("complete -c acct -n __fish_use_subcommand -a '{}'\n", command_names(all));
    for (const auto& c : all) {
        std::string cond =
            c.name.empty() ? "" : fmt::format(" -n '__fish_seen_subcommand_from {}'", c.name);
        std::set<std::string> seen;
        for (const auto& o : c.options) {
            if (!o.starts_with("--") || !seen.insert(o).second) continue;
            bool valued = std::find(c.valued.begin(), c.valued.end(), o) != c.valued.end();
            std::string values = values_for(c.name, o);
            std::string args;
            if (values == "@client")
                args = " -xa '(acct __ids 2>/dev/null)'";
            else if (values == "@contract")
                args = " -xa '(__acct_ids contracts)'";
            else if (values == "@dir")
                args = " -xa '(__fish_complete_directories)'";
            else if (!values.empty())
                args = fmt::format(" -xa '{}'", values);
            else if (valued)
                args = " -x";
            out += fmt::format("complete -c acct{} -l {}{}\n", cond, o.substr(2), args);
        }
        for (std::size_t i = 0; i < c.positionals.size(); ++i) {
            std::string v = values_for_positional(c.positionals[i]);
            std::string at =
                fmt::format("{}; and test (__acct_npos) = {}'", cond.substr(0, cond.size() - 1), i);
            if (v == "@client")
                out += fmt::format("complete -c acct{} -a '(acct __ids 2>/dev/null)'\n", at);
            else if (v == "@contract")
                out += fmt::format("complete -c acct{} -a '(__acct_ids contracts)'\n", at);
            else if (v == "@invoice")
                out += fmt::format("complete -c acct{} -a '(__acct_ids invoices)'\n", at);
            else if (!v.empty())
                out += fmt::format("complete -c acct{} -a '{}'\n", at, v);
        }
    }
    return out;
}

}  // namespace

Runner setup_completion(CLI::App& app) {
    auto shell = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("completion", "Print a shell completion script");
    cmd->add_option("SHELL", *shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    cmd->footer(
        "Examples:\n"
        "  source <(acct completion bash)\n"
        "  acct completion fish > ~/.config/fish/completions/acct.fish");
    CLI::App* root = &app;
    return [shell, root](Session& s) {
        auto all = specs(*root);
        s.print(*shell == "bash"  ? bash_script(all)
                : *shell == "zsh" ? zsh_script(all)
                                  : fish_script(all));
        return exit_code::ok;
    };
}

Runner setup_ids(CLI::App& app) {
    auto what = std::make_shared<std::string>("clients");
    auto client = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("__ids", "List ids (for completion)");
    cmd->group("");
    cmd->add_option("WHAT", *what)->check(CLI::IsMember({"clients", "contracts", "invoices"}));
    cmd->add_option("CLIENT", *client);
    return [what, client](Session& s) {
        int status = 0;
        if (*what == "clients") {
            auto root = s.find_root(status);
            if (!root) return status;
            for (const auto& id : list_client_ids(*root))
                s.print(id + "\n");
            return exit_code::ok;
        }
        auto loaded = s.load(status);
        if (!loaded) return status;
        for (const auto& c : loaded->workspace.clients) {
            if (*what == "contracts" && c.id == *client)
                for (const auto& k : c.contracts)
                    s.print(k.id + "\n");
            if (*what == "invoices")
                for (const auto& inv : c.invoices)
                    if (!inv.is_void && inv.balance().minor > 0) s.print(inv.number + "\n");
        }
        return exit_code::ok;
    };
}

}  // namespace acctool::cli
