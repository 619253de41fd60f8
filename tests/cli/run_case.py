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
"""
import difflib
import os
import shutil
import subprocess
import sys
import tempfile


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


def main():
    acct, case, data = sys.argv[1:4]
    lines = open(os.path.join(case, "args"), encoding="utf-8").read().splitlines()
    cwd, args = os.path.join(data, lines[0]), lines[1:]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8"}
    env_file = os.path.join(case, "env")
    if os.path.exists(env_file):
        for line in open(env_file, encoding="utf-8").read().splitlines():
            key, _, value = line.partition("=")
            env[key] = value
    writes = os.path.exists(os.path.join(case, "changes"))
    work = None
    if writes:
        work = tempfile.mkdtemp(prefix="acct-case-")
        shutil.copytree(cwd, os.path.join(work, "ws"), symlinks=True)
        cwd = os.path.join(work, "ws")
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
    if os.environ.get("ACCT_UPDATE"):
        for name, value in actual.items():
            with open(os.path.join(case, name), "wb") as f:
                f.write(value)
        return 0
    failed = False
    for name, value in actual.items():
        path = os.path.join(case, name)
        expected = open(path, "rb").read() if os.path.exists(path) else b""
        if expected != value:
            failed = True
            print(f"--- {name} differs ({os.path.basename(case)})")
            diff = difflib.unified_diff(
                expected.decode("utf-8", "replace").splitlines(True),
                value.decode("utf-8", "replace").splitlines(True), "expected", "actual")
            sys.stdout.writelines(diff)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
