#!/usr/bin/python3
"""Outputs read back by real parsers: Python's csv module, jq, and Debian's
python3-icalendar. A round trip gives back the original text; data that
looks like a formula or a calendar line stays inert.

usage: exports.py ACCT EXAMPLE_WORKSPACE INJECT_WORKSPACE
Runs under Debian's /usr/bin/python3 (where python3-icalendar lives); exits
77 (skipped) without icalendar or jq: `scripts/setup --test` installs them.
"""
import csv
import io
import json
import shutil
import subprocess
import sys

try:
    import icalendar
except ImportError:
    icalendar = None

from checks import check, finish

ACCT, EXAMPLE, INJECT = sys.argv[1:4]
ENV = {"PATH": "/usr/bin:/bin", "TZ": "UTC", "LC_ALL": "C.UTF-8"}


def acct(ws, *args, as_of="2026-11-27"):
    r = subprocess.run([ACCT, "-C", ws, "--as-of", as_of, *args], env=ENV, capture_output=True,
                       timeout=60)
    check(r.returncode in (0, 65), f"{' '.join(args)}: exit {r.returncode} {r.stderr[:300]}")
    return r.stdout


def as_csv_cell(value):
    """What the CSV holds for a JSON value: formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if isinstance(value, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def test_csv_round_trip():
    cells = 0
    for ws in (EXAMPLE, INJECT):
        for what in ("clients", "contracts", "invoices", "interactions", "items"):
            data = json.loads(acct(ws, "export", what, "--format", "json"))[what]
            for options, encoding, delimiter in (((), "utf-8", ","),
                                                 (("--delimiter", ";", "--bom"), "utf-8-sig", ";")):
                raw = acct(ws, "export", what, *options)
                check(raw.endswith(b"\r\n"), f"{what}: rows do not end in CRLF")
                rows = list(csv.reader(io.StringIO(raw.decode(encoding), newline=""),
                                       delimiter=delimiter))
                header, body = rows[0], rows[1:]
                check(len(body) == len(data), f"{what}: {len(body)} CSV rows, {len(data)} in JSON")
                for row, record in zip(body, data):
                    check(header == list(record), f"{what}: header {header}")
                    for name, cell in zip(header, row):
                        cells += 1
                        check(cell == as_csv_cell(record[name]),
                              f"{ws} {what}.{name}: CSV {cell!r}, JSON {record[name]!r}")
    print(f"csv: {cells} cells read back by the csv module as JSON has them")


def test_injection_inert():
    raw = acct(INJECT, "due", "--format", "csv").decode()
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    check(all(r["client_name"].startswith("'=") for r in rows if r["client"] == "evil"),
          "a formula name is not neutralised")
    check(all(r["owner"] == "'@mallory" for r in rows if r["client"] == "evil"), "owner '@'")
    task = [r for r in rows if r["kind"] == "task"][0]
    check(task["title"] == "'-2+3" and task["days"] == "2", f"task row {task}")


def test_jq():
    if shutil.which("jq") is None:
        return check(False, "jq is not installed")
    outputs = {
        "due": acct(EXAMPLE, "due", "--format", "json"),
        "clients": acct(EXAMPLE, "clients", "--format", "json"),
        "report": acct(EXAMPLE, "report", "--format", "json"),
        "workload": acct(EXAMPLE, "workload", "--format", "json"),
        "invoices": acct(EXAMPLE, "export", "invoices", "--format", "json"),
        "inject": acct(INJECT, "export", "interactions", "--format", "json"),
    }
    for name, out in outputs.items():
        r = subprocess.run(["jq", "-e", "."], input=out, capture_output=True)
        check(r.returncode == 0, f"jq rejects {name}: {r.stderr}")
    numbers = subprocess.run(["jq", "-r", ".invoices[] | select(.state == \"open\") | .number"],
                             input=outputs["invoices"], capture_output=True).stdout.decode()
    check(numbers.split() == ["2026-005", "2026-011"], f"jq open invoices: {numbers.split()}")
    summary = subprocess.run(["jq", "-r", ".interactions[0].summary"], input=outputs["inject"],
                             capture_output=True).stdout
    check(summary == b"line one\r\nBEGIN:VALARM\r\nTRIGGER:-PT0M\r\nEND:VALARM\r\n"
                     b"semi; colon: comma, back\\slash\n", f"jq summary {summary!r}")
    print(f"jq: {len(outputs)} JSON outputs parse")


def events(raw):
    cal = icalendar.Calendar.from_ical(raw)
    return cal, [c for c in cal.walk() if c.name == "VEVENT"]


def test_ics():
    if icalendar is None:
        return check(False, "python3-icalendar is not installed")
    for ws in (EXAMPLE, INJECT):
        items = json.loads(acct(ws, "due", "--format", "json"))["items"]
        raw = acct(ws, "due", "--format", "ics", "--alarm", "1d")
        for line in raw.split(b"\r\n")[:-1]:
            check(len(line) <= 75, f"an ICS line of {len(line)} octets")
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                check(False, f"a fold splits a UTF-8 character: {line!r}")
        check(b"\n" not in raw.replace(b"\r\n", b""), "a bare line feed in ICS")
        cal, evs = events(raw)
        check(len(evs) == len(items), f"{ws}: {len(evs)} VEVENTs for {len(items)} items")
        alarms = [c for c in cal.walk() if c.name == "VALARM"]
        check(len(alarms) == len(items), f"{ws}: {len(alarms)} VALARMs for {len(items)} items")
        uids = [str(e["UID"]) for e in evs]
        check(len(set(uids)) == len(uids), "UIDs are not unique")
        for e, item in zip(evs, items):
            check(e["DTSTART"].dt.isoformat() == item["due"], f"DTSTART {e['DTSTART'].dt}")
            title = item["title"]
            if item["kind"] == "invoice" and "amount" in item:
                title += f" ({item['amount']} {item['currency']})"
            want = f"{item['client_name']}: {title}".replace("\r\n", "\n")
            check(str(e["SUMMARY"]) == want, f"SUMMARY {str(e['SUMMARY'])!r} != {want!r}")
    # The same item keeps its UID from one day to the next.
    _, today = events(acct(EXAMPLE, "export", "items", "--format", "ics"))
    _, tomorrow = events(acct(EXAMPLE, "export", "items", "--format", "ics",
                              as_of="2026-11-28"))
    key = lambda e: (str(e["SUMMARY"]), e["DTSTART"].dt)
    a = {key(e): str(e["UID"]) for e in today}
    b = {key(e): str(e["UID"]) for e in tomorrow}
    common = set(a) & set(b)
    check(len(common) > 5 and all(a[k] == b[k] for k in common),
          f"UIDs changed overnight for {sum(a[k] != b[k] for k in common)} items")
    print(f"ics: parsed by icalendar {icalendar.__version__}; {len(common)} UIDs stable overnight")


def main():
    if icalendar is None or shutil.which("jq") is None:
        print("skipped: needs python3-icalendar and jq (scripts/setup --test)")
        return 77
    test_csv_round_trip()
    test_injection_inert()
    test_jq()
    test_ics()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
