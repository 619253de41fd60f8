"""What the CLI test scripts share: checks that record a failure and go
on, so that one run reports every broken promise, the closing line,
running acct as a user whom permissions bind, and scratch folders that go
away when the script ends."""
import atexit
import os
import shutil
import signal
import stat
import sys
import tempfile
import time

failures = []


def check(condition, message):
    """Records `message` as a failure unless `condition` holds."""
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def finish(groups=None):
    """The closing line and the exit status."""
    prefix = f"{groups} groups, " if groups is not None else ""
    print(f"{prefix}{len(failures)} failures")
    return 1 if failures else 0


def as_nobody():
    """A preexec_fn that drops to nobody when running as root (root reads
    files whatever their mode), else None."""
    if os.geteuid() != 0:
        return None

    def drop():
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    return drop


def scratch(prefix):
    """A new folder under TMPDIR, removed when the script ends however it
    ends: passed, failed, an exception, or ctest's SIGTERM. A test that
    leaves its folders behind fills /tmp, and the next run may pass only
    because of what an earlier one left."""
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(remove_tree, path)
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        # atexit handlers run on SystemExit, not on a signal's default death.
        signal.signal(signal.SIGTERM, lambda signum, _: sys.exit(128 + signum))
    return path


def remove_tree(path):
    """Removes a scratch folder whatever the test did to it: folders made
    read-only or mode 000 are opened up first (root needs it not, a user
    does; files of nobody exist only in a root run). A few tries: after a
    SIGTERM, writers the test started may still be finishing in it."""
    def open_up(folder):
        os.chmod(folder, stat.S_IRWXU)
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    open_up(entry.path)
    for _ in range(20):
        if not os.path.isdir(path) or os.path.islink(path):
            return
        try:
            open_up(path)
            shutil.rmtree(path)
            return
        except OSError as e:
            error = e
            time.sleep(0.1)
    print(f"cannot remove the scratch folder {path}: {error}", file=sys.stderr)
