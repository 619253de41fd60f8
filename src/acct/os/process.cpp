#include "acct/os/process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

extern char** environ;

namespace acctool {

namespace {

// Closes the descriptors it holds when it goes.
struct Fds {
    int in_read = -1, in_write = -1, err = -1, out = -1;
    ~Fds() {
        for (int fd : {in_read, in_write, err, out})
            if (fd >= 0) ::close(fd);
    }
};

std::string read_back(int fd) {
    std::string out;
    ::lseek(fd, 0, SEEK_SET);
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;)
        out.append(buf, static_cast<std::size_t>(n));
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

}  // namespace

std::string ProcessResult::describe() const {
    if (!started) return fmt::format("could not be started: {}", std::strerror(start_error));
    if (signal != 0) return fmt::format("was killed by signal {}", signal);
    return fmt::format("exited with status {}", exit_status);
}

ProcessResult run_program(const std::vector<std::string>& argv, std::string_view input) {
    ProcessResult r;
    Fds fds;
    int pipe_fds[2];
    // stderr goes to an unlinked file rather than a pipe: no deadlock while
    // we are still writing its input.
    FILE* err_file = std::tmpfile();
    FILE* out_file = std::tmpfile();
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0 || !err_file || !out_file) {
        r.start_error = errno;
        if (err_file) std::fclose(err_file);
        if (out_file) std::fclose(out_file);
        return r;
    }
    fds.in_read = pipe_fds[0];
    fds.in_write = pipe_fds[1];
    fds.err = ::dup(fileno(err_file));
    std::fclose(err_file);
    fds.out = ::dup(fileno(out_file));
    std::fclose(out_file);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds.in_read, 0);
    posix_spawn_file_actions_adddup2(&actions, fds.out, 1);
    posix_spawn_file_actions_adddup2(&actions, fds.err, 2);
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        r.start_error = rc;
        return r;
    }
    r.started = true;
    ::close(fds.in_read);
    fds.in_read = -1;

    // A program that stops reading early must not kill acct with SIGPIPE.
    struct sigaction ignore {
    }, old{};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &old);
    while (!input.empty()) {
        ssize_t n = ::write(fds.in_write, input.data(), input.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        input.remove_prefix(static_cast<std::size_t>(n));
    }
    ::close(fds.in_write);
    fds.in_write = -1;
    ::sigaction(SIGPIPE, &old, nullptr);

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) r.exit_status = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.errors = read_back(fds.err);
    r.output = read_back(fds.out);
    return r;
}

ProcessResult run_git(const std::filesystem::path& dir, const std::vector<std::string>& args) {
    std::vector<std::string> argv{"git", "--literal-pathspecs", "-C", dir.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv);
}

}  // namespace acctool
