// acct completion bash|zsh|fish: completion scripts made from the command
// table itself, so that they always know every command and option. Client
// ids come from `acct __ids`, which walks the folders and reads no file.
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

// What a value is: a word list, or `@client` / `@dir` for the dynamic kinds.
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
    if (option == "-C" || option == "--dir") return "@dir";
    return "";
}

std::string values_for_positional(const std::string& what) {
    if (what == "client") return "@client";
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
        {"invoice", {"client", ""}},
        {"show", {"client"}},
        {"explain", {"client", "kind"}},
        {"export", {"export"}},
        {"completion", {"shell"}},
        {"new", {"new", "client", ""}},
        {"paid", {""}},
        {"contract", {"client", "", "move"}},
        {"renew", {"client", ""}},
        {"status", {"client", "status"}},
        {"set", {"client", "field", ""}},
        {"unset", {"client", "unset"}},
        {"void", {""}},
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
    return fmt::format(R"SH(    local cmd="" npos=0 dir="" i={first} w valued="" pending=""
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
                *) case "$w" in -*) ;; *) npos=$((npos + 1)) ;; esac ;;
            esac
        fi
        i=$((i + 1))
    done
)SH",
                       fmt::arg("first", first), fmt::arg("upto", upto), fmt::arg("word", word),
                       fmt::arg("global_valued", fmt::format("{}", fmt::join(global.valued, "|"))));
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
            @client) COMPREPLY=($(compgen -W "$(acct ${dir:+-C "$dir"} __ids 2>/dev/null)" -- "$cur")) ;;
            @dir) COMPREPLY=($(compgen -d -- "$cur")) ;;
            *) COMPREPLY=($(compgen -W "$want" -- "$cur")) ;;
        esac
        return
    fi
    case "$cur" in
        -*) COMPREPLY=($(compgen -W "$options" -- "$cur")) ;;
        *) case "$positional" in
               @client) COMPREPLY=($(compgen -W "$(acct ${dir:+-C "$dir"} __ids 2>/dev/null)" -- "$cur")) ;;
               *) COMPREPLY=($(compgen -W "$positional" -- "$cur")) ;;
           esac ;;
    esac
}
complete -F _acct acct
)SH";
    return out;
}

std::string zsh_script(const std::vector<CommandSpec>& all) {
    std::string out = "#compdef acct\n# zsh completion for acct: made by 'acct completion zsh'\n";
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
            @client) list=(${(f)"$(acct ${dir:+-C "$dir"} __ids 2>/dev/null)"}) ;;
            @dir) _files -/; return ;;
            *) list=(${=want}) ;;
        esac
    else
        case "$cur" in
            -*) list=(${=options}) ;;
            *) case "$positional" in
                   @client) list=(${(f)"$(acct ${dir:+-C "$dir"} __ids 2>/dev/null)"}) ;;
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

std::string fish_script(const std::vector<CommandSpec>& all) {
    std::string out = "# fish completion for acct: made by 'acct completion fish'\n";
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
            else if (values == "@dir")
                args = " -xa '(__fish_complete_directories)'";
            else if (!values.empty())
                args = fmt::format(" -xa '{}'", values);
            else if (valued)
                args = " -x";
            out += fmt::format("complete -c acct{} -l {}{}\n", cond, o.substr(2), args);
        }
        if (!c.positionals.empty()) {
            std::string v = values_for_positional(c.positionals.front());
            if (v == "@client")
                out += fmt::format("complete -c acct{} -a '(acct __ids 2>/dev/null)'\n", cond);
            else if (!v.empty())
                out += fmt::format("complete -c acct{} -a '{}'\n", cond, v);
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
    auto* cmd = app.add_subcommand("__ids", "List client ids (for completion)");
    cmd->group("");
    return [](Session& s) {
        int status = 0;
        auto root = s.find_root(status);
        if (!root) return status;
        for (const auto& id : list_client_ids(*root))
            s.print(id + "\n");
        return exit_code::ok;
    };
}

}  // namespace acctool::cli
