#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""psh at a terminal (TAP): Ctrl-C discards the line being typed and a
pending multi-line entry, and cancels a "Supply values for the following
parameters:" prompt, without ending psh; Ctrl-D leaves an entered session,
then psh.  Each case runs through a pty with the plain line reader
(TERM=dumb) and with libedit (TERM=xterm).

  test-psh-pty.py PSH
"""
import os
import pty
import select
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyread import read_to_end  # noqa: E402

PSH = os.path.abspath(sys.argv[1])
TIMEOUT = 10.0
n = failed = 0


def ok(good, what, detail=""):
    global n, failed
    n += 1
    print(("ok" if good else "not ok") + f" {n} - {what}")
    if not good:
        failed += 1
        for line in repr(detail)[:1500].splitlines():
            print("# " + line)


class Term:
    """psh in a pty: send keys, wait for what the terminal shows."""

    def __init__(self, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(PSH, [PSH, "--endpoint", "Server01"], env)
        self.buf = bytearray()

    def read_some(self, wait):
        r, _, _ = select.select([self.fd], [], [], wait)
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return None
        if not data:
            return None
        self.buf.extend(data)
        return True

    def wait_for(self, text):
        """Waits until the output since the last mark ends with text."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.buf[self.mark:].endswith(text.encode()):
                # quiet for a moment: the prompt is complete
                if not self.read_some(0.1):
                    return True
                continue
            if self.read_some(0.05) is None:
                break
        raise TimeoutError("waiting for %r; got %r" %
                           (text, bytes(self.buf[self.mark:])))

    def send(self, keys):
        self.mark = len(self.buf)
        os.write(self.fd, keys.encode())

    def finish(self):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and self.read_some(0.2) is not None:
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)

    def text(self, since=0):
        return bytes(self.buf[since:]).decode("utf-8", "replace")


def lines(text):
    return [l.strip() for l in text.replace("\r", "\n").split("\n")]


def session(env, steps):
    """steps: (keys, prompt to wait for) pairs; returns (text, rc)."""
    t = Term(env)
    t.mark = 0
    t.wait_for("PS> ")
    for keys, prompt in steps:
        t.send(keys)
        if prompt:
            t.wait_for(prompt)
    return t.text(), t.finish()


def cases(env, mode):
    text, rc = session(env, [("Write-Output abc", "abc"), ("\x03", "PS> "),
                             ("Write-Output after\n", "PS> "),
                             ("exit\n", None)])
    got = lines(text)
    ok(rc == 0 and "after" in got and "abc" not in got,
       f"{mode}: Ctrl-C discards the line and psh goes on", (rc, text))

    text, rc = session(env, [("Write-Output 'abc\n", ">> "),
                             ("def", "def"), ("\x03", "PS> "),
                             ("Write-Output ok\n", "PS> "),
                             ("exit 3\n", None)])
    got = lines(text)
    ok(rc == 3 and "ok" in got and "abc" not in got and "def" not in got,
       f"{mode}: Ctrl-C discards a pending multi-line entry", (rc, text))

    text, rc = session(env, [("Remove-PSSession\n", "Id[0]: "),
                             ("\x03", "PS> "),
                             ("Write-Output alive\n", "PS> "),
                             ("exit\n", None)])
    ok("Supply values for the following parameters:" in text and
       "alive" in lines(text) and rc == 0 and
       "Remove-PSSession:" not in text,
       f"{mode}: Ctrl-C cancels a mandatory-parameter prompt, without "
       "an error", (rc, text))

    text, rc = session(env, [("Enter-PSSession Server01\n",
                              "[Server01]: PS> "),
                             ("\x04", "PS> "),
                             ("Write-Output top\n", "PS> "),
                             ("\x04", None)])
    tail = text[text.rfind("[Server01]: PS> "):]
    ok(rc == 0 and "top" in lines(tail) and "\nPS> " in
       tail.replace("\r", "\n"),
       f"{mode}: Ctrl-D leaves the session, then psh", (rc, text))


