#!/usr/bin/env python3
"""pshelp new and update as whole programs.  TAP output.

  run-update.py PSHELP SOURCE_ROOT

Pages are copied into a temporary folder and changed there: the project's
own help/ pages (consistent with psh's metadata, so update must leave them
byte-identical), broken copies of them (a wrong yaml field, a wrong SYNTAX
block, a parameter missing or stale, CRLF and a BOM, invalid UTF-8), the
PSSession-family pages of ../shared/corpus in en-US and sv-SE when
PSHELP_SHARED names that folder, and pages that `pshelp new` wrote.
"""
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

PSHELP, ROOT = sys.argv[1], sys.argv[2]
HELP = os.path.join(ROOT, "help", "en-US")
SHARED = os.environ.get("PSHELP_SHARED", os.path.join(ROOT, "..", "shared"))
COMMANDS = ["Connect-PSSession", "Disconnect-PSSession", "Enter-PSSession",
            "Exit-PSSession", "ForEach-Object", "Get-Command", "Get-Help",
            "Get-Job", "Get-PSSession", "Invoke-Command", "New-PSSession",
            "Out-Default", "Out-Host", "Out-Null", "Receive-Job",
            "Receive-PSSession", "Remove-Job", "Remove-PSSession",
            "Start-Sleep", "Wait-Job", "Where-Object", "Write-Output",
            "Write-Verbose", "Write-Warning"]

n = 0
failed = 0


def ok(cond, name, why=""):
    global n, failed
    n += 1
    if not cond:
        failed += 1
        print(f"not ok {n} - {name}")
        for line in str(why).splitlines()[:40]:
            print(f"#   {line}")
    else:
        print(f"ok {n} - {name}")


def skip(name, why):
    global n
    n += 1
    print(f"ok {n} - {name} # SKIP {why}")


def run(*args, cwd=None, preexec=None):
    p = subprocess.run([PSHELP, *args], capture_output=True, cwd=cwd,
                       timeout=60, preexec_fn=preexec)
    return p.returncode, p.stdout.decode("utf-8", "replace"), \
        p.stderr.decode("utf-8", "replace")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def help_page(name):
    return read(os.path.join(HELP, name + ".md")).decode("utf-8")


def param_section(text, name):
    """The `### -Name` section of a page, up to the next H3 or H2."""
    m = re.search(r"^### -%s\n.*?(?=^### |^## )" % re.escape(name), text,
                  re.S | re.M)
    return m.group(0)


def update_then_check(path, *extra):
    """update, then --check: the second run must find nothing to do."""
    rc1, _, err1 = run("update", *extra, path)
    before = read(path)
    rc2, out2, err2 = run("update", "--check", *extra, path)
    rc3, _, _ = run("update", *extra, path)
    return rc1, rc2, read(path) == before and rc3 == 0, err1 + err2 + out2


# ---------- the project's own pages ----------

def test_help_pages(tmp):
    pages = sorted(f for f in os.listdir(HELP) if re.match(r"\w+-\w+\.md$", f))
    ok(len(pages) == len(COMMANDS), "help/en-US has a page per command",
       pages)
    for f in pages:
        dst = os.path.join(tmp, f)
        shutil.copy(os.path.join(HELP, f), dst)
        rc, out, err = run("update", "--check", dst)
        ok(rc == 0 and out == "" and err == "",
           f"help page {f} is consistent (--check 0)", out + err)
        rc, out, err = run("update", dst)
        ok(rc == 0 and read(dst) == read(os.path.join(HELP, f)),
           f"update leaves help page {f} byte-identical", out + err)


# ---------- broken copies of help pages ----------

def broken_remove_pssession():
    """Remove-PSSession with a wrong Position and a wrong SYNTAX line."""
    good = help_page("Remove-PSSession")
    sec = param_section(good, "Name")
    bad = good.replace(sec, sec.replace("Position: Named", "Position: 5"))
    bad = bad.replace("Remove-PSSession -VMId <Guid[]> [-WhatIf]",
                      "Remove-PSSession -VMId <String> [-WhatIf]")
    assert bad != good
    return good, bad


