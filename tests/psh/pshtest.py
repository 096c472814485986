# SPDX-License-Identifier: MIT
"""What the whole-program tests of psh share: psh in its own runtime
directory, TAP results, and the check that no endpoint process is left.

  from pshtest import *          # in a test file run as FILE.py PSH
  ...
  sys.exit(run_groups([group1, group2]))
"""
import os
import signal
import subprocess
import sys
import tempfile
import time

__all__ = ["PSH", "RT", "ENV", "ENDPOINT_LOG", "psh", "test", "expect_error",
           "endpoints", "wait_no_endpoints", "run_groups"]

PSH = os.path.abspath(sys.argv[1])
RT = tempfile.mkdtemp(prefix="psh-test-")
os.chmod(RT, 0o700)
ENV = dict(os.environ, XDG_RUNTIME_DIR=RT, XDG_CONFIG_HOME=RT,
           LC_ALL="C.UTF-8", LANG="C.UTF-8", LANGUAGE="", COLUMNS="80")
ENV.pop("PSHELP_PATH", None)
# Sanitizer reports of endpoint processes (whose stderr is /dev/null).
ENDPOINT_LOG = os.path.join(RT, "endpoint-stderr.log")
ENV["PSH_ENDPOINT_STDERR"] = ENDPOINT_LOG

results = []


def psh(cmd, env=None, stdin=None, args=("--endpoint", "Server01")):
    argv = [PSH, *args] + (["-c", cmd] if cmd is not None else [])
    p = subprocess.run(argv, input=stdin, capture_output=True, text=True,
                       env=env or ENV, timeout=30)
    return p.stdout, p.stderr, p.returncode


def test(name, cond, detail=""):
    results.append((name, bool(cond), detail))


def expect_error(name, cmd, want):
    out, err, rc = psh(cmd)
    test(name, rc == 1 and err == want + "\n",
         "rc=%d err=%r" % (rc, err))


def endpoints():
    pids = {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % p, "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        if b"--endpoint-serve" in argv and any(RT.encode() in a for a in argv):
            i = argv.index(b"--name") if b"--name" in argv else -1
            pids[int(p)] = argv[i + 1].decode() if i >= 0 else ""
    return pids


def wait_no_endpoints():
    for _ in range(100):
        if not endpoints():
            return True
        time.sleep(0.05)
    return False


def run_groups(groups):
    """Runs each group (a crashed one is one failure), checks that no
    endpoint is left and that endpoints wrote nothing, prints TAP and
    returns the exit status."""
    for t in groups:
        try:
            t()
        except Exception as e:  # a crashed group is one failure
            test(t.__name__, False, repr(e))
    test("no leftover endpoint processes", wait_no_endpoints(), endpoints())
    log = ""
    if os.path.exists(ENDPOINT_LOG):
        with open(ENDPOINT_LOG) as f:
            log = f.read()
    test("endpoints wrote nothing to stderr", log == "", log[:2000])
    for pid in endpoints():
        os.kill(pid, signal.SIGKILL)
    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            for line in str(detail).splitlines():
                print("# " + line)
    return 1 if failed else 0
