#!/usr/bin/env python3
"""Checks the diagnostics table against its documentation and tests (TAP).

For every DIAG(...) entry of src/diag/diag_table.h:
  - doc/diagnostics.md has a heading '### slug' under the right level;
  - some test produces it: a golden .err file or a test source names '[slug]'
    or the DIAG_ID.
Also fails for documented slugs that are not in the table.
"""
import os
import re
import sys

top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
table = open(os.path.join(top, "src/diag/diag_table.h"), encoding="utf-8").read()
entries = re.findall(r'DIAG\((\w+),\s*(\w+),\s*"([a-z0-9-]+)"', table)
doc = open(os.path.join(top, "doc/diagnostics.md"), encoding="utf-8").read()

documented = {}
level = None
for line in doc.splitlines():
    m = re.match(r"## (\w+)", line)
    if m:
        level = m.group(1).upper()
    m = re.match(r"### `?([a-z0-9-]+)`?\s*$", line)
    if m:
        documented[m.group(1)] = level

tested_text = []
for base in ("tests", "fuzz"):
    for root, _, files in os.walk(os.path.join(top, base)):
        for f in files:
            if f.endswith((".err", ".c", ".py", ".text", ".json", ".sarif")):
                with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
                    tested_text.append(fh.read())
tested_text = "\n".join(tested_text)

n = failed = 0
for ident, lvl, slug in entries:
    n += 1
    problems = []
    if slug not in documented:
        problems.append("not documented in doc/diagnostics.md")
    elif documented[slug] != lvl:
        problems.append(f"documented under {documented[slug]}, table says {lvl}")
    if f"[{slug}]" not in tested_text and f"DIAG_{ident}" not in tested_text:
        problems.append("no test produces it")
    print(("not ok" if problems else "ok"), n, "-", slug)
    for p in problems:
        print("# " + p)
    failed += bool(problems)
for slug in sorted(set(documented) - {s for _, _, s in entries}):
    n += 1
    failed += 1
    print(f"not ok {n} - {slug} is documented but not in the table")
print(f"1..{n}")
sys.exit(1 if failed else 0)
