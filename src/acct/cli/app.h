#pragma once

namespace acctool::cli {

// The whole program: parses argv, runs one command, returns the exit status.
int run(int argc, char** argv);

}  // namespace acctool::cli
