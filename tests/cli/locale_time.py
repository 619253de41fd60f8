#!/usr/bin/env python3
"""Locale and time: output is byte-identical under `env -i`, LC_ALL=C and
ru_RU.UTF-8; "today" is the local date under TZ, either side of midnight.

usage: locale_time.py ACCT EXAMPLE_WORKSPACE DIAGNOSTICS_WORKSPACE [--no-faketime]
Exits 77 (skipped) when faketime or the ru_RU.UTF-8 locale is missing:
`scripts/setup --test` installs both. --no-faketime leaves out the time
zones (libfaketime deadlocks under AddressSanitizer).
"""
import datetime
import email
import email.policy
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zoneinfo

from checks import check, finish

ACCT, EXAMPLE, DIAGNOSTICS = sys.argv[1:4]
WITH_FAKETIME = "--no-faketime" not in sys.argv[4:]
FAKETIME_LIB = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"


def has_ru_locale():
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    return any(l.lower().replace("-", "") == "ru_ru.utf8" for l in out)


def run(args, env, cwd=None):
    r = subprocess.run([ACCT] + args, env=env, capture_output=True, cwd=cwd, timeout=60)
    return r.returncode, r.stdout, r.stderr


def test_locales():
    path = os.environ.get("PATH", "/usr/bin:/bin")
    envs = {
        "env -i": {},
        "LC_ALL=C": {"PATH": path, "LC_ALL": "C", "TZ": "UTC"},
        "LANG=ru_RU.UTF-8": {"PATH": path, "LANG": "ru_RU.UTF-8", "TZ": "UTC"},
        "LC_ALL=ru_RU.UTF-8": {"PATH": path, "LC_ALL": "ru_RU.UTF-8", "LC_NUMERIC": "ru_RU.UTF-8",
                               "TZ": "UTC"},
    }
    commands = [
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "due"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "due", "--format", "json"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "check"],
        ["-C", DIAGNOSTICS, "--as-of", "2026-11-27", "check"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "log", "romashka", "call", "Звонок",
         "--next", "2w", "--duration", "1h30min", "--dry-run"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "invoice", "sakura", "redesign", "--dry-run"],
        ["-C", EXAMPLE, "--as-of", "2026-02-30", "due"],
        # Russian (SPEC 9): the catalog is found and used whatever the locale.
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "ru", "due"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "ru", "digest"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "ru", "digest", "--format", "html"],
        ["-C", os.path.join(os.path.dirname(DIAGNOSTICS), "ru"), "--as-of", "2026-11-27", "due"],
        ["-C", DIAGNOSTICS, "--as-of", "2026-11-27", "--lang", "ru", "check"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "ru", "report"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "ru", "health"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "ru", "brief", "acme"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "ru", "show", "romashka"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "ru", "explain", "acme"],
        ["-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "ru", "workload"],
    ]
    # A word each Russian run must hold (due and the digest: "Просрочено").
    russian_word = {"check": "ошибок", "report": "Отчёт по клиентам", "health": "оценка",
                    "brief": "Отчёт о работе", "show": "Договоры", "explain": "нет напоминания",
                    "workload": "Нагрузка"}
    for args in commands:
        results = {name: run(args, env) for name, env in envs.items()}
        first = results["env -i"]
        for name, r in results.items():
            check(r == first, f"{' '.join(args[3:])}: output under {name} differs from env -i")
        if "ru" in args or args[1].endswith("ru"):
            word = russian_word.get(args[6] if len(args) > 6 else "", "Просрочено")
            check(word.encode() in first[1] and first[2] == b"",
                  f"{' '.join(args)}: not in Russian under env -i: {first[2]!r}")
    print(f"locales: {len(commands)} commands byte-identical under {len(envs)} environments")


