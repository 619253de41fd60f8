#!/usr/bin/env python3
"""What the writing commands promise beyond one golden diff (SPEC 4 "Writing"):
records are found by `due`, concurrent writers lose nothing, a killed writer
never leaves a torn file, failed writes leave the original byte for byte,
the lock, links out of the workspace, modes, and `--commit`.

usage: writing.py ACCT FAULT_LIBRARY EXAMPLE_WORKSPACE HAND_WORKSPACE
"""
import fcntl
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time

from checks import as_nobody, check, finish, scratch

ACCT, FAULT_LIB, EXAMPLE, HAND = sys.argv[1:5]
AS_OF = "2026-11-27"
BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
            "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}


def acct(ws, *args, env=None, **kw):
    e = dict(BASE_ENV, **(env or {}))
    return subprocess.run([ACCT, "-C", ws, "--as-of", AS_OF, *args], env=e,
                          capture_output=True, text=True, timeout=60, **kw)


def workspace(source=EXAMPLE):
    d = scratch("acct-writing-")
    ws = os.path.join(d, "ws")
    shutil.copytree(source, ws)
    return ws


def read(path):
    with open(path, "rb") as f:
        return f.read()


def data_files(folder):
    return sorted(n for n in os.listdir(folder) if n.endswith((".yaml", ".yml")))


def due_json(ws, *args):
    r = acct(ws, "due", "--format", "json", *args)
    return json.loads(r.stdout)["items"]


def test_records_are_due():
    """Each writing command changes what `due` lists, as SPEC 3 says."""
    ws = workspace()
    r = acct(ws, "log", "romashka", "call", "Budget call", "--next", "2026-12-01")
    check(r.returncode == 0, f"log: {r.returncode} {r.stderr}")
    items = due_json(ws, "--client", "romashka", "--kind", "follow-up")
    check([i["due"] for i in items] == ["2026-12-01"], f"follow-up after log: {items}")
    check(items and items[0]["file"] == "clients/romashka/log.yaml",
          f"follow-up file: {items}")

    r = acct(ws, "log", "romashka", "email", "Sent the draft", "--next", "fri")
    items = due_json(ws, "--client", "romashka", "--kind", "follow-up")
    check([i["due"] for i in items] == ["2026-12-04"], f"--next fri from Friday: {items}")

    r = acct(ws, "task", "bistro", "Book the photographer", "--due", "2026-11-30")
    items = [i for i in due_json(ws, "--client", "bistro", "--kind", "task")
             if i["subject"] == "Book the photographer"]
    check(len(items) == 1 and items[0]["due"] == "2026-11-30", f"task: {items}")
    r = acct(ws, "done", "bistro", "Book the")
    check(r.returncode == 0, f"done: {r.stderr}")
    items = [i for i in due_json(ws, "--client", "bistro", "--kind", "task")
             if i["subject"] == "Book the photographer"]
    check(items == [], f"task still due after done: {items}")

    before = [i["subject"] for i in due_json(ws, "--client", "romashka", "--kind", "invoice")]
    r = acct(ws, "invoice", "romashka", "support-2026")
    after = [i["subject"] for i in due_json(ws, "--client", "romashka", "--kind", "invoice")]
    check("support-2026/2026-12" in before and "support-2026/2026-12" not in after,
          f"invoice item not settled: {before} -> {after} ({r.stdout}{r.stderr})")

    r = acct(ws, "paid", "2026-011", "--amount", "40000")
    items = due_json(ws, "--client", "romashka", "--kind", "payment")
    check([i.get("amount") for i in items if i["subject"] == "2026-011"] == ["60000.00"],
          f"partial payment: {items}")
    acct(ws, "paid", "2026-011")
    items = due_json(ws, "--client", "romashka", "--kind", "payment")
    check(all(i["subject"] != "2026-011" for i in items), f"paid in full: {items}")
    check(acct(ws, "check").returncode == 0, "workspace does not check clean after writes")


