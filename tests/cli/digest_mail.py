#!/usr/bin/env python3
"""The digest as mail: the message parses with Python's email package
(policy=default) exactly as meant, data cannot inject headers or MIME parts,
--send hands over the whole message or reports why not, and a real mail
transfer agent delivers it to a mailbox, decoded correctly.

usage: digest_mail.py ACCT MAIL_WORKSPACE EXAMPLE_WORKSPACE [--no-mta]

The delivery needs root and exim4 (scripts/setup --test); it makes the
mail user `acctmail` (with a home) when it is missing.
"""
import email
import email.policy
import json
import mailbox
import os
import pwd
import shutil
import stat
import subprocess
import sys
import time

from checks import check, finish, scratch

ACCT, MAIL_WS, EXAMPLE = sys.argv[1:4]
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin:/usr/sbin:/sbin"), "TZ": "Europe/Moscow",
       "LC_ALL": "C.UTF-8"}
LONG_SUBJECT = ("Ежедневная сводка acct: просроченные счета, продления договоров "
                "и звонки клиентам — пятница, 27 ноября")


def acct(ws, *args, env=None):
    return subprocess.run([ACCT, "-C", ws, "--as-of", "2026-11-27", *args],
                          env=dict(ENV, **(env or {})), capture_output=True, timeout=60)


def parse(raw):
    return email.message_from_bytes(raw, policy=email.policy.default)


def check_message(raw, subject, where):
    lines = raw.split(b"\r\n")
    check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""),
          f"{where}: line ends are not all CRLF")
    check(all(len(l) <= 998 for l in lines), f"{where}: a line longer than 998 bytes")
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    check(all(len(l) <= 78 for l in head), f"{where}: a header line longer than 78")
    check(all(l.isascii() for l in head), f"{where}: a header that is not ASCII")
    m = parse(raw)
    check(str(m["Subject"]) == subject, f"{where}: subject {m['Subject']!r}")
    check(m.get_content_type() == "multipart/alternative", f"{where}: {m.get_content_type()}")
    parts = list(m.iter_parts())
    check([p.get_content_type() for p in parts] == ["text/plain", "text/html"],
          f"{where}: parts {[p.get_content_type() for p in parts]}")
    check(m["Date"].datetime is not None, f"{where}: Date does not parse: {m['Date']}")
    check(m["Message-ID"].startswith("<acct.") and m["Message-ID"].endswith(">"),
          f"{where}: Message-ID {m['Message-ID']}")
    boundary = m.get_boundary()
    for p in parts:
        check(boundary.encode() not in p.get_payload(decode=True),
              f"{where}: the boundary appears in a part")
    return m, parts


def test_message():
    r = acct(MAIL_WS, "digest", "--format", "email", "--subject", LONG_SUBJECT,
             "--from", "Анна Иванова <anna@example.com>")
    check(r.returncode == 0, f"email: exit {r.returncode} {r.stderr}")
    m, parts = check_message(r.stdout, LONG_SUBJECT, "email")
    check(str(m["From"]) == "Анна Иванова <anna@example.com>", f"From {m['From']!r}")
    # No header came from the data: only those acct writes.
    names = sorted(set(k.lower() for k in m.keys()))
    check(names == ["auto-submitted", "content-type", "date", "from", "message-id",
                    "mime-version", "subject", "to"], f"headers {names}")
    check(m["Bcc"] is None, "a Bcc header was injected")
    text, html = (p.get_content() for p in parts)
    check("Acme\\r\\nBcc: x@example.com" in text, "the injected name is not shown escaped")
    check("Ж" * 600 in text, "the long client name is not whole in the text part")
    check("<h1>forged part</h1>" not in html and "&lt;h1&gt;forged part&lt;/h1&gt;" in html,
          "HTML data is not escaped")
    check(len(parts) == 2, "a forged MIME part appeared")
    # The date is now in Moscow time, whatever the locale.
    check(m["Date"].datetime.utcoffset().total_seconds() == 3 * 3600,
          f"Date offset {m['Date']}")


def test_russian():
    """lang: ru in acct.yaml: the default subject and both parts in Russian."""
    ws = os.path.join(os.path.dirname(MAIL_WS), "ru")
    due = json.loads(acct(ws, "due", "--format", "json").stdout)
    overdue = sum(1 for i in due["items"] if i["status"] == "overdue")
    today = sum(1 for i in due["items"] if i["status"] == "today")
    r = acct(ws, "digest", "--format", "email", "--to", "anna@example.com", env={"LC_ALL": "C"})
    check(r.returncode == 0, f"ru email: exit {r.returncode} {r.stderr}")
    subject = f"acct: просрочено {overdue}, на сегодня {today} (пт 27.11)"
    m, parts = check_message(r.stdout, subject, "ru email")
    text, html = (p.get_content() for p in parts)
    check(text.replace("\r\n", "\n").startswith("Сводка acct на пт 27.11\n"),
          f"ru text part: {text[:80]!r}")
    check("Просрочено (" in text and "Ждём оплаты" in text, f"ru text part: {text!r}")
    check('<html lang="ru">' in html and "Просрочено (" in html, "ru HTML part")


