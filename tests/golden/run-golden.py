#!/usr/bin/env python3
"""Golden tests for get-help's views and diagnostics (TAP output).

Each line of MANIFEST names a case: a page (from the repo's fixtures or the
shared corpus), the environment and arguments to show it, and the views to
check.  For every case x view x width the driver runs get-help and compares
standard output with expected/<case>.<view>.w<width>.out byte for byte;
when get-help exits non-zero or writes to standard error, that goes to a
matching .err file ("exit N" and then the messages).

  run-golden.py GET_HELP                 run, print TAP
  run-golden.py GET_HELP --update        rewrite the expected files
  run-golden.py GET_HELP -k NAME         only cases whose name contains NAME

Expected files that no case produces are reported as failures (orphans),
so the manifest and the files cannot drift apart.  Cases that need the
shared corpus are skipped when ../shared is missing.
"""
import argparse
import difflib
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")
WIDTHS = ("80", "0")
VIEW_ARGS = {
    "default": [],
    "detailed": ["-Detailed"],
    "full": ["-Full"],
    "examples": ["-Examples"],
}


def parse_manifest(shared):
    """Yields (name, needs_shared, env, args, views) per manifest line."""
    path = os.path.join(HERE, "MANIFEST")
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = line.split("|")
            if len(fields) != 4:
                sys.exit(f"{path}:{lineno}: expected 4 '|'-separated fields")
            name, env, args, views = (x.strip() for x in fields)
            needs_shared = "{shared}" in args
            args = args.replace("{shared}", shared).replace("{here}", HERE)
            env_map = dict(kv.split("=", 1) for kv in env.split()) if env != "-" else {}
            yield name, needs_shared, env_map, shlex.split(args), views.split()


def view_args(view):
    """'default', 'full', ... or 'param=PATTERN' / 'param-full=...'."""
    if view in VIEW_ARGS:
        return VIEW_ARGS[view]
    if view.startswith("param="):
        return ["-Parameter", view.split("=", 1)[1]]
    if view in ("json", "diag", "usage", "online"):
        return {"json": ["--json"], "diag": ["--diagnostics"],
                "usage": ["--help"], "online": ["-Online"]}[view]
    sys.exit(f"unknown view {view!r}")


def file_view_name(view):
    return view.replace("param=", "param-").replace("*", "all").replace("?", "q")


def portable(data, shared):
    """Replaces the machine's absolute folders by {shared} and {here}."""
    for path, name in ((shared, b"{shared}"), (HERE, b"{here}")):
        data = data.replace(os.fsencode(path), name)
    return data


def run(get_help, env_extra, args, width, shared):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LC_", "LANG", "COLUMNS", "PSHELP_PATH"))}
    env.update(env_extra)
    cmd = [get_help, "--width", width] + args
    p = subprocess.run(cmd, env=env, capture_output=True, timeout=60)
    err = b""
    if p.returncode != 0 or p.stderr:
        err = b"exit %d\n" % p.returncode + p.stderr
    return portable(p.stdout, shared), portable(err, shared)


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
        return f"missing {os.path.relpath(path, HERE)} (run with --update)"
    diff = difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(True),
        actual.decode("utf-8", "replace").splitlines(True),
        "expected", "actual")
    return "".join(diff)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("get_help")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("-k", dest="filter", default="")
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "..", "shared"))
    opts = ap.parse_args()
    shared = os.path.abspath(opts.shared)
    have_shared = os.path.isdir(os.path.join(shared, "corpus"))
    os.makedirs(EXPECTED, exist_ok=True)

    n = failed = 0
    produced = set()
    for name, needs_shared, env, args, views in parse_manifest(shared):
        for view in views:
            for width in WIDTHS if view not in ("json", "diag", "usage", "online") else ("0",):
                base = f"{name}.{file_view_name(view)}.w{width}"
                produced.update({base + ".out", base + ".err"})
                if opts.filter not in base:
                    continue
                n += 1
                if needs_shared and not have_shared:
                    print(f"ok {n} - {base} # SKIP no shared corpus at {shared}")
                    continue
                out, err = run(opts.get_help, env, args + view_args(view), width,
                               shared)
                problems = [d for d in (
                    compare(os.path.join(EXPECTED, base + ".out"), out, opts.update),
                    compare(os.path.join(EXPECTED, base + ".err"), err, opts.update))
                    if d]
                if problems:
                    failed += 1
                    print(f"not ok {n} - {base}")
                    for line in "\n".join(problems).splitlines():
                        print("# " + line)
                else:
                    print(f"ok {n} - {base}")
    if not opts.filter:
        for f in sorted(os.listdir(EXPECTED)):
            if f not in produced:
                n += 1
                if opts.update:
                    os.unlink(os.path.join(EXPECTED, f))
                    print(f"ok {n} - removed orphan {f}")
                else:
                    failed += 1
                    print(f"not ok {n} - orphan expected file {f}")
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
