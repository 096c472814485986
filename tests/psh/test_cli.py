#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""psh's command line and its REPL on piped input (TAP): scripts that
cannot be read, option spellings and errors, write errors on standard
output, scripts with BOMs (UTF-8, UTF-16 LE and BE), names shown safely,
multi-line entries (each kind of incomplete input), a NUL in a line, and
linear time for a long entry with an unclosed quote.

Usage: test_cli.py PSH
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pshtest import *  # noqa: E402,F403

TMP = tempfile.mkdtemp(prefix="psh-cli-")


def raw(args, stdin=b"", stdout=subprocess.PIPE):
    p = subprocess.run([PSH, *args], input=stdin, stdout=stdout,
                       stderr=subprocess.PIPE, env=ENV, timeout=60)
    return p.stdout, p.stderr, p.returncode


def clean(b):
    """No control character but newline and tab, valid UTF-8."""
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(c in "\n\t" or (ord(c) >= 32 and ord(c) != 127) for c in s)


def script(name, data):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def script_tests():
    out, err, rc = raw([TMP])
    test("a folder as the script: error, non-zero",
         rc == 1 and b"cannot read" in err and out == b"", (rc, err))
    out, err, rc = raw([os.path.join(TMP, "no-such.ps1")])
    test("a missing script: error, non-zero",
         rc == 1 and b"cannot read" in err, (rc, err))
    path = script("bom8.ps1", b"\xef\xbb\xbfWrite-Output 'h\xc3\xa9'\n")
    out, err, rc = raw([path])
    test("a UTF-8 BOM is dropped", (out, err, rc) == (b"h\xc3\xa9\n", b"", 0),
         (out, err, rc))
    text = "Write-Output 'h\u00e9 \U0001F600'\r\nWrite-Output two\r\n"
    for name, bom, enc in (("LE", b"\xff\xfe", "utf-16-le"),
                           ("BE", b"\xfe\xff", "utf-16-be")):
        path = script("u16%s.ps1" % name, bom + text.encode(enc))
        out, err, rc = raw([path])
        test("a UTF-16 %s script is read as text" % name,
             (out, err, rc) == ("h\u00e9 \U0001F600\ntwo\n".encode(), b"", 0),
             (out, err, rc))
    path = script("bad16.ps1", b"\xff\xfe" + "Write-Output '".encode(
        "utf-16-le") + b"\x00\xd8" + "'\n".encode("utf-16-le") + b"x")
    out, err, rc = raw([path])
    test("a lone surrogate and an odd byte in UTF-16 become U+FFFD",
         out == "\ufffd\n".encode() and "'\ufffd'".encode() in err,
         (out, err, rc))
    path = script("err16.ps1", b"\xff\xfe" + "Write-Output 'x".encode(
        "utf-16-le"))
    out, err, rc = raw([path])
    test("a UTF-16 script's errors are positioned in its text",
         rc == 1 and b"err16.ps1:1\n" in err and
         b"1 |  Write-Output 'x\n" in err and clean(err),
         (out, err, rc))


def option_tests():
    out, err, rc = raw(["-c"])
    test("-c without its value says so", rc == 2 and
         b"option '-c' needs a value" in err, (rc, err))
    out, err, rc = raw(["--endpoint=Server01", "-c",
                        "Invoke-Command -ComputerName Server01 "
                        "-ScriptBlock { Write-Output hi }"])
    test("--endpoint=NAME", (out, rc) == (b"hi\n", 0), (out, err, rc))
    out, err, rc = raw(["--endpoint", "Server01", "-c",
                        "Invoke-Command -ComputerName Server01 "
                        "-ScriptBlock { Write-Output hi }"])
    test("--endpoint NAME", (out, rc) == (b"hi\n", 0), (out, err, rc))
    out, err, rc = raw(["--endpoint=", "-c", "Write-Output x"])
    test("--endpoint= (empty) is refused", rc == 2 and err != b"",
         (out, err, rc))
    out, err, rc = raw([b"--bo\x1b[31mgus\xff\x07".decode(
        "utf-8", "surrogateescape")])
    test("an unknown option is shown made safe",
         rc == 2 and b"unknown option" in err and clean(err), err)
    out, err, rc = raw(["--endpoint", "a\x1b]0;x\x07b\x9b", "-c", "exit"])
    test("a bad --endpoint value is shown made safe",
         rc == 2 and err != b"" and clean(err), err)
    out, err, rc = raw(["x.ps1", "\x1b[2J"])
    test("an unexpected argument is shown made safe",
         rc == 2 and clean(err), err)


def write_error_tests():
    with open("/dev/full", "wb") as full:
        out, err, rc = raw(["-c", "Write-Output x"], stdout=full)
        test("a write error on stdout: message and status 4",
             rc == 4 and b"standard output" in err,
             (rc, err))
        out, err, rc = raw([], stdin=b"Write-Output x\n", stdout=full)
        test("a write error in the REPL: status 4", rc == 4 and err != b"",
             (rc, err))


