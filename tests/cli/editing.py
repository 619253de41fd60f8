#!/usr/bin/env python3
"""What the commands that change records in place promise beyond one golden
diff: the yearly renewal walk on the example (renew, sent, signed) agrees
with SPEC 3, and `acct renew` killed at any moment leaves both of its changes
on disk or neither.

usage: editing.py ACCT EXAMPLE_WORKSPACE
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

from checks import check, finish, scratch

ACCT, EXAMPLE = sys.argv[1:3]
AS_OF = "2026-11-27"
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8"}


def acct(ws, *args):
    return subprocess.run([ACCT, "-C", ws, "--as-of", AS_OF, *args], env=ENV,
                          capture_output=True, text=True, timeout=60)


def workspace():
    d = scratch("acct-editing-")
    ws = os.path.join(d, "ws")
    shutil.copytree(EXAMPLE, ws)
    return ws


def items(ws, client):
    r = acct(ws, "due", "--format", "json", "--horizon", "120d", "--client", client)
    check(r.returncode == 0, f"due: {r.returncode} {r.stderr}")
    return json.loads(r.stdout)["items"]


def about(found, kind, subject):
    return [i for i in found if i["kind"] == kind and i["subject"] == subject]


def test_renewal_walk():
    """nordlicht's seo-2026 ends 2026-12-31 and does not renew by itself."""
    ws = workspace()
    before = items(ws, "nordlicht")
    renewal = about(before, "renewal", "seo-2026")
    check([i["due"] for i in renewal] == ["2026-12-31"], f"renewal before: {renewal}")
    check(renewal and renewal[0]["command"] == "acct renew nordlicht seo-2026",
          f"renewal command: {renewal}")

    r = acct(ws, "renew", "nordlicht", "seo-2026")
    check(r.returncode == 0, f"renew: {r.returncode} {r.stderr}")
    after = items(ws, "nordlicht")
    check(about(after, "renewal", "seo-2026") == [], f"renewal still due: {after}")
    # SPEC 3 signature: a draft with a start is due start - send_before (14d).
    sig = about(after, "signature", "seo-2027")
    check([i["due"] for i in sig] == ["2026-12-18"], f"signature of the draft: {sig}")
    check(sig and sig[0]["command"] == "acct contract nordlicht seo-2027 sent",
          f"draft's command: {sig}")
    # Billing of the old contract stops at its end now that it is renewed.
    check(not [i for i in after if i["kind"] == "invoice" and
               i["subject"].startswith("seo-2026/2027")], f"old contract bills on: {after}")

    r = acct(ws, "contract", "nordlicht", "seo-2027", "sent")
    check(r.returncode == 0, f"sent: {r.returncode} {r.stderr}")
    sig = about(items(ws, "nordlicht"), "signature", "seo-2027")
    # sent: due = sent + chase_after (7d).
    check([i["due"] for i in sig] == ["2026-12-04"], f"signature after sent: {sig}")
    check(sig and sig[0]["command"] == "acct contract nordlicht seo-2027 signed",
          f"sent's command: {sig}")

    r = acct(ws, "contract", "nordlicht", "seo-2027", "signed", "--date", "2026-12-02")
    check(r.returncode == 0, f"signed: {r.returncode} {r.stderr}")
    done = items(ws, "nordlicht")
    check(about(done, "signature", "seo-2027") == [], f"signature still due: {done}")
    # The new contract bills as the old one did: monthly, on the last day, in
    # arrears, so January is invoiced on 2027-02-28.
    new_invoices = [(i["subject"], i["due"]) for i in done if i["kind"] == "invoice" and
                    i["subject"].startswith("seo-2027/")]
    check(new_invoices[:1] == [("seo-2027/2027-01", "2027-02-28")],
          f"new contract's invoices: {new_invoices}")
    check(acct(ws, "check").returncode == 0, f"check after the walk: {acct(ws, 'check').stdout}")


def test_auto_renewal():
    """romashka's support-2026 renews by itself: the notice item goes away."""
    ws = workspace()
    check(about(items(ws, "romashka"), "notice", "support-2026") != [], "no notice before")
    r = acct(ws, "renew", "romashka", "support-2026", "--sent", "today")
    check(r.returncode == 0, f"renew auto: {r.returncode} {r.stderr}")
    after = items(ws, "romashka")
    check(about(after, "notice", "support-2026") == [], f"notice still due: {after}")
    # E = 2026-12-31 (its notice date 2026-12-01 is not before T): starts 2027-01-01.
    sig = about(after, "signature", "support-2027")
    check([i["due"] for i in sig] == ["2026-12-04"], f"sent successor: {sig}")


def contracts_of(path):
    with open(path, "rb") as f:
        text = f.read().decode()
    return text.count("renewed_by: seo-2027"), text.count("id: seo-2027")


def test_sigkill():
    """Killed at random moments 50 times: both changes or neither, and it loads."""
    ws = workspace()
    path = os.path.join(ws, "clients/nordlicht/client.yaml")
    folder = os.path.dirname(path)
    rng = random.Random(11)
    kills = done = 0
    for n in range(50):
        p = subprocess.Popen([ACCT, "-C", ws, "--as-of", AS_OF, "renew", "nordlicht",
                              "seo-2026"], env=ENV, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, 0.02))
        p.send_signal(signal.SIGKILL)
        p.wait()
        kills += p.returncode == -signal.SIGKILL
        marked, added = contracts_of(path)
        check((marked, added) in ((0, 0), (1, 1)), f"kill {n}: renewed_by {marked}, new {added}")
        r = acct(ws, "check")
        check(r.returncode == 0, f"kill {n}: the workspace does not load: {r.stdout}")
        check(sorted(f for f in os.listdir(folder) if f.endswith((".yaml", ".yml"))) ==
              ["client.yaml"], f"kill {n}: stray files {os.listdir(folder)}")
        if marked:
            done += 1
            shutil.copy(os.path.join(EXAMPLE, "clients/nordlicht/client.yaml"), path)
    print(f"sigkill: {kills} of 50 renewals killed mid-run, {done} had completed")


def main():
    tests = [test_renewal_walk, test_auto_renewal, test_sigkill]
    for t in tests:
        t()
    return finish(len(tests))


if __name__ == "__main__":
    sys.exit(main())
