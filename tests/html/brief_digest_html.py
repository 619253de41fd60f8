#!/usr/bin/env python3
"""The brief's and the digest's HTML in headless Chromium.

    brief_digest_html.py ACCT EXAMPLES HEALTH INJECT OUTDIR

- `acct brief CLIENT --format html` for every example client with metrics:
  one sparkline per metric series, each drawn with at least two points;
- the HTML part of `acct digest --format email` (read with Python's email
  package) on the health fixture: one score bar per at-risk client, and the
  reason of a band set by hand where a client has no signal, never an empty
  list;
- the injection fixture (a client name with </svg>, a metric name and an
  override reason with <script>) in the brief and the digest: no script runs,
  and the reader sees the names as text.

Screenshots go to OUTDIR for a person to look at.
"""
import email
import email.policy
import html.parser
import json
import os
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import check_html  # noqa: E402

ACCT, EXAMPLES, HEALTH, INJECT, OUT = sys.argv[1:6]
OUT = pathlib.Path(OUT)
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "TZ": "UTC"}


def acct(ws, *args):
    run = subprocess.run([ACCT, "-C", ws, "--as-of", "2026-11-27", *args], env=ENV,
                         capture_output=True, timeout=60)
    if run.returncode != 0:
        check_html.fail(f"acct {' '.join(args)}: exit {run.returncode}: {run.stderr.decode()}")
    return run.stdout


class Page(html.parser.HTMLParser):
    """What a reader sees (the text, outside <style> and <title>), and the
    class of every <svg>."""

    def __init__(self, markup):
        super().__init__()
        self.text, self.svgs, self.skip = [], [], 0
        self.feed(markup)
        self.text = "".join(self.text)

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "title"):
            self.skip += 1
        if tag == "svg":
            self.svgs.append(dict(attrs).get("class", ""))

    def handle_endtag(self, tag):
        if tag in ("style", "title"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.text += [data]


def expect(condition, message):
    if not condition:
        check_html.fail(message)


def shown(name, markup, svgs, classes, texts):
    """Loads the page in the browser (one chart per `svgs`, each drawn), then
    checks the kinds of chart and the words a reader sees."""
    page = OUT / f"{name}.html"
    page.write_text(markup, encoding="utf-8")
    check_html.check(page, OUT / f"{name}.png", svgs)
    read = Page(markup)
    expect(read.svgs == classes, f"{name}: svg classes {read.svgs}, expected {classes}")
    expect("<ul>\n</ul>" not in markup, f"{name}: an empty list")
    for t in texts:
        expect(t in read.text, f"{name}: {t!r} is not shown as text")


def briefs():
    # Every example client with metrics; each of their series has a value in
    # the default window, so each series is one sparkline.
    metrics = json.loads(acct(EXAMPLES, "export", "metrics", "--format", "json"))["metrics"]
    series = {}
    for m in metrics:
        series.setdefault(m["client"], set()).add(m["name"])
    expect(sorted(series) == ["acme", "romashka"], f"clients with metrics: {sorted(series)}")
    for client, names in sorted(series.items()):
        markup = acct(EXAMPLES, "brief", client, "--format", "html").decode()
        shown(f"brief-{client}", markup, len(names), ["sparkline"] * len(names), sorted(names))


def digest_email(ws):
    """The text/html part of the digest's email, as a mail reader finds it."""
    message = email.message_from_bytes(acct(ws, "digest", "--format", "email", "--to",
                                            "anna@example.com"),
                                       policy=email.policy.default)
    part = message.get_body(("html",))
    expect(part is not None, "the digest email has no text/html part")
    return part.get_content()


def digests():
    # beta (score 10, four signals) and alpha (set to red by hand, no signal).
    shown("digest-health", digest_email(HEALTH), 2, ["score-bar"] * 2,
          ["At risk (2)", "beta (Beta): score 10, band red",
           "Band set by hand to red until 2026-12-31: CFO left <script>alert(1)</script>"])


def injection():
    evil = "</svg><script>window.__acct_injected = 1</script><svg>"
    metric = "<script>window.__acct_injected = 5</script>"
    shown("brief-inject", acct(INJECT, "brief", "evil", "--format", "html").decode(), 1,
          ["sparkline"], [f"Status report for {evil}", f"{metric}: 10 <b> on 2026-10-01"])
    shown("digest-inject", digest_email(INJECT), 2, ["score-bar"] * 2,
          [f"evil ({evil}): score 45, band red",
           "</svg><script>window.__acct_injected = 4</script>",
           "Quiet </svg><svg onload=\"window.__acct_injected = 6\">",
           "Band set by hand to red: Their CTO moved to a competitor"])


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    briefs()
    digests()
    injection()


if __name__ == "__main__":
    main()
