#!/usr/bin/env python3
"""Runs acct on each worked example of shared/conformance and compares the
listed items on client, kind, due, subject, days and status, in order.
A folder's expectations are in expected.json, or in expected-items.json
(the name a new example has until acct reads all its records)."""
import json
import os
import subprocess
import sys

FIELDS = ("client", "kind", "due", "subject", "days", "status")


def main():
    acct, root = sys.argv[1:3]
    failed = 0
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        names = [n for n in ("expected.json", "expected-items.json")
                 if os.path.isfile(os.path.join(folder, n))]
        if not names:
            continue
        expected_path = os.path.join(folder, names[0])
        expected = json.load(open(expected_path, encoding="utf-8"))
        run = subprocess.run([acct, "-C", folder, "--as-of", expected["as_of"], "due",
                              "--format", "json"], capture_output=True, env={"TZ": "UTC"})
        actual = json.loads(run.stdout)
        want = [tuple(i[f] for f in FIELDS) for i in expected["items"]]
        got = [tuple(i[f] for f in FIELDS) for i in actual["items"]]
        if want != got:
            failed += 1
            print(f"{name}: differs\n  expected {want}\n  actual   {got}")
        else:
            print(f"{name}: {len(got)} items as expected")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
