#include "acct/cli/help_language.h"

#include <memory>
#include <string>

#include "acct/lang/translate.h"

namespace acctool::cli {

namespace {

// A text the commands declared: through the catalog, or as it is when the
// catalog does not have it (an empty one stays empty: tr("") is the header).
std::string translated(const std::string& text) {
    return text.empty() ? text : std::string(tr(text.c_str()));
}

void translate_tree(CLI::App& app) {
    app.description(translated(app.get_description()));
    app.footer(translated(app.get_footer()));
    if (app.get_group() == "Subcommands") app.group(tr("Subcommands"));
    for (CLI::Option* opt : app.get_options()) {
        opt->description(translated(opt->get_description()));
        if (opt->get_group() == "Options") opt->group(tr("Options"));
    }
    for (CLI::App* sub : app.get_subcommands({}))
        translate_tree(*sub);
}

}  // namespace

void translate_help(CLI::App& app) {
    if (current_language() == Language::en) return;
    // CLI11's own texts: its help and version flags, and the labels of its
    // formatter (shared by every subcommand).
    (void)tr("Print this help message and exit");
    (void)tr("Display program version information and exit");
    if (auto f = std::dynamic_pointer_cast<CLI::Formatter>(app.get_formatter())) {
        f->label("Usage", tr("Usage"));
        f->label("OPTIONS", tr("OPTIONS"));
        f->label("SUBCOMMAND", tr("COMMAND"));
        f->label("SUBCOMMANDS", tr("COMMANDS"));
        f->label("Positionals", tr("Positionals"));
        f->label("REQUIRED", tr("REQUIRED"));
    }
    translate_tree(app);
}

}  // namespace acctool::cli
