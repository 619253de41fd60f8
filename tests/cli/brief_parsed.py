#!/usr/bin/env python3
"""acct brief read back by real parsers: Debian's cmark renders the Markdown
to the headings expected, Python's email package parses --format email
(multipart/alternative, to the primary contact or --to-contact), --send hands
the whole message to digest.sendmail, --log appends the report interaction,
and data that looks like markup comes out inert.

usage: brief_parsed.py ACCT EXAMPLE_WORKSPACE INJECT_WORKSPACE
"""
import email
import email.policy
import os
import shutil
import subprocess
import sys
import tempfile

from checks import check, finish

ACCT, EXAMPLE, INJECT = sys.argv[1:4]
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "TZ": "UTC"}


def acct(ws, *args, env=None):
    return subprocess.run([ACCT, "-C", ws, "--as-of", "2026-11-27", *args],
                          env=dict(ENV, **(env or {})), capture_output=True, timeout=60)


def headings(markdown):
    html = subprocess.run(["cmark"], input=markdown, capture_output=True, check=True).stdout
    out = []
    for line in html.decode().splitlines():
        for level in ("h1", "h2"):
            if line.startswith(f"<{level}>"):
                out.append((level, line[4:-5]))
    return out, html.decode()


def main():
    if not shutil.which("cmark"):
        print("cmark is missing: scripts/setup --test")
        return 77
    r = acct(EXAMPLE, "brief", "acme")
    check(r.returncode == 0, f"brief acme: {r.returncode} {r.stderr!r}")
    got, _ = headings(r.stdout)
    check(got == [("h1", "Status report for Acme Corp"), ("h2", "What was done"),
                  ("h2", "In progress"), ("h2", "Decisions"), ("h2", "Results"),
                  ("h2", "Invoices")], f"acme headings: {got}")

    r = acct(EXAMPLE, "brief", "romashka")
    got, _ = headings(r.stdout)
    check(got and got[0] == ("h1", "Отчёт о работе для ООО «Ромашка»"),
          f"romashka is written in Russian: {got}")

    r = acct(INJECT, "brief", "evil")
    got, html = headings(r.stdout)
    check("<script>" not in html and "<img" not in html and "<svg" not in html.replace("&lt;/svg", ""),
          f"Markdown carries no live markup: {html}")
    check("<strong>" not in html and "<em>" not in html and "<a " not in html,
          f"emphasis and links stay literal: {html}")
    r = acct(INJECT, "brief", "evil", "--format", "html")
    page = r.stdout.decode()
    check("<script" not in page and "<img" not in page and "</svg>" not in page,
          "HTML carries no live markup")
    check("&lt;script&gt;alert(1)&lt;/script&gt;" in page, "the metric name shows as text")
    check("http" not in page.replace("http://e.example", ""), "no external resource")

    # The email, as the digest builds one.
    r = acct(EXAMPLE, "brief", "acme", "--format", "email")
    check(r.returncode == 0, f"email: {r.returncode} {r.stderr!r}")
    m = email.message_from_bytes(r.stdout, policy=email.policy.default)
    check(m["To"] == "Jane Doe <jane@acme.example>", f"To: {m['To']}")
    check(m.get_content_type() == "multipart/alternative", m.get_content_type())
    parts = [p.get_content_type() for p in m.iter_parts()]
    check(parts == ["text/plain", "text/html"], f"parts: {parts}")
    text = m.get_body(("plain",)).get_content()
    check(text.replace("\r\n", "\n").startswith("Status report for Acme Corp\n"), f"text part: {text[:80]!r}")
    r = acct(EXAMPLE, "brief", "romashka", "--format", "email")
    m = email.message_from_bytes(r.stdout, policy=email.policy.default)
    check(str(m["Subject"]).startswith("Отчёт о работе для ООО «Ромашка»"),
          f"Russian subject: {m['Subject']}")
    check("irina@romashka.example" in str(m["To"]), f"To: {m['To']}")

    # The contact's name keeps its angle brackets inside the quotes; control
    # characters of the data show escaped in the headers as in a terminal.
    r = acct(INJECT, "brief", "evil", "--format", "email")
    m = email.message_from_bytes(r.stdout, policy=email.policy.default)
    check(m["To"].addresses[0].display_name == "Eve <eve@evil.example>" and
          m["To"].addresses[0].addr_spec == "eve@evil.example", f"inject To: {m['To']}")
    with tempfile.TemporaryDirectory() as tmp:
        ws = os.path.join(tmp, "ws")
        shutil.copytree(INJECT, ws)
        path = os.path.join(ws, "clients/evil/client.yaml")
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write(text.replace('name: "Evil', 'name: "Evil \\e[31mred\\u202e', 1)
                    .replace('name: "Eve', 'name: "\\e[1mEve', 1))
        r = acct(ws, "brief", "evil", "--format", "email")
        check(r.returncode == 0, f"control characters: {r.returncode} {r.stderr!r}")
        m = email.message_from_bytes(r.stdout, policy=email.policy.default)
        subject, to = str(m["Subject"]), str(m["To"])
        check("\x1b" not in subject and "\u202e" not in subject and
              "Evil \\x1b[31mred\\u202e" in subject, f"subject escaped: {subject!r}")
        check("\x1b" not in to and "\\x1b[1mEve" in to, f"To escaped: {to!r}")

    r = acct(EXAMPLE, "brief", "acme", "--to-contact", "Jane Doe")
    check(r.returncode == 64 and b"--format email or --send" in r.stderr,
          f"--to-contact without mail: {r.returncode} {r.stderr!r}")

    with tempfile.TemporaryDirectory() as tmp:
        ws = os.path.join(tmp, "ws")
        shutil.copytree(EXAMPLE, ws)
        got = os.path.join(tmp, "sent")
        config = os.path.join(ws, "acct.yaml")
        with open(config) as f:
            text = f.read()
        with open(config, "w") as f:
            f.write(text.replace("digest:\n", f"digest:\n  sendmail: \"tee {got}\"\n", 1))
        r = acct(ws, "brief", "acme", "--send", "--log")
        check(r.returncode == 0, f"--send --log: {r.returncode} {r.stderr!r}")
        check(r.stdout == b"", f"--send prints nothing on stdout: {r.stdout!r}")
        with open(got, "rb") as f:
            m = email.message_from_bytes(f.read(), policy=email.policy.default)
        check(m["To"] == "Jane Doe <jane@acme.example>", f"sent To: {m['To']}")
        r = acct(ws, "export", "interactions", "--format", "json")
        check(b'"Status report 2026-11-01' not in r.stdout, "acme had no report before")
        check(b"Status report" in r.stdout and b'"kind": "report"' in r.stdout,
              "the report interaction is logged")
        # The next brief starts the day after: the window of one day, T.
        r = subprocess.run([ACCT, "-C", ws, "--as-of", "2026-11-28", "brief", "acme", "--format",
                            "text"], env=ENV, capture_output=True, timeout=60)
        check(b"2026-11-28" in r.stdout.split(b"\n")[1], f"window restarts: {r.stdout[:120]!r}")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
