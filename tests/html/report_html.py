#!/usr/bin/env python3
"""`acct report --format html` in headless Chromium: the example workspace
draws one chart per currency of recurring value, one of receivables aging and
one of the clients per health band, each with a line or bars; the injection fixture (a client name that closes
the <svg> and opens a <script>) loads with no script run.

    report_html.py ACCT EXAMPLES INJECT OUTDIR
"""
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import check_html  # noqa: E402

# (name, workspace, charts): examples/agency has EUR, RUB and USD contracts,
# receivables and active clients; the fixture has one EUR contract, one unpaid
# invoice and one active client.
CASES = [("report-example", 2, 5), ("report-inject", 3, 3)]


def main():
    acct, out = sys.argv[1], pathlib.Path(sys.argv[4])
    out.mkdir(parents=True, exist_ok=True)
    for name, arg, charts in CASES:
        page = out / f"{name}.html"
        run = subprocess.run([acct, "-C", sys.argv[arg], "--as-of", "2026-11-27", "report",
                              "--format", "html"], capture_output=True, timeout=60)
        if run.returncode != 0:
            check_html.fail(f"{name}: acct exited {run.returncode}: {run.stderr.decode()}")
        page.write_bytes(run.stdout)
        check_html.check(page, out / f"{name}.png", charts)


if __name__ == "__main__":
    main()
