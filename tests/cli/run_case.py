#!/usr/bin/env python3
"""Runs one golden CLI case and compares what a user sees.

A case is a folder holding `args` (one argument per line; the first line is
the folder under tests/data to run in), optionally `env` (KEY=VALUE lines),
and the expected `stdout`, `stderr` and `status`. The absolute path of
tests/data is shown as $DATA, so that cases do not depend on the checkout. ACCT_UPDATE=1 rewrites the expectations from the actual run.
"""
import os
import subprocess
import sys
import difflib


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
    run = subprocess.run([acct] + args, cwd=cwd, env=env, capture_output=True, timeout=20)
    here = os.path.abspath(data).encode()
    actual = {"stdout": run.stdout.replace(here, b"$DATA"),
              "stderr": run.stderr.replace(here, b"$DATA"),
              "status": f"{run.returncode}\n".encode()}
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
