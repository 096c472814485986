#!/usr/bin/env python3
"""Locale tests for get-help (TAP): culture from the environment without a
generated glibc locale, LANGUAGE lists, the fallback note, Turkish case
rules, C/POSIX, CJK wrapping in display cells and a pseudo-locale that
proves no heading or label is hard-coded.

  run-locale.py GET_HELP FIXTURE_ROOT...

The fixture roots are the golden tests' translated/pages (Test-Fixture in
en-US, sv-SE and ja-JP) and about/pages (about_Fixture).
"""
import gettext
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

GET_HELP, ROOTS = sys.argv[1], sys.argv[2:]
results = []


def get_help(args, roots=None, **env_vars):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LC_", "LANG", "COLUMNS"))}
    env.update(env_vars)
    paths = [arg for root in (roots or ROOTS) for arg in ("--path", root)]
    p = subprocess.run([GET_HELP] + paths + args, env=env,
                       capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def test(name):
    def wrap(fn):
        try:
            problems = fn() or []
        except Exception as e:  # a crash of the test is a failure too
            problems = [f"{type(e).__name__}: {e}"]
        results.append((name, problems))
        return fn
    return wrap


def cells(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in line)


def headings(out):
    return [l for l in out.splitlines() if l and not l.startswith(" ")]


@test("sv via LANG works without a generated sv_SE locale")
def _():
    p = subprocess.run(["locale", "-a"], capture_output=True, text=True)
    generated = any(l.lower().startswith("sv_se") for l in p.stdout.split())
    rc, out, err = get_help(["Test-Fixture"], LANG="sv_SE.UTF-8")
    problems = []
    if rc != 0:
        problems.append(f"exit {rc}: {err}")
    if "SAMMANFATTNING" not in headings(out):
        problems.append(f"no Swedish SYNOPSIS heading in {headings(out)}")
    if "Provar varje konstruktion" not in out:
        problems.append("Swedish content not shown")
    if "Obs! Ingen hjälp" in out:
        problems.append("unexpected fallback note")
    if generated:
        problems.append("(info) sv_SE is generated here, so this proves less")
        problems.pop()
    return problems


@test("LC_ALL wins over LANG, LC_MESSAGES over LANG")
def _():
    problems = []
    rc, out, _ = get_help(["Test-Fixture"], LC_ALL="sv_SE.UTF-8", LANG="en_US.UTF-8")
    if "SAMMANFATTNING" not in headings(out):
        problems.append("LC_ALL=sv_SE ignored")
    rc, out, _ = get_help(["Test-Fixture"], LC_MESSAGES="sv_SE.UTF-8", LANG="en_US.UTF-8")
    if "SAMMANFATTNING" not in headings(out):
        problems.append("LC_MESSAGES=sv_SE ignored")
    rc, out, _ = get_help(["Test-Fixture"], LANG="en_US.UTF-8")
    if "SYNOPSIS" not in headings(out):
        problems.append("LANG=en_US did not give English")
    return problems


@test("LANGUAGE list: first culture with pages wins, note names the first")
def _():
    rc, out, err = get_help(["Test-Fixture"], LANGUAGE="de:sv", LANG="C.UTF-8")
    problems = []
    if "Provar varje konstruktion" not in out:
        problems.append("sv-SE page not chosen from LANGUAGE=de:sv")
    if "SAMMANFATTNING" not in headings(out):
        problems.append("headings not Swedish (sv catalog after missing de)")
    first = out.lstrip("\n").splitlines()[0]
    if "de" not in first or "sv-SE" not in first:
        problems.append(f"fallback note missing or wrong: {first!r}")
    return problems


@test("fallback to en-US prints one localized note line first")
def _():
    rc, out, err = get_help(["Test-Fixture", "--culture", "de-DE"])
    lines = out.splitlines()
    notes = [l for l in lines if "de-DE" in l and "en-US" in l]
    problems = []
    if len(notes) != 1:
        problems.append(f"expected one note line, got {notes}")
    if "Exercises every construct" not in out:
        problems.append("en-US content not shown")
    rc, out, err = get_help(["Test-Fixture", "--culture", "fr-CA"], LANGUAGE="sv")
    if not any("fr-CA" in l and "en-US" in l for l in out.splitlines()):
        problems.append("fr-CA fallback note missing")
    return problems


@test("Turkish locale: EXIT-style upper-case names still match")
def _():
    problems = []
    for name in ("TEST-FIXTURE", "test-fixture", "Test-FIXTURE"):
        rc, out, err = get_help([name], LC_ALL="tr_TR.UTF-8")
        if rc != 0 or "Test-Fixture" not in out:
            problems.append(f"{name!r} not found under tr_TR: exit {rc} {err}")
    rc, out, err = get_help(["ABOUT_FIXTURE"], LC_ALL="tr_TR.UTF-8")
    if rc != 0:
        problems.append("ABOUT_FIXTURE not found under tr_TR")
    return problems


@test("C and POSIX give English without a note")
def _():
    problems = []
    for env in ({"LC_ALL": "C"}, {"LANG": "POSIX"}, {"LANG": "C.UTF-8"}, {}):
        rc, out, err = get_help(["Test-Fixture"], **env)
        if rc != 0 or "SYNOPSIS" not in headings(out):
            problems.append(f"{env}: exit {rc}, headings {headings(out)[:3]}")
        if "Note: no" in out:
            problems.append(f"{env}: unexpected fallback note")
    return problems


@test("CJK: lines wrap by display cells, none wider than the width")
def _():
    problems = []
    for width in (24, 30, 41):
        rc, out, err = get_help(["Test-Fixture", "--culture", "ja-JP", "-Full",
                                 "--width", str(width)])
        if rc != 0:
            problems.append(f"exit {rc}: {err}")
        joined = "".join(l.strip() for l in out.splitlines())
        if "行分割はUnicodeの規則に従って" not in joined:
            problems.append("Japanese text missing")
        for line in out.splitlines():
            if cells(line) > width and " " in line.strip():
                problems.append(f"width {width}: {cells(line)} cells: {line!r}")
            if line.lstrip().startswith(("。", "、")):
                problems.append(f"line starts with closing punctuation: {line!r}")
    return problems


def pseudo_locale_root(tmp):
    """The fixtures' en-US pages as qps-ploc pages: headings follow the
    page's culture, so the pseudo-locale needs pages of its own."""
    for root in ROOTS:
        en = os.path.join(root, "en-US")
        if os.path.isdir(en):
            shutil.copytree(en, os.path.join(tmp, "qps-ploc"),
                            dirs_exist_ok=True)
    return [tmp]


def pseudo_locale_checks(roots):
    problems = []
    for view in ([], ["-Full"], ["-Detailed"], ["-Examples"]):
        rc, out, err = get_help(["Test-Fixture", "--culture", "qps-ploc"] + view,
                                roots)
        if rc != 0:
            problems.append(f"{view}: exit {rc}: {err}")
        for h in headings(out):
            if not h.startswith("[") and not h.startswith("-"):
                problems.append(f"{view}: hard-coded heading {h!r}")
    rc, out, err = get_help(["Test-Fixture", "--culture", "qps-ploc", "-Full"],
                            roots)
    for label in ("Required?", "Position?", "Default value", "Accept pipeline input?"):
        if label in out:
            problems.append(f"label {label!r} not translated")
    rc, out, err = get_help(["about_Fixture", "--culture", "qps-ploc"], roots)
    for h in headings(out)[:1]:
        if not h.startswith("["):
            problems.append(f"about topic heading {h!r} not translated")
    rc, out, err = get_help(["No-Such-Topic", "--culture", "qps-ploc"], roots)
    if "[" not in err:
        problems.append(f"error message not translated: {err!r}")
    return problems


@test("pseudo-locale qps-ploc: every heading and label is translated")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        return pseudo_locale_checks(pseudo_locale_root(tmp))


@test("topic tables fit every width from the minimum up, in every script")
def _():
    problems = []
    for culture in ("en-US", "sv-SE", "ja-JP"):
        for width in range(20, 121):
            rc, out, err = get_help(["*", "--culture", culture,
                                     "--width", str(width)])
            wide = [l for l in out.splitlines() if cells(l) > width]
            if rc != 0 or wide:
                problems.append(f"{culture} at {width}: exit {rc}, "
                                f"{wide[:1]}")
    return problems


CATALOG_CULTURES = {"cs": "cs-CZ", "de": "de-DE", "es": "es-ES", "fr": "fr-FR",
                    "it": "it-IT", "ja": "ja-JP", "ko": "ko-KR", "pl": "pl-PL",
                    "pt_BR": "pt-BR", "ru": "ru-RU", "sv": "sv-SE",
                    "tr": "tr-TR", "zh_CN": "zh-CN", "zh_TW": "zh-TW"}


def catalog_languages():
    po = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                      "po", "LINGUAS")
    with open(po, encoding="utf-8") as f:
        return f.read().split()


