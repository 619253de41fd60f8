#!/usr/bin/env python3
"""The Debian package: `cpack -G DEB` twice gives the same bytes, lintian
finds nothing, and the package installs, works and purges on this machine.

usage: package.py BUILD_DIR SOURCE_DIR
Runs as root (dpkg -i). Works whether or not an earlier run left the
package installed; purges it at the end, also after a failure. A lock file
keeps two runs (from two build trees) from installing at once.
"""
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile

from checks import check, finish

BUILD, SOURCE = sys.argv[1:3]
PACKAGE = "acct-clients"
DOC = f"/usr/share/doc/{PACKAGE}"
EPOCH = "1795780800"  # 2026-11-27 12:00 UTC, the date of packaging/changelog


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=600, **kw)


def build_package(out_dir):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    r = run(["cpack", "-G", "DEB", "--config", os.path.join(BUILD, "CPackConfig.cmake"),
             "-B", out_dir], env=env)
    check(r.returncode == 0, f"cpack failed:\n{r.stdout}{r.stderr}")
    debs = [f for f in os.listdir(out_dir) if f.endswith(".deb")]
    check(len(debs) == 1, f"cpack made {debs}, not one .deb")
    return os.path.join(out_dir, debs[0]) if debs else None


def check_contents(deb):
    arch = run(["dpkg", "--print-architecture"]).stdout.strip()
    check(os.path.basename(deb) == f"{PACKAGE}_0.1.0_{arch}.deb",
          f"package file is named {os.path.basename(deb)}")
    fields = {f: run(["dpkg-deb", "-f", deb, f]).stdout.strip()
              for f in ["Package", "Section", "Maintainer", "Depends", "Description"]}
    check(fields["Package"] == PACKAGE, f"Package: {fields['Package']}")
    check(fields["Section"] == "utils", f"Section: {fields['Section']}")
    check("<" in fields["Maintainer"] and "@" in fields["Maintainer"],
          f"Maintainer without an address: {fields['Maintainer']}")
    check("libc6" in fields["Depends"] and "libyaml-cpp" in fields["Depends"],
          f"Depends does not come from shlibdeps: {fields['Depends']}")
    check(len(fields["Description"].splitlines()) > 3,
          f"no extended description: {fields['Description']}")
    listing = {}
    for line in run(["dpkg-deb", "-c", deb]).stdout.splitlines():
        mode, _owner, _size, _date, _time, path = line.split(None, 5)
        listing[path.removeprefix(".")] = mode
    for path, mode in listing.items():
        if mode.startswith("d"):
            check(mode == "drwxr-xr-x", f"folder {path} has mode {mode}")
    wanted = {
        "/usr/bin/acct": "-rwxr-xr-x",
        "/usr/share/man/man1/acct.1.gz": "-rw-r--r--",
        "/usr/share/man/man5/acct-yaml.5.gz": "-rw-r--r--",
        "/usr/share/bash-completion/completions/acct": "-rw-r--r--",
        "/usr/share/zsh/vendor-completions/_acct": "-rw-r--r--",
        "/usr/share/fish/vendor_completions.d/acct.fish": "-rw-r--r--",
        f"{DOC}/copyright": "-rw-r--r--",
        f"{DOC}/changelog.gz": "-rw-r--r--",
        f"{DOC}/examples/agency/acct.yaml": "-rw-r--r--",
        f"{DOC}/examples/agency/clients/romashka/client.yaml": "-rw-r--r--",
        f"{DOC}/examples/cron/crontab": "-rw-r--r--",
        f"{DOC}/examples/cron/acct-digest.timer": "-rw-r--r--",
        "/usr/share/locale/ru/LC_MESSAGES/acct.mo": "-rw-r--r--",
    }
    for path, mode in wanted.items():
        check(listing.get(path) == mode, f"{path}: {listing.get(path, 'missing')}, not {mode}")
    check(not any("site-functions" in p for p in listing), "zsh completion left in site-functions")
    check(not any(p.startswith("/usr/share/man/man5/acct.5") for p in listing),
          "the package would clash with acct(5) of manpages")