def test_refusals():
    for args, words in [(["--to", "a@example.com\r\nBcc: x@example.com"], "--to holds a line break"),
                        (["--subject", "Hi\nBcc: x@example.com"], "--subject holds a line break"),
                        (["--from", "a@example.com\rX: y"], "--from holds a line break")]:
        r = acct(MAIL_WS, "digest", "--format", "email", *args)
        check(r.returncode == 64 and words.encode() in r.stderr and r.stdout == b"",
              f"refusal {args}: {r.returncode} {r.stderr}")
    r = acct(EXAMPLE, "digest", "--format", "email", "--to", "")
    check(r.returncode == 64 and b"no recipient" in r.stderr, f"no recipient: {r.stderr}")


def fake_sendmail(folder, body):
    path = os.path.join(folder, "sendmail")
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body)
    os.chmod(path, 0o755)
    return path


def with_sendmail(command):
    ws = scratch("acct-mail-")
    shutil.copytree(MAIL_WS, ws, dirs_exist_ok=True)
    with open(os.path.join(ws, "acct.yaml"), "a") as f:
        f.write(f"  sendmail: {command}\n")
    return ws


def test_send():
    tmp = scratch("acct-sendmail-")
    out = os.path.join(tmp, "message")
    ok = fake_sendmail(tmp, f'echo "$@" > {out}.args\ncat > {out}\n')
    r = acct(with_sendmail(f"{ok} -t -i"), "digest", "--send", "--subject", LONG_SUBJECT)
    check(r.returncode == 0 and r.stdout == b"", f"--send: {r.returncode} {r.stdout} {r.stderr}")
    with open(out, "rb") as f:
        raw = f.read()
    with open(out + ".args") as f:
        check(f.read().split() == ["-t", "-i"], "sendmail arguments")
    check(b"\r" not in raw, "--send pipes local line ends to sendmail")
    check_message(raw.replace(b"\n", b"\r\n"), LONG_SUBJECT, "--send")

    # Split as a shell would: the quoted command is one argument of sh -c.
    quoted = os.path.join(tmp, "quoted")
    r = acct(with_sendmail(f'sh -c "cat > \\"{quoted}\\""'), "digest", "--send")
    check(r.returncode == 0 and os.path.exists(quoted) and os.path.getsize(quoted) > 0,
          f"sendmail as sh -c \"...\": {r.returncode} {r.stderr}")
    r = acct(with_sendmail("sendmail -t | tee x"), "digest", "--send")
    check(r.returncode == 64 and b"'|' at character 13 needs a shell" in r.stderr,
          f"a pipe in digest.sendmail: {r.returncode} {r.stderr}")

    r = acct(with_sendmail(os.path.join(tmp, "no-such-sendmail")), "digest", "--send")
    check(r.returncode == 69 and b"install a mail transfer agent" in r.stderr,
          f"missing sendmail: {r.returncode} {r.stderr}")
    failing = fake_sendmail(tmp, 'cat >/dev/null\necho "queue is full" >&2\nexit 75\n')
    r = acct(with_sendmail(failing), "digest", "--send")
    check(r.returncode == 75 and b"exited with status 75: queue is full" in r.stderr,
          f"failing sendmail: {r.returncode} {r.stderr}")
    early = fake_sendmail(tmp, "exit 1\n")
    r = acct(with_sendmail(early), "digest", "--send")
    check(r.returncode == 75, f"sendmail that reads nothing: {r.returncode} {r.stderr}")


def test_if_any():
    # Nothing overdue or due today: a client whose follow-up is weeks away.
    quiet = scratch("acct-quiet-")
    os.makedirs(os.path.join(quiet, "calm"))
    with open(os.path.join(quiet, "acct.yaml"), "w") as f:
        f.write("owner: anna\n")
    with open(os.path.join(quiet, "calm", "client.yaml"), "w") as f:
        f.write("name: Calm\ncontracts: [{id: pilot}]\ninteractions:\n"
                "  - {date: 2026-11-20, kind: call, next: 2026-12-10}\n")
    r = acct(quiet, "digest", "--if-any", "--owner", "anna")
    check(r.returncode == 0 and r.stdout == b"" and r.stderr == b"",
          f"--if-any with nothing due: {r.returncode} {r.stdout!r} {r.stderr!r}")
    r = acct(quiet, "digest", "--if-any", "--send", "--owner", "anna",
             env={"PATH": "/nonexistent"})
    check(r.returncode == 0 and r.stdout == b"", "--if-any --send with nothing due still ran")


