#!/usr/bin/env python3
"""scripts/test runs every stage and reports every failure: run with stand-in
`ctest` and `cmake` commands (first on PATH) and a stand-in fuzz target, so
that each stage's outcome is chosen here and nothing is built. The tests run
under a TMPDIR of their own: what they leave there fails the run, and the
folder goes either way.

usage: test_script.py REPO
"""
import os
import re
import stat
import subprocess
import sys

from checks import check, finish, scratch

REPO = sys.argv[1]


def script(path, body):
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)


def run(ctest_normal, ctest_san, build, fuzz, leave=""):
    """Each argument is the exit status of that stand-in, and `leave` shell
    commands the stand-in ctest runs (to leave something in its TMPDIR);
    returns the exit status, stderr, the stand-ins' log of what ran and the
    TMPDIR scripts/test was given."""
    tmp = scratch("acct-test-script-")
    bin_dir, san = os.path.join(tmp, "bin"), os.path.join(tmp, "san")
    os.makedirs(bin_dir)
    os.makedirs(os.path.join(san, "tests"))
    log = os.path.join(tmp, "log")
    script(os.path.join(bin_dir, "ctest"),
           f'echo "ctest $* TMPDIR=$TMPDIR" >> {log}\n{leave}\n'
           f'case "$*" in *{san}*) exit {ctest_san};; esac\nexit {ctest_normal}\n')
    script(os.path.join(bin_dir, "cmake"),
           f'echo "cmake $*" >> {log}\n'
           f'case "$*" in *--build*) exit {build};; esac\nexit 0\n')
    script(os.path.join(san, "tests", "fuzz_stand_in"),
           f'echo "fuzz" >> {log}\necho "stat::number_of_executed_units: 1" >&2\nexit {fuzz}\n')
    outer = os.path.join(tmp, "tmp")
    os.makedirs(outer)
    env = dict(os.environ, PATH=bin_dir + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
               ACCT_SAN_BUILD_DIR=san, ACCT_FUZZ_SECONDS="1", TMPDIR=outer)
    r = subprocess.run([os.path.join(REPO, "scripts", "test")], env=env, capture_output=True,
                       text=True, timeout=60)
    ran = open(log).read() if os.path.exists(log) else ""
    return r.returncode, r.stderr, ran, outer


def main():
    status, err, ran, outer = run(0, 0, 0, 0)
    check(status == 0 and "all stages passed" in err, f"all pass: {status} {err}")
    # Both ctest runs had one fresh TMPDIR, inside the given one, gone at the end.
    given = set(re.findall(r"TMPDIR=(\S*)", ran))
    check(len(given) == 1 and all(os.path.dirname(d) == outer for d in given),
          f"the tests' TMPDIR: {given} (scripts/test was given {outer})")
    check(os.listdir(outer) == [], f"scripts/test left {os.listdir(outer)} in its TMPDIR")

    # A test leaves a file and a folder of mode 000: the run fails, names
    # both, and removes them.
    status, err, ran, outer = run(0, 0, 0, 0, leave='touch "$TMPDIR/acct-forgot-file"\n'
                                  'mkdir -p "$TMPDIR/acct-forgot-dir/x"\n'
                                  'chmod 000 "$TMPDIR/acct-forgot-dir"')
    check(status != 0 and err.rstrip().endswith("test: FAILED: leftovers"),
          f"leftovers do not fail the run: {status} {err}")
    check("\n  acct-forgot-dir\n  acct-forgot-file\n" in err, f"leftovers not named: {err}")
    check(os.listdir(outer) == [], f"leftovers not removed: {os.listdir(outer)}")

    # The first stage fails: the others still run, and the end says which failed.
    status, err, ran, _ = run(8, 0, 0, 0)
    check(status != 0, f"a failed ctest exits {status}")
    check("-LE normal-only" in ran and "fuzz" in ran,
          f"a failed ctest skipped later stages; ran:\n{ran}")
    check(err.rstrip().endswith("test: FAILED: ctest"), f"the closing line: {err}")

    status, err, ran, _ = run(8, 8, 0, 1)
    check(status != 0 and err.rstrip().endswith("test: FAILED: ctest sanitizer-ctest fuzz"),
          f"three failures: {status} {err}")

    # The sanitizer build fails: what needs it is reported as not run, not skipped silently.
    status, err, ran, _ = run(0, 0, 2, 0)
    check(status != 0, f"a failed build exits {status}")
    check("stage 'sanitizer-ctest' NOT RUN" in err and "stage 'fuzz' NOT RUN" in err,
          f"stages left out without a word: {err}")
    check(err.rstrip().endswith("test: FAILED: sanitizer-build sanitizer-ctest fuzz"),
          f"the closing line: {err}")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