def test_check_and_dry_run(tmp):
    good, bad = broken_remove_pssession()
    page = os.path.join(tmp, "Remove-PSSession.md")
    write(page, bad)
    rc, out, err = run("update", "--check", page)
    ok(rc == 1 and read(page) == bad.encode(),
       "--check exits 1 on a page that would change and writes nothing",
       f"rc={rc}\n{out}{err}")
    ok(out.strip() == page, "--check names the page", out)
    rc, out, err = run("update", "--dry-run", page)
    ok(rc == 0 and read(page) == bad.encode(),
       "--dry-run writes nothing", f"rc={rc}\n{err}")
    want = ["--- a/" + page, "+++ b/" + page, "-Position: 5",
            "+Position: Named", "-Remove-PSSession -VMId <String> [-WhatIf] "
            "[-Confirm] [<CommonParameters>]",
            "+Remove-PSSession -VMId <Guid[]> [-WhatIf] [-Confirm] "
            "[<CommonParameters>]"]
    lines = out.splitlines()
    ok(all(w in lines for w in want), "--dry-run prints a unified diff",
       out)
    changed = [l for l in lines if l[:1] in "+-" and l[:3] not in
               ("+++", "---")]
    ok(len(changed) == 4, "the diff changes only the two wrong lines", out)
    ok(re.search(r"^@@ -\d+,\d+ \+\d+,\d+ @@$", out, re.M) is not None,
       "the diff has hunk headers", out)
    rc, out, err = run("update", page)
    ok(rc == 0 and read(page) == good.encode(),
       "update restores the page exactly", out + err)
    rc, out, err = run("update", "--check", page)
    ok(rc == 0 and out == "", "--check exits 0 on a consistent page",
       out + err)


def test_crlf_bom(tmp):
    good, bad = broken_remove_pssession()

    def crlf_bom(s):
        return b"\xef\xbb\xbf" + s.replace("\n", "\r\n").encode()
    page = os.path.join(tmp, "crlf", "Remove-PSSession.md")
    os.makedirs(os.path.dirname(page))
    write(page, crlf_bom(bad))
    rc, out, err = run("update", page)
    got = read(page)
    ok(rc == 0 and got == crlf_bom(good),
       "a CRLF page with a BOM keeps its BOM and CRLF line ends",
       f"rc={rc} {err} start={got[:3]!r}")
    # a missing parameter inserted into a CRLF page uses CRLF too
    sec = param_section(good, "Name")
    write(page, crlf_bom(good.replace(sec, "")))
    rc, out, err = run("update", page)
    got = read(page)
    ok(rc == 0 and b"### -Name\r\n" in got and
       got.count(b"\n") == got.count(b"\r\n") and got[:3] == b"\xef\xbb\xbf",
       "text inserted into a CRLF page has CRLF line ends", err)


def expected_with_placeholder(good, name):
    """good with parameter name's description replaced by the placeholder."""
    sec = param_section(good, name)
    yaml = sec[sec.index("```yaml"):]
    return good.replace(sec, f"### -{name}\n\n{{{{ Fill {name} "
                        f"Description }}}}\n\n" + yaml)


