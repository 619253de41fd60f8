#!/usr/bin/env python3
"""Random edit sequences against the cache of parsed files.

usage: cache_props.py ACCT WORKSPACE [STEPS] [SEED]

Copies WORKSPACE, then applies random edits (a same-size rewrite in the same
second, touch, mv over, delete, add, chmod 000, a client folder that can be
listed but not entered, symlink swap, an acct.yaml
change, a run with the clock set back by faketime), each followed by a run
with the cache and one without: `check` and `due --format json` must print
the same bytes and exit the same. Runs as a non-root user when started as
root, so that chmod 000 bites. Exits 1 on the first difference, with the
sequence that led to it.
"""
import os
import random
import shutil
import subprocess
import sys
import time

from checks import as_nobody, scratch

ACCT, EXAMPLE = sys.argv[1], sys.argv[2]
STEPS = int(sys.argv[3]) if len(sys.argv) > 3 else 60
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 20261127
AS_OF = "2026-11-27"
FAKETIME = shutil.which("faketime")


class Sandbox:
    """A workspace, a cache folder and the binary, all usable by nobody."""

    def __init__(self):
        self.root = scratch("acct-props-")
        os.chmod(self.root, 0o755)
        self.ws = os.path.join(self.root, "ws")
        shutil.copytree(EXAMPLE, self.ws)
        os.makedirs(os.path.join(self.ws, "_store"))
        self.home = os.path.join(self.root, "home")
        os.makedirs(self.home)
        self.acct = os.path.join(self.root, "acct")
        shutil.copy(ACCT, self.acct)
        for folder, dirs, files in os.walk(self.root):
            os.chmod(folder, 0o777)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o755 if name == "acct" else 0o666)
        self.stats = os.path.join(self.root, "stats")

    def run(self, *args, cache=True, clock=None):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC",
               "LC_ALL": "C.UTF-8"}
        if cache:
            env["XDG_CACHE_HOME"] = self.home
            env["ACCT_CACHE_STATS"] = self.stats
        else:
            env["ACCT_CACHE"] = "off"
        cmd = [self.acct, "-C", self.ws, "--as-of", AS_OF] + list(args)
        if clock:
            cmd = [FAKETIME, "-f", clock] + cmd
        r = subprocess.run(cmd, env=env, capture_output=True, preexec_fn=as_nobody(),
                           timeout=60)
        return (r.returncode, r.stdout, r.stderr)


def record_files(box):
    out = []
    for folder, dirs, files in os.walk(box.ws):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for name in files:
            if name.endswith((".yaml", ".yml")) and folder != box.ws:
                out.append(os.path.join(folder, name))
    return sorted(out)


def same_size_rewrite(box, rng):
    path = rng.choice(record_files(box))
    if os.path.islink(path):
        return "skip"
    data = bytearray(open(path, "rb").read())
    digits = [i for i, b in enumerate(data) if 0x30 <= b <= 0x39]
    if not digits:
        return "skip"
    i = rng.choice(digits)
    data[i] = 0x30 + (data[i] - 0x30 + rng.randint(1, 9)) % 10
    st = os.stat(path)
    with open(path, "r+b") as f:  # in place: same inode, same size, same second
        f.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # even the mtime kept
    return f"rewrite {os.path.relpath(path, box.ws)} byte {i}"


def touch(box, rng):
    path = rng.choice(record_files(box))
    os.utime(path)
    return f"touch {os.path.relpath(path, box.ws)}"


def move_over(box, rng):
    path = rng.choice(record_files(box))
    if os.path.islink(path):
        return "skip"
    text = open(path, "rb").read()
    temp = path + ".new"
    with open(temp, "wb") as f:
        f.write(text + b"\n# moved over\n")
    os.chmod(temp, 0o666)
    os.rename(temp, path)
    return f"mv over {os.path.relpath(path, box.ws)}"


def delete(box, rng):
    files = record_files(box)
    if len(files) < 4:
        return "skip"
    path = rng.choice(files)
    os.unlink(path)
    return f"delete {os.path.relpath(path, box.ws)}"


