#!/usr/bin/env python3
"""Two clones of one workspace, real git (issue 16): records written on both
sides merge through `acct merge-file` without a conflict, the workspace
loads and `due` is right; the same invoice number and the same task done on
different dates give an ordinary git conflict with markers, and nothing is
lost. Needs git; runs in temporary repositories with no user or system git
config (GIT_CONFIG_GLOBAL=/dev/null).

usage: git_merge.py ACCT EXAMPLE_WORKSPACE
"""
import json
import os
import shutil
import subprocess
import sys

from checks import check, finish, scratch

ACCT, EXAMPLE = os.path.abspath(sys.argv[1]), sys.argv[2]
AS_OF = "2026-11-27"
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8",
       "HOME": "/nonexistent", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
       "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
       "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
       "GIT_MERGE_AUTOEDIT": "no"}


def run(args, cwd):
    return subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=120)


def git(cwd, *args):
    return run(["git", *args], cwd)


def acct(clone, *args):
    # The workspace is a folder of the repository, not its top.
    return run([ACCT, "-C", os.path.join(clone, "ws"), "--as-of", AS_OF, *args], clone)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def commit_all(clone, message):
    git(clone, "add", "-A")
    r = git(clone, "commit", "-q", "-m", message)
    check(r.returncode == 0, f"commit {message}: {r.stderr}")


def due(clone):
    r = acct(clone, "due", "--format", "json", "--horizon", "30d")
    return json.loads(r.stdout)["items"]


def setup():
    """An origin with the example workspace and two clones that ran git-setup."""
    top = scratch("acct-git-")
    origin = os.path.join(top, "origin.git")
    git(top, "init", "-q", "--bare", "-b", "main", origin)
    a, b = os.path.join(top, "a"), os.path.join(top, "b")
    git(top, "clone", "-q", origin, a)
    git(a, "checkout", "-q", "-b", "main")
    shutil.copytree(EXAMPLE, os.path.join(a, "ws"))
    r = acct(a, "git-setup")
    check(r.returncode == 0 and r.stdout.startswith("Added '*.yaml merge=acct' to .gitattributes\n"),
          f"git-setup: {r.returncode} {r.stdout} {r.stderr}")
    check(read(os.path.join(a, "ws/.gitattributes")) == "*.yaml merge=acct\n*.yml merge=acct\n",
          "git-setup: .gitattributes")
    driver = git(a, "config", "--get", "merge.acct.driver").stdout.strip()
    check(driver == f"'{ACCT}' merge-file --marker-size %L %O %A %B %P", f"driver: {driver}")
    commit_all(a, "start")
    git(a, "push", "-q", "origin", "main")
    git(top, "clone", "-q", origin, b)
    # A clone that has the attributes but not the driver: check says so.
    r = acct(b, "check")
    check(".gitattributes:1:1: warning: record files are sent to the 'acct' merge driver" in r.stdout,
          f"check without driver: {r.stdout}")
    r = acct(b, "--lang", "ru", "check")
    check(".gitattributes:1:1: warning: файлы записей передаются драйверу слияния 'acct'" in r.stdout,
          f"check without driver, in Russian: {r.stdout}")
    r = acct(b, "git-setup")
    check(r.returncode == 0 and "already" in r.stdout, f"git-setup again: {r.stdout} {r.stderr}")
    r = acct(b, "--lang", "ru", "git-setup")
    check(r.returncode == 0 and r.stdout.startswith(
        ".gitattributes уже передаёт файлы *.yaml и *.yml драйверу слияния acct\n"
        "Драйвер слияния прописан в настройках git этого клона: "),
          f"git-setup in Russian: {r.stdout} {r.stderr}")
    check(read(os.path.join(b, "ws/.gitattributes")) == "*.yaml merge=acct\n*.yml merge=acct\n",
          "git-setup again changed .gitattributes")
    r = acct(b, "check")
    check("merge driver" not in r.stdout, f"check with driver: {r.stdout}")
    return a, b


