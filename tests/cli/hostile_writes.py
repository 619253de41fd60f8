#!/usr/bin/env python3
"""The writers against what the file system can hold and a golden case
cannot (issue 10, section 4): dangling links, a FIFO, a folder where a file
should be; the --dry-run diff as exact bytes for `git apply`; `init
--dry-run` and `--commit`; text read back by a YAML 1.1 reader.

usage: hostile_writes.py ACCT EXAMPLE_WORKSPACE HAND_WORKSPACE
"""
import os
import shutil
import subprocess
import sys

from checks import check, finish, scratch

ACCT, EXAMPLE, HAND = sys.argv[1:4]
AS_OF = "2026-11-27"
BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
            "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent", "ACCT_LOCK_TIMEOUT": "2"}


def acct(ws, *args, timeout=20):
    return subprocess.run([ACCT, "-C", ws, "--as-of", AS_OF, *args], env=BASE_ENV,
                          capture_output=True, timeout=timeout)


def workspace(source=EXAMPLE):
    ws = os.path.join(scratch("acct-hostile-"), "ws")
    shutil.copytree(source, ws, symlinks=True)
    return ws


def read(path):
    with open(path, "rb") as f:
        return f.read()


def git(folder, *args):
    return subprocess.run(["git", "-C", folder, *args], env=BASE_ENV, capture_output=True,
                          text=True, timeout=60)


def test_dangling_links():
    """A link to nothing is refused (64), never replaced by a plain file."""
    ws = workspace()
    folder = os.path.join(ws, "clients/helios")
    nowhere = os.path.join(scratch("acct-nowhere-"), "gone.yaml")
    for target in (nowhere, "missing.yaml"):
        link = os.path.join(folder, "log.yaml")
        os.symlink(target, link)
        r = acct(ws, "log", "helios", "call", "Through nothing")
        check(r.returncode == 64, f"dangling link to {target}: exit {r.returncode} {r.stderr}")
        check(b"dangling link" in r.stderr, f"dangling link message: {r.stderr}")
        check(os.path.islink(link) and os.readlink(link) == target,
              f"dangling link to {target} was replaced")
        check(not os.path.exists(nowhere), "a file appeared at the end of the link")
        os.remove(link)

    fresh = scratch("acct-init-")
    os.symlink(nowhere, os.path.join(fresh, "acct.yaml"))
    r = acct(fresh, "init")
    check(r.returncode == 64 and b"dangling link" in r.stderr,
          f"init over a dangling acct.yaml: {r.returncode} {r.stderr}")
    check(os.path.islink(os.path.join(fresh, "acct.yaml")) and not os.path.exists(nowhere),
          "init replaced or wrote through a dangling acct.yaml")


def test_fifo():
    """A FIFO is refused at once, by the dry run too, and the lock goes."""
    ws = workspace()
    fifo = os.path.join(ws, "clients/helios/log.yaml")
    os.mkfifo(fifo)
    for extra in ([], ["--dry-run"]):
        try:
            r = acct(ws, "log", "helios", "call", "Into a pipe", *extra, timeout=10)
        except subprocess.TimeoutExpired:
            check(False, f"log {extra} into a FIFO hangs")
            continue
        check(r.returncode == 73, f"FIFO {extra}: exit {r.returncode} {r.stderr}")
        check(b"not a regular file" in r.stderr, f"FIFO {extra} message: {r.stderr}")
    r = acct(ws, "log", "romashka", "call", "After the FIFO")
    check(r.returncode == 0, f"the lock was kept after a FIFO: {r.returncode} {r.stderr}")
    check(os.path.exists(fifo) and not os.path.isfile(fifo), "the FIFO was replaced")


def test_dry_run_checks_first():
    """What the real run would fail on, the dry run fails on too."""
    ws = workspace()
    folder = os.path.join(ws, "clients/helios/log.yaml")
    os.mkdir(folder)
    for extra in ([], ["--dry-run"]):
        r = acct(ws, "log", "helios", "call", "Into a folder", *extra)
        check(r.returncode == 73 and b"not a regular file" in r.stderr,
              f"folder as target {extra}: {r.returncode} {r.stderr}")
    r = acct(ws, "log", "romashka", "call", "Outside git", "--dry-run", "--commit")
    check(r.returncode == 64 and b"not inside a git work tree" in r.stderr,
          f"--dry-run --commit outside git: {r.returncode} {r.stderr}")
    check(r.stdout == b"", f"--dry-run --commit outside git printed a diff: {r.stdout}")


