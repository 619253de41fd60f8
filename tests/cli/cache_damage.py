#!/usr/bin/env python3
"""A damaged or unusable cache never changes what acct prints.

usage: cache_damage.py ACCT WORKSPACE

For a cache with one byte flipped anywhere, a truncated, corrupt,
zero-length, foreign (another format version), read-only and unreadable
cache, a cache folder that is a file, and no XDG_CACHE_HOME nor HOME:
`check`, `due --format json` and `export interactions` print exactly what
they print without a cache, with nothing on stderr about the cache; a
damaged cache that can be written is made again. Runs as a non-root user
when started as root, so that permissions bite.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

from checks import as_nobody, check, finish, scratch

ACCT, EXAMPLE = sys.argv[1], sys.argv[2]
AS_OF = "2026-11-27"
root = scratch("acct-damage-")
os.chmod(root, 0o755)
ws = os.path.join(root, "ws")
shutil.copytree(EXAMPLE, ws)
binary = os.path.join(root, "acct")
shutil.copy(ACCT, binary)
past = time.time() - 3600
for folder, dirs, files in os.walk(root):
    os.chmod(folder, 0o755)
    for name in files:
        os.chmod(os.path.join(folder, name), 0o755 if name == "acct" else 0o644)
        os.utime(os.path.join(folder, name), (past, past))


def run(args, env_extra, base=True):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8"}
    if not base:
        env = {}
    env.update(env_extra)
    r = subprocess.run([binary, "-C", ws, "--as-of", AS_OF] + args, env=env,
                       capture_output=True, preexec_fn=as_nobody(), timeout=60)
    return (r.returncode, r.stdout, r.stderr)


def fresh_home():
    home = tempfile.mkdtemp(prefix="home-", dir=root)
    os.chmod(home, 0o777)
    return home


def stats_of(path):
    if not os.path.exists(path):
        return None
    line = open(path).read().splitlines()[-1]
    os.unlink(path)
    return dict((k, int(v)) for k, v in (f.split("=") for f in line.split()))


# check and due read only the head of each cache entry (the fields);
# export interactions reads the tail too.
COMMANDS = [["check"], ["due", "--format", "json"], ["export", "interactions"]]
plain = {tuple(c): run(c, {"ACCT_CACHE": "off"}) for c in COMMANDS}


def same_as_plain(env, what):
    for c in COMMANDS:
        got = run(c, env)
        check(got == plain[tuple(c)], f"{what}: 'acct {' '.join(c)}' differs: {got[2][:300]!r}")


def cache_file(home):
    folder = os.path.join(home, "acct")
    names = [n for n in os.listdir(folder) if n.endswith(".cache")] if os.path.isdir(folder) else []
    return os.path.join(folder, names[0]) if names else None


def damaged(name, damage, rebuilt=True):
    home = fresh_home()
    stats = os.path.join(home, "stats")
    env = {"XDG_CACHE_HOME": home, "ACCT_CACHE_STATS": stats}
    same_as_plain(env, f"{name}: first run")
    path = cache_file(home)
    check(path is not None, f"{name}: no cache was written")
    if path is None:
        return
    damage(path)
    os.utime(path, (past, past)) if os.path.exists(path) and not os.path.islink(path) else None
    stats_of(stats)
    same_as_plain(env, name)
    if rebuilt:
        stats_of(stats)
        same_as_plain(env, f"{name}: the run after")
        s = stats_of(stats)
        check(s is not None and s["parsed"] == 0 and s["cached"] > 0,
              f"{name}: the cache was not made again ({s})")


def truncate(path):
    data = open(path, "rb").read()
    open(path, "wb").write(data[: len(data) // 2])


def zero(path):
    open(path, "wb").close()


def corrupt(path):
    data = bytearray(open(path, "rb").read())
    data[len(data) // 2] ^= 0x5A
    open(path, "wb").write(bytes(data))


def foreign(path):
    data = bytearray(open(path, "rb").read())
    data[16:20] = (99).to_bytes(4, "little")  # another format version
    open(path, "wb").write(bytes(data))


def garbage(path):
    open(path, "wb").write(os.urandom(5000))


def read_only(path):
    os.chmod(path, 0o444)
    os.chmod(os.path.dirname(path), 0o555)


def read_only_stale(path):
    read_only(path)
    # Changed, but not just now: a file changed in the last seconds is read
    # again on every run until a cache is written after it.
    os.utime(os.path.join(ws, "clients", sorted(os.listdir(os.path.join(ws, "clients")))[0],
                          "client.yaml"), (past - 60, past - 60))


def unreadable(path):
    os.chmod(path, 0o000)


def a_folder(path):
    os.unlink(path)
    os.makedirs(path)


def flipped_anywhere():
    """One byte flipped at offsets spread over the whole cache: the header,
    entries' heads and tails, their checksums. Each is caught, never served."""
    home = fresh_home()
    env = {"XDG_CACHE_HOME": home}
    same_as_plain(env, "sweep: first run")
    path = cache_file(home)
    check(path is not None, "sweep: no cache was written")
    if path is None:
        return
    good = open(path, "rb").read()
    step = max(1, len(good) // 40)
    for at in list(range(0, len(good), step)) + [len(good) - 1]:
        data = bytearray(good)
        data[at] ^= 0x01
        open(path, "wb").write(bytes(data))
        os.utime(path, (past, past))
        same_as_plain(env, f"byte {at} of {len(good)} flipped")


def main():
    flipped_anywhere()
    damaged("truncated", truncate)
    damaged("corrupt", corrupt)
    damaged("zero-length", zero)
    damaged("foreign version", foreign)
    damaged("random bytes", garbage)
    # As nobody, a read-only cache folder cannot be replaced: still right,
    # still quiet, and the old cache is used as it is.
    damaged("read-only", read_only)
    damaged("read-only and stale", read_only_stale, rebuilt=False)
    damaged("unreadable", unreadable)
    damaged("a folder in its place", a_folder, rebuilt=False)

    # The cache folder is a file: no cache, silently.
    home = fresh_home()
    open(os.path.join(home, "acct"), "w").close()
    same_as_plain({"XDG_CACHE_HOME": home}, "cache folder is a file")
    # cron's env -i: neither XDG_CACHE_HOME nor HOME.
    for c in COMMANDS:
        got = run(c, {"TZ": "UTC"}, base=False)
        want = run(c, {"TZ": "UTC", "ACCT_CACHE": "off"}, base=False)
        check(got == want, f"env -i: 'acct {' '.join(c)}' differs")
    # HOME alone: ~/.cache/acct.
    home = fresh_home()
    same_as_plain({"HOME": home}, "HOME only")
    check(cache_file(os.path.join(home, ".cache")) is not None, "HOME only: no ~/.cache/acct")
    # --no-cache and ACCT_CACHE=off neither read nor write it.
    home = fresh_home()
    same_as_plain({"XDG_CACHE_HOME": home, "ACCT_CACHE": "off"}, "ACCT_CACHE=off")
    check(cache_file(home) is None, "ACCT_CACHE=off wrote a cache")
    got = run(["--no-cache", "check"], {"XDG_CACHE_HOME": home})
    check(got == plain[("check",)], "--no-cache differs")
    check(cache_file(home) is None, "--no-cache wrote a cache")
    # cache info and clear.
    run(["check"], {"XDG_CACHE_HOME": home})
    info = run(["cache", "info"], {"XDG_CACHE_HOME": home})
    check(info[0] == 0 and b"files: " in info[1], f"cache info: {info}")
    cleared = run(["cache", "clear"], {"XDG_CACHE_HOME": home})
    check(cleared[0] == 0 and cache_file(home) is None, f"cache clear: {cleared}")
    info = run(["cache", "info"], {"XDG_CACHE_HOME": home})
    check(b"none yet" in info[1], f"cache info after clear: {info}")
    # A cache unused for 90 days is removed by the next acct that writes one.
    old = os.path.join(home, "acct", "0000000000000000.cache")
    open(old, "wb").write(b"x")
    ancient = time.time() - 91 * 86400
    os.utime(old, (ancient, ancient))
    run(["check"], {"XDG_CACHE_HOME": home})
    check(not os.path.exists(old), "a cache unused for 91 days is still there")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
