#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Differential test of the exact-name lookup (src/lookup/lookup.c).

An exact name is found by probing module folders (one fstatat call each,
two for a name that begins with "about") and, once a culture had the page,
by reading only the same module of the same root in worse cultures.  A name
with a one-character bracket wildcard ("Exit-PSSessio[n]") matches the same
pages through the general path, which reads every folder.  The two must
print the same bytes, in text and JSON, for every page of a help root made
to be awkward (the same name in two modules, names in another case than
asked, a page directly in a culture folder, About folders, a symlinked
module and page, a translation whose source module is spelled in another
case), of two roots searched together, and for every page of
../shared/corpus when it is there.

The one documented difference: a page that is not an About topic by name
but sits in an About folder is found by an exact lookup only when no module
holds that name as a page (PowerShell finds About topics by their about_
names alone).

  test-lookup-probe.py GET_HELP
"""
import os
import subprocess
import sys
import tempfile

GET_HELP = sys.argv[1]
SHARED = os.environ.get("PSHELP_SHARED") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared")

PAGE = """---
external help file: x.dll-Help.xml
Module Name: {module}
online version:
schema: 2.0.0
---

# {name}

## SYNOPSIS
{synopsis}

## SYNTAX

```
{name} [<CommonParameters>]
```

## DESCRIPTION
The {name} page of {module} in {culture}.

## PARAMETERS

### CommonParameters
This cmdlet supports the common parameters.

## INPUTS

## OUTPUTS

## NOTES

## RELATED LINKS
"""

ABOUT = """# {name}

## SHORT DESCRIPTION
{synopsis}

## LONG DESCRIPTION
The {name} topic in {culture}.
"""


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def page(root, culture, module, name, synopsis=None):
    rel = os.path.join(culture, module, name + ".md") if module else \
        os.path.join(culture, name + ".md")
    text = (ABOUT if name.lower().startswith("about_") else PAGE).format(
        name=name, module=module or "Loose", culture=culture,
        synopsis=synopsis or f"{name} in {culture}.")
    write(root, rel, text)


def make_root(root):
    for culture in ("en-US", "sv-SE"):
        page(root, culture, "Mod.A", "Get-Thing")
        page(root, culture, "Mod.B", "Get-Thing")  # two topics
        page(root, culture, "Mod.A", "Set-Thing")
        page(root, culture, os.path.join("Mod.A", "About"), "about_Things")
        page(root, culture, None, "Loose-Page")
        page(root, culture, os.path.join("About"), "about_Loose")
    for n in range(40):  # folders the probe has to pass by
        page(root, "en-US", f"Filler.M{n:02d}", f"Filler-Page{n:02d}")
    # only in English: Swedish falls back to it
    page(root, "en-US", "Mod.C", "Only-English")
    # a page named in another case than it is asked for
    page(root, "en-US", "Mod.C", "odd-case")
    page(root, "sv-SE", "Mod.C", "ODD-CASE")
    # a translation whose en-US module folder is spelled in another case
    page(root, "en-US", "mod.d", "Case-Module")
    page(root, "sv-SE", "Mod.D", "Case-Module")
    # a page that sits in an About folder without being an about_ topic
    page(root, "en-US", os.path.join("Mod.E", "About"), "In-About")
    # symlinks are never entered: a linked module, a linked page
    outside = os.path.join(root, "..", "outside")
    page(outside, "x", "Secret", "Secret-Page")
    os.symlink(os.path.abspath(os.path.join(outside, "x", "Secret")),
               os.path.join(root, "en-US", "Linked.Module"))
    os.symlink(os.path.abspath(os.path.join(outside, "x", "Secret",
                                            "Secret-Page.md")),
               os.path.join(root, "en-US", "Mod.A", "Linked-Page.md"))
    return ["Get-Thing", "get-thing", "Set-Thing", "about_Things",
            "ABOUT_THINGS", "Loose-Page", "about_Loose", "Only-English",
            "odd-case", "Odd-Case", "Case-Module", "In-About",
            "Secret-Page", "Linked-Page", "Filler-Page07", "No-Such-Page",
            "Mod.A\\Get-Thing", "Mod.B\\get-thing", "Mod.C\\Get-Thing"]


def bracketed(name):
    """The same name as a wildcard matching only itself."""
    for i in range(len(name) - 1, -1, -1):
        if name[i].isalnum():
            return name[:i] + "[" + name[i] + "]" + name[i + 1:]
    return None


def make_second_root(root):
    """Pages of no module beside a first root's module pages: a source is
    looked for in its translation's root only."""
    for culture in ("en-US", "sv-SE"):
        page(root, culture, None, "Get-Thing")
        page(root, culture, "Mod.Z", "Set-Thing")
    page(root, "sv-SE", None, "Only-English")
    page(root, "en-US", None, "Loose-Page", "the second root's loose page")
    return ["Get-Thing", "Set-Thing", "Only-English", "Loose-Page",
            "Case-Module", "odd-case"]


