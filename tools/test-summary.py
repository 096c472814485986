#!/usr/bin/env python3
"""Prints 'N passed, N failed, N skipped' from meson testlog.json files.

Each meson test counts once per build.  A missing log (a build that failed
before its tests ran) counts as one failure, so a broken build can never
look green.  Exits 1 if anything failed or no test ran.
"""
import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}


def count(path):
    passed = failed = skipped = 0
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                result = json.loads(line).get("result", "")
                if result in PASSED:
                    passed += 1
                elif result in SKIPPED:
                    skipped += 1
                else:
                    failed += 1
                    print(f"failed: {json.loads(line).get('name')} ({result})",
                          file=sys.stderr)
    except OSError as e:
        print(f"test-summary: {path}: {e.strerror}", file=sys.stderr)
        failed += 1
    return passed, failed, skipped


def main(paths):
    totals = [0, 0, 0]
    for p in paths:
        for i, n in enumerate(count(p)):
            totals[i] += n
    passed, failed, skipped = totals
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
