#!/usr/bin/env python3
"""What the docs tell a new user to type works where they type it: the
crontab example names acct by its installed path (cron's PATH lacks
/usr/local/bin), and the README opens acct's own man page before it is
installed (`man acct` is the accounting system call's page until then).

usage: docs.py REPO
"""
import os
import re
import sys

from checks import check, finish

REPO = sys.argv[1]


def crontab_jobs(text):
    """The command of each job line (five time fields, then the command)."""
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#") or re.match(r"^\w+=", line):
            continue
        yield line.split(None, 5)[5]


def main():
    with open(os.path.join(REPO, "examples", "cron", "crontab")) as f:
        jobs = list(crontab_jobs(f.read()))
    check(jobs, "examples/cron/crontab has no job")
    for job in jobs:
        check(job.split()[0].startswith("/"),
              f"crontab: '{job.split()[0]}' is looked up in cron's PATH (/usr/bin:/bin)")
    with open(os.path.join(REPO, "README.md")) as f:
        readme = f.read()
    first_man = re.search(r"`man [^`]*`", readme)
    check(first_man and first_man.group(0).startswith("`man -l "),
          f"README: the first man command is {first_man and first_man.group(0)}, "
          "which opens another page until acct is installed")
    check("PATH" in readme.split("## A workspace")[0],
          "README: the first section does not say how to call acct as plain `acct`")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