def run(roots, culture, fmt, name):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="", PSHELP_PATH="")
    if isinstance(roots, str):
        roots = [roots]
    paths = [a for r in roots for a in ("--path", r)]
    p = subprocess.run([GET_HELP, "--no-pager", *paths, "--culture",
                        culture, "--width", "80", fmt, "-Full", name],
                       env=env, capture_output=True)
    return p.returncode, p.stdout, p.stderr


def compare(root, names, cultures, formats, label, results):
    """root: one root or a list of roots searched together."""
    for culture in cultures:
        for fmt in formats:
            for name in names:
                wild = bracketed(name)
                if wild is None:
                    continue
                exact, general = run(root, culture, fmt, name), \
                    run(root, culture, fmt, wild)
                # A miss is reported with the name as typed.
                if exact[0] != 0 and general[0] != 0:
                    same = exact[0] == general[0]
                else:
                    same = exact == general
                results.append((same, f"{label} {culture} {fmt} {name} "
                                f"same as {wild}"))


def main():
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "root")
        names = make_root(root)
        compare(root, names, ("en-US", "sv-SE"), ("--format=text", "--json"),
                "awkward root:", results)
        # the symlinked page and module must not be shown
        for name in ("Secret-Page", "Linked-Page"):
            rc, out, _ = run(root, "en-US", "--format=text", name)
            results.append((rc != 0 and b"Secret" not in out,
                            f"symlinked {name} is not shown"))
        rc, out, _ = run(root, "sv-SE", "--format=text", "Get-Thing")
        results.append((rc == 0 and out.count(b"Get-Thing") >= 2
                        and b"Mod.B" in out,
                        "a name in two modules is a table of both"))
        second = os.path.join(tmp, "second")
        compare([root, second], make_second_root(second),
                ("en-US", "sv-SE"), ("--format=text",), "two roots:",
                results)
        compare([second, root], ["Get-Thing", "Only-English"],
                ("sv-SE",), ("--json",), "two roots, other order:", results)
        # the documented difference (module docstring)
        page(root, "en-US", os.path.join("Mod.F", "About"), "Both-Ways")
        page(root, "en-US", "Mod.G", "Both-Ways")
        rc, out, _ = run(root, "en-US", "--json", "Both-Ways")
        results.append((rc == 0 and b"Mod.G" in out and b"Mod.F" not in out,
                        "an exact name finds the module page, not a "
                        "non-About page of an About folder"))
        rc, out, _ = run(root, "en-US", "--json", "Both-Way[s]")
        results.append((rc == 0 and b"Mod.G" in out and b"Mod.F" in out,
                        "a pattern finds both"))
    corpus = os.path.join(SHARED, "corpus")
    if os.path.isdir(corpus):
        names = sorted({f[:-3] for _, _, fs in os.walk(corpus) for f in fs
                        if f.endswith(".md") and f != "SOURCES.md"})
        compare(corpus, names, ("en-US", "sv-SE"), ("--json",), "corpus:",
                results)
    print(f"1..{len(results) + (0 if os.path.isdir(corpus) else 1)}")
    for i, (ok, what) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    if not os.path.isdir(corpus):
        print(f"ok {len(results) + 1} # SKIP no {corpus}")
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
