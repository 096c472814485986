#!/usr/bin/env python3
"""Golden tests for get-help's views and diagnostics (TAP output).

Every folder beside this script that holds a file named `cases` is an area
(command/, about/, translated/, ...).  Each line of `cases` names a case: the
environment and get-help arguments that show a page, and the views to check.
The help roots a case reads live in the area folder too (usually pages/),
and so do its expected outputs:

  <area>/<case>.<view>.w<width>.out   standard output, byte for byte
  <area>/<case>.<view>.w<width>.err   "exit N" and standard error, present
                                      only when get-help exits non-zero or
                                      writes to standard error

  run-golden.py GET_HELP                 run, print TAP
  run-golden.py GET_HELP --update        rewrite the expected files
  run-golden.py GET_HELP -k NAME         only outputs whose area/file name
                                         contains NAME

Expected files that no case produces are failures (orphans), so the case
lists and the files cannot drift apart.  Cases that read the shared corpus
({shared}) are skipped when it is missing; the others use only files of the
repository, and at least half of all cases must be of that kind.
"""
import argparse
import difflib
import os
import shlex
import subprocess
import sys

GOLDEN = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WIDTHS = ("80", "0")
UNWRAPPED_VIEWS = ("json", "diag", "usage", "online")
VIEW_ARGS = {
    "default": [],
    "detailed": ["-Detailed"],
    "full": ["-Full"],
    "examples": ["-Examples"],
    "json": ["--json"],
    "diag": ["--diagnostics"],
    "usage": ["--help"],
    "online": ["-Online"],
}


class Case:
    def __init__(self, area, name, env, args, views, widths):
        self.area, self.name, self.env = area, name, env
        self.args, self.views, self.widths = args, views, widths
        self.needs_shared = "{shared}" in args

    def outputs(self):
        """Yields (file base name, view, width) for every output checked."""
        for view in self.views:
            widths = ("0",) if view in UNWRAPPED_VIEWS else self.widths
            for width in widths:
                yield f"{self.name}.{file_view_name(view)}.w{width}", view, width


def areas():
    return sorted(d for d in os.listdir(GOLDEN)
                  if os.path.isfile(os.path.join(GOLDEN, d, "cases")))


def parse_views(field, where):
    """Splits the views field; a 'widths=80,40,0' token sets the widths."""
    views, widths = [], DEFAULT_WIDTHS
    for token in field.split():
        if token.startswith("widths="):
            widths = tuple(token.split("=", 1)[1].split(","))
            if not all(w.isdigit() for w in widths):
                sys.exit(f"{where}: bad widths {token!r}")
        else:
            view_args(token, where)
            views.append(token)
    return views, widths


def parse_cases(area):
    """Yields the Case of every line of <area>/cases."""
    path = os.path.join(GOLDEN, area, "cases")
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{path}:{lineno}"
            fields = line.split("|")
            if len(fields) != 4:
                sys.exit(f"{where}: expected 4 '|'-separated fields")
            name, env, args, views = (x.strip() for x in fields)
            env_map = dict(kv.split("=", 1) for kv in env.split()) if env != "-" else {}
            views, widths = parse_views(views, where)
            yield Case(area, name, env_map, args, views, widths)


def view_args(view, where="case"):
    """'default', 'full', ... or 'param=PATTERN'."""
    if view in VIEW_ARGS:
        return VIEW_ARGS[view]
    if view.startswith("param="):
        return ["-Parameter", view.split("=", 1)[1]]
    sys.exit(f"{where}: unknown view {view!r}")


def file_view_name(view):
    """A file name part without wildcard characters: param=[LN]* is param-LN-all."""
    for char, name in (("param=", "param-"), ("*", "all"), ("?", "q"),
                       ("[", ""), ("]", "-")):
        view = view.replace(char, name)
    return view


def portable(data, shared, here):
    """Replaces the machine's absolute folders by {shared} and {here}."""
    for path, name in ((shared, b"{shared}"), (here, b"{here}")):
        data = data.replace(os.fsencode(path), name)
    return data