def test_concurrent_writers():
    """50 `acct log` at once: 50 new entries, a file that loads."""
    ws = workspace()
    log = os.path.join(ws, "clients/romashka/log.yaml")
    env = dict(BASE_ENV, ACCT_LOCK_TIMEOUT="60")
    start = time.monotonic()
    procs = [subprocess.Popen([ACCT, "-C", ws, "--as-of", AS_OF, "log", "romashka", "call",
                               f"concurrent {n}"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for n in range(50)]
    codes = [p.wait(timeout=120) for p in procs]
    elapsed = time.monotonic() - start
    check(codes == [0] * 50, f"concurrent exit codes: {codes}")
    text = read(log).decode()
    found = sorted(int(line.split("concurrent ")[1]) for line in text.splitlines()
                   if "summary: concurrent " in line)
    check(found == list(range(50)), f"concurrent entries: {found}")
    check(acct(ws, "check").returncode == 0, "file does not load after concurrent writes")
    check(data_files(os.path.dirname(log)) == ["client.yaml", "invoices.yaml", "log.yaml", "metrics.yaml"],
          f"stray files: {os.listdir(os.path.dirname(log))}")
    print(f"concurrent: 50 writers in {elapsed:.2f} s")


def test_sigkill():
    """A writer killed at any moment leaves the old file or the new one."""
    ws = workspace()
    folder = os.path.join(ws, "clients/romashka")
    log = os.path.join(folder, "log.yaml")
    rng = random.Random(7)
    entries = 0
    kills = 0
    for n in range(60):
        before = read(log)
        p = subprocess.Popen([ACCT, "-C", ws, "--as-of", AS_OF, "log", "romashka", "call",
                              f"killed {n}"], env=BASE_ENV, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, 0.012))
        p.send_signal(signal.SIGKILL)
        p.wait()
        kills += p.returncode == -signal.SIGKILL
        after = read(log)
        count = after.decode().count("summary: killed ")
        check(count in (entries, entries + 1), f"kill {n}: {entries} -> {count} entries")
        check(after == before or count == entries + 1, f"kill {n}: file changed without entry")
        entries = count
        r = acct(ws, "check")
        check(r.returncode == 0, f"kill {n}: file does not load: {r.stdout}")
        check(data_files(folder) == ["client.yaml", "invoices.yaml", "log.yaml", "metrics.yaml"],
              f"kill {n}: a temporary is read as data: {os.listdir(folder)}")
    print(f"sigkill: {kills} of 60 writers killed mid-run, {entries} completed")
    # The next successful write removes what the killed ones left.
    acct(ws, "log", "romashka", "call", "after the kills")
    check(sorted(os.listdir(folder)) == ["client.yaml", "invoices.yaml", "log.yaml", "metrics.yaml"],
          f"temporaries left after a good write: {os.listdir(folder)}")


def test_lock_held():
    ws = workspace()
    log = os.path.join(ws, "clients/romashka/log.yaml")
    before = read(log)
    fd = os.open(ws, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        r = acct(ws, "log", "romashka", "call", "blocked", env={"ACCT_LOCK_TIMEOUT": "0.3"})
    finally:
        os.close(fd)
    check(r.returncode == 75, f"lock held: exit {r.returncode}")
    check("another acct is writing" in r.stderr and "try again" in r.stderr,
          f"lock held message: {r.stderr}")
    check(read(log) == before, "lock held: file changed")


def nobody_workspace(prefix, owned):
    """A copy of the example and of acct that nobody can read and run (and,
    when `owned`, write: nobody owns it). Returns (root, ws, binary)."""
    root = scratch(prefix)
    ws = os.path.join(root, "ws")
    shutil.copytree(EXAMPLE, ws)
    binary = os.path.join(root, "acct")
    shutil.copy(ACCT, binary)
    for folder, dirs, files in os.walk(root):
        paths = [folder] + [os.path.join(folder, name) for name in files]
        for path in paths:
            os.chmod(path, 0o755 if path == folder or path == binary else 0o644)
            if owned and os.geteuid() == 0:
                os.chown(path, 65534, 65534)
    return root, ws, binary


def test_read_only_folder():
    """Run as a non-root user: a read-only client folder gives 73."""
    root, ws, binary = nobody_workspace("acct-ro-", owned=False)
    folder = os.path.join(ws, "clients/romashka")
    os.chmod(folder, 0o555)
    before = {n: read(os.path.join(folder, n)) for n in os.listdir(folder)}
    r = subprocess.run([binary, "-C", ws, "--as-of", AS_OF, "log", "romashka", "call", "x"],
                       env=BASE_ENV, capture_output=True, text=True, preexec_fn=as_nobody(),
                       timeout=60)
    check(r.returncode == 73, f"read-only folder: exit {r.returncode} {r.stderr}")
    check("Permission denied" in r.stderr and "nothing was written" in r.stderr,
          f"read-only message: {r.stderr}")
    after = {n: read(os.path.join(folder, n)) for n in os.listdir(folder)}
    check(after == before, f"read-only folder changed: {sorted(after)}")


def test_read_only_file():
    """A read-only file in a writable folder: 73, and the file is untouched
    (the rename would otherwise replace it). Run as nobody, as root writes
    whatever the mode."""
    root, ws, binary = nobody_workspace("acct-rofile-", owned=True)
    log = os.path.join(ws, "clients/romashka/log.yaml")
    os.chmod(log, 0o444)
    before = read(log)
    r = subprocess.run([binary, "-C", ws, "--as-of", AS_OF, "log", "romashka", "call", "x"],
                       env=BASE_ENV, capture_output=True, text=True, preexec_fn=as_nobody(),
                       timeout=60)
    check(r.returncode == 73, f"read-only file: exit {r.returncode} {r.stderr}")
    check("cannot write clients/romashka/log.yaml: Permission denied" in r.stderr and
          "nothing was written" in r.stderr, f"read-only file message: {r.stderr}")
    check(read(log) == before, "read-only file changed")
    check(stat.S_IMODE(os.stat(log).st_mode) == 0o444, "read-only file: mode changed")


def test_injected_failures():
    """ENOSPC on write, EIO on fsync, a failed rename: the original stays."""
    for fault, status, words in [("write", 73, "No space left on device"),
                                 ("fsync", 74, "Input/output error"),
                                 ("rename", 73, "Permission denied")]:
        ws = workspace()
        folder = os.path.join(ws, "clients/romashka")
        before = {n: read(os.path.join(folder, n)) for n in os.listdir(folder)}
        r = acct(ws, "log", "romashka", "call", "x",
                 env={"LD_PRELOAD": FAULT_LIB, "ACCT_FAULT": fault})
        check(r.returncode == status, f"{fault} fault: exit {r.returncode} {r.stderr}")
        check(words in r.stderr, f"{fault} fault message: {r.stderr}")
        after = {n: read(os.path.join(folder, n)) for n in os.listdir(folder)}
        check(after == before, f"{fault} fault: folder changed: {sorted(after)}")


def test_links():
    ws = workspace()
    outside = scratch("acct-outside-")
    target = os.path.join(outside, "log.yaml")
    folder = os.path.join(ws, "clients/romashka")
    shutil.move(os.path.join(folder, "log.yaml"), target)
    os.symlink(target, os.path.join(folder, "log.yaml"))
    before = read(target)
    r = acct(ws, "log", "romashka", "call", "through the link")
    check(r.returncode == 64, f"link out: exit {r.returncode} {r.stderr}")
    check("leads out of the workspace" in r.stderr, f"link out message: {r.stderr}")
    check(read(target) == before, "link out: target changed")

    # A link inside the workspace is written through and stays a link.
    inside = os.path.join(ws, "clients/romashka/history.txt")
    shutil.copy(target, inside)
    os.remove(os.path.join(folder, "log.yaml"))
    os.symlink("history.txt", os.path.join(folder, "log.yaml"))
    r = acct(ws, "log", "romashka", "call", "through the link")
    check(r.returncode == 0, f"link in: exit {r.returncode} {r.stderr}")
    check(os.path.islink(os.path.join(folder, "log.yaml")), "link in: the link was replaced")
    check(b"through the link" in read(inside), "link in: target not written")


def test_mode_kept():
    ws = workspace()
    log = os.path.join(ws, "clients/romashka/log.yaml")
    os.chmod(log, 0o640)
    acct(ws, "log", "romashka", "call", "mode")
    check(stat.S_IMODE(os.stat(log).st_mode) == 0o640,
          f"mode: {oct(stat.S_IMODE(os.stat(log).st_mode))}")


def git(ws, *args):
    return subprocess.run(["git", "-C", ws, *args], env=BASE_ENV, capture_output=True,
                          text=True, timeout=60)


def test_commit():
    if shutil.which("git") is None:
        check(False, "git is not installed")
        return
    ws = workspace()
    git(ws, "init", "-q")
    git(ws, "add", "-A")
    git(ws, "commit", "-q", "-m", "start")
    # Unrelated work, staged: it must stay staged and out of acct's commit.
    with open(os.path.join(ws, "acct.yaml"), "a") as f:
        f.write("# staged by hand\n")
    git(ws, "add", "acct.yaml")
    r = acct(ws, "log", "romashka", "call", "Committed", "--commit")
    check(r.returncode == 0, f"--commit: exit {r.returncode} {r.stderr}")
    head = git(ws, "rev-parse", "--short", "HEAD").stdout.strip()
    check(r.stdout.splitlines()[1:] == [f"Committed {head}"],
          f"--commit does not name the commit {head}: {r.stdout}")
    last = git(ws, "log", "-1", "--format=%s", "--name-only").stdout.split()
    check(last == ["acct:", "log", "call", "with", "romashka", "clients/romashka/log.yaml"],
          f"--commit: last commit {last}")
    staged = git(ws, "diff", "--cached", "--name-only").stdout.split()
    check(staged == ["acct.yaml"], f"--commit: staged work {staged}")

    # git: {commit: true} in acct.yaml does the same; a new file is added.
    git(ws, "commit", "-q", "-m", "config", "acct.yaml")
    with open(os.path.join(ws, "acct.yaml"), "a") as f:
        f.write("git:\n  commit: true\n")
    git(ws, "commit", "-q", "-m", "commit on", "acct.yaml")
    r = acct(ws, "log", "helios", "meeting", "New file")
    last = git(ws, "log", "-1", "--format=%s", "--name-only").stdout.split()
    check(last == ["acct:", "log", "meeting", "with", "helios", "clients/helios/log.yaml"],
          f"git.commit: last commit {last} {r.stderr}")

    # Not a repository: refused before anything is written.
    plain = workspace()
    r = acct(plain, "log", "romashka", "call", "x", "--commit")
    check(r.returncode == 64 and "not inside a git work tree" in r.stderr,
          f"--commit outside git: {r.returncode} {r.stderr}")
    check(read(os.path.join(plain, "clients/romashka/log.yaml")) ==
          read(os.path.join(EXAMPLE, "clients/romashka/log.yaml")), "--commit outside git wrote")


def main():
    tests = [test_records_are_due, test_concurrent_writers, test_sigkill, test_lock_held,
             test_read_only_folder, test_read_only_file, test_injected_failures, test_links,
             test_mode_kept, test_commit]
    for t in tests:
        t()
    return finish(len(tests))


if __name__ == "__main__":
    sys.exit(main())