def test_russian_mail():
    """The digest mail of a `lang: ru` workspace: its subject and text decode
    (Python's email parser) to the same Russian under every locale."""
    path = os.environ.get("PATH", "/usr/bin:/bin")
    ru = os.path.join(os.path.dirname(DIAGNOSTICS), "ru")
    args = ["-C", ru, "--as-of", "2026-11-27", "digest", "--format", "email", "--to",
            "anna@example.com"]
    seen = set()
    for env in ({}, {"PATH": path, "LC_ALL": "C"}, {"PATH": path, "LANG": "ru_RU.UTF-8"}):
        code, out, err = run(args, env)
        msg = email.message_from_bytes(out, policy=email.policy.default)
        subject = str(msg["Subject"])
        text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
        check(code == 0 and err == b"", f"digest mail under {env}: {code} {err!r}")
        check(subject == "acct: просрочено 5, на сегодня 1 (пт 27.11)",
              f"digest mail subject under {env}: {subject!r}")
        check(text.startswith("Сводка acct на пт 27.11\n"), f"digest mail text: {text[:60]!r}")
        seen.add((subject, text))
    check(len(seen) == 1, "digest mail: subject or text differ between locales")
    print("russian mail: the subject and text decode to the same Russian under 3 environments")


def local_date_at(instant, zone):
    return instant.astimezone(zoneinfo.ZoneInfo(zone)).date().isoformat()


def test_today_follows_tz():
    zones = ["UTC", "Asia/Tokyo", "America/New_York", "Pacific/Kiritimati", "Etc/GMT+12",
             "Europe/Moscow"]
    instants = [datetime.datetime(2026, 11, 27, 23, 59, 0, tzinfo=datetime.timezone.utc),
                datetime.datetime(2026, 11, 28, 0, 0, 30, tzinfo=datetime.timezone.utc),
                datetime.datetime(2026, 12, 31, 23, 59, 30, tzinfo=datetime.timezone.utc)]
    checked = 0
    for instant in instants:
        for zone in zones:
            # A relative offset: libfaketime reads an absolute one in the
            # child's own TZ, which is what is under test.
            offset = int(instant.timestamp() - time.time())
            env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": zone,
                   "LD_PRELOAD": FAKETIME_LIB, "FAKETIME": f"{offset:+d}s",
                   "FAKETIME_DONT_RESET": "1"}
            code, out, err = run(["-C", EXAMPLE, "due", "--format", "json"], env)
            want = local_date_at(instant, zone)
            got = out.decode().split('"as_of": "')[1][:10] if b'"as_of"' in out else err
            check(got == want, f"{instant.isoformat()} in {zone}: as-of {got}, want {want}")
            checked += 1
    print(f"today: {checked} instants and zones either side of midnight")


def test_missing_catalog():
    """A binary away from its catalog says so once and writes English."""
    if os.path.exists("/usr/local/share/locale/ru/LC_MESSAGES/acct.mo"):
        print("missing catalog: skipped, /usr/local holds an installed one")
        return
    with tempfile.TemporaryDirectory() as tmp:
        lonely = os.path.join(tmp, "bin", "acct")
        os.makedirs(os.path.dirname(lonely))
        shutil.copy(ACCT, lonely)
        r = subprocess.run([lonely, "-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "ru", "due"],
                           env={}, capture_output=True, timeout=60)
    english = subprocess.run([ACCT, "-C", EXAMPLE, "--as-of", "2026-11-27", "--lang", "en", "due"],
                             env={}, capture_output=True, timeout=60).stdout
    want = (f"acct: warning: no catalog for lang 'ru': tried {tmp}/bin/locale/ru/LC_MESSAGES/"
            f"acct.mo, {tmp}/share/locale/ru/LC_MESSAGES/acct.mo, ").encode()
    check(r.returncode == 0 and r.stderr.startswith(want) and r.stderr.count(b"\n") == 1
          and r.stdout == english and r.stdout.startswith(b"Overdue ("),
          f"missing catalog: exit {r.returncode}, {r.stderr!r}, {r.stdout[:40]!r}")
    print("missing catalog: one warning, English")


def main():
    if (WITH_FAKETIME and not os.path.exists(FAKETIME_LIB)) or not has_ru_locale():
        print("skipped: needs faketime and the ru_RU.UTF-8 locale (scripts/setup --test)")
        return 77
    test_locales()
    test_missing_catalog()
    test_russian_mail()
    if WITH_FAKETIME:
        test_today_follows_tz()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
