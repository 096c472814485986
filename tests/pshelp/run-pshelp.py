#!/usr/bin/env python3
"""pshelp as a whole program (TAP output).

  run-pshelp.py PSHELP SRCDIR

The dispatch table and usage, every subcommand's --help, usage errors,
-W and the exit statuses, baselines, pshelp-disable, the JSON and SARIF
shapes, hostile file names, FIFOs, folders named like pages and symbolic
link loops.  Pages are written to a temporary folder; the clean one is
the fixture tests/validate/pages-report/en-US/psh/Exit-PSSession.md.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

PSHELP = os.path.abspath(sys.argv[1])
SRC = os.path.abspath(sys.argv[2])
CLEAN = os.path.join(SRC, "tests/validate/pages-report/en-US/psh/Exit-PSSession.md")
TIMEOUT = 60

n = failed = 0


def result(ok, text, detail=""):
    global n, failed
    n += 1
    failed += not ok
    print(f"{'ok' if ok else 'not ok'} {n} - {text}", flush=True)
    if not ok:
        for line in str(detail).splitlines():
            print("# " + line)


def env():
    e = {k: v for k, v in os.environ.items()
         if not k.startswith(("LC_", "LANG", "PSHELP_PATH"))}
    e["LC_ALL"] = "C.UTF-8"
    return e


def run(*args, cwd=None, lang=None):
    """(exit status, stdout, stderr) as bytes; -1 on a timeout."""
    e = env()
    if lang:
        e["LANG"] = lang
        del e["LC_ALL"]
    try:
        p = subprocess.run([PSHELP, *args], cwd=cwd, env=e,
                           capture_output=True, timeout=TIMEOUT)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return -1, b"", b"timed out"


def table_commands():
    """The names in main.c's dispatch table."""
    text = open(os.path.join(SRC, "src/pshelp/main.c"), encoding="utf-8").read()
    body = text[text.index("commands[] = {"):]
    body = body[:body.index("};")]
    return re.findall(r'\{\s*"([a-z-]+)",\s*cmd_', body)


CLEAN_TEXT = open(CLEAN, encoding="utf-8").read()