def test_missing_params(tmp):
    good = help_page("Remove-PSSession")
    heads = re.findall(r"^### -(\w+)$", good, re.M)
    # first, a middle one and the last before CommonParameters
    for name in (heads[0], heads[len(heads) // 2], heads[-1]):
        page = os.path.join(tmp, f"missing-{name}", "Remove-PSSession.md")
        os.makedirs(os.path.dirname(page))
        write(page, good.replace(param_section(good, name), ""))
        rc, out, err = run("update", page)
        want = expected_with_placeholder(good, name)
        ok(rc == 0 and read(page) == want.encode(),
           f"missing parameter -{name} is added in the metadata's order",
           f"rc={rc} {err}")
        rc, out, err = run("update", "--check", page)
        ok(rc == 0, f"adding -{name} is idempotent", out + err)
    # every parameter missing: they go after the PARAMETERS heading
    page = os.path.join(tmp, "missing-all", "Exit-PSSession.md")
    os.makedirs(os.path.dirname(page))
    rm = help_page("Remove-PSSession")
    for name in heads:
        rm = rm.replace(param_section(rm, name), "")
    write(page, rm)
    rc, out, err = run("update", page)
    got = read(page).decode()
    found = re.findall(r"^### -(\w+)$", got, re.M)
    ok(rc == 0 and found == heads and "## PARAMETERS\n\n### -" in got,
       "a page without parameters gets all of them in order", found)


def test_missing_yaml_block(tmp):
    good = help_page("Remove-PSSession")
    sec = param_section(good, "Name")
    yaml = sec[sec.index("```yaml"):]
    page = os.path.join(tmp, "noyaml", "Remove-PSSession.md")
    os.makedirs(os.path.dirname(page))
    write(page, good.replace(sec, sec.replace(yaml, "")))
    rc, out, err = run("update", page)
    ok(rc == 0 and read(page) == good.encode(),
       "a parameter without a yaml block gets one", err)


def test_stale(tmp):
    good = help_page("Remove-PSSession")
    sec = param_section(good, "Name")
    stale = sec.replace("### -Name", "### -Bogus").replace(
        "Parameter Sets: Name", "Parameter Sets: Bogus")
    bad = good.replace(sec, sec + stale)
    page = os.path.join(tmp, "stale", "Remove-PSSession.md")
    os.makedirs(os.path.dirname(page))
    write(page, bad)
    rc, out, err = run("update", page)
    ok(rc == 0 and read(page) == bad.encode() and
       re.search(r"Remove-PSSession\.md:\d+:\d+: error: '-Bogus' is not a "
                 r"parameter of 'Remove-PSSession' \[param-stale\]", err),
       "a stale parameter is reported and kept", f"rc={rc} {err}")
    rc, out, err = run("update", "--remove-stale", page)
    ok(rc == 0 and read(page) == good.encode() and "[param-stale]" in err,
       "--remove-stale removes it and nothing else", f"rc={rc} {err}")
    # a stale SYNTAX set
    bad = good.replace("### ComputerName\n", "### Bogus\n\n```\n"
                       "Remove-PSSession -Bogus [<CommonParameters>]\n```\n\n"
                       "### ComputerName\n")
    write(page, bad)
    rc, out, err = run("update", page)
    ok(rc == 0 and read(page) == bad.encode() and
       "[syntax-set-stale]" in err, "a stale SYNTAX set is reported", err)
    rc, out, err = run("update", "--remove-stale", page)
    ok(rc == 0 and read(page) == good.encode(),
       "--remove-stale removes the stale SYNTAX set", err)
    # a missing SYNTAX set
    m = re.search(r"### VMName\n\n```\n.*?```\n\n", good, re.S)
    write(page, good.replace(m.group(0), ""))
    rc, out, err = run("update", page)
    ok(rc == 0 and read(page) == good.encode(),
       "a missing SYNTAX set is added in the metadata's order", err)


def test_inputs(tmp):
    good = help_page("Remove-PSSession")
    entry = ("### System.Management.Automation.Runspaces.PSSession\n\n"
             "You can pipe sessions to this cmdlet.\n")
    added = ("### System.Management.Automation.Runspaces.PSSession\n\n"
             "{{ Fill in the Description }}\n")
    ok(entry in good, "help/Remove-PSSession lists PSSession in INPUTS")
    page = os.path.join(tmp, "inputs", "Remove-PSSession.md")
    os.makedirs(os.path.dirname(page))
    cases = [
        ("a missing type is added after the last entry",
         good.replace(entry, "### System.String\n\nText.\n"),
         good.replace(entry, "### System.String\n\nText.\n\n" + added)),
        ("a missing type is added under an empty INPUTS heading",
         good.replace(entry + "\n", ""),
         good.replace(entry, added)),
        ("an INPUTS entry that says None gives way to the type",
         good.replace(entry, "### None\n\nYou cannot pipe objects.\n"),
         good.replace(entry, added)),
        ("a type named by its bare name is not added again",
         good.replace("### System.Management.Automation.Runspaces.PSSession",
                      "### PSSession"),
         None),
    ]
    for name, before, want in cases:
        write(page, before)
        rc, out, err = run("update", page)
        want = before if want is None else want
        ok(rc == 0 and read(page) == want.encode(), name,
           f"rc={rc} {err}\n" + read(page).decode()[-900:])
        rc, out, err = run("update", "--check", page)
        ok(rc == 0, name + ": a second run changes nothing", out + err)
    rc, out, err = run("validate", page)
    ok("[inputs-type-missing]" not in out + err,
       "validate finds nothing missing from INPUTS after update", out + err)


def test_failures(tmp):
    good, bad = broken_remove_pssession()
    d = os.path.join(tmp, "ro")
    os.makedirs(d)
    page = os.path.join(d, "Remove-PSSession.md")
    write(page, bad)
    if os.geteuid() != 0:
        os.chmod(d, 0o555)
        rc, out, err = run("update", page)
        os.chmod(d, 0o755)
        ok(rc == 6 and "[write-failed]" in err and read(page) == bad.encode()
           and os.listdir(d) == ["Remove-PSSession.md"],
           "a read-only folder gives write-failed and keeps the page",
           f"rc={rc} {err}")
    else:
        skip("a read-only folder gives write-failed", "running as root")

    def tiny_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    rc, out, err = run("update", page, preexec=tiny_files)
    ok(rc == 6 and "[write-failed]" in err and read(page) == bad.encode()
       and os.listdir(d) == ["Remove-PSSession.md"],
       "a write that fails half-way leaves the page intact, no temp file",
       f"rc={rc} {err} {os.listdir(d)}")
    hostile = os.path.join(tmp, "Hostile.md")
    data = good.encode().replace(b"closes sessions", b"closes \xff\xfe sessions")
    write(hostile, data)
    rc, out, err = run("update", hostile)
    ok(rc == 3 and "[utf8-invalid]" in err and read(hostile) == data,
       "a page with invalid UTF-8 is refused and kept", f"rc={rc} {err}")
    rc, out, err = run("update", os.path.join(tmp, "absent.md"))
    ok(rc == 3 and "[read-failed]" in err, "a missing page is read-failed",
       f"rc={rc} {err}")
    for args in (["--bogus", page], ["--check", "--dry-run", page], [],
                 ["--schema", "3.0", page]):
        rc, out, err = run("update", *args)
        ok(rc == 5 and "Usage: pshelp update" in err,
           f"update {' '.join(args)} is a usage error", f"rc={rc} {err}")
    rc, out, err = run("update", "--help")
    ok(rc == 0 and out.startswith("Usage: pshelp update"), "update --help")


# ---------- pshelp new ----------

def test_new(tmp):
    for schema in ("2.0.0", "2024-05-01"):
        d = os.path.join(tmp, "new-" + schema)
        os.makedirs(d)
        rc, out, err = run("new", "-o", d, "--schema", schema, *COMMANDS)
        ok(rc == 0 and sorted(os.listdir(d)) ==
           sorted(c + ".md" for c in COMMANDS),
           f"new writes a page per command ({schema})", err)
        for c in COMMANDS:
            page = os.path.join(d, c + ".md")
            text = read(page).decode()
            rc, out, err = run("update", "--check", page)
            ok(rc == 0 and out == "" and err == "",
               f"update --check finds nothing to do in new {c} ({schema})",
               out + err)
            # help/ pages are in either schema: compare with the same one
            page_schema = ("2024-05-01" if "PlatyPS schema version: 2024-05-01"
                           in help_page(c) else "2.0.0")
            if schema == page_schema:
                end = "## ALIASES" if schema != "2.0.0" else "## DESCRIPTION"
                syntax = text.split("## SYNTAX")[1].split(end)[0]
                want = help_page(c).split("## SYNTAX")[1].split(end)[0]
                ok(syntax == want, f"new {c}: SYNTAX as in help/", syntax)
                yamls = re.findall(r"```yaml\n.*?```", text, re.S)
                ok(yamls == re.findall(r"```yaml\n.*?```", help_page(c),
                                       re.S),
                   f"new {c}: yaml blocks as in help/")
            if schema != "2.0.0":
                ok("PlatyPS schema version: 2024-05-01" in text and
                   "## ALIASES" in text and ("ParameterSets:" in text or
                                             "### -" not in text),
                   f"new {c}: 2024-05-01 layout")
            ok("{{ Fill in the Description }}" in text,
               f"new {c}: placeholders ({schema})")
        # "?" and "%" start yaml syntax: plain, they would not be names.
        if schema == "2.0.0":
            for c, alias in (("Where-Object", "?"), ("ForEach-Object", "%")):
                front = read(os.path.join(d, c + ".md")).decode()
                front = front.split("---\n")[1]
                ok(f"  - '{alias}'\n" in front and
                   f"  - {alias}\n" not in front,
                   f"new {c}: the alias {alias} is quoted", front)
        rc, out, err = run("new", "--schema", schema, "Exit-PSSession")
        ok(rc == 0 and out.encode() ==
           read(os.path.join(d, "Exit-PSSession.md")),
           f"new without -o writes the same page to stdout ({schema})")
    d = os.path.join(tmp, "new-2.0.0")
    page = os.path.join(d, "Exit-PSSession.md")
    write(page, "mine\n")
    rc, out, err = run("new", "-o", d, "Exit-PSSession")
    ok(rc == 6 and "[write-failed]" in err and read(page) == b"mine\n",
       "new does not replace an existing page", f"rc={rc} {err}")
    rc, out, err = run("new", "-o", d, "--force", "exsn")
    ok(rc == 0 and read(page).startswith(b"---\n"),
       "new --force replaces it (the command named by its alias)", err)
    rc, out, err = run("new", "No-SuchCommand")
    ok(rc == 5 and "[metadata-invalid]" in err, "new of an unknown command",
       f"rc={rc} {err}")
    rc, out, err = run("new")
    ok(rc == 5 and "Usage: pshelp new" in err, "new without a command")
    rc, out, err = run("new", "--schema", "1.0", "Exit-PSSession")
    ok(rc == 5, "new with an unknown schema")
    # new, fill the placeholders, update: nothing changes
    page = os.path.join(d, "Enter-PSSession.md")
    filled = re.sub(r"\{\{ [^}]* \}\}", "Filled in.", read(page).decode())
    write(page, filled)
    rc, out, err = run("update", "--check", page)
    ok(rc == 0, "a filled-in new page needs no update", out + err)


# ---------- schema migration ----------

def test_migrate(tmp):
    d = os.path.join(tmp, "migrate")
    os.makedirs(d)
    for c in COMMANDS:
        page = os.path.join(d, c + ".md")
        shutil.copy(os.path.join(HELP, c + ".md"), page)
        rc1, rc2, same, why = update_then_check(page, "--schema",
                                                "2024-05-01")
        text = read(page).decode()
        ok(rc1 == 0 and rc2 == 0 and same and
           "PlatyPS schema version: 2024-05-01" in text and
           "Parameter Sets:" not in text and "## ALIASES" in text,
           f"--schema 2024-05-01 migrates {c}, idempotently", why)
        rc, out, err = run("update", "--check", page)
        ok(rc == 0, f"a migrated {c} stays as it is without --schema",
           out + err)
        old = help_page(c)
        desc = old.split("## DESCRIPTION")[1].split("## PARAMETERS")[0]
        ok(desc in text, f"migrating {c} keeps the prose")


# ---------- the corpus ----------

def syntax_lines(lines):
    """The lines of a page's SYNTAX section (wrapped syntax lines too)."""
    inside, out = False, set()
    for line in lines:
        if line.startswith("## "):
            inside = line.upper() == "## SYNTAX"
        elif inside:
            out.add(line)
    return out


def test_corpus(tmp):
    core = [os.path.join(SHARED, "corpus", cul, "Microsoft.PowerShell.Core")
            for cul in ("en-US", "sv-SE")]
    if not all(os.path.isdir(c) for c in core):
        skip("corpus pages", "no ../shared/corpus (PSHELP_SHARED)")
        return
    root = os.path.join(tmp, "corpus")
    shutil.copytree(os.path.join(SHARED, "corpus"), root)
    changed = []
    for cul in ("en-US", "sv-SE"):
        for c in COMMANDS:
            page = os.path.join(root, cul, "Microsoft.PowerShell.Core",
                                c + ".md")
            if not os.path.exists(page):
                continue
            orig = read(page)
            rc1, rc2, same, why = update_then_check(page)
            ok(rc1 == 0 and rc2 == 0 and same,
               f"update is idempotent on corpus {cul}/{c}", why)
            if read(page) != orig:
                changed.append(f"{cul}/{c}")
            # prose kept: every changed line is in a code block
            a, b = orig.decode().splitlines(), read(page).decode().splitlines()
            syntax = syntax_lines(a) | syntax_lines(b)
            outside = [l for l in set(a) ^ set(b) if l not in syntax and not (
                l.startswith(("Type:", "Parameter Sets:", "Aliases:",
                              "Required:", "Position:", "Default value:",
                              "Accept ", c + " ", " ", "### System.")) or
                l == "{{ Fill in the Description }}")]
            ok(not outside, f"update of corpus {cul}/{c} changes only "
               "SYNTAX, yaml and INPUTS lines", outside)
    print("# corpus pages changed by update: " + ", ".join(changed))
    ent = read(os.path.join(root, "en-US", "Microsoft.PowerShell.Core",
                            "Enter-PSSession.md")).decode()
    ssh = re.search(r"### SSHHost\n\n```\n(.*?)```", ent, re.S).group(1)
    ok("[-Subsystem <String>]" in ssh,
       "Enter-PSSession's -Subsystem is added to the SSHHost SYNTAX", ssh)
    for c, t in (("Enter-PSSession", "System.Guid"),
                 ("Invoke-Command", "System.Management.Automation.PSObject")):
        text = read(os.path.join(root, "en-US", "Microsoft.PowerShell.Core",
                                 c + ".md")).decode()
        inputs = text[text.index("## INPUTS"):text.index("## OUTPUTS")]
        ok(f"### {t}\n\n{{{{ Fill in the Description }}}}" in inputs,
           f"{c}'s INPUTS gets {t}, which a parameter takes by value",
           inputs)
    for cul in ("en-US", "sv-SE"):
        page = os.path.join(root, cul, "Microsoft.PowerShell.Core",
                            "Enter-PSSession.md")
        rc1, rc2, same, why = update_then_check(page, "--schema",
                                                "2024-05-01")
        ok(rc1 == 0 and rc2 == 0 and same,
           f"migrating corpus {cul}/Enter-PSSession is idempotent", why)
    sv = read(os.path.join(root, "sv-SE", "Microsoft.PowerShell.Core",
                           "Enter-PSSession.md")).decode()
    ok("## SAMMANFATTNING" in sv and "### -Autentisering" in sv,
       "the translated page keeps its translated headings")


def main():
    with tempfile.TemporaryDirectory(prefix="pshelp-update-") as tmp:
        for t in (test_help_pages, test_check_and_dry_run, test_crlf_bom,
                  test_missing_params, test_missing_yaml_block, test_stale,
                  test_inputs,
                  test_failures, test_new, test_migrate, test_corpus):
            d = os.path.join(tmp, t.__name__)
            os.makedirs(d)
            t(d)
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
