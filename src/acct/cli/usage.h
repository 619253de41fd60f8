#pragma once
// Usage errors a user can act on: an unknown command or option gets a
// did-you-mean and the `--help` to read, instead of CLI11's wording.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace acctool::cli {

// "unknown command 'dua'; did you mean 'due'?" when the first word after the
// global options names no command of `app`; nothing when it does.
std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv);

// What went wrong in a parse that threw `e`, in the user's words, ending
// with where to read more (the command's own --help when one was given).
std::string usage_message(const CLI::App& app, const CLI::ParseError& e);

}  // namespace acctool::cli
