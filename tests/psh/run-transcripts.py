#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Replays the Exit-PSSession page's examples in psh through a pty.

Usage: run-transcripts.py PSH [--update]

Each tests/psh/transcripts/NAME.in holds the lines typed; psh runs with
--endpoint Server01 in a pseudo-terminal (TERM=dumb: no line editor, the
terminal echoes what is typed), a line is sent only after the prompt
appears, and everything the terminal shows is compared with NAME.out.
--update rewrites the .out files.  Prints TAP.
"""
import os
import pty
import select
import signal
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TDIR = os.path.join(HERE, "transcripts")
PROMPTS = (b"PS> ", b">> ", b": ")
TIMEOUT = 10.0


def read_until_prompt(fd, buf):
    """Reads until the output ends in a prompt and stays quiet."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            buf.extend(data)
            continue
        if buf.endswith(PROMPTS):
            return True
    raise TimeoutError("no prompt; output so far: %r" % bytes(buf))


def run(psh, lines, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(psh, [psh, "--endpoint", "Server01"], env)
    buf = bytearray()
    try:
        for line in lines:
            read_until_prompt(fd, buf)
            os.write(fd, line.encode() + b"\n")
        # the last line ends psh: read to the end
        while True:
            r, _, _ = select.select([fd], [], [], TIMEOUT)
            if not r:
                raise TimeoutError("psh did not end")
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            buf.extend(data)
    finally:
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            status = 0
        os.close(fd)
    text = bytes(buf).decode("utf-8", "replace").replace("\r\n", "\n")
    return text, os.waitstatus_to_exitcode(status)


def leftover_endpoints(runtime_dir):
    found = []
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % p, "rb") as f:
                cmd = f.read()
        except OSError:
            continue
        if b"--endpoint-serve" in cmd and runtime_dir.encode() in cmd:
            found.append(int(p))
    return found


def main():
    psh = os.path.abspath(sys.argv[1])
    update = "--update" in sys.argv[2:]
    names = sorted(f[:-3] for f in os.listdir(TDIR) if f.endswith(".in"))
    print("1..%d" % (len(names) + 1))
    failed = 0
    with tempfile.TemporaryDirectory() as rt:
        os.chmod(rt, 0o700)
        env = dict(os.environ, TERM="dumb", XDG_RUNTIME_DIR=rt,
                   XDG_CONFIG_HOME=rt, COLUMNS="120", LC_ALL="C.UTF-8",
                   LANGUAGE="", LANG="C.UTF-8")
        for i, name in enumerate(names, 1):
            with open(os.path.join(TDIR, name + ".in")) as f:
                lines = f.read().splitlines()
            try:
                got, rc = run(psh, lines, env)
            except TimeoutError as e:
                print("not ok %d - %s # %s" % (i, name, e))
                failed += 1
                continue
            got += "[exit status %d]\n" % rc
            out = os.path.join(TDIR, name + ".out")
            if update:
                with open(out, "w") as f:
                    f.write(got)
            with open(out) as f:
                want = f.read()
            if got == want:
                print("ok %d - %s" % (i, name))
            else:
                failed += 1
                print("not ok %d - %s" % (i, name))
                for l in got.splitlines():
                    print("# got: %s" % l)
        # Temporary sessions end with Exit-PSSession; psh's exit ends
        # the rest.  Give exiting endpoints a moment.
        left = []
        for _ in range(50):
            left = leftover_endpoints(rt)
            if not left:
                break
            time.sleep(0.05)
        if left:
            failed += 1
            print("not ok %d - no leftover endpoints # %s" % (len(names) + 1, left))
            for p in left:
                os.kill(p, signal.SIGKILL)
        else:
            print("ok %d - no leftover endpoints" % (len(names) + 1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
