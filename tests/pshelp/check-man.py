#!/usr/bin/env python3
"""pshelp(1): built, rendered without warnings, and complete (TAP output).

  check-man.py MANPAGE SRCDIR

The man page renders with `groff -man -ww -z` and `man -l` without a
warning; doc/pshelp.md documents every command of the dispatch table in
src/pshelp/main.c (a `### name` section) and every option of each
command's option table in src/pshelp/cmd_*.c (as `--name` or `-n`).
"""
import os
import re
import shutil
import subprocess
import sys

man, src = sys.argv[1], sys.argv[2]
n = failed = 0


def result(ok, text, detail=""):
    global n, failed
    n += 1
    failed += not ok
    print(f"{'ok' if ok else 'not ok'} {n} - {text}")
    if not ok:
        for line in str(detail).splitlines():
            print("# " + line)


def skip(text, why):
    global n
    n += 1
    print(f"ok {n} - {text} # SKIP {why}")


page = open(man, encoding="utf-8").read()
result(page.startswith('.TH "PSHELP" 1 ') and ".SH NAME\n" in page and
       page.count(".SH NAME\n") == 1, "pshelp.1 has one title and one NAME section",
       page[:300])
env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="80")
if shutil.which("groff"):
    p = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", man],
                       capture_output=True, text=True, env=env)
    result(p.returncode == 0 and not p.stderr, "groff -man -ww renders it without warnings",
           p.stderr)
else:
    skip("groff -man -ww renders it without warnings", "no groff")
if shutil.which("man"):
    p = subprocess.run(["man", "--warnings", "-l", man], capture_output=True,
                       text=True, env=env)
    result(p.returncode == 0 and not p.stderr and "pshelp validate" in p.stdout,
           "man -l shows it without warnings", p.stderr)
else:
    skip("man -l shows it", "no man")

doc = open(os.path.join(src, "doc/pshelp.md"), encoding="utf-8").read()
main_c = open(os.path.join(src, "src/pshelp/main.c"), encoding="utf-8").read()
table = main_c[main_c.index("commands[] = {"):]
table = table[:table.index("};")]
commands = re.findall(r'\{\s*"([a-z-]+)",\s*cmd_(\w+)', table)
result(len(commands) >= 4, "the dispatch table is found", commands)
for name, func in commands:
    result(re.search(rf"^### {re.escape(name)}$", doc, re.M) is not None,
           f"doc/pshelp.md has a section for 'pshelp {name}'")
    path = os.path.join(src, "src/pshelp", f"cmd_{func}.c")
    text = open(path, encoding="utf-8").read()
    m = re.search(r"struct opt_def option_table\[\] = \{(.*?)\n\};", text, re.S)
    options = re.findall(r'\{\s*"([^"]+)",', m.group(1)) if m else []
    result(bool(options), f"cmd_{func}.c has an option table", path)
    for opt in options:
        spelled = ("-" if len(opt) == 1 else "--") + opt
        result(f"`{spelled}`" in doc,
               f"doc/pshelp.md documents 'pshelp {name} {spelled}'")
print(f"1..{n}")
sys.exit(1 if failed else 0)