def timed_interrupt(env, setup, command, after, mode, what):
    """Runs setup lines, then command; Ctrl-C after 0.5 s must bring the
    prompt back within a second, and after must then work."""
    t = Term(env)
    t.mark = 0
    t.wait_for("PS> ")
    for line in setup:
        t.send(line + "\n")
        t.wait_for("PS> ")
    t.send(command + "\n")
    time.sleep(0.5)
    t.send("\x03")
    start = time.monotonic()
    t.wait_for("PS> ")
    took = time.monotonic() - start
    t.send(after + "\n")
    t.wait_for("PS> ")
    shown = t.text(t.mark)
    t.send("exit\n")
    rc = t.finish()
    ok(rc == 0 and took < 1.5 and "Opened" in shown and "still" in shown,
       f"{mode}: Ctrl-C stops {what}, the prompt is back at once and the "
       "session is intact", (rc, took, t.text()))


def running_cases(env, mode):
    after = "$s.State; Invoke-Command $s { 'still' }"
    timed_interrupt(env, ["$s = New-PSSession"], "Start-Sleep 30", after,
                    mode, "a local Start-Sleep")
    timed_interrupt(env, ["$s = New-PSSession"],
                    # 5 s: an endpoint that does not honour CANCEL yet
                    # answers late and the answer is drained first
                    "Invoke-Command $s { Start-Sleep 5 }", after, mode,
                    "a remote Invoke-Command")
    timed_interrupt(env, ["$s = New-PSSession", "$t = New-PSSession",
                          "$j = Invoke-Command $t { Start-Sleep 30 } -AsJob"],
                    "Wait-Job $j", after, mode, "Wait-Job")


def help_on_terminal(env, pager):
    """psh -c 'help Get-PSSession' on a pty: (exit status, what it shows)."""
    env = dict(env, TERM="dumb")
    env.pop("PAGER", None)
    if pager is not None:
        env["PAGER"] = pager
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(PSH, [PSH, "-c", "help Get-PSSession"], env)
    out = read_to_end(fd, TIMEOUT)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return (os.waitstatus_to_exitcode(status),
            out.decode("utf-8", "replace"))


def pager_cases(env, tmp):
    paged = os.path.join(tmp, "paged")
    rc, text = help_on_terminal(env, f"cat > {paged}")
    got = open(paged).read() if os.path.exists(paged) else ""
    ok(rc == 0 and "SYNOPSIS" in got and "SYNOPSIS" not in text,
       "help NAME on a terminal goes through $PAGER", (rc, text[:300]))
    rc, text = help_on_terminal(env, "no-such-pager-program")
    ok(rc == 0 and "SYNOPSIS" in text,
       "a missing $PAGER falls back to printing", (rc, text[:300]))
    noexec = os.path.join(tmp, "noexec")
    with open(noexec, "w") as f:
        f.write("#!/bin/sh\n")
    os.chmod(noexec, 0o644)
    rc, text = help_on_terminal(env, noexec)
    ok(rc == 0 and "SYNOPSIS" in text,
       "a $PAGER that cannot run falls back to printing", (rc, text[:300]))


def main():
    with tempfile.TemporaryDirectory() as rt:
        os.chmod(rt, 0o700)
        base = dict(os.environ, XDG_RUNTIME_DIR=rt, XDG_CONFIG_HOME=rt,
                    COLUMNS="80", LC_ALL="C.UTF-8", LANG="C.UTF-8",
                    LANGUAGE="")
        base.pop("PAGER", None)
        for term in ("dumb", "xterm"):
            env = dict(base, TERM=term)
            for c in (cases, running_cases):
                try:
                    c(env, "TERM=" + term)
                except (TimeoutError, OSError) as e:
                    ok(False, f"TERM={term}: {c.__name__}", str(e))
        try:
            pager_cases(base, rt)
        except (TimeoutError, OSError) as e:
            ok(False, "pager_cases", str(e))
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