def run(get_help, case, view, width, shared):
    here = os.path.join(GOLDEN, case.area)
    args = case.args.replace("{shared}", shared).replace("{here}", here)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LC_", "LANG", "COLUMNS", "PSHELP_PATH"))}
    env.update(case.env)
    cmd = [get_help, "--width", width] + shlex.split(args) + view_args(view)
    p = subprocess.run(cmd, env=env, capture_output=True, timeout=60)
    err = b""
    if p.returncode != 0 or p.stderr:
        err = b"exit %d\n" % p.returncode + p.stderr
    return portable(p.stdout, shared, here), portable(err, shared, here)


def compare(path, actual, update):
    """Returns None when equal (or updated), else a diff text."""
    expected = None
    if os.path.exists(path):
        with open(path, "rb") as f:
            expected = f.read()
    if expected == actual or (expected is None and not actual):
        return None
    if update:
        if actual:
            with open(path, "wb") as f:
                f.write(actual)
        elif expected is not None:
            os.unlink(path)
        return None
    if expected is None:
        return f"missing {os.path.relpath(path, GOLDEN)} (run with --update)"
    diff = difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(True),
        actual.decode("utf-8", "replace").splitlines(True),
        "expected", "actual")
    return "".join(diff)


class Tap:
    def __init__(self):
        self.n = self.failed = 0

    def result(self, ok, text, details=""):
        self.n += 1
        self.failed += not ok
        print(f"{'ok' if ok else 'not ok'} {self.n} - {text}")
        for line in details.splitlines():
            print("# " + line)


def check_case(tap, opts, case, shared, have_shared):
    here = os.path.join(GOLDEN, case.area)
    for base, view, width in case.outputs():
        label = f"{case.area}/{base}"
        if opts.filter not in label:
            continue
        if case.needs_shared and not have_shared:
            tap.result(True, f"{label} # SKIP no shared corpus at {shared}")
            continue
        out, err = run(opts.get_help, case, view, width, shared)
        problems = [d for d in (
            compare(os.path.join(here, base + ".out"), out, opts.update),
            compare(os.path.join(here, base + ".err"), err, opts.update)) if d]
        tap.result(not problems, label, "\n".join(problems))


def check_orphans(tap, opts, area, produced):
    here = os.path.join(GOLDEN, area)
    for f in sorted(os.listdir(here)):
        if not f.endswith((".out", ".err")) or f in produced:
            continue
        if opts.update:
            os.unlink(os.path.join(here, f))
            tap.result(True, f"removed orphan {area}/{f}")
        else:
            tap.result(False, f"orphan expected file {area}/{f}")


def check_repo_share(tap, cases):
    repo_only = sum(not c.needs_shared for c in cases)
    text = (f"{repo_only} of {len(cases)} golden cases use only repository "
            f"files (at least half must)")
    tap.result(2 * repo_only >= len(cases), text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("get_help")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("-k", dest="filter", default="")
    ap.add_argument("--shared", default=os.path.join(GOLDEN, "..", "..", "..", "shared"))
    opts = ap.parse_args()
    shared = os.path.abspath(opts.shared)
    have_shared = os.path.isdir(os.path.join(shared, "corpus"))

    tap = Tap()
    all_cases = []
    for area in areas():
        cases = list(parse_cases(area))
        bases = [b for c in cases for b, _, _ in c.outputs()]
        if len(set(bases)) != len(bases):
            sys.exit(f"{area}/cases: two cases or views write the same file")
        all_cases += cases
        produced = set()
        for case in cases:
            produced.update(b + e for b, _, _ in case.outputs() for e in (".out", ".err"))
            check_case(tap, opts, case, shared, have_shared)
        if not opts.filter:
            check_orphans(tap, opts, area, produced)
    check_repo_share(tap, all_cases)
    print(f"1..{tap.n}")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