def page(folder, rel, text=CLEAN_TEXT):
    path = os.path.join(folder, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def with_notes(extra):
    """The clean page with extra text before its NOTES section."""
    return CLEAN_TEXT.replace("## NOTES\n", extra + "\n## NOTES\n")


def test_dispatch():
    names = table_commands()
    result(set(names) >= {"validate", "new", "update", "help"},
           "the dispatch table has validate, new, update and help", names)
    rc, out, err = run()
    result(rc == 5 and b"Usage:" in err and not out,
           "pshelp alone: usage on stderr, exit 5", (rc, out, err))
    for opt in ("--help", "-h"):
        rc, out, err = run(opt)
        listed = all(re.search(rb"^  " + x.encode() + rb" ", out, re.M)
                     for x in names)
        result(rc == 0 and listed and not err,
               f"pshelp {opt}: every command of the table on stdout, exit 0",
               (rc, out, err))
    rc, out, _ = run("--version")
    result(rc == 0 and re.match(rb"pshelp \d+\.\d+", out), "--version", out)
    rc, out, err = run("frobnicate")
    result(rc == 5 and b"'frobnicate' is not a pshelp command" in err,
           "unknown subcommand: exit 5 and says so", (rc, err))
    rc, out, err = run("--bogus")
    result(rc == 5 and b"'--bogus'" in err, "unknown option of pshelp", err)
    for name in names:
        rc, out, err = run(name, "--help")
        result(rc == 0 and out.startswith(b"Usage: pshelp " + name.encode()),
               f"pshelp {name} --help", (rc, out[:200], err[:200]))
        rc2, out2, _ = run("help", name)
        result(rc2 == rc and out2 == out,
               f"pshelp help {name} shows 'pshelp {name} --help'")
    rc, out, _ = run("help")
    result(rc == 0 and b"Usage: pshelp COMMAND" in out,
           "pshelp help alone: the command list")
    rc, _, err = run("help", "bogus")
    result(rc == 5 and b"'bogus' is not a pshelp command" in err,
           "pshelp help of an unknown command: exit 5")
    rc, _, err = run("validate", "--frobnicate", CLEAN)
    result(rc == 5 and b"unknown option '--frobnicate'" in err,
           "validate: unknown option, exit 5", err)
    rc, _, err = run("validate", "--format")
    result(rc == 5 and b"needs a value" in err, "validate: a missing value")
    rc, _, err = run("validate", "--run-examples=yes", CLEAN)
    result(rc == 5 and b"takes no value" in err, "validate: a flag with a value")


def test_levels(tmp):
    # A warning (heading-unknown) and a style note (suppressed-unused).
    p = page(tmp, "levels/en-US/psh/Exit-PSSession.md", with_notes(
        "## BOGUS\n\nText.\n\n<!-- pshelp-disable placeholder -->\n"))
    rc, out, _ = run("validate", p)
    result(rc == 2 and b"[heading-unknown]" in out and b"[suppressed-unused]" in out,
           "default -W style: warning and style shown, exit 2", (rc, out))
    rc, out, _ = run("validate", "-W", "warning", p)
    result(rc == 2 and b"[heading-unknown]" in out and b"[suppressed-unused]" not in out,
           "-W warning hides style", (rc, out))
    rc, out, _ = run("validate", "-W", "error", p)
    result(rc == 0 and out == b"", "-W error: nothing shown, exit 0", (rc, out))
    rc, out, _ = run("validate", "--W=warning", p)
    result(rc == 2 and b"[suppressed-unused]" not in out, "--W=warning spelling")
    style = page(tmp, "style/en-US/psh/Exit-PSSession.md",
                 with_notes("<!-- pshelp-disable placeholder -->\n"))
    rc, out, _ = run("validate", style)
    result(rc == 1, "only style notes: exit 1", (rc, out))
    rc, out, _ = run("validate", CLEAN)
    result(rc == 0 and out == b"", "a clean page: exit 0, no output", (rc, out))
    rc, out, _ = run("validate", os.path.join(tmp, "nope.md"))
    result(rc == 3 and b"[read-failed]" in out, "a missing page: exit 3", out)
    bad = page(tmp, "meta.json", "{")
    rc, out, _ = run("validate", "--metadata", bad, CLEAN)
    result(rc == 5 and b"[metadata-invalid]" in out, "bad metadata: exit 5", out)
    rc, out, _ = run("validate", "--baseline",
                     os.path.join(tmp, "no", "dir", "b.txt"), p)
    result(rc == 6 and b"[write-failed]" in out, "unwritable baseline: exit 6", out)


def test_baseline(tmp):
    p = page(tmp, "bl/en-US/psh/Exit-PSSession.md",
             with_notes("## BOGUS ONE\n\nText.\n"))
    bl = os.path.join(tmp, "known.txt")
    rc, out, err = run("validate", "--baseline", bl, p)
    result(rc == 0 and out == b"" and b"wrote baseline" in err,
           "a new baseline: written, nothing shown, exit 0", (rc, out, err))
    text = open(bl, encoding="utf-8").read() if os.path.exists(bl) else ""
    lines = text.splitlines()
    result(lines[:1] == ["# pshelp baseline 1"] and
           any(l.split("\t")[1:2] == ["heading-unknown"] for l in lines[1:]),
           "the baseline records file, slug and message", text)
    result(sorted(os.listdir(tmp)) == sorted(["bl", "known.txt"]),
           "no temporary file left beside the baseline", os.listdir(tmp))
    rc, out, _ = run("validate", "--baseline", bl, p)
    result(rc == 0 and out == b"", "the same run again: nothing new", (rc, out))
    # Lines move (text before the old problem) and a new problem appears.
    moved = with_notes("## BOGUS ONE\n\nText.\n").replace(
        "## DESCRIPTION\n", "## DESCRIPTION\n\nOne more\nparagraph.\n\n")
    moved = moved.replace("## NOTES\n", "## BOGUS TWO\n\nText.\n\n## NOTES\n")
    page(tmp, "bl/en-US/psh/Exit-PSSession.md", moved)
    rc, out, _ = run("validate", "--baseline", bl, p)
    result(rc == 2 and b"BOGUS TWO" in out and b"BOGUS ONE" not in out,
           "after an edit elsewhere: only the new diagnostic", (rc, out))
    # A multiset: two equal diagnostics, one recorded.
    page(tmp, "bl/en-US/psh/Exit-PSSession.md",
         with_notes("## BOGUS ONE\n\nText.\n\n## BOGUS ONE\n\nText.\n"))
    rc, out, _ = run("validate", "--format", "json", "--baseline", bl, p)
    shown = json.loads(out) if rc >= 0 else []
    result(rc == 2 and len(shown) == 1, "a recorded diagnostic covers one of two equal ones",
           (rc, out))
    # Baselines hold the untranslated message: written in Swedish, they
    # still match in English.
    page(tmp, "bl/en-US/psh/Exit-PSSession.md",
         with_notes("## BOGUS ONE\n\nText.\n"))
    sv = os.path.join(tmp, "sv.txt")
    rc, out, _ = run("validate", p, lang="sv_SE.UTF-8")
    result(rc == 2 and "rubriken".encode() in out,
           "validate speaks Swedish with LANG=sv_SE.UTF-8", out)
    run("validate", "--baseline", sv, p, lang="sv_SE.UTF-8")
    rc, out, _ = run("validate", "--baseline", sv, p)
    result(rc == 0 and out == b"", "a Swedish baseline matches in English",
           (rc, out))
    page(tmp, "bad.txt", "# pshelp baseline 1\nno tabs here\n")
    rc, out, _ = run("validate", "--baseline", os.path.join(tmp, "bad.txt"), p)
    result(rc == 5 and b"[baseline-invalid]" in out and b"line 2" in out,
           "a malformed baseline line: exit 5", out)


def test_suppression(tmp):
    p = page(tmp, "sup/en-US/psh/Exit-PSSession.md", with_notes(
        "<!-- pshelp-disable heading-unknown,section-duplicate -->\n\n"
        "## BOGUS\n\nText.\n\n## NOTES\n\nA second NOTES section.\n"))
    rc, out, _ = run("validate", p)
    result(rc == 0 and out == b"",
           "pshelp-disable with a comma list silences the page's diagnostics", (rc, out))
    p = page(tmp, "sup3/en-US/psh/Exit-PSSession.md", with_notes(
        "<!-- pshelp-disable suppressed-unused -->\n"))
    rc, out, _ = run("validate", p)
    result(rc == 1 and b"'pshelp-disable suppressed-unused'" in out,
           "suppressed-unused is never silenced (it would silence itself)", out)
    p = page(tmp, "sup2/en-US/psh/Exit-PSSession.md", with_notes(
        "<!--pshelp-disable  no-such-slug -->\n"))
    rc, out, _ = run("validate", p)
    result(rc == 1 and b"'pshelp-disable no-such-slug' silences nothing" in out,
           "an unknown slug: suppressed-unused", out)


def check_sarif_shape(doc):
    """Problems with doc as a SARIF 2.1.0 log (the parts we write)."""
    problems = []
    if doc.get("version") != "2.1.0" or "sarif-schema-2.1.0" not in doc.get("$schema", ""):
        problems.append("version or $schema")
    runs = doc.get("runs")
    if not isinstance(runs, list) or len(runs) != 1:
        return problems + ["runs is not one run"]
    driver = runs[0].get("tool", {}).get("driver", {})
    if driver.get("name") != "pshelp" or ":" not in driver.get("informationUri", ""):
        problems.append("tool.driver name or informationUri")
    rules = driver.get("rules", [])
    ids = [r.get("id") for r in rules]
    if len(set(ids)) != len(ids) or not all(r.get("shortDescription", {}).get("text") for r in rules):
        problems.append("rules: ids unique, shortDescription.text")
    for r in runs[0].get("results", []):
        idx = r.get("ruleIndex")
        if not isinstance(idx, int) or idx >= len(rules) or ids[idx] != r.get("ruleId"):
            problems.append(f"ruleIndex of {r.get('ruleId')}")
        if r.get("level") not in ("none", "note", "warning", "error"):
            problems.append(f"level {r.get('level')}")
        if not isinstance(r.get("message", {}).get("text"), str):
            problems.append("message.text")
        for loc in r.get("locations", []):
            pl = loc["physicalLocation"]
            uri = pl["artifactLocation"]["uri"]
            if re.search(r"[^A-Za-z0-9\-._~/%]", uri):
                problems.append(f"uri not percent-encoded: {uri}")
            reg = pl.get("region")
            if reg and (reg["startLine"] < 1 or reg["startColumn"] < 1):
                problems.append("region")
    return problems


def test_formats(tmp):
    p = page(tmp, "fmt/en-US/psh/Exit-PSSession.md", with_notes(
        "## BOGUS\n\nText.\n\n<!-- pshelp-disable placeholder -->\n"))
    rc, out, _ = run("validate", "--format", "json", p)
    try:
        arr = json.loads(out)
        keys_ok = all(list(d) == ["file", "line", "column", "level", "id", "message", "detail"]
                      for d in arr)
        result(rc == 2 and len(arr) == 2 and keys_ok and
               {d["level"] for d in arr} == {"warning", "style"},
               "JSON: an array of objects with stable keys", out)
    except ValueError as e:
        result(False, "JSON parses", e)
    rc, out, _ = run("validate", "--format", "sarif", p)
    try:
        doc = json.loads(out)
        problems = check_sarif_shape(doc)
        levels = sorted(r["level"] for r in doc["runs"][0]["results"])
        result(rc == 2 and not problems and levels == ["note", "warning"],
               "SARIF: 2.1.0 shape, style is a note", problems or out)
    except (ValueError, KeyError) as e:
        result(False, "SARIF parses", e)
    rc, out, _ = run("validate", "--format", "sarif", CLEAN)
    doc = json.loads(out) if out else {}
    result(rc == 0 and doc.get("runs", [{}])[0].get("results") == [],
           "SARIF of a clean page: no results")


def test_hostile(tmp):
    name = "Exit\x1b[31m-PS\x07Session\n.md"
    p = page(tmp, "h/en-US/psh/" + name)
    for fmt in ("text", "json", "sarif"):
        rc, out, err = run("validate", "--format", fmt, p)
        raw = any(c in out + err for c in (b"\x1b", b"\x07"))
        result(rc in (1, 2, 3) and not raw,
               f"control bytes of a file name never reach the output raw ({fmt})",
               (rc, out[:300]))
    rc, out, _ = run("validate", "--format", "json", p)
    try:
        files = {d["file"] for d in json.loads(out)}
        result(files == {p}, "JSON keeps the name, escaped", files)
    except ValueError as e:
        result(False, "JSON of a hostile name parses", e)
    rc, out, _ = run("validate", "--format", "sarif", p)
    try:
        doc = json.loads(out)
        result(not check_sarif_shape(doc), "SARIF of a hostile name: uri percent-encoded",
               check_sarif_shape(doc))
    except ValueError as e:
        result(False, "SARIF of a hostile name parses", e)
    # Many links in a translation and its source: every check stays
    # linear (they once compared each link with every other).
    links = "".join(f"See [L{i}](Get-L{i}.md).\n\n" for i in range(20000))
    related = "".join(f"[L{i}](Get-L{i}.md)\n\n" for i in range(20000))
    many = with_notes(links).replace("## RELATED LINKS\n", "## RELATED LINKS\n\n" + related)
    page(tmp, "many/en-US/psh/Exit-PSSession.md", many)
    p = page(tmp, "many/sv-SE/psh/Exit-PSSession.md", many)
    rc, out, err = run("validate", "-W", "error", p)
    result(rc in (0, 3), "20,000 links in a translation: done in time", (rc, err[:200]))
    fifo = os.path.join(tmp, "fifo", "en-US", "psh", "Exit-PSSession.md")
    os.makedirs(os.path.dirname(fifo))
    os.mkfifo(fifo)
    rc, out, err = run("validate", fifo)
    result(rc != -1, "a FIFO as a page does not hang", (rc, out, err))
    rc, out, err = run("validate", os.path.join(tmp, "fifo"))
    result(rc == 0 and out == b"", "a FIFO in a folder is no page; no hang", (rc, out, err))
    d = os.path.join(tmp, "dirpage", "en-US", "psh", "Exit-PSSession.md")
    os.makedirs(d)
    rc, out, err = run("validate", d)
    result(rc == 0 and out == b"", "a folder named like a page is walked (empty)", (rc, out))
    loop = os.path.join(tmp, "loop", "en-US", "psh")
    os.makedirs(loop)
    page(tmp, "loop/en-US/psh/Exit-PSSession.md")
    os.symlink("..", os.path.join(loop, "up"))
    os.symlink("loop-b", os.path.join(loop, "loop-a"))
    os.symlink("loop-a", os.path.join(loop, "loop-b"))
    rc, out, err = run("validate", os.path.join(tmp, "loop"))
    result(rc == 0 and out == b"", "symbolic link loops end; the page is checked once",
           (rc, out, err))


def test_walk_order(tmp):
    for m in ("b", "a", "c"):
        page(tmp, f"w/en-US/{m}/Exit-PSSession.md", with_notes("## BOGUS\n\nText.\n"))
    rc, out, _ = run("validate", os.path.join(tmp, "w"), os.path.join(tmp, "w/en-US/a"))
    files = [l.split(":")[0] for l in out.decode().splitlines()]
    result(rc == 2 and files == sorted(files) and len(files) == 3,
           "folders walked in byte order, each page once", out)


def main():
    test_dispatch()
    with tempfile.TemporaryDirectory(prefix="pshelp-test-") as tmp:
        for test in (test_levels, test_baseline, test_suppression, test_formats,
                     test_hostile, test_walk_order):
            sub = os.path.join(tmp, test.__name__)
            os.makedirs(sub)
            test(sub)
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
