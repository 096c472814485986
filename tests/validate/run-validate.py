#!/usr/bin/env python3
"""Golden tests for `pshelp validate` (TAP output).

Every tests/validate/*.cases file lists cases, one a line:

  name: ARGS        pshelp validate arguments (shell words); '#' comments

Each case runs once per format, as `pshelp validate --format FMT ARGS` with
the working directory tests/validate (so the paths in the output are
relative and the same on every machine), and is compared with

  expected/<name>.<fmt>    standard output, then standard error, then a
                           final line "[exit N]"

for FMT in text, json and sarif.  `{tmp}` in ARGS is a fresh empty folder
for that run (written as {tmp} in the output), for cases that write.

  run-validate.py PSHELP              run, print TAP
  run-validate.py PSHELP --update     rewrite the expected files
  run-validate.py PSHELP -k PATTERN   only cases whose name contains PATTERN

Expected files that no case produces are failures (orphans); with --update
they are removed.  Two cases of the same name are an error.
"""
import argparse
import difflib
import glob
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")
FORMATS = ("text", "json", "sarif")


def parse_cases():
    """[(cases file, line number, name, args)] of every *.cases file."""
    cases, seen = [], {}
    for path in sorted(glob.glob(os.path.join(HERE, "*.cases"))):
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                where = f"{os.path.basename(path)}:{lineno}"
                name, sep, args = line.partition(":")
                name = name.strip()
                if not sep or not name or any(c in name for c in "/ \t"):
                    sys.exit(f"{where}: expected 'name: ARGS'")
                if name in seen:
                    sys.exit(f"{where}: case '{name}' already in {seen[name]}")
                seen[name] = where
                cases.append((where, name, args.strip()))
    return cases


def environment():
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LC_", "LANG", "PSHELP_PATH"))}
    env["LC_ALL"] = "C.UTF-8"
    return env


def run(pshelp, args, fmt):
    with tempfile.TemporaryDirectory(prefix="pshelp-validate-") as tmp:
        argv = [pshelp, "validate", "--format", fmt] + [
            a.replace("{tmp}", tmp) for a in shlex.split(args)]
        try:
            p = subprocess.run(argv, cwd=HERE, env=environment(),
                               capture_output=True, timeout=120)
            out, err, rc = p.stdout, p.stderr, p.returncode
        except subprocess.TimeoutExpired:
            out, err, rc = b"", b"timed out\n", -1
        data = out + err + b"[exit %d]\n" % rc
        return data.replace(os.fsencode(tmp), b"{tmp}")


def compare(path, actual, update):
    """None when equal (or updated), else what differs."""
    expected = None
    if os.path.exists(path):
        with open(path, "rb") as f:
            expected = f.read()
    if expected == actual:
        return None
    if update:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(actual)
        return None
    rel = os.path.relpath(path, HERE)
    if expected is None:
        return f"missing {rel} (run with --update)"
    return "".join(difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(True),
        actual.decode("utf-8", "replace").splitlines(True),
        "expected/" + os.path.basename(path), "actual"))


class Tap:
    def __init__(self):
        self.n = self.failed = 0

    def result(self, ok, text, details=""):
        self.n += 1
        self.failed += not ok
        print(f"{'ok' if ok else 'not ok'} {self.n} - {text}", flush=True)
        for line in details.splitlines():
            print("# " + line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pshelp")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("-k", dest="pattern", default="")
    opts = ap.parse_args()
    pshelp = os.path.abspath(opts.pshelp)

    tap = Tap()
    produced = set()
    for where, name, args in parse_cases():
        for fmt in FORMATS:
            base = f"{name}.{fmt}"
            produced.add(base)
            if opts.pattern not in name:
                continue
            actual = run(pshelp, args, fmt)
            problem = compare(os.path.join(EXPECTED, base), actual,
                              opts.update)
            tap.result(problem is None, f"{base} ({where})", problem or "")
    if not opts.pattern and os.path.isdir(EXPECTED):
        for f in sorted(os.listdir(EXPECTED)):
            if f in produced:
                continue
            if opts.update:
                os.unlink(os.path.join(EXPECTED, f))
                tap.result(True, f"removed orphan expected/{f}")
            else:
                tap.result(False, f"orphan expected/{f}")
    print(f"1..{tap.n}")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