def test_records_merge():
    a, b = setup()
    before = {(i["kind"], i["subject"]) for i in due(a)}
    check(("invoice", "support-2026/2026-12") in before and
          ("invoice", "support-2026/2027-01") not in before, f"due before: {sorted(before)}")
    for args in (["log", "romashka", "call", "From clone A", "--next", "2026-12-03"],
                 ["invoice", "romashka", "support-2026", "--number", "A-1", "--period", "2026-12"],
                 ["task", "helios", "Task of clone A", "--due", "2026-12-02"]):
        r = acct(a, *args)
        check(r.returncode == 0, f"clone A {args}: {r.stderr}")
    commit_all(a, "clone A")
    check(git(a, "push", "-q", "origin", "main").returncode == 0, "push A")
    for args in (["log", "romashka", "email", "From clone B"],
                 ["invoice", "romashka", "support-2026", "--number", "B-1", "--period", "2027-01",
                  "--issued", "2026-11-27"],
                 ["task", "acme", "Task of clone B", "--due", "2026-12-04"]):
        r = acct(b, *args)
        check(r.returncode == 0, f"clone B {args}: {r.stderr}")
    commit_all(b, "clone B")
    r = git(b, "pull", "--no-rebase", "-q", "origin", "main")
    check(r.returncode == 0, f"pull B: {r.returncode} {r.stdout} {r.stderr}")
    check(git(b, "status", "--porcelain").stdout == "", "pull B left changes")
    log = read(os.path.join(b, "ws/clients/romashka/log.yaml"))
    check(log.count("From clone A") == 1 and log.count("From clone B") == 1 and
          log.index("From clone B") < log.index("From clone A"), f"log.yaml:\n{log}")
    invoices = read(os.path.join(b, "ws/clients/romashka/invoices.yaml"))
    check("A-1" in invoices and "B-1" in invoices, f"invoices.yaml:\n{invoices}")
    check("<<<<<<<" not in log + invoices, "markers after a clean merge")
    r = acct(b, "check")
    check(r.returncode == 0, f"check after merge: {r.stdout}")
    after = {(i["kind"], i["subject"]) for i in due(b)}
    check(("invoice", "support-2026/2026-12") not in after and
          ("invoice", "support-2026/2027-01") not in after, f"due invoices: {sorted(after)}")
    tasks = {i["subject"] for i in due(b) if i["kind"] == "task"}
    check({"Task of clone A", "Task of clone B"} <= tasks, f"due tasks: {tasks}")
    follow = [i for i in due(b) if i["client"] == "romashka" and i["kind"] == "follow-up"]
    check([i["due"] for i in follow] == ["2026-12-03"] or not follow, f"follow-up: {follow}")
    # Back to clone A: a fast-forward; both clones hold the same records.
    check(git(b, "push", "-q", "origin", "main").returncode == 0, "push B")
    check(git(a, "pull", "--no-rebase", "-q", "origin", "main").returncode == 0, "pull A")
    check(read(os.path.join(a, "ws/clients/romashka/log.yaml")) == log, "clone A's log.yaml")
    return a, b


def conflicted(clone):
    return git(clone, "diff", "--name-only", "--diff-filter=U").stdout.split()


def test_same_number():
    a, b = test_records_merge()
    r = acct(a, "invoice", "romashka", "support-2026", "--number", "C-7", "--period", "2027-02")
    check(r.returncode == 0, f"A C-7: {r.stderr}")
    commit_all(a, "A: C-7")
    git(a, "push", "-q", "origin", "main")
    r = acct(b, "invoice", "romashka", "support-2026", "--number", "C-7", "--period", "2027-03")
    check(r.returncode == 0, f"B C-7: {r.stderr}")
    commit_all(b, "B: C-7")
    r = git(b, "pull", "--no-rebase", "origin", "main")
    check(r.returncode != 0 and "CONFLICT" in r.stdout, f"same number: {r.returncode} {r.stdout}")
    check("'number: C-7' was added to 'invoices' on both sides" in r.stderr,
          f"same number, driver's word: {r.stderr}")
    check(conflicted(b) == ["ws/clients/romashka/invoices.yaml"], f"unmerged: {conflicted(b)}")
    text = read(os.path.join(b, "ws/clients/romashka/invoices.yaml"))
    check("<<<<<<< ours" in text and ">>>>>>> theirs" in text, f"markers:\n{text}")
    check("2027-02" in text and "2027-03" in text, f"both invoices kept:\n{text}")
    git(b, "merge", "--abort")
    git(b, "reset", "-q", "--hard", "origin/main")


