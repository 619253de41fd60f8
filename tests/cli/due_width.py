#!/usr/bin/env python3
"""`acct due` on a terminal fits its width; in a pipe it prints whole lines
(issue 10): the title loses its end (with "…"), then the client's name, and
the dates never. Runs acct under a pseudo-terminal of a given size.

usage: due_width.py ACCT EXAMPLE_WORKSPACE
"""
import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import unicodedata

from checks import check, finish

ACCT, EXAMPLE = sys.argv[1:3]
ARGS = [ACCT, "-C", EXAMPLE, "--as-of", "2026-11-27", "--color", "never", "due"]
BASE_ENV = {"PATH": "/usr/bin:/bin", "TZ": "UTC", "LC_ALL": "C.UTF-8", "HOME": "/nonexistent",
            "ACCT_CACHE": "off"}


def columns(line):
    """Display columns as a terminal counts them (wide East Asian: 2)."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def on_terminal(rows, cols, env):
    """stdout of acct on a pseudo-terminal of rows × cols."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen(ARGS, stdout=slave, stderr=subprocess.PIPE, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=20)
    os.close(master)
    check(proc.returncode == 0, f"exit {proc.returncode} on a {cols}-column terminal")
    # The terminal turns "\n" into "\r\n".
    return out.decode().replace("\r\n", "\n")


def item_lines(text):
    return [line for line in text.splitlines() if line.startswith("  ")]


piped = subprocess.run(ARGS, env=BASE_ENV, capture_output=True, text=True, timeout=20)
check(piped.returncode == 0, f"exit {piped.returncode} in a pipe")
whole = item_lines(piped.stdout)
check(max(columns(line) for line in whole) > 100,
      "the example has lines longer than 100 columns in a pipe (else this test shows nothing)")
check(not any(line.endswith("…") for line in whole), "a pipe gets whole lines")

for width, env in ((80, BASE_ENV),  # the window's size
                   (100, BASE_ENV),
                   (90, {**BASE_ENV, "COLUMNS": "90"}),  # COLUMNS wins over the window
                   (50, BASE_ENV)):  # narrower than the dates, ids and kinds
    text = on_terminal(24, 200 if "COLUMNS" in env else width, env)
    fitted = item_lines(text)
    check(len(fitted) == len(whole), f"{width} columns: {len(fitted)} item lines, not {len(whole)}")
    for full, short in zip(whole, fitted):
        # The date, how far off, and the client id are kept whole.
        keep = len("  2026-11-27  ") + full[14:].index("  ") + 2
        keep += full[keep:].index(" ")
        check(short[:keep] == full[:keep],
              f"{width} columns: the dates changed: {short!r} from {full!r}")
        if columns(full) <= width:
            check(short == full, f"{width} columns: a line that fits was changed: {short!r}")
        else:
            check(short.endswith("…"), f"{width} columns: a cut line without '…': {short!r}")
        if width >= 80:
            check(columns(short) <= width, f"{width} columns: {columns(short)} wide: {short!r}")
    if width < 80:
        # Too narrow to fit: names cut to 8 columns, titles to 12, no further.
        check(len({columns(line) for line in fitted}) == 1,
              f"{width} columns: lines of several widths at the narrowest")
        check(all(" Acme Co… " in line for line in fitted if " acme " in line),
              f"{width} columns: the client's name column is not cut to 8")
    # Lines outside the table (headings, the summary) are never cut.
    others = [line for line in text.splitlines() if not line.startswith("  ")]
    check(others == [line for line in piped.stdout.splitlines() if not line.startswith("  ")],
          f"{width} columns: a heading or the summary changed")

sys.exit(finish())
