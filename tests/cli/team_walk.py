#!/usr/bin/env python3
"""Walks a request through its life as a user would and watches `acct due`
change step by step: ask -> request --acked -> --to -> --done -> --told.

Usage: team_walk.py ACCT DATA_TEAM (tests/data/team, copied to a temporary
folder). As of Friday 2026-11-27; acct.yaml has a holiday on Monday 11-30.
The request is asked on Monday 2026-11-23, priority normal: ack 1d = Tue
11-24, handoff 2d = Wed 11-25, resolve 10d = Thu 12-03.
"""
import json
import os
import shutil
import subprocess
import sys

import checks


def main():
    acct, data = sys.argv[1:3]
    work = checks.scratch("acct-walk-")
    ws = os.path.join(work, "ws")
    shutil.copytree(data, ws)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8"}

    def equal(got, want, message):
        checks.check(got == want, f"{message}: expected {want!r}, got {got!r}")

    def acct_run(*args):
        return subprocess.run([acct, "-C", ws, "--as-of", "2026-11-27", *args],
                              capture_output=True, text=True, env=env, timeout=20)

    def walk_item(*extra):
        run = acct_run("due", "--format", "json", "--horizon", "2w", *extra)
        equal(run.returncode, 0, f"due {extra} exits 0: {run.stderr}")
        items = [i for i in json.loads(run.stdout)["items"] if i["subject"] == "Walk the dog"]
        return items

    def step(args, due, days, title):
        run = acct_run(*args)
        equal(run.returncode, 0, f"{' '.join(args)}: {run.stderr}")
        items = walk_item()
        if due is None:
            equal(items, [], f"after {args[-2:]}: the item is gone")
            return
        equal(len(items), 1, f"after {args[-2:]}: one item")
        if items:
            got = (items[0]["kind"], items[0]["due"], items[0]["days"], items[0]["title"])
            equal(got, ("request", due, days, title), f"after {args[-2:]}")

    equal(walk_item(), [], "before ask: no item")
    step(["ask", "orbit", "Walk the dog", "--id", "walk", "--date", "2026-11-23",
          "--from", "Mia"], "2026-11-24", -3,
         "Confirm to the client that 'Walk the dog' was received (asked 2026-11-23)")
    step(["request", "orbit", "walk", "--acked", "2026-11-24"], "2026-11-25", -2,
         "Hand 'Walk the dog' over to someone in the team (asked 2026-11-23)")
    equal(walk_item("--to", "olga"), [], "not handed over: not in olga's list")
    step(["request", "orbit", "Walk the", "--to", "olga"], "2026-12-03", 6,
         "Deliver 'Walk the dog' (with olga) within the SLA of 10d")
    equal(len(walk_item("--to", "olga")), 1, "handed to olga: in her list")
    equal(walk_item("--to", "ben"), [], "and not in ben's")
    step(["request", "orbit", "Walk the dog", "--due", "2026-12-01"], "2026-12-01", 4,
         "Deliver 'Walk the dog' (with olga), promised for 2026-12-01")
    step(["request", "orbit", "walk", "--done", "2026-11-27"], "2026-11-27", 0,
         "Tell the client that 'Walk the dog' is done (delivered 2026-11-27)")
    step(["request", "orbit", "walk", "--told", "today"], None, None, None)
    # Told: it is no longer open, so it cannot be named any more.
    run = acct_run("request", "orbit", "walk", "--told", "today")
    equal(run.returncode, 66, "a told request is not open")
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
