#!/usr/bin/env python3
"""Runs one golden CLI case and compares what a user sees.

A case is a folder holding `args` (one argument per line; the first line is
the folder under tests/data to run in), optionally `env` (KEY=VALUE lines),
and the expected `stdout`, `stderr` and `status`. The absolute path of
tests/data is shown as $DATA, so that cases do not depend on the checkout.

A case with a `changes` file runs in a copy of its folder (shown as $WORK),
and `changes` holds the unified diff of every file the command changed,
created or removed: for the writing commands, the exact bytes they wrote.

ACCT_UPDATE=1 rewrites the expectations from the actual run.

With --cache the case runs with a cache of parsed files (XDG_CACHE_HOME in a
temporary folder), twice: cold (an empty cache) and warm (every file already
cached, and the run must take every one from the cache: ACCT_CACHE_STATS).
Both must show exactly what the case expects. A writing case runs cold in one
copy; in another, `acct check` fills the cache first.
"""
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import time


def snapshot(root):
    """Every file below root: relative path -> bytes."""
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


def tree_diff(before, after):
    """A unified diff of two snapshots, file by file in name order."""
    out = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        lines = difflib.diff_bytes(
            difflib.unified_diff,
            old.splitlines(True) if old is not None else [],
            new.splitlines(True) if new is not None else [],
            b"a/" + name.encode() if old is not None else b"/dev/null",
            b"b/" + name.encode() if new is not None else b"/dev/null",
            lineterm=b"\n")
        for line in lines:
            out.append(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n")
    return b"".join(out)


def age(root):
    """Sets every file's mtime an hour back: a file changed in the second a
    cache is written is never trusted (git's racy-clean rule)."""
    past = time.time() - 3600
    for folder, _, names in os.walk(root):
        for name in names:
            os.utime(os.path.join(folder, name), (past, past), follow_symlinks=False)


def run_once(acct, case, data, cwd, args, env, writes, warm_up=None):
    """Runs the case once; returns what a user sees, with the paths cleaned."""
    work = None
    if writes:
        work = tempfile.mkdtemp(prefix="acct-case-")
        shutil.copytree(cwd, os.path.join(work, "ws"), symlinks=True)
        cwd = os.path.join(work, "ws")
        if warm_up:
            age(cwd)
            quiet = {k: v for k, v in env.items() if k != "ACCT_CACHE_STATS"}
            subprocess.run([acct] + warm_up, cwd=cwd, env=quiet, capture_output=True, timeout=20)
        before = snapshot(cwd)
    try:
        run = subprocess.run([acct] + args, cwd=cwd, env=env, capture_output=True, timeout=20)
        changes = tree_diff(before, snapshot(cwd)) if writes else None
    finally:
        if work:
            shutil.rmtree(work)
    here = os.path.abspath(data).encode()

    def clean(b):
        b = b.replace(here, b"$DATA")
        return b.replace(cwd.encode(), b"$WORK") if work else b

    actual = {"stdout": clean(run.stdout), "stderr": clean(run.stderr),
              "status": f"{run.returncode}\n".encode()}
    if writes:
        actual["changes"] = changes
    return actual


def compare(case, actual, label=""):
    failed = False
    for name, value in actual.items():
        path = os.path.join(case, name)
        expected = open(path, "rb").read() if os.path.exists(path) else b""
        if expected != value:
            failed = True
            print(f"--- {name} differs{label} ({os.path.basename(case)})")
            diff = difflib.unified_diff(
                expected.decode("utf-8", "replace").splitlines(True),
                value.decode("utf-8", "replace").splitlines(True), "expected", "actual")
            sys.stdout.writelines(diff)
    return failed


def global_dir_args(args):
    """The -C/--dir options of args, for a warm-up run in the same workspace."""
    out = []
    for i, a in enumerate(args):
        if a in ("-C", "--dir") and i + 1 < len(args):
            out += [a, args[i + 1]]
        elif a.startswith("--dir="):
            out.append(a)
    return out


def stats(path):
    """(cached, parsed) summed over the loads listed in an ACCT_CACHE_STATS file."""
    cached = parsed = 0
    if os.path.exists(path):
        for line in open(path, encoding="utf-8").read().splitlines():
            fields = dict(f.split("=") for f in line.split())
            cached += int(fields["cached"])
            parsed += int(fields["parsed"])
    return cached, parsed


def main():
    acct, case, data = sys.argv[1:4]
    cached_mode = "--cache" in sys.argv[4:]
    lines = open(os.path.join(case, "args"), encoding="utf-8").read().splitlines()
    cwd, args = os.path.join(data, lines[0]), lines[1:]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8"}
    env_file = os.path.join(case, "env")
    if os.path.exists(env_file):
        for line in open(env_file, encoding="utf-8").read().splitlines():
            key, _, value = line.partition("=")
            env[key] = value
    writes = os.path.exists(os.path.join(case, "changes"))
    if not cached_mode:
        actual = run_once(acct, case, data, cwd, args, env, writes)
        if os.environ.get("ACCT_UPDATE"):
            for name, value in actual.items():
                with open(os.path.join(case, name), "wb") as f:
                    f.write(value)
            return 0
        return 1 if compare(case, actual) else 0

    failed = False
    for warm in (False, True):
        home = tempfile.mkdtemp(prefix="acct-cache-")
        try:
            e = dict(env, XDG_CACHE_HOME=home, ACCT_CACHE_STATS=os.path.join(home, "stats"))
            label = " with a warm cache" if warm else " with a cold cache"
            if warm and not writes:  # the fixture is old: fill the cache, then count
                quiet = {k: v for k, v in e.items() if k != "ACCT_CACHE_STATS"}
                run_once(acct, case, data, cwd, args, quiet, writes)
            warm_up = global_dir_args(args) + ["check"] if warm and writes else None
            actual = run_once(acct, case, data, cwd, args, e, writes, warm_up)
            failed |= compare(case, actual, label)
            cached, parsed = stats(e["ACCT_CACHE_STATS"])
            if warm and parsed:
                failed = True
                print(f"--- {parsed} file(s) parsed{label}; {cached} from the cache")
        finally:
            shutil.rmtree(home)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