@test("locale matrix: every catalog's headings on a command page and an About topic")
def _():
    localedir = os.environ.get("PSHELP_LOCALEDIR")
    if not localedir:
        return ["PSHELP_LOCALEDIR is not set"]
    problems = []
    for lang in catalog_languages():
        culture = CATALOG_CULTURES.get(lang)
        if culture is None:
            problems.append(f"{lang}: no culture for this catalog in the test")
            continue
        t = gettext.translation("pshelp", localedir, languages=[lang])
        with tempfile.TemporaryDirectory() as tmp:
            for root in ROOTS:
                en = os.path.join(root, "en-US")
                if os.path.isdir(en):
                    shutil.copytree(en, os.path.join(tmp, culture),
                                    dirs_exist_ok=True)
            for name, want in (("Test-Fixture", ("NAME", "SYNOPSIS", "SYNTAX",
                                                 "DESCRIPTION", "PARAMETERS",
                                                 "INPUTS", "OUTPUTS",
                                                 "RELATED LINKS")),
                               ("about_Fixture", ("TOPIC", "SHORT DESCRIPTION",
                                                  "LONG DESCRIPTION"))):
                rc, out, err = get_help([name, "--culture", culture, "-Full"],
                                        [tmp])
                shown = headings(out)
                # (the pseudo-locale test proves none is hard-coded)
                for h in want:
                    if t.gettext(h) not in shown:
                        problems.append(f"{lang} {name}: no heading "
                                        f"{t.gettext(h)!r} in {shown}")
                if rc != 0 or err:
                    problems.append(f"{lang} {name}: exit {rc}: {err}")
    return problems


