#!/usr/bin/env python3
"""Loads an HTML page in headless Chromium and checks what a reader would see.

    check_html.py PAGE.html SCREENSHOT.png [--svgs N]

Checks that the page loads; that every <svg> has a non-empty bounding box and
draws something: a polyline of at least two points or a bar (a rect of class
"bar", four corners) with a non-empty box; that the page holds no <script>
element and that no script ran (a flag an injected script would set stays
unset); that nothing was fetched but the page itself; and keeps a full-page
screenshot for a person to look at. With --svgs, the number of charts must be
exactly N. Prints one line per chart; exits 1 on the first failed check.

Uses Debian's chromium, chromium-driver and python3-selenium. Each run makes
its own browser profile in a temporary folder, so it needs no state from an
earlier run; as root, Chromium needs --no-sandbox.
"""
import argparse
import json
import os
import pathlib
import shutil
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# What the injection fixtures would set if their <script> ever ran.
INJECTED_FLAG = "__acct_injected"

CHART_JS = """
const out = [];
for (const svg of document.querySelectorAll('svg')) {
  const box = svg.getBoundingClientRect();
  let points = 0, bars = 0;
  for (const p of svg.querySelectorAll('polyline')) points = Math.max(points, p.points.numberOfItems);
  for (const r of svg.querySelectorAll('rect.bar')) {
    const b = r.getBoundingClientRect();
    if (b.width > 0 && b.height > 0) bars += 1;
  }
  const t = svg.querySelector('title');
  out.push({title: t ? t.textContent : '', width: box.width, height: box.height,
            points: points, bars: bars});
}
return out;
"""


def fail(message):
    print(f"check_html: {message}", file=sys.stderr)
    sys.exit(1)


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--window-size=1200,900", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def requested_urls(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def check(page, screenshot, expected_svgs=None):
    page = pathlib.Path(page).resolve()
    if not page.is_file():
        fail(f"{page}: no such file")
    profile = tempfile.mkdtemp(prefix="acct-chromium-")
    driver = None
    try:
        driver = browser(profile)
        # The browser's own start page fetches chrome:// parts: start blank,
        # and forget what was fetched so far.
        driver.get("about:blank")
        requested_urls(driver)
        driver.get(page.as_uri())
        if driver.execute_script("return document.readyState") != "complete":
            fail(f"{page.name}: the page did not finish loading")
        if not driver.title:
            fail(f"{page.name}: the page has no title")
        scripts = driver.execute_script("return document.scripts.length")
        if scripts:
            fail(f"{page.name}: {scripts} <script> element(s) on the page")
        if driver.execute_script(f"return window.{INJECTED_FLAG} !== undefined"):
            fail(f"{page.name}: an injected script ran")
        charts = driver.execute_script(CHART_JS)
        for i, c in enumerate(charts, 1):
            print(f"svg {i}: {c['width']:.0f}x{c['height']:.0f}, polyline points {c['points']}, "
                  f"bars {c['bars']}: {c['title']}")
            if c["width"] <= 0 or c["height"] <= 0:
                fail(f"{page.name}: svg {i} ({c['title']}) has an empty bounding box")
            if c["points"] < 2 and c["bars"] < 1:
                fail(f"{page.name}: svg {i} ({c['title']}) draws no line and no bar")
        if expected_svgs is not None and len(charts) != expected_svgs:
            fail(f"{page.name}: {len(charts)} svg elements, expected {expected_svgs}")
        others = [u for u in requested_urls(driver)
                  if u != page.as_uri() and not u.startswith("chrome://")]
        if others:
            fail(f"{page.name}: requests beyond the page: {others}")
        errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        if errors:
            fail(f"{page.name}: browser errors: {errors}")
        height = driver.execute_script("return document.documentElement.scrollHeight")
        # The window includes the browser's own frame: room beyond the page,
        # so the screenshot holds all of it.
        driver.set_window_size(1200, min(max(height, 600), 8000) + 150)
        pathlib.Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
        if not driver.save_screenshot(str(screenshot)):
            fail(f"{page.name}: no screenshot")
        print(f"{page.name}: {len(charts)} charts drawn; screenshot {screenshot}")
        return charts
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("screenshot")
    parser.add_argument("--svgs", type=int)
    args = parser.parse_args()
    check(args.page, args.screenshot, args.svgs)


if __name__ == "__main__":
    main()
