#!/usr/bin/env python3
"""The bash completion script, run by bash itself: what <TAB> offers after
a command, for client ids, contract ids of the client typed and the numbers
of open invoices (issue 10).

usage: completion.py ACCT EXAMPLE_WORKSPACE
"""
import os
import subprocess
import sys

from checks import check, finish

ACCT, EXAMPLE = sys.argv[1:3]
ENV = {"PATH": os.path.dirname(os.path.abspath(ACCT)) + ":/usr/bin:/bin", "HOME": "/nonexistent",
       "LC_ALL": "C.UTF-8", "TZ": "UTC", "ACCT_CACHE": "off"}


def offered(*words):
    """COMPREPLY for the command line `acct WORDS…` with the cursor on the last word."""
    line = ["acct", "-C", EXAMPLE, *words]
    script = ('source <(acct completion bash)\n'
              'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))\n'
              '_acct\n'
              'printf "%s\\n" "${COMPREPLY[@]}"\n')
    out = subprocess.run(["bash", "-c", script, "bash", *line], env=ENV, capture_output=True,
                         text=True, timeout=30)
    check(out.returncode == 0, f"bash exit {out.returncode} for {words}: {out.stderr}")
    return sorted(w for w in out.stdout.splitlines() if w)


def acct(*args):
    return subprocess.run([ACCT, "-C", EXAMPLE, *args], env=ENV, capture_output=True, text=True,
                          timeout=30).stdout.split()


clients = acct("__ids")
contracts = acct("__ids", "contracts", "acme")
invoices = acct("__ids", "invoices")
check(len(clients) >= 3 and "acme" in clients, f"client ids: {clients}")
check(len(contracts) >= 1, f"acme's contracts: {contracts}")
check(len(invoices) >= 1, f"open invoices: {invoices}")

check(offered("log", "") == sorted(clients), "log <TAB>: the client ids")
check(offered("renew", "acme", "") == sorted(contracts), "renew acme <TAB>: acme's contracts")
check(offered("invoice", "acme", "") == sorted(contracts), "invoice acme <TAB>: acme's contracts")
check(offered("contract", "acme", "") == sorted(contracts), "contract acme <TAB>: its contracts")
check(offered("contract", "acme", contracts[0], "s") == ["sent", "signed"],
      "contract acme ID s<TAB>: the moves")
check(offered("paid", "") == sorted(invoices), "paid <TAB>: the open invoices")
check(offered("void", invoices[0][:-1]) == sorted(i for i in invoices if i.startswith(invoices[0][:-1])),
      "void PREFIX<TAB>: the open invoices starting so")
check(offered("change", "acme", "x", "--contract", "") == sorted(contracts),
      "change acme T --contract <TAB>: acme's contracts")
check(offered("renew", "nosuch", "") == [], "renew nosuch <TAB>: nothing, and no error")

# The invoices offered are exactly those the export shows with a balance.
import json
exported = json.loads(subprocess.run([ACCT, "-C", EXAMPLE, "--as-of", "2026-11-27", "export",
                                      "invoices", "--format", "json"], env=ENV,
                                     capture_output=True, text=True).stdout)["invoices"]
open_ones = sorted(r["number"] for r in exported if r["state"] != "void" and r["balance"] != "0.00"
                   and not r["paid"])
check(len(exported) > len(open_ones) and sorted(invoices) == open_ones,
      f"open invoices {invoices}, the export's {open_ones}")

for shell, flag in (("zsh", "-n"), ("fish", "--no-execute")):
    path = f"/usr/bin/{shell}"
    if os.path.exists(path):
        script = subprocess.run([ACCT, "completion", shell], env=ENV, capture_output=True).stdout
        r = subprocess.run([path, flag], input=script, capture_output=True)
        check(r.returncode == 0, f"{shell} {flag}: {r.stderr.decode()}")

sys.exit(finish())
