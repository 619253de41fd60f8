#pragma once
// The language of what acct says before its options are parsed (a usage
// error, --help): --lang in argv, else ACCT_LANG, else `lang` in the acct.yaml
// of the workspace -C/--dir, ACCT_DIR or the current folder leads to.
// choose_language() decides for the rest of the run and reports a bad code;
// this one stays silent.
namespace acctool::cli {

void use_early_language(int argc, char** argv);

}  // namespace acctool::cli
