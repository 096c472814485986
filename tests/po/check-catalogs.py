#!/usr/bin/env python3
"""The UI catalogs keep up with the sources (TAP): po/LINGUAS lists exactly
the catalogs in po/, each passes `msgfmt --check`, has a Language and a
Plural-Forms header, and, merged with a template made from the sources as
they are now, has no untranslated or fuzzy message.  So a new _() string
fails this test until every language has it.

  check-catalogs.py SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

SRC = sys.argv[1]
PO = os.path.join(SRC, "po")
n = failed = 0


def ok(good, what, detail=""):
    global n, failed
    n += 1
    print(("ok" if good else "not ok") + f" {n} - {what}")
    if not good:
        failed += 1
        for line in str(detail).splitlines()[:20]:
            print("# " + line)


def run(*argv):
    p = subprocess.run(argv, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def template(tmp):
    with open(os.path.join(PO, "POTFILES"), encoding="utf-8") as f:
        files = f.read().split()
    pot = os.path.join(tmp, "pshelp.pot")
    rc, out = run("xgettext", "--keyword=_", "--keyword=N_",
                  "--keyword=Q_:1,2", "--from-code=UTF-8", "--language=C",
                  "-D", SRC, "-o", pot, *files)
    ok(rc == 0, "xgettext makes a template from po/POTFILES", out)
    return pot


def main():
    with open(os.path.join(PO, "LINGUAS"), encoding="utf-8") as f:
        langs = f.read().split()
    present = sorted(f[:-3] for f in os.listdir(PO) if f.endswith(".po"))
    ok(sorted(langs) == present, "po/LINGUAS lists every catalog in po/",
       f"LINGUAS {sorted(langs)}, files {present}")
    with tempfile.TemporaryDirectory() as tmp:
        pot = template(tmp)
        for lang in langs:
            po = os.path.join(PO, lang + ".po")
            rc, out = run("msgfmt", "--check", "-o", os.devnull, po)
            ok(rc == 0, f"{lang}: msgfmt --check", out)
            with open(po, encoding="utf-8") as f:
                head = f.read(4000)
            ok(re.search(r'"Language: %s\\n"' % re.escape(lang), head) and
               "Plural-Forms: nplurals=" in head,
               f"{lang}: Language and Plural-Forms headers")
            merged = os.path.join(tmp, lang + ".po")
            rc, out = run("msgmerge", "--quiet", "-o", merged, po, pot)
            rc2, stats = run("msgfmt", "--statistics", "-o", os.devnull,
                             merged)
            behind = ("untranslated" in stats or "fuzzy" in stats or
                      rc != 0 or rc2 != 0)
            ok(not behind, f"{lang}: every message of the sources is "
               "translated", (out + stats).strip())
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
