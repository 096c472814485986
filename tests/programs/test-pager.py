#!/usr/bin/env python3
"""get-help's pager (TAP): on a terminal the output goes through $PAGER,
--no-pager and a pipe print directly, a pager that cannot start falls back
to printing, and a pager that quits early ends nothing but itself.

  test-pager.py GET_HELP HELP_ROOT
"""
import os
import pty
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyread import read_to_end  # noqa: E402

GET_HELP, ROOT = sys.argv[1], sys.argv[2]
n = failed = 0


def ok(good, what, detail=""):
    global n, failed
    n += 1
    print(("ok" if good else "not ok") + f" {n} - {what}")
    if not good:
        failed += 1
        print("# " + repr(detail)[:600])


def on_terminal(args, pager):
    """Runs get-help with stdout on a pty: (exit status, terminal text)."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("PAGER", "LESS")}
    env.update(LC_ALL="C.UTF-8", COLUMNS="80")
    if pager is not None:
        env["PAGER"] = pager
    p = subprocess.Popen([GET_HELP, "--path", ROOT, "--culture", "en-US"]
                         + args, stdin=subprocess.DEVNULL, stdout=slave,
                         stderr=subprocess.PIPE, env=env)
    os.close(slave)
    out = read_to_end(master, 30)
    rc = p.wait(timeout=30)
    os.close(master)
    return rc, out.decode("utf-8", "replace")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        paged = os.path.join(tmp, "paged")
        rc, text = on_terminal(["Test-Fixture"], f"cat > {paged}")
        got = open(paged, encoding="utf-8").read() if os.path.exists(paged) else ""
        ok(rc == 0 and "SYNOPSIS" in got and "SYNOPSIS" not in text,
           "on a terminal the page goes to $PAGER", (rc, text, got[:100]))
        os.unlink(paged) if os.path.exists(paged) else None
        rc, text = on_terminal(["--no-pager", "Test-Fixture"], f"cat > {paged}")
        ok(rc == 0 and "SYNOPSIS" in text and not os.path.exists(paged),
           "--no-pager prints to the terminal", (rc, text[:100]))
        rc, text = on_terminal(["Test-Fixture"], "no-such-pager-program")
        ok(rc == 0 and "SYNOPSIS" in text,
           "a pager that cannot start falls back to printing", (rc, text[:200]))
        rc, text = on_terminal(["Test-Fixture", "-Full"], "head -c 10 >/dev/null")
        ok(rc == 0, "a pager that quits early does not kill get-help", rc)
        rc, text = on_terminal(["Test-Fixture"], "")
        ok(rc == 0 and "SYNOPSIS" in text, "PAGER='' prints directly",
           text[:100])
        env = dict(os.environ, PAGER=f"cat > {paged}", LC_ALL="C.UTF-8")
        p = subprocess.run([GET_HELP, "--path", ROOT, "Test-Fixture"],
                           capture_output=True, env=env)
        ok(p.returncode == 0 and b"SYNOPSIS" in p.stdout and
           not os.path.exists(paged), "a pipe is never paged", p.stdout[:100])
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