@test("width: COLUMNS when not a terminal, no wrapping without it, minimum 20")
def _():
    problems = []
    rc, out, _ = get_help(["Test-Fixture", "-Full"], COLUMNS="40")
    wide = [l for l in out.splitlines() if cells(l) > 40 and " " in l.strip()]
    if wide:
        problems.append(f"COLUMNS=40 ignored: {wide[:2]}")
    rc, out, _ = get_help(["Test-Fixture", "-Full"])
    if max(cells(l) for l in out.splitlines()) <= 100:
        problems.append("output was wrapped without a width")
    rc, out, _ = get_help(["Test-Fixture", "--width", "5"])
    if rc != 0 or not any(16 <= cells(l) <= 20 for l in out.splitlines()):
        problems.append("--width 5 did not become 20")
    return problems


@test("hostile culture values are ignored, never used as paths")
def _():
    problems = []
    for c in ("../../etc", "sv-SE/../../x", "x" * 5000, "\x1b[2J", "C"):
        rc, out, err = get_help(["Test-Fixture", "--culture", c])
        if rc != 0 or "Exercises every construct" not in out:
            problems.append(f"--culture {c[:20]!r}: exit {rc}")
        if "\x1b" in out + err:
            problems.append(f"--culture {c[:20]!r}: escape in output")
    return problems


for i, (name, problems) in enumerate(results, 1):
    print(("not ok" if problems else "ok"), i, "-", name)
    for p in problems:
        print("# " + p.replace("\n", "\n# "))
print(f"1..{len(results)}")
sys.exit(1 if any(p for _, p in results) else 0)
