#!/usr/bin/env python3
"""pshelp pot, translate and gettextize as whole programs.  TAP output.

  run-l10n.py PSHELP SOURCE_ROOT [--update]

Runs in tests/l10n, so that references in the templates are the relative
pages/... paths.  Golden templates are in expected/; --update rewrites them.
With PSHELP_SHARED naming ../shared, every corpus page also gets the
identity round trips, and the en-US/sv-SE pairs the gettextize figures.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

PSHELP, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
UPDATE = "--update" in sys.argv
HERE = os.path.join(ROOT, "tests", "l10n")
SHARED = os.environ.get("PSHELP_SHARED", os.path.join(ROOT, "..", "shared"))
EN = "pages/en-US/Fixtures"
GOLDEN = {"Get-Thing": f"{EN}/Get-Thing.md",
          "about_Thing": f"{EN}/About/about_Thing.md",
          "Set-Thing": f"{EN}/Set-Thing.md"}

n = failed = 0


def ok(cond, name, why=""):
    global n, failed
    n += 1
    if not cond:
        failed += 1
        print(f"not ok {n} - {name}")
        for line in str(why).splitlines()[:30]:
            print(f"#   {line}")
    else:
        print(f"ok {n} - {name}")


def skip(name, why):
    global n
    n += 1
    print(f"ok {n} - {name} # SKIP {why}")


def run(*args, cmd=PSHELP):
    p = subprocess.run([cmd, *args], capture_output=True, cwd=HERE,
                       timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace"), \
        p.stderr.decode("utf-8", "replace")


def read(path):
    with open(os.path.join(HERE, path), "rb") as f:
        return f.read()


def write(path, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def body(data):
    """What follows the front matter."""
    text = data.decode("utf-8")
    m = re.match(r"(\ufeff)?---\r?\n.*?\n---\r?\n", text, re.S)
    return text[m.end():] if m else text


def have(tool):
    return shutil.which(tool) is not None


# ---------- pot ----------

def test_golden_pots():
    for name, page in GOLDEN.items():
        rc, out, err = run("pot", page)
        path = os.path.join(HERE, "expected", name + ".pot")
        if UPDATE:
            write(path, out)
        want = open(path, encoding="utf-8").read()
        ok(rc == 0 and out == want, f"pot of {name} equals expected/{name}.pot",
           err + "".join(l for l in __import__("difflib").unified_diff(
               want.splitlines(True), out.splitlines(True), "expected",
               "actual")))


def test_pot_rules():
    rc, out, err = run("pot", GOLDEN["Get-Thing"])
    msgids = re.findall(r'^msgid "(.*)"', out, re.M)
    ok("Type: System.Int32" not in out and "Get-Thing -Name a*" not in out,
       "yaml and code blocks are never extracted")
    ok("-Count" not in msgids and "System.String" not in msgids and
       "Get-Thing" not in msgids, "parameter headings, type names and the "
       "command's name are not extracted", msgids)
    ok('msgid "None"' in out, "an OUTPUTS entry that says None is extracted")
    ok('msgctxt "Get-Thing|PARAMETERS|-Name"' in out,
       "msgctxt names the page, the section and the parameter")
    ok("#. paragraph in DESCRIPTION" in out and
       re.search(r"#: pages/en-US/Fixtures/Get-Thing.md:\d+", out) and
       "#, md-text" in out, "comments, file:line references and md-text")
    ok("cmdlet gets things from the store that you name. Without " in out,
       "soft line breaks are joined by one space")
    ok("[Online version](https://example.org/get-thing)" in out and
       "[Set-Thing](Set-Thing.md)" not in out,
       "a related link keeps its target; a link to a command is no unit")
    rc2, out2, _ = run("pot", GOLDEN["Get-Thing"])
    ok(out == out2, "the template is the same on every run")
    if have("msgfmt"):
        p = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", "-"],
                           input=out.encode(), capture_output=True)
        ok(p.returncode == 0, "msgfmt -c accepts the template",
           p.stderr.decode())
    else:
        skip("msgfmt -c accepts the template", "no msgfmt")


def test_per_page(tmp):
    d = os.path.join(tmp, "pots")
    os.makedirs(d)
    rc, out, err = run("pot", "--per-page", "-o", d, "pages/en-US")
    names = sorted(os.listdir(d))
    ok(rc == 0 and names == ["Get-Thing.pot", "Set-Thing.pot",
                             "about_Thing.pot"],
       "--per-page writes a template per page of a folder", names)
    rc, out, err = run("pot", "--per-page", "pages/en-US")
    ok(rc == 5 and "-o FOLDER" in err, "--per-page without -o is bad usage",
       err)
    twins = os.path.join(tmp, "twins")
    for m in ("A", "B"):
        os.makedirs(os.path.join(twins, m))
        shutil.copy(os.path.join(HERE, GOLDEN["Get-Thing"]),
                    os.path.join(twins, m, "Get-Thing.md"))
    d2 = os.path.join(tmp, "pots2")
    os.makedirs(d2)
    rc, out, err = run("pot", "--per-page", "-o", d2, twins)
    ok(rc == 3 and "another page of that name" in err and
       os.listdir(d2) == ["Get-Thing.pot"],
       "two pages of one name never overwrite each other's template", err)


def test_front_matter_quotes(tmp):
    root = os.path.join(tmp, "root")
    pages = {}
    for cul, desc in (("en-US", "'It''s \"quoted\": yes'"),
                      ("sv-SE", "'Det''s \"citerat\": ja'")):
        d = os.path.join(root, cul)
        os.makedirs(d)
        pages[cul] = os.path.join(d, "about_Q.md")
        write(pages[cul], f"---\ndescription: {desc}\nLocale: {cul}\n---\n"
              "# about_Q\n\n## Short description\nShort.\n\n"
              "## Long description\n\nLong.\n")
    po = os.path.join(tmp, "q.po")
    rc, _, err = run("gettextize", "--no-fuzzy", "-o", po, pages["en-US"],
                     pages["sv-SE"])
    text = open(po, encoding="utf-8").read()
    ok('msgid "It\'s \\"quoted\\": yes"' in text,
       "a quoted front matter value is offered as YAML reads it", text)
    out = os.path.join(tmp, "q.md")
    rc, _, err = run("translate", "-p", po, "-l", "sv-SE", "-k", "0", "-o",
                     out, pages["en-US"])
    ok(read(out) == read(pages["sv-SE"]),
       "and written back quoted as the page quoted it", err +
       read(out).decode()[:200])


# ---------- translate ----------

def identity(page, tmp):
    """Empty catalog and msgstr = msgid: both give the page back."""
    pot = os.path.join(tmp, "id.pot")
    out = os.path.join(tmp, "id.md")
    rc, _, err = run("pot", "-o", pot, page)
    if rc:
        return False, err
    rc, _, err = run("translate", "-p", pot, "-l", "en-US", "-k", "0",
                     "-o", out, page)
    if rc or open(out, "rb").read() != read(page):
        return False, "empty catalog: " + err
    if not have("msgen"):
        return True, ""
    subprocess.run(["msgen", "-o", pot + ".id", pot], check=True)
    rc, _, err = run("translate", "-p", pot + ".id", "-l", "en-US", "-k",
                     "0", "-o", out, page)
    return rc == 0 and open(out, "rb").read() == read(page), \
        "identity catalog: " + err


def test_identity(tmp):
    pages = list(GOLDEN.values())
    help_dir = os.path.join(ROOT, "help", "en-US")
    pages += [os.path.join(help_dir, f) for f in sorted(os.listdir(help_dir))
              if f.endswith(".md")]
    for p in pages:
        good, why = identity(p, tmp)
        ok(good, f"identity round trips give {os.path.basename(p)} back",
           why)


def test_translate_sv(tmp):
    po = os.path.join(tmp, "sv.po")
    out = os.path.join(tmp, "Get-Thing.sv.md")
    rc, _, err = run("gettextize", "-o", po, GOLDEN["Get-Thing"],
                     "pages/sv-SE/Fixtures/Get-Thing.md")
    text = open(po, encoding="utf-8").read()
    ok(rc == 0 and "units paired" in err and
       '"Language: sv-SE\\n"' in text and "#, fuzzy, md-text" in text,
       "gettextize pairs every unit; the catalog is fuzzy by default", err)
    rc, _, err = run("translate", "-p", po, "-l", "sv-SE", "-o", out,
                     GOLDEN["Get-Thing"])
    ok(rc == 1 and not os.path.exists(out) and
       "[translate-threshold]" in err,
       "fuzzy translations are not used: below -k 80 nothing is written",
       err)
    rc, _, err = run("gettextize", "--no-fuzzy", "-o", po,
                     GOLDEN["Get-Thing"], "pages/sv-SE/Fixtures/Get-Thing.md")
    rc, _, err = run("translate", "-p", po, "-l", "sv-SE", "-o", out,
                     GOLDEN["Get-Thing"])
    got = open(out, "rb").read()
    want = read("pages/sv-SE/Fixtures/Get-Thing.md")
    ok(rc == 0 and got == want,
       "gettextize then translate gives the Swedish page back", err)
    ok("translated, 0 fuzzy, 0 untranslated (100%)" in err,
       "per-page statistics are printed", err)
    root = os.path.join(tmp, "root")
    for cul, src in (("en-US", GOLDEN["Get-Thing"]), ("sv-SE", out)):
        os.makedirs(os.path.join(root, cul, "Fixtures"))
        shutil.copy(os.path.join(HERE, src) if cul == "en-US" else src,
                    os.path.join(root, cul, "Fixtures", "Get-Thing.md"))
    rc, o1, e1 = run("validate", "-W", "warning", os.path.join(root, "en-US"))
    rc2, o2, e2 = run("validate", "-W", "warning",
                      os.path.join(root, "sv-SE"))
    ok(rc2 == rc and "translation-" not in o2 + e2,
       "validate reports nothing on the Swedish page that its source lacks",
       o2 + e2)


def test_gettextize_unaligned(tmp):
    po = os.path.join(tmp, "de.po")
    rc, _, err = run("gettextize", "-o", po, GOLDEN["Get-Thing"],
                     "pages/de-DE/Fixtures/Get-Thing.md")
    ok(rc == 2 and "[unit-unaligned]" in err and
       "'This command gets every thing" in err and
       os.path.exists(po),
       "a unit the translation lacks is listed; the catalog is written",
       err)
    text = open(po, encoding="utf-8").read()
    ok('msgstr "Ruft die Dinge eines Speichers ab."' in text,
       "the other units get their German text")


def catalog(entries, header_extra=""):
    head = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; '
            'charset=UTF-8\\n"\n' + header_extra + "\n")
    return head + "".join(
        f'msgctxt "{c}"\nmsgid "{i}"\nmsgstr "{s}"\n\n'
        for c, i, s in entries)


def test_refused_translations(tmp):
    po = os.path.join(tmp, "bad.po")
    out = os.path.join(tmp, "out.md")
    write(po, catalog([
        ("Get-Thing|NOTES", "Things are read when the command runs; later "
         "changes are not seen.", "# Rubrik"),
        ("Get-Thing|DESCRIPTION", "Name", "a|b"),
        ("Get-Thing|SYNOPSIS", "Gets the things of a store.",
         "Hämtar\\n```\\nkod"),
        ("Get-Thing|DESCRIPTION", "Age", "Ålder"),
        ("Get-Thing|DESCRIPTION", "The thing's name.", "Tingets \\\\\\\\| namn"),
        ("Get-Thing|OUTPUTS", "This cmdlet returns nothing when the store is "
         "empty.", "Inget.\\n\\nEtt stycke till."),
        ("Get-Thing|INPUTS", "You can pipe names to this cmdlet.",
         "[x]: https://example.org/x"),
    ]))
    rc, _, err = run("translate", "-p", po, "-l", "sv-SE", "-k", "0", "-o",
                     out, GOLDEN["Get-Thing"])
    got = open(out, encoding="utf-8").read()
    ok(rc == 3 and err.count("[msgstr-structure]") == 6,
       "a heading, '|' in a cell (after an escaped backslash too), a code "
       "fence, a blank line and a link definition are refused", err)
    ok("Things are read when the command runs" in got and "# Rubrik" not in
       got and "| Ålder " in got and "Locale: sv-SE" in got,
       "refused units keep their English; the others are spliced in")


def test_msgmerge_flow(tmp):
    if not (have("msgmerge") and have("msgen")):
        skip("msgmerge marks a changed unit fuzzy", "no gettext tools")
        return
    old_pot = os.path.join(tmp, "old.pot")
    po = os.path.join(tmp, "sv.po")
    run("gettextize", "--no-fuzzy", "-o", po, GOLDEN["Get-Thing"],
        "pages/sv-SE/Fixtures/Get-Thing.md")
    page = os.path.join(tmp, "en-US", "Fixtures", "Get-Thing.md")
    os.makedirs(os.path.dirname(page))
    src = read(GOLDEN["Get-Thing"]).decode()
    write(page, src.replace("How many things to get at most.",
                            "How many things to get, at most."))
    new_pot = os.path.join(tmp, "new.pot")
    run("pot", "-o", new_pot, page)
    merged = os.path.join(tmp, "merged.po")
    p = subprocess.run(["msgmerge", "-q", "-o", merged, po, new_pot],
                       capture_output=True)
    text = open(merged, encoding="utf-8").read()
    ok(p.returncode == 0 and re.search(
        r"#, fuzzy.*\n(#\|.*\n)*msgctxt \"Get-Thing\|PARAMETERS\|-Count\"",
        text), "msgmerge marks the changed unit fuzzy", p.stderr.decode())
    out = os.path.join(tmp, "out.md")
    rc, _, err = run("translate", "-p", merged, "-l", "sv-SE", "-o", out,
                     page)
    got = open(out, encoding="utf-8").read()
    ok(rc == 0 and "How many things to get, at most." in got and
       "Hämtar sakerna i ett lager." in got and
       "1 fuzzy" in err, "the changed unit shows its English, the rest "
       "stays translated", err)


def test_bad_catalogs(tmp):
    out = os.path.join(tmp, "keep.md")
    write(out, "an existing page\n")
    cases = [
        ("syntax", 'msgid "a"\nmsgstr "b\n', "[po-syntax]"),
        ("charset", catalog([]).replace("UTF-8", "ISO-8859-1"),
         "[po-charset]"),
        ("plural", catalog([]) + 'msgid "a"\nmsgid_plural "as"\n'
         'msgstr[0] "b"\nmsgstr[1] "bs"\n', "[po-plural]"),
        ("control", catalog([("Get-Thing|NOTES", "x", "y\\033[31m")]),
         "[po-syntax]"),
        # a Big5 trail byte can be a backslash: read with iconv, then
        # refused for its charset (not misread as an escaped quote)
        ("Big5", catalog([]).replace("UTF-8", "BIG5").encode() +
         b'msgid "a"\nmsgstr "\xb3\x5c"\n', "[po-charset]"),
    ]
    for name, text, want in cases:
        po = os.path.join(tmp, name + ".po")
        write(po, text)
        rc, _, err = run("translate", "-p", po, "-l", "sv-SE", "-o", out,
                         GOLDEN["Get-Thing"])
        ok(rc == 3 and want in err and read(out) == b"an existing page\n",
           f"a catalog with {name} trouble is refused, the page untouched",
           err)
        ok("\033" not in err, f"{name}: nothing raw reaches the terminal")
    rc, _, err = run("translate", "-p", os.path.join(tmp, "none.po"), "-l",
                     "sv-SE", "-o", out, GOLDEN["Get-Thing"])
    ok(rc == 3 and "[po-read-failed]" in err, "a missing catalog", err)
    big = os.path.join(tmp, "big.po")
    with open(big, "wb") as f:
        f.truncate((64 << 20) + 1)
    rc, _, err = run("translate", "-p", big, "-l", "sv-SE", "-o", out,
                     GOLDEN["Get-Thing"])
    ok(rc == 3 and "[po-too-large]" in err, "a catalog over 64 MiB", err)
    fifo = os.path.join(tmp, "fifo.po")
    os.mkfifo(fifo)
    try:
        p = subprocess.run([PSHELP, "translate", "-p", fifo, "-l", "sv-SE",
                            "-k", "0", "-o", os.path.join(tmp, "f.md"),
                            os.path.join(HERE, GOLDEN["Get-Thing"])],
                           capture_output=True, timeout=20)
        ok(p.returncode == 0, "a FIFO without a writer reads as an empty "
           "catalog, without hanging", p.stderr.decode())
    except subprocess.TimeoutExpired:
        ok(False, "a FIFO without a writer reads as an empty catalog, "
           "without hanging", "timed out")
    po = os.path.join(tmp, "stale.po")
    write(po, catalog([("Get-Thing|NOTES", "Text the page lost.", "Text.")]))
    rc, _, err = run("translate", "-p", po, "-l", "sv-SE", "-k", "0", "-o",
                     os.path.join(tmp, "s.md"), GOLDEN["Get-Thing"])
    ok(rc == 0 and "stale.po:6:1: warning" in err and
       "[po-msgid-unknown]" in err,
       "an entry for the page that it does not have is reported at its "
       "line in the catalog", err)
    write(po, catalog([("Get-Thing|NOTES", "Text the page lost.",
                        "Text.")]).replace("\n", "\r\n"))
    rc, _, err = run("translate", "-p", po, "-l", "sv-SE", "-k", "0", "-o",
                     os.path.join(tmp, "s.md"), GOLDEN["Get-Thing"])
    ok("stale.po:6:1: warning" in err, "the same line in a CRLF catalog",
       err)
    po = os.path.join(tmp, "warn.po")
    write(po, 'msgid ""\nmsgstr ""\n"Language: sv\\n"\n\n'
          'msgid "a"\nmsgstr "b"\n')
    rc, _, err = run("translate", "-p", po, "-l", "sv-SE", "-k", "0", "-o",
                     os.path.join(tmp, "w.md"), GOLDEN["Get-Thing"])
    ok(rc == 0 and "[po-warning]" in err,
       "libgettextpo's warnings become diagnostics (no charset)", err)


def test_lint(tmp):
    rc, out, err = run("lint", "--source", GOLDEN["Get-Thing"],
                       "pages/sv-SE/Fixtures/Get-Thing.md")
    ok(rc == 0 and "[lint-" not in out + err and
       "translations checked" in err,
       "lint finds nothing in the Swedish fixture", out + err)
    sv = read("pages/sv-SE/Fixtures/Get-Thing.md").decode()
    broken = sv.replace("Cmdleten `Get-Thing` hämtar", "Cmdleten `Hämta-Sak` "
                        "hämtar").replace(
        "[Onlineversion](https://example.org/get-thing)",
        "[Onlineversion](https://example.org/hamta)").replace(
        "[about_Thing](About/about_Thing.md)", "[om_Sak](About/about_Thing.md)")
    page = os.path.join(tmp, "sv-SE", "Fixtures", "Get-Thing.md")
    os.makedirs(os.path.dirname(page))
    write(page, broken)
    rc, out, err = run("lint", "--source", GOLDEN["Get-Thing"], page)
    ok(rc == 3 and "[lint-code-span]" in err and
       "[lint-link-target]" in err and
       "link text 'om_Sak' should name its target 'about_Thing' "
       "[lint-link-text]" in err and
       re.search(r"Get-Thing.md:\d+:1: ", err),
       "a changed code span, URL and link text are found at their lines",
       err)
    ok("lint-code-span 1" in err and "lint-link-target 1" in err,
       "the count of each check is printed", err)
    po = os.path.join(tmp, "lint.po")
    write(po, catalog([
        ("Get-Thing|PARAMETERS|-Name", "The name.", "Namnet."),
        ("Get-Thing|NOTES",
         "Use **Name** with System.Management.Automation.PSObject and "
         "Get-Thing.",
         "Använd **namn** med System. Management. Automation. PSObject och "
         "Hämta-Sak."),
        ("Get-Thing|DESCRIPTION", "The `Get-Thing` cmdlet.",
         "`Get-Thing`cmdleten."),
        ("Get-Thing|DESCRIPTION", "A **locked** thing.", "En **låst sak."),
    ]))
    rc, out, err = run("lint", "-p", po)
    ok(err.count("[lint-name]") == 3 and "lint.po:10:1:" in err,
       "broken names and a parameter in bold are found, at the catalog's "
       "line", err)
    ok("[lint-code-spacing]" in err and "[lint-emphasis]" in err and
       rc == 2, "a glued code span and open emphasis are found", err)


def test_help_catalogs(tmp):
    """help/po: every culture's catalog complete, clean and built."""
    po_dir = os.path.join(ROOT, "help", "po")
    cultures = [l.split("#")[0].strip() for l in
                open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8")]
    cultures = [c for c in cultures if c]
    ok(cultures == ["sv-SE"], "help/po/LINGUAS lists the help cultures",
       cultures)
    built = os.path.join(os.path.dirname(PSHELP), "..", "help")
    en = os.path.join(ROOT, "help", "en-US")
    pages = sorted(f for f in os.listdir(en) if f.endswith(".md"))
    for c in cultures:
        po = os.path.join(po_dir, c + ".po")
        rc, out, err = run("lint", "-p", po)
        ok(rc == 0 and "[lint-" not in err, f"lint finds nothing in "
           f"help/po/{c}.po", err)
        full = []
        for p in pages:
            rc, _, err = run("translate", "-p", po, "-l", c, "-k", "100",
                             "-o", os.path.join(tmp, p), os.path.join(en, p))
            if rc != 0 or "(100%)" not in err:
                full.append(p + ": " + err)
        ok(not full, f"help/po/{c}.po translates every unit of every page",
           "\n".join(full))
        got = sorted(os.listdir(os.path.join(built, c)))
        same = all(open(os.path.join(built, c, p), "rb").read() ==
                   open(os.path.join(tmp, p), "rb").read() for p in pages)
        ok(got == pages and same, f"the build wrote help/{c}/ from the "
           "catalog", got)
        rc, out, err = run("validate", "-W", "warning", "--path",
                           os.path.join(ROOT, "help"),
                           os.path.join(built, c))
        ok(rc == 0 and out == "", f"validate finds nothing in help/{c}/ "
           "against its source", out + err)
    env = dict(os.environ, LANG="sv_SE.UTF-8")
    env.pop("PSHELP_PATH", None)
    env.pop("LC_ALL", None)
    env.pop("LANGUAGE", None)
    get_help = os.path.join(os.path.dirname(PSHELP), "get-help")
    p = subprocess.run([get_help, "Exit-PSSession"], capture_output=True,
                       env=env, timeout=60)
    text = p.stdout.decode("utf-8", "replace")
    ok(p.returncode == 0 and "SAMMANFATTNING" in text and
       "Avslutar den interaktiva session" in text,
       "LANG=sv_SE.UTF-8 get-help Exit-PSSession shows the Swedish page",
       text[:600] + p.stderr.decode())


def test_usage():
    for sub in ("pot", "translate", "gettextize", "lint"):
        rc, out, err = run(sub, "--help")
        ok(rc == 0 and out.startswith(f"Usage: pshelp {sub}"),
           f"pshelp {sub} --help")
        rc, out, err = run(sub)
        ok(rc == 5 and "error:" in err, f"pshelp {sub} without arguments "
           "is bad usage", err)
    rc, _, err = run("translate", "-p", "x.po", "-l", "Swedish", "-o", "x",
                     "y.md")
    ok(rc == 5 and "not a culture name" in err, "-l wants a culture", err)
    rc, _, err = run("translate", "-p", "x.po", "-l", "sv-SE", "-k", "101",
                     "-o", "x", "y.md")
    ok(rc == 5 and "percentage" in err, "-k wants 0 to 100", err)


# ---------- the corpus ----------

def test_writer_matches_msgcat(tmp):
    """Catalogs are written through libgettextpo's UTF-8 fast path (no
    iconv per character): the bytes must be msgcat's, which takes the
    general path, in every script; reading them back gives each page."""
    if not have("msgcat"):
        skip("the catalog writer matches msgcat", "no msgcat")
        return
    pages = os.path.join(ROOT, "tests", "golden", "translated", "pages")
    for cul in sorted(os.listdir(pages)):
        for dp, _, fs in os.walk(os.path.join(pages, cul)):
            for f in sorted(fs):
                if f == "Test-Fixture.md":
                    continue  # control characters: refused, tested above
                page = os.path.join(dp, f)
                src = page.replace(os.sep + cul + os.sep,
                                   os.sep + "en-US" + os.sep)
                if cul == "en-US" or not os.path.exists(src):
                    continue
                po = os.path.join(tmp, f"{cul}-{f}.po")
                run("gettextize", "--no-fuzzy", "-o", po, src, page)
                mine = open(po, "rb").read()
                plain = re.sub(rb"(, md-text|#, md-text\n)", b"", mine)
                write(po + ".plain", plain)
                cat = subprocess.run(["msgcat", po + ".plain"],
                                     capture_output=True).stdout
                ok(plain == cat and len(plain) > 500,
                   f"{cul} {f}: the catalog is written as msgcat writes it",
                   "")
                # read back: the page it builds gives the same catalog
                out = os.path.join(tmp, f"{cul}-{f}")
                rc, _, err = run("translate", "-p", po, "-l", cul, "-k", "0",
                                 "-o", out, src)
                if " 0 untranslated" not in err:
                    continue  # an unaligned unit would come back English
                again = po + ".again"
                run("gettextize", "--no-fuzzy", "-o", again, src, out)
                ok(rc == 0 and open(again, "rb").read() == mine,
                   f"{cul} {f}: the catalog is read back as written", err)


def test_corpus(tmp):
    core = os.path.join(SHARED, "corpus", "en-US")
    if not os.path.isdir(core):
        skip("identity round trips over the corpus", "no ../shared")
        return
    pages = []
    for base in (core, os.path.join(SHARED, "schema-2024-05-01")):
        for dp, _, fs in os.walk(base):
            pages += [os.path.join(dp, f) for f in fs
                      if f.endswith(".md") and f != "SOURCES.md"]
    bad = [p for p in sorted(pages) if not identity(p, tmp)[0]]
    ok(not bad, f"identity round trips give all {len(pages)} corpus pages "
       "back byte for byte", bad[:10])


def main():
    with tempfile.TemporaryDirectory(prefix="pshelp-l10n-") as tmp:
        test_golden_pots()
        test_pot_rules()
        for t in (test_per_page, test_front_matter_quotes, test_identity,
                  test_translate_sv,
                  test_gettextize_unaligned, test_refused_translations,
                  test_msgmerge_flow, test_bad_catalogs, test_lint,
                  test_help_catalogs, test_writer_matches_msgcat,
                  test_corpus):
            d = os.path.join(tmp, t.__name__)
            os.makedirs(d)
            t(d)
        test_usage()
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