def check_lintian(deb, tmp):
    # lintian leaves its ELF index (mldbm-elf-*) in TMPDIR: give it ours.
    r = run(["lintian", "--fail-on", "error,warning", "--display-level", ">=warning",
             "--show-overrides", deb], env=dict(os.environ, TMPDIR=tmp))
    check(r.returncode == 0 and r.stdout.strip() == "",
          f"lintian (exit {r.returncode}):\n{r.stdout}{r.stderr}")


def check_installed():
    ours = run([os.path.join(BUILD, "acct"), "--version"]).stdout
    r = run(["acct", "--version"], env={"PATH": "/usr/bin:/bin"})
    check(r.returncode == 0 and r.stdout == ours, f"acct --version: {r.stdout!r} {r.stderr!r}")
    r = run(["man", "-w", "acct"])
    check(r.stdout.strip() == "/usr/share/man/man1/acct.1.gz", f"man -w acct: {r.stdout}{r.stderr}")
    r = run(["man", "-w", "5", "acct-yaml"])
    check(r.stdout.strip() == "/usr/share/man/man5/acct-yaml.5.gz",
          f"man -w 5 acct-yaml: {r.stdout}{r.stderr}")
    r = run(["man", "-P", "cat", "acct-yaml"], env={"PATH": "/usr/bin:/bin", "MANWIDTH": "80"})
    check("the files of an acct workspace" in r.stdout, f"man acct-yaml:\n{r.stdout[:300]}{r.stderr}")
    complete = ('source /usr/share/bash-completion/completions/acct; complete -p acct; '
                'COMP_WORDS=(acct du); COMP_CWORD=1; _acct; echo "${COMPREPLY[*]}"; '
                'COMP_WORDS=(acct due --for); COMP_CWORD=2; _acct; echo "${COMPREPLY[*]}"; '
                'COMP_WORDS=(acct --lang r); COMP_CWORD=2; _acct; echo "${COMPREPLY[*]}"')
    r = run(["bash", "--norc", "-c", complete])
    check(r.stdout == "complete -F _acct acct\ndue\n--format\nru\n",
          f"bash completion: {r.stdout!r} {r.stderr!r}")
    args = ["-C", f"{DOC}/examples/agency", "--as-of", "2026-11-27", "due"]
    installed = run(["acct"] + args, env={"PATH": "/usr/bin:/bin"})
    built = run([os.path.join(BUILD, "acct"), "-C", os.path.join(SOURCE, "examples/agency")]
                + args[2:])
    check(installed.returncode == built.returncode and installed.stdout == built.stdout
          and installed.stdout.startswith("Overdue"),
          f"installed acct due on the examples:\n{installed.stdout}{installed.stderr}")
    # The installed binary finds its catalog in /usr/share/locale, under env -i.
    russian = run(["/usr/bin/acct", "--lang", "ru"] + args, env={})
    check(russian.stdout.startswith("Просрочено") and russian.stderr == "",
          f"installed acct --lang ru due:\n{russian.stdout}{russian.stderr}")


def purge():
    r = run(["dpkg", "--purge", PACKAGE])
    check(r.returncode == 0, f"dpkg --purge: {r.stdout}{r.stderr}")
    check(not os.path.exists("/usr/bin/acct") and not os.path.exists(DOC),
          "files left behind after purge")


def main():
    if os.geteuid() != 0:
        print("package: needs root for dpkg -i")
        return 77
    with tempfile.TemporaryDirectory() as tmp, \
            open("/tmp/acct-package-test.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        first = build_package(os.path.join(tmp, "one"))
        second = build_package(os.path.join(tmp, "two"))
        if not first or not second:
            return finish()
        with open(first, "rb") as a, open(second, "rb") as b:
            check(a.read() == b.read(), "two builds of the package differ (SOURCE_DATE_EPOCH)")
        check_contents(first)
        check_lintian(first, tmp)
        r = run(["dpkg", "-i", first])
        check(r.returncode == 0, f"dpkg -i: {r.stdout}{r.stderr}")
        try:
            if r.returncode == 0:
                check_installed()
        finally:
            purge()
    print(f"package: {os.path.basename(first)} built twice alike, lintian clean, "
          "installed, used and purged")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