def ensure_mail_user(user):
    """The local user exim delivers to, with a home: Debian's exim changes
    into the recipient's home before it writes the mailbox, and defers the
    message when there is none. Made from nothing, or mended from what an
    earlier run (or an older version of this test) left: a user without a
    home, a mailbox owned by someone else."""
    try:
        entry = pwd.getpwnam(user)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/usr/sbin/nologin", user],
                       check=True)
        entry = pwd.getpwnam(user)
    if not os.path.isdir(entry.pw_dir):
        os.makedirs(entry.pw_dir, mode=0o755)
        os.chown(entry.pw_dir, entry.pw_uid, entry.pw_gid)
    # exim refuses a mailbox that is not the user's own ("wrong uid").
    box = f"/var/mail/{user}"
    if os.path.exists(box) and os.stat(box).st_uid != entry.pw_uid:
        os.chown(box, entry.pw_uid, -1)


def ensure_exim(exim):
    """exim's configuration is generated from debconf's answers by
    update-exim4.conf; a fresh install has it, an interrupted one may not.
    No daemon is needed: `sendmail -t` delivers locally by itself."""
    if not os.path.exists("/var/lib/exim4/config.autogenerated"):
        subprocess.run(["update-exim4.conf"], check=True)
    r = subprocess.run([exim, "-bV"], capture_output=True, text=True)
    check(r.returncode == 0, f"mta: exim's configuration does not load: {r.stdout}{r.stderr}")
    return r.returncode == 0


def exim_log_tail(mark):
    try:
        with open("/var/log/exim4/mainlog", errors="replace") as f:
            lines = [l for l in f if mark in l]
        return "".join(lines[-3:]) or "(nothing about it in /var/log/exim4/mainlog)"
    except OSError as e:
        return f"(no exim log: {e})"


def test_mta():
    """Through exim (Debian's exim4-daemon-light) into a local mailbox."""
    exim = shutil.which("exim4", path="/usr/sbin:/usr/bin")
    if os.geteuid() != 0 or not exim:
        print("mta: skipped (needs root and exim4: scripts/setup --test)")
        return False
    user = "acctmail"
    ensure_mail_user(user)
    if not ensure_exim(exim):
        return True
    box = f"/var/mail/{user}"
    # What earlier runs delivered, unless a run may be reading it right now.
    if os.path.exists(box) and time.time() - os.path.getmtime(box) > 3600:
        os.remove(box)
    # Other checkouts may run this test at the same time, and a message an
    # earlier run left in exim's queue may arrive late: look for this run's
    # own message, by a token in its subject, and leave the others alone.
    token = f"{os.getpid()}-{time.time_ns()}"
    subject = f"{LONG_SUBJECT} [{token}]"
    ws = with_sendmail("/usr/sbin/sendmail -t -i")
    r = acct(ws, "digest", "--send", "--to", f"{user}@localhost", "--subject", subject)
    check(r.returncode == 0, f"mta: {r.returncode} {r.stderr}")

    def ours():
        if not os.path.exists(box):
            return []
        return [m for m in mailbox.mbox(box, factory=lambda f: email.message_from_binary_file(
            f, policy=email.policy.default)) if token in str(m["Subject"])]

    deadline = time.monotonic() + 60
    messages = ours()
    while not messages and time.monotonic() < deadline:
        time.sleep(0.2)
        messages = ours()
    if not check(len(messages) == 1,
                 f"mta: {len(messages)} messages with subject [{token}] in {box}; exim says:\n"
                 f"{exim_log_tail(user)}"):
        return True
    m = messages[0]
    check(str(m["Subject"]) == subject, f"mta: subject {m['Subject']!r}")
    text, html = (p.get_content() for p in m.iter_parts())
    check("Ж" * 600 in text and "Acme\\r\\nBcc: x@example.com" in text, "mta: text part")
    check("&lt;h1&gt;forged part&lt;/h1&gt;" in html, "mta: html part")
    check(m["Bcc"] is None, "mta: Bcc injected")
    print(f"mta: delivered by exim to {box} and decoded")
    return True


def main():
    test_message()
    test_russian()
    test_refusals()
    test_send()
    test_if_any()
    if "--no-mta" not in sys.argv[4:]:
        test_mta()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
