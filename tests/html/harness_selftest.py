#!/usr/bin/env python3
"""The browser harness must be able to fail: it passes a good page and fails
a page whose script runs, one whose chart draws nothing, one that fetches
from elsewhere, and one with the wrong number of charts.

    harness_selftest.py OUTDIR
"""
import os
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
CHECK = HERE / "check_html.py"

CHART = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><title>t</title>'
         '<polyline class="series" fill="none" stroke="#000" points="0,90 100,10 200,50"/></svg>')
EMPTY = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><title>e</title>'
         '<line x1="0" y1="0" x2="10" y2="10" stroke="#000"/></svg>')


def page(body, policy=True):
    meta = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\">") if policy else ""
    return f"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{meta}<title>p</title></head>" \
           f"<body>{body}</body></html>\n"


CASES = [
    ("good", page(CHART + CHART), ["--svgs", "2"], 0, "2 charts drawn"),
    ("wrong-count", page(CHART), ["--svgs", "2"], 1, "1 svg elements, expected 2"),
    ("script-ran", page(CHART + "<script>window.__acct_injected = 1</script>", policy=False), [],
     1, "<script> element"),
    ("nothing-drawn", page(CHART + EMPTY), [], 1, "draws no line and no bar"),
    ("fetches", page(CHART + '<img src="http://192.0.2.1/x.png" alt="">', policy=False), [], 1,
     "requests beyond the page"),
]


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, html, extra, status, said in CASES:
            path = pathlib.Path(tmp) / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            run = subprocess.run([sys.executable, str(CHECK), str(path),
                                  str(out / f"selftest-{name}.png"), *extra],
                                 capture_output=True, text=True, timeout=120)
            text = run.stdout + run.stderr
            if run.returncode != status or said not in text:
                failures += 1
                print(f"{name}: exit {run.returncode} (expected {status}), wanted {said!r} in:\n"
                      f"{text}", file=sys.stderr)
            else:
                print(f"{name}: ok ({said})")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
