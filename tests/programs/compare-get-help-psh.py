#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""get-help and psh's Get-Help print the same text for the same page.

Usage: compare-get-help-psh.py GET_HELP PSH SOURCE_DIR SHARED_DIR

For every page of every culture folder of each help root (the shared
corpus when it is there, the project's help/ and the golden fixtures'
pages/ folders), runs

    get-help --path ROOT --culture C --width 80 [-Full] -- NAME
    psh -c "Get-Help 'NAME' [-Full]"        (PSHELP_PATH=ROOT)

with LANG and LANGUAGE naming culture C for both, and asserts identical
standard output.  psh's stdout is not a terminal, so it wraps at 80.
No normalisation is needed: psh emits the rendered text without its last
newline and the shell ends each output line with one, so the bytes match
exactly as long as get-help's text ends with a newline (it always does;
a missing one would show up here as a difference).  A page that cannot
be read must fail in both with nothing on stdout.  One TAP line per
root, culture and view; the names that differ are listed under it.
"""
import concurrent.futures
import os
import re
import subprocess
import sys

VIEWS = ((), ("-Full",))
TIMEOUT = 60


def cultures_and_names(root):
    """{culture folder: sorted page names} of a help root."""
    out = {}
    for culture in sorted(os.listdir(root)):
        folder = os.path.join(root, culture)
        if not os.path.isdir(folder):
            continue
        names = set()
        for _, _, files in os.walk(folder):
            names.update(f[:-3] for f in files if f.endswith(".md"))
        if names:
            out[culture] = sorted(names)
    return out


def environment(culture, root):
    env = {k: v for k, v in os.environ.items()
           if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG",
                        "COLUMNS", "PSHELP_PATH", "PAGER")}
    posix = culture.replace("-", "_")
    env["LANG"] = posix + ".UTF-8"
    env["LANGUAGE"] = posix
    env["PSHELP_PATH"] = root
    return env


def ps_quote(name):
    return "'" + name.replace("'", "''") + "'"


REMARK = re.compile(rb'"get-help (\S+ -(?:Examples|Detailed|Full|Online))"')


def run(argv, env):
    try:
        p = subprocess.run(argv, env=env, capture_output=True,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    return p.stdout, p.returncode == 0


def compare(get_help, psh, root, culture, name, view):
    env = environment(culture, root)
    gh_env = dict(env)
    del gh_env["PSHELP_PATH"]  # the root comes from --path
    a = run([get_help, "--path", root, "--culture", culture, "--width", "80",
             *view, "--", name], gh_env)
    b = run([psh, "-c", " ".join(("Get-Help", ps_quote(name), *view))], env)
    # The one intended difference: REMARKS name the program's own command.
    if a is not None:
        a = (REMARK.sub(rb'"Get-Help \1"', a[0]), a[1])
    # A page that cannot be read fails in both, with nothing on stdout.
    if a is not None and a == b and (a[0] or not a[1]):
        return None
    a, b = a or (b"", False), b or (b"", False)
    return "%s: get-help %d bytes (%s), psh %d bytes (%s)%s" % (
        name, len(a[0]), "ok" if a[1] else "failed", len(b[0]),
        "ok" if b[1] else "failed", first_difference(a[0], b[0]))


def first_difference(a, b):
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return "; line %d: %r != %r" % (i + 1, x, y)
    return "; lengths %d != %d lines" % (len(la), len(lb))


def roots(source_dir, shared_dir):
    found = []
    corpus = os.path.join(shared_dir, "corpus")
    if os.path.isdir(corpus):
        found.append(corpus)
    found.append(os.path.join(source_dir, "help"))
    golden = os.path.join(source_dir, "tests", "golden")
    for dirpath, dirnames, _ in os.walk(golden):
        if os.path.basename(dirpath) == "pages":
            found.append(dirpath)
            dirnames[:] = []
    return found


def main():
    get_help, psh, source_dir, shared_dir = sys.argv[1:5]
    jobs = []
    for root in roots(source_dir, shared_dir):
        for culture, names in cultures_and_names(root).items():
            for view in VIEWS:
                jobs.append((root, culture, view, names))
    corpus = os.path.join(shared_dir, "corpus")
    skipped = [] if os.path.isdir(corpus) else [corpus]
    workers = max(2, min(16, (os.cpu_count() or 2) * 2))
    failed = 0
    print("1..%d" % (len(jobs) + len(skipped)))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        futures = [[pool.submit(compare, get_help, psh, root, culture, n,
                                view) for n in names]
                   for root, culture, view, names in jobs]
        for i, ((root, culture, view, names), fs) in enumerate(
                zip(jobs, futures), 1):
            bad = [f.result() for f in fs if f.result() is not None]
            label = "%s %s %s: %d pages" % (
                os.path.relpath(root, source_dir), culture,
                view[0] if view else "default", len(names))
            print("%s %d - %s" % ("not ok" if bad else "ok", i, label))
            for line in bad[:20]:
                print("# " + line)
            failed += bool(bad)
    for i, path in enumerate(skipped, len(jobs) + 1):
        print("ok %d - the shared corpus # SKIP %s is absent; the project's "
              "own pages are compared" % (i, path))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