def test_done_dates():
    a, b = setup()
    for clone, date in ((a, "2026-11-25"), (b, "2026-11-26")):
        r = acct(clone, "done", "bistro", "Ask about the spring", "--date", date)
        check(r.returncode == 0, f"done {date}: {r.stderr}")
        commit_all(clone, f"done {date}")
    git(a, "push", "-q", "origin", "main")
    r = git(b, "pull", "--no-rebase", "origin", "main")
    check(r.returncode != 0 and "CONFLICT" in r.stdout, f"done dates: {r.returncode} {r.stdout}")
    check("changed differently on both sides" in r.stderr, f"done dates, driver: {r.stderr}")
    check(conflicted(b) == ["ws/clients/bistro/client.yaml"], f"unmerged: {conflicted(b)}")
    text = read(os.path.join(b, "ws/clients/bistro/client.yaml"))
    check(text.count("<<<<<<<") == 1 and "2026-11-25" in text and "2026-11-26" in text,
          f"markers and both dates:\n{text}")
    # Nothing else of the file is lost: every other line of both sides is there.
    ours = git(b, "show", "HEAD:ws/clients/bistro/client.yaml").stdout.splitlines()
    theirs = git(b, "show", "MERGE_HEAD:ws/clients/bistro/client.yaml").stdout.splitlines()
    lines = text.splitlines()
    check(all(line in lines for line in ours + theirs), "a line of one side is missing")


def test_line_merge_for_other_files():
    """acct.yaml is not a record file: git's line merge, through the driver."""
    a, b = setup()
    for clone, line in ((a, "# from A\n"), (b, "# from B\n")):
        with open(os.path.join(clone, "ws/acct.yaml"), "a") as f:
            f.write(line)
        commit_all(clone, line)
    git(a, "push", "-q", "origin", "main")
    r = git(b, "pull", "--no-rebase", "origin", "main")
    check(r.returncode != 0 and conflicted(b) == ["ws/acct.yaml"],
          f"acct.yaml: {r.returncode} {conflicted(b)}")
    check("<<<<<<< ours" in read(os.path.join(b, "ws/acct.yaml")), "acct.yaml markers")


def test_init_in_repository():
    """acct init inside a git work tree sets up the driver; outside, it does not."""
    top = scratch("acct-git-init-")
    git(top, "init", "-q", "repo")
    r = run([ACCT, "init", "repo/ws"], top)
    check(r.returncode == 0 and "Added '*.yml merge=acct' to .gitattributes" in r.stdout,
          f"init in git: {r.returncode} {r.stdout} {r.stderr}")
    check(read(os.path.join(top, "repo/ws/.gitattributes")) ==
          "*.yaml merge=acct\n*.yml merge=acct\n", "init in git: .gitattributes")
    check(git(os.path.join(top, "repo"), "config", "--get", "merge.acct.driver").returncode == 0,
          "init in git: driver")
    r = run([ACCT, "init", "plain"], top)
    check(r.returncode == 0 and not os.path.exists(os.path.join(top, "plain/.gitattributes")),
          f"init outside git: {r.returncode} {r.stdout}")


def main():
    if shutil.which("git") is None:
        print("git is not installed")
        return 77
    tests = [test_same_number, test_done_dates, test_line_merge_for_other_files,
             test_init_in_repository]
    for t in tests:
        t()
    return finish(len(tests))


if __name__ == "__main__":
    sys.exit(main())
