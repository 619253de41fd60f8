#pragma once
// Running another program (git, sendmail) with an argument vector, never a
// shell: feeds it `input`, keeps what it says on stdout and stderr.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace acctool {

struct ProcessResult {
    bool started = false;
    int start_error = 0;  // errno when it could not be started (ENOENT: not found)
    int exit_status = -1;
    int signal = 0;      // the signal that ended it, or 0
    std::string errors;  // its stderr
    std::string output;  // its stdout, without the final line break

    bool succeeded() const { return started && signal == 0 && exit_status == 0; }
    std::string describe() const;  // "exited with status 1", "was killed by signal 9"
};

ProcessResult run_program(const std::vector<std::string>& argv, std::string_view input = {});

// `git -C dir --literal-pathspecs args...`: a path in `args` is never a pattern.
ProcessResult run_git(const std::filesystem::path& dir, const std::vector<std::string>& args);

}  // namespace acctool
