#!/usr/bin/env python3
"""Prints 'N passed, N failed, N skipped' from meson testlog.json files.

A TAP test counts once per subtest ('ok', 'ok ... # SKIP', 'not ok'); a
TAP test that meson marks failed without any 'not ok' line (it crashed or
timed out) counts one more failure.  Any other test counts once.  A
missing log (a build that failed before its tests ran) counts as one
failure, so a broken build can never look green.  Exits 1 if anything
failed or nothing passed.
"""
import json
import re
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}
TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")


def tap_counts(stdout):
    """(passed, failed, skipped) of TAP output, or None if it is not TAP."""
    if not re.search(r"^1\.\.\d+", stdout or "", re.M):
        return None
    passed = failed = skipped = 0
    for line in stdout.splitlines():
        m = TAP_LINE.match(line)
        if not m:
            continue
        if m.group(1) == "not ok":
            failed += 1
        elif re.search(r"#\s*SKIP", m.group(2), re.I):
            skipped += 1
        else:
            passed += 1
    return passed, failed, skipped


def count_test(entry):
    result = entry.get("result", "")
    tap = tap_counts(entry.get("stdout", ""))
    ok = result in PASSED or result in SKIPPED
    if tap is not None and sum(tap):
        passed, failed, skipped = tap
        if not ok and failed == 0:
            failed = 1
    elif result in PASSED:
        passed, failed, skipped = 1, 0, 0
    elif result in SKIPPED:
        passed, failed, skipped = 0, 0, 1
    else:
        passed, failed, skipped = 0, 1, 0
    if not ok:
        print(f"failed: {entry.get('name')} ({result})", file=sys.stderr)
    return passed, failed, skipped


def count(path):
    totals = [0, 0, 0]
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    for i, n in enumerate(count_test(json.loads(line))):
                        totals[i] += n
    except OSError as e:
        print(f"test-summary: {path}: {e.strerror}", file=sys.stderr)
        totals[1] += 1
    return totals


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