def repl(stdin):
    return raw([], stdin=stdin)


def incomplete_tests():
    cases = [
        ("single quote", b"Write-Output 'a\nb'\n", b"a\nb\n"),
        ("doubled quotes", b"Write-Output 'a''\n''b'\n", b"a'\n'b\n"),
        ("double quote", b'Write-Output "a\n`"b"\n', b'a\n"b\n'),
        ("curly quotes", "Write-Output \u201ca\nb\u201d\n".encode(),
         b"a\nb\n"),
        ("curly single quotes", "Write-Output \u2018a\nb\u2019\n".encode(),
         b"a\nb\n"),
        ("script block", b"Invoke-Command -ScriptBlock {\n"
         b"Write-Output '}'\n}\n", b"}\n"),
        ("trailing pipe", b"Write-Output a |\n\nWrite-Output\n", b"a\n"),
        ("backtick", b"Write-Output x `\ny\n", b"x\ny\n"),
        ("block comment", b"<# c\n#> Write-Output z\n", b"z\n"),
        ("trailing comma", b"Write-Output a,\nb\n", b"a\nb\n"),
    ]
    for name, stdin, want in cases:
        out, err, rc = repl(stdin + b"Write-Output end\n")
        test("REPL, incomplete input: " + name,
             out == want + b"end\n" and err == b"", (out, err))
    out, err, rc = repl(b"Write-Output 'never closed\nmore\n")
    test("REPL: input ending inside a quote reports the quote",
         rc == 1 and b"missing the terminator: '" in err, (out, err))


def nul_tests():
    out, err, rc = repl(b"Write-Output a\x00b\nWrite-Output next\n")
    test("a NUL in a line is an error, not a cut line",
         out == b"next\n" and b"NUL character" in err and b"a" not in out
         and clean(err), (out, err))
    out, err, rc = repl(b"Write-Output 'a\nb\x00c'\nWrite-Output next\n")
    test("a NUL in a continuation line too",
         b"NUL character" in err and out.endswith(b"next\n")
         and b"a\nb" not in out, (out, err))


def timed(size):
    body = b"Write-Output 'x\n" + (b"y" * 63 + b"\n") * (size // 64)
    t = time.monotonic()
    out, err, rc = repl(body)
    return time.monotonic() - t, rc, err


def linear_tests():
    timed(100_000)  # warm up
    t1, rc1, _ = timed(100_000)
    t4, rc4, err = timed(400_000)
    t5, rc5, _ = timed(500_000)
    # a quadratic check takes 16 times as long for 4 times the input
    test("an unclosed quote costs linear time (100 KB: %.3fs, 400 KB: "
         "%.3fs)" % (t1, t4), t4 < max(t1, 0.02) * 8, (t1, t4))
    test("500 KB with an unclosed quote ends with the parser's error",
         rc5 == 1 and rc4 == 1 and b"terminator" in err and t5 < 20, t5)


def interrupted(args, marker=b"started\n"):
    """Runs psh, sends SIGINT once marker is out; (stdout, rc, seconds)."""
    p = subprocess.Popen([PSH, "--endpoint", "Server01", *args],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=ENV)
    out = b""
    while not out.endswith(marker):
        b = p.stdout.read1(4096)
        if not b:
            break
        out += b
    start = time.monotonic()
    p.send_signal(2)
    rest, err = p.communicate(timeout=30)
    return out + rest, err, p.returncode, time.monotonic() - start


def sigint_tests():
    # Ctrl-C stops -c and scripts as a command error would, not by
    # killing psh: the remote command is cancelled and the sessions end.
    remote = ('$s = New-PSSession -ComputerName Server01; "started"; '
              'Invoke-Command $s { Start-Sleep 30 }; "not reached"')
    out, err, rc, t = interrupted(["-c", remote])
    test("Ctrl-C in -c stops a remote command: status 130, the rest "
         "does not run (%.2fs)" % t,
         rc == 130 and out == b"started\n" and t < 5, (out, err, rc))
    test("no endpoint is left after Ctrl-C in -c", wait_no_endpoints(),
         endpoints())
    path = script("sleepy.ps1", b'"started"\nStart-Sleep 30\n'
                  b'"not reached"\n')
    out, err, rc, t = interrupted([path])
    test("Ctrl-C stops a script: status 130 (%.2fs)" % t,
         rc == 130 and out == b"started\n" and t < 5, (out, err, rc))
    jobs = ('$j = Invoke-Command -ComputerName Server01 -AsJob '
            '{ Start-Sleep 30 }; "started"; Wait-Job $j; "not reached"')
    out, err, rc, t = interrupted(["-c", jobs])
    test("Ctrl-C ends a wait for a job; its temporary session ends",
         rc == 130 and out == b"started\n" and t < 5 and
         wait_no_endpoints(), (out, err, rc, endpoints()))


sys.exit(run_groups([script_tests, option_tests, write_error_tests,
                     incomplete_tests, nul_tests, linear_tests,
                     sigint_tests]))
