#include "acct/cli/usage.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "acct/lang/translate.h"
#include "acct/load/suggest.h"
#include "acct/render/terminal_text.h"

namespace acctool::cli {

namespace {

// Every long and short name of the options of `cmd` and its parents (the
// global options are accepted after a command too).
std::vector<std::string> option_names(const CLI::App* cmd) {
    std::vector<std::string> names;
    for (; cmd; cmd = cmd->get_parent())
        for (const CLI::Option* o : cmd->get_options()) {
            if (o->get_positional()) continue;
            for (const auto& l : o->get_lnames())
                names.push_back("--" + l);
            for (const auto& s : o->get_snames())
                names.push_back("-" + s);
        }
    return names;
}

std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& names) {
    std::vector<std::string_view> views(names.begin(), names.end());
    auto near = closest(word, views);
    return near ? std::optional<std::string>(*near) : std::nullopt;
}

// The deepest command the user gave: `acct new client`, else nullptr.
const CLI::App* given_command(const CLI::App& app) {
    const CLI::App* cmd = nullptr;
    for (const CLI::App* at = &app;;) {
        const CLI::App* next = nullptr;
        for (const CLI::App* sub : at->get_subcommands({}))
            if (sub->parsed()) next = sub;
        if (!next) return cmd;
        cmd = at = next;
    }
}

std::string command_path(const CLI::App* cmd) {
    std::string path;
    for (; cmd && cmd->get_parent(); cmd = cmd->get_parent())
        path = path.empty() ? cmd->get_name() : cmd->get_name() + " " + path;
    return path;
}

std::string help_hint(const CLI::App* cmd) {
    return cmd ? trf("Run 'acct {} --help' for its options.", command_path(cmd))
               : std::string(tr("Run 'acct --help' for usage."));
}

// CLI11's own wording of the errors a user meets most, in acct's words and
// through the catalog: a missing argument or option, an option without its
// value, a value not among an option's words. nullopt for the rest.
std::optional<std::string> cli11_message(const CLI::App& level, const CLI::ParseError& e) {
    std::string what = e.what();
    if (dynamic_cast<const CLI::RequiredError*>(&e)) {
        for (const CLI::Option* o : level.get_options())
            if (o->get_required() && o->count() == 0)
                return o->get_positional() ? trf("{} is missing", o->get_name())
                                           : trf("{} is required", o->get_name());
        return std::nullopt;
    }
    std::size_t colon = what.find(": ");
    // "--format: ..." or, for an argument, "WHAT: ...".
    if (colon == std::string::npos || what.substr(0, colon).find(' ') != std::string::npos)
        return std::nullopt;
    std::string option = what.substr(0, colon);
    std::string_view rest = std::string_view(what).substr(colon + 2);
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && rest.ends_with(" missing"))
        return trf("{} needs a value", option);
    std::size_t not_in = rest.find(" not in {");
    if (dynamic_cast<const CLI::ValidationError*>(&e) && not_in != std::string_view::npos &&
        rest.ends_with("}")) {
        std::string value(rest.substr(0, not_in));
        std::string words(rest.substr(not_in + 9, rest.size() - not_in - 10));
        std::replace(words.begin(), words.end(), ',', ' ');
        std::vector<std::string> list;
        for (std::size_t at = 0; at < words.size();) {
            std::size_t end = words.find(' ', at);
            if (end == std::string::npos) end = words.size();
            if (end > at) list.push_back(words.substr(at, end - at));
            at = end + 1;
        }
        if (auto near = did_you_mean(value, list))
            return trf("{} '{}' is not one of {}; did you mean '{}'?", option, terminal_safe(value),
                       fmt::format("{}", fmt::join(list, ", ")), *near);
        return trf("{} '{}' is not one of {}", option, terminal_safe(value),
                   fmt::format("{}", fmt::join(list, ", ")));
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") return std::nullopt;
        if (arg.starts_with("-")) {
            // A global option's value is the next word unless given with '='.
            const CLI::Option* o = arg.find('=') == std::string_view::npos
                                       ? app.get_option_no_throw(std::string(arg))
                                       : nullptr;
            if (o && o->get_items_expected_min() > 0) ++i;
            continue;
        }
        std::vector<std::string> names;
        for (const CLI::App* sub : app.get_subcommands({})) {
            if (sub->get_name() == arg) return std::nullopt;
            if (!sub->get_group().empty()) names.push_back(sub->get_name());
        }
        std::string word = terminal_safe(arg);
        if (auto near = did_you_mean(arg, names))
            return trf("unknown command '{}'; did you mean '{}'?\n{}", word, *near,
                       help_hint(nullptr));
        return trf("unknown command '{}'; the commands are {}\n{}", word,
                   fmt::format("{}", fmt::join(names, ", ")), help_hint(nullptr));
    }
    return std::nullopt;
}

std::string usage_message(const CLI::App& app, const CLI::ParseError& e) {
    const CLI::App* cmd = given_command(app);
    // What no option took: an unknown option is the cause, whatever CLI11
    // met first (a required option it then missed, say).
    std::vector<std::string> extras = app.remaining(true);
    std::erase(extras, std::string("--"));  // the separator is no argument
    const std::vector<std::string> known = option_names(cmd);
    for (const auto& x : extras) {
        if (!x.starts_with("-") || x == "-") continue;
        // "-3", "-0.5": CLI11 took it for an argument, one too many.
        if (std::isdigit(static_cast<unsigned char>(x[1]))) continue;
        std::string name = x.substr(0, x.find('='));
        // A known option left over came after `--`: one argument too many.
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        if (auto near = did_you_mean(name, known))
            return trf("unknown option '{}'; did you mean '{}'?\n{}", terminal_safe(name), *near,
                       help_hint(cmd));
        return trf("unknown option '{}'\n{}", terminal_safe(name), help_hint(cmd));
    }
    // `acct new clinet`: a word where a command's subcommand belongs.
    if (cmd && !extras.empty() && !cmd->get_subcommands({}).empty()) {
        std::vector<std::string> names;
        for (const CLI::App* sub : cmd->get_subcommands({}))
            names.push_back(sub->get_name());
        std::string path = command_path(cmd), word = terminal_safe(extras.front());
        if (auto near = did_you_mean(extras.front(), names))
            return trf("unknown command '{} {}'; did you mean '{} {}'?\n{}", path, word, path,
                       *near, help_hint(cmd));
        return trf("unknown command '{} {}'; the commands are {}\n{}", path, word,
                   fmt::format("{}", fmt::join(names, ", ")), help_hint(cmd));
    }
    // `acct` or `acct new` alone.
    const CLI::App& level = cmd ? *cmd : app;
    if (dynamic_cast<const CLI::RequiredError*>(&e) && extras.empty() &&
        !level.get_subcommands({}).empty() && !given_command(level)) {
        std::vector<std::string> names;
        for (const CLI::App* sub : level.get_subcommands({}))
            if (!sub->get_group().empty()) names.push_back(sub->get_name());
        return cmd ? trf("'acct {}' needs a command: {}\n{}", command_path(cmd),
                         fmt::format("{}", fmt::join(names, ", ")), help_hint(cmd))
                   : trf("no command given; the commands are {}\n{}",
                         fmt::format("{}", fmt::join(names, ", ")), help_hint(cmd));
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&e) && !extras.empty())
        return trf("unexpected argument '{}'\n{}", terminal_safe(extras.front()), help_hint(cmd));
    if (auto said = cli11_message(level, e)) return fmt::format("{}\n{}", *said, help_hint(cmd));
    return fmt::format("{}\n{}", e.what(), help_hint(cmd));
}

}  // namespace acctool::cli
