#pragma once
// The language of what acct says before its options are parsed (a usage
// error): --lang in argv, else ACCT_LANG. choose_language() decides for the
// rest of the run and reports a bad code; this one stays silent.
namespace acctool::cli {

void use_early_language(int argc, char** argv);

}  // namespace acctool::cli