def test_dry_run_applies():
    """Into a pipe the diff is the change byte for byte: CRs and tabs kept."""
    if shutil.which("git") is None:
        check(False, "git is not installed")
        return
    ws = workspace(HAND)
    rel = "clients/crlf/client.yaml"
    path = os.path.join(ws, rel)
    with open(path, "ab") as f:
        f.write(b"\r\n#\tA tab in a comment\r\n")
    r = acct(ws, "task", "crlf", "Check the\ttabs", "--due", "2026-12-01", "--dry-run")
    check(r.returncode == 0, f"dry run: {r.returncode} {r.stderr}")
    check(b"\r\n" in r.stdout and b"\t" in r.stdout, f"dry run lost CR or tab: {r.stdout!r}")
    copy = workspace(ws)
    applied = subprocess.run(["git", "apply", "-p1", "-"], cwd=copy, input=r.stdout,
                             capture_output=True, timeout=60)
    check(applied.returncode == 0, f"git apply refused the dry run: {applied.stderr}")
    r = acct(ws, "task", "crlf", "Check the\ttabs", "--due", "2026-12-01")
    check(r.returncode == 0, f"real run: {r.returncode} {r.stderr}")
    check(read(path) == read(os.path.join(copy, rel)),
          "the dry run's diff, applied, differs from the real run")


def test_init_dry_run_and_commit():
    parent = scratch("acct-init-")
    new = os.path.join(parent, "ws")
    r = acct(parent, "init", new, "--example", "--dry-run")
    check(r.returncode == 0, f"init --dry-run: {r.returncode} {r.stderr}")
    check(not os.path.exists(os.path.join(parent, "ws")), "init --dry-run wrote")
    out = r.stdout.decode()
    check(out.count("--- /dev/null") == 6 and "+++ b/acct.yaml" in out
          and '+  - {number: "0001",' in out, f"init --dry-run diff: {out}")

    r = acct(parent, "init", new, "--commit")
    check(r.returncode == 64 and b"not inside a git work tree" in r.stderr,
          f"init --commit outside git: {r.returncode} {r.stderr}")
    check(not os.path.exists(os.path.join(parent, "ws")), "init --commit outside git wrote")

    if shutil.which("git") is None:
        check(False, "git is not installed")
        return
    git(parent, "init", "-q")
    r = acct(parent, "init", new, "--commit")
    head = git(parent, "rev-parse", "--short", "HEAD").stdout.strip()
    lines = r.stdout.decode().splitlines()
    check(r.returncode == 0 and head and lines[-1] == f"Committed {head}",
          f"init --commit: {r.returncode} {lines} {r.stderr}")
    files = git(parent, "show", "--name-only", "--format=%s", "HEAD").stdout.split()
    # Inside a repository init also sets up the merge driver: its
    # .gitattributes goes into the same commit.
    check(files == ["acct:", "init", "ws/.gitattributes", "ws/acct.yaml"],
          f"init --commit committed {files}")


def test_example_reads_back_as_strings():
    """Every scalar `init --example` writes means the same to a YAML 1.1
    reader: invoice numbers stay strings with their zeros."""
    try:
        import yaml  # python3-yaml: a YAML 1.1 reader
    except ImportError:
        check(False, "python3-yaml is not installed")
        return
    parent = scratch("acct-init-")
    acct(parent, "init", os.path.join(parent, "ws"), "--example")
    numbers = []
    for folder, _, names in os.walk(os.path.join(parent, "ws")):
        for name in names:
            doc = yaml.safe_load(read(os.path.join(folder, name)))
            for inv in (doc or {}).get("invoices", []):
                numbers.append(inv["number"])
    check(sorted(numbers) == ["0001", "0002"], f"init --example numbers: {numbers}")


def test_quoted_text_reads_back():
    """Text a YAML 1.1 reader would resolve to something else is quoted."""
    try:
        import yaml
    except ImportError:
        check(False, "python3-yaml is not installed")
        return
    ws = workspace()
    texts = ["0x1F", "0003", "2027", "007", "12345", "1e3", "+1", ".NaN", "yes", "off", "~",
             "null", "true", "1:20", "2026-11-27", "1_000", ".5", "-.inf", "0o17", "0b101",
             "Any news?", "x\ufffe\uffff\u0085y"]
    for t in texts:
        r = acct(ws, "task", "helios", "--due", "2026-12-01", "--", t)
        check(r.returncode == 0, f"task {t!r}: {r.returncode} {r.stderr}")
    try:
        doc = yaml.safe_load(read(os.path.join(ws, "clients/helios/client.yaml")))
    except yaml.YAMLError as e:
        check(False, f"a YAML 1.1 reader refuses what acct wrote: {e}")
        return
    titles = [t["title"] for t in doc["tasks"]][-len(texts):]
    check(titles == texts, f"titles as YAML 1.1 reads them: {titles}")


def main():
    tests = [test_dangling_links, test_fifo, test_dry_run_checks_first, test_dry_run_applies,
             test_init_dry_run_and_commit,
             test_example_reads_back_as_strings, test_quoted_text_reads_back]
    for t in tests:
        t()
    return finish(len(tests))


if __name__ == "__main__":
    sys.exit(main())
