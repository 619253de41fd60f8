#pragma once
// `--help` in the language of the moment (SPEC 9): the descriptions, option
// texts and footers the commands declared in English go through the
// catalog, and so do CLI11's own words (Usage, Options, REQUIRED...).
#include <CLI/CLI.hpp>

namespace acctool::cli {

// Translates `app` and every subcommand, in place. Call after every command
// is declared and the early language is known; in English nothing changes.
void translate_help(CLI::App& app);

}  // namespace acctool::cli