def add(box, rng):
    folders = sorted({os.path.dirname(p) for p in record_files(box)
                      if p.endswith("/client.yaml")})
    if not folders:
        return "skip"
    folder = rng.choice(folders)
    name = f"extra-{rng.randint(0, 99)}.yaml"
    day = rng.randint(1, 28)
    with open(os.path.join(folder, name), "w") as f:
        f.write(f"interactions:\n  - date: 2026-11-{day:02d}\n    kind: call\n"
                f"    summary: added\n    next: 2026-12-{day:02d}\n")
    os.chmod(os.path.join(folder, name), 0o666)
    return f"add {os.path.relpath(folder, box.ws)}/{name}"


def chmod(box, rng):
    path = rng.choice(record_files(box))
    mode = os.stat(path).st_mode & 0o777
    os.chmod(path, 0o666 if mode == 0 else 0)
    return f"chmod {'666' if mode == 0 else '000'} {os.path.relpath(path, box.ws)}"


def folder_mode(box, rng):
    """A client folder nobody can list but not enter (mode 666), or back."""
    clients = os.path.join(box.ws, "clients")
    folder = os.path.join(clients, rng.choice(sorted(os.listdir(clients))))
    mode = os.stat(folder).st_mode & 0o777
    os.chmod(folder, 0o777 if mode == 0o666 else 0o666)
    return f"chmod {'777' if mode == 0o666 else '666'} {os.path.relpath(folder, box.ws)}/"


def symlink_swap(box, rng):
    path = rng.choice(record_files(box))
    store = os.path.join(box.ws, "_store")
    a, b = os.path.join(store, "a.yaml"), os.path.join(store, "b.yaml")
    if not os.path.exists(a):
        with open(a, "w") as f:
            f.write("tasks:\n  - title: from a\n    due: 2026-11-20\n")
        with open(b, "w") as f:
            f.write("tasks:\n  - title: from b\n    due: 2026-11-21\n")
        os.chmod(a, 0o666)
        os.chmod(b, 0o666)
    target = b if os.path.islink(path) and os.readlink(path) == a else a
    os.unlink(path)
    os.symlink(target, path)
    return f"symlink {os.path.relpath(path, box.ws)} -> {os.path.basename(target)}"


def config_change(box, rng):
    path = os.path.join(box.ws, "acct.yaml")
    text = open(path).read()
    lines = [line for line in text.splitlines() if not line.startswith("owner:")]
    choice = rng.choice(["Anna", "Ben", None])
    if choice:
        lines.insert(0, f"owner: {choice}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return f"acct.yaml owner {choice}"


EDITS = [same_size_rewrite, touch, move_over, delete, add, chmod, folder_mode, symlink_swap,
         config_change]


def main():
    rng = random.Random(SEED)
    box = Sandbox()
    done = []
    served = 0
    for step in range(STEPS):
        edit = rng.choice(EDITS)
        what = edit(box, rng)
        clock = None
        if FAKETIME and rng.random() < 0.15:
            clock = "-1d"
            what += " (clock set back a day)"
        done.append(what)
        # Runs right after an edit are "racy": age the workspace now and
        # then, as time would, so that the cache gets used.
        if rng.random() < 0.5:
            past = time.time() - 3600
            for p in record_files(box) + [os.path.join(box.ws, "acct.yaml")]:
                if os.path.exists(p) and not os.path.islink(p):
                    os.utime(p, (past, past))
            done.append("age every file an hour")
        for args in (["check"], ["due", "--format", "json"]):
            cached = box.run(*args, clock=clock)
            plain = box.run(*args, cache=False)
            if cached != plain:
                print(f"step {step}: 'acct {' '.join(args)}' differs with the cache")
                print("edits:\n  " + "\n  ".join(done))
                print(f"cached: {cached[0]}\n{cached[1].decode()}\n{cached[2].decode()}")
                print(f"plain: {plain[0]}\n{plain[1].decode()}\n{plain[2].decode()}")
                return 1
        if os.path.exists(box.stats):
            for line in open(box.stats).read().splitlines():
                served += int(dict(f.split("=") for f in line.split())["cached"])
            os.unlink(box.stats)
    if served == 0:
        print("the cache never served a file: the test tested nothing")
        return 1
    print(f"{STEPS} edits, {served} files served from the cache, all as without it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
