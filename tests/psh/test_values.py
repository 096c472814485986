#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Invoke-Command values travel as data (issue 10): -ArgumentList and
-InputObject reach the endpoint's $args and $input as typed values,
never as source text, so no quote, $(...), ; or newline in a value can
run anything there.  Payloads come from the environment ($env:P), so
that the test controls every byte.  Prints TAP.

Usage: test_values.py PSH
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pshtest import *  # noqa: E402,F403

# Every quote the lexer accepts: ' and the curly single quotes, " and
# the curly double quotes.
QUOTES = ["'", "\u2018", "\u2019", "\u201a", "\u201b",
          '"', "\u201c", "\u201d", "\u201e"]
OPEN = "$s = New-PSSession Server01\n"


def with_payload(script, payload, **more):
    env = dict(ENV, P=payload, **more)
    return psh(OPEN + script, env=env)


def remote_echo(name, payload):
    """The payload comes back unchanged through $args and $input."""
    out, err, rc = with_payload(
        'Invoke-Command $s { "[$args]" } -ArgumentList $env:P\n'
        'Invoke-Command $s { "<$input>" } -InputObject $env:P', payload)
    shown = payload.replace("\r", "\u240d")  # made visible on output
    want = "[%s]\n<%s>\n" % (shown, shown)
    test(name, rc == 0 and out == want and err == "",
         "rc=%d out=%r err=%r" % (rc, out, err))


def quote_tests():
    for q in QUOTES:
        remote_echo("injection with U+%04X stays text" % ord(q),
                    "x%s; Write-Output INJECTED; %s" % (q, q))
        remote_echo("U+%04X inside a word" % ord(q), "don%st stop" % q)
        remote_echo("a lone U+%04X" % ord(q), q)
    # The example, written in the script itself.
    out, err, rc = psh(OPEN + '$a = "x\u2018; Write-Output INJECTED; \u2018"\n'
                       'Invoke-Command $s { "[$args]" } -ArgumentList $a')
    test("issue 10 example prints the literal text",
         rc == 0 and out == "[x\u2018; Write-Output INJECTED; \u2018]\n",
         "rc=%d out=%r err=%r" % (rc, out, err))
    out, err, rc = psh(OPEN + 'Invoke-Command $s { "[$args]" } '
                       "-ArgumentList 'don\u2019\u2019t stop'")
    test("a doubled curly quote in a literal argument", rc == 0 and
         out == "[don\u2019t stop]\n", "rc=%d out=%r err=%r" % (rc, out, err))


def syntax_tests():
    remote_echo("$(...) is not evaluated", "$(Write-Output INJECTED)")
    remote_echo("$variable is not expanded", "$s $env:HOME ${x}")
    remote_echo("backtick escapes stay", "a`nb`0c`u{41}")
    remote_echo("semicolons", "a; Write-Output INJECTED; b")
    remote_echo("braces and pipes", "} | Write-Output INJECTED; {")
    remote_echo("comments", "# Write-Output\n<# x #> y")
    remote_echo("newlines", "line1\nWrite-Output INJECTED\r\nline3")
    remote_echo("non-ASCII text", "Grüße, 日本語, \U0001F600")
    remote_echo("empty string", "")
    # Control characters reach the terminal made visible, never raw.
    out, err, rc = with_payload(
        'Invoke-Command $s { $args } -ArgumentList $env:P', "a\x1b[2Jb\x07")
    test("control characters are neutralized", rc == 0 and
         "\x1b" not in out and "\x07" not in out and out.startswith("a"),
         repr(out))


def escape_tests():
    # The runtime's strings end at NUL: `0 in a literal keeps only the
    # text before it here, and the endpoint sees exactly the same value.
    out, err, rc = psh(OPEN + '$x = "a`0b"\n"[$x]"\n'
                       'Invoke-Command $s { "[$args]"; $args.Length } '
                       '-ArgumentList $x')
    lines = out.split("\n")
    test("a NUL escape arrives as the local value", rc == 0 and
         len(lines) == 4 and lines[0] == lines[1] and "\0" not in out,
         repr(out))
    # A lone surrogate escape is U+FFFD, a pair escape is the character.
    out, err, rc = psh(OPEN + 'Invoke-Command $s { "[$args]" } '
                       '-ArgumentList "`u{D800}", "`u{DFFF}", "`u{1F600}"')
    test("surrogate escapes", rc == 0 and
         out == "[\ufffd \ufffd \U0001F600]\n", repr(out) + repr(err))


def typed_tests():
    out, err, rc = psh(OPEN + 'Invoke-Command $s { "[$args]" } -ArgumentList '
                       '9223372036854775807, -5, 0, $true, $false')
    test("integers and booleans", rc == 0 and
         out == "[9223372036854775807 -5 0 True False]\n", repr(out) + err)
    # An int has no Length, a string has; the type survives the trip.
    out, err, rc = psh(OPEN + 'Invoke-Command $s { $x = $args | Write-Output; '
                       '$x.Length; "-"; $y = $input | Write-Output; $y.Length }'
                       ' -ArgumentList 12345 -InputObject "12345"')
    test("an int stays an int, a string a string", rc == 0 and
         out == "-\n5\n", repr(out) + err)
    out, err, rc = psh(OPEN + 'Invoke-Command $s { "[$args]" } -ArgumentList '
                       '1.5, 1e300, -0.25')
    test("doubles", rc == 0 and out == "[1.5 1E+300 -0.25]\n",
         repr(out) + err)
    out, err, rc = psh(OPEN + 'Invoke-Command $s { $args.Count; "[$args]" } '
                       '-ArgumentList $null')
    test("$null is one argument", rc == 0 and out == "1\n[]\n", repr(out))
    out, err, rc = psh(OPEN + '$i = 1,2\n$j = ,$i\n'
                       'Invoke-Command $s { $args.Count; $args } '
                       '-ArgumentList $i,3\n'
                       'Invoke-Command $s { $args.Count; $args.Length } '
                       '-ArgumentList $j')
    test("nested arrays stay nested", rc == 0 and
         out == "2\n1\n2\n3\n1\n1\n", repr(out) + err)
    out, err, rc = psh(OPEN + 'Invoke-Command $s { "[$args]" } '
                       '-ArgumentList { Write-Output INJECTED }')
    test("a script block is passed, not run",
         rc == 0 and out == "[ Write-Output INJECTED ]\n", repr(out) + err)
    out, err, rc = psh(OPEN + '$c = Get-Command Get-PSSession\n'
                       'Invoke-Command $s { $args.Name } -ArgumentList $c')
    test("a record keeps its properties", rc == 0 and
         out == "Get-PSSession\n", repr(out) + err)
    out, err, rc = psh(OPEN + 'Invoke-Command $s { $input } -InputObject '
                       '1,x,$true')
    test("-InputObject items", rc == 0 and out == "1\nx\nTrue\n", repr(out))


def session_value_tests():
    out, err, rc = psh(OPEN + '$t = New-PSSession Server01 -Name Other\n'
                       'Invoke-Command $s { $input.Name; $input.Id; '
                       '$input.State; $input.ComputerName; '
                       '$input.InstanceId } -InputObject $t\n'
                       '$t.InstanceId\n'
                       'Invoke-Command $s { $args.Name } -ArgumentList $s,$t')
    lines = out.split("\n")
    test("a PSSession keeps Name, Id, State, ComputerName, InstanceId",
         rc == 0 and lines[:4] == ["Other", "2", "Opened", "Server01"] and
         len(lines) == 9 and lines[4] == lines[5] and len(lines[4]) == 36 and
         lines[6:8] == ["Runspace1", "Other"], repr(out) + err)


def lifetime_tests():
    out, err, rc = psh(OPEN + 'Invoke-Command $s { $args.Count } '
                       '-ArgumentList a,b\n'
                       'Invoke-Command $s { $args.Count; $input.Count }')
    test("$args and $input do not stay for the next command",
         rc == 0 and out == "2\n0\n0\n", repr(out))
    out, err, rc = with_payload(
        '$d = Invoke-Command -ComputerName Server01 -InDisconnectedSession '
        '{ "[$args]" } -ArgumentList $env:P\nReceive-PSSession $d',
        "x'; Write-Output INJECTED; '")
    test("values reach a disconnected invocation", rc == 0 and
         out == "[x'; Write-Output INJECTED; ']\n", repr(out) + err)
    out, err, rc = with_payload(
        'Invoke-Command -ComputerName Server01 { "[$args]" } '
        '-ArgumentList $env:P', "a\u201c; Write-Output INJECTED; \u201d")
    test("values reach a temporary session", rc == 0 and
         out == "[a\u201c; Write-Output INJECTED; \u201d]\n", repr(out) + err)
    # Big values travel too (an environment string holds up to 128 KiB).
    big = "q'\u2019" * 20000
    out, err, rc = with_payload(
        'Invoke-Command $s { $x = $args | Write-Output; $x.Length } '
        '-ArgumentList $env:P', big)
    test("a 100 KB value", rc == 0 and
         out == "%d\n" % len(big.encode()), repr(out[:200]) + err[:200])


def error_cap_tests():
    # The errors of a disconnected invocation are kept up to 64 KiB.
    out, err, rc = with_payload(
        '$d = Invoke-Command -ComputerName Server01 -InDisconnectedSession '
        '{ Get-PSSession -Id $args; Get-PSSession -Id $args; Write-Output '
        'after } -ArgumentList $env:BIG\nReceive-PSSession $d', "",
        BIG="y" * 100000)
    note = ("The error output of the disconnected session was truncated: "
            "only its first 65536 bytes were kept.\n")
    test("buffered errors are capped", rc == 1 and out == "after\n" and
         err.endswith(note) and len(err.encode()) < 65536 + 1024,
         "rc=%d out=%r len=%d tail=%r" % (rc, out, len(err), err[-300:]))
    # So are those of one answer (1 MiB), which would otherwise make the
    # whole answer, output too, too large to send.
    items = ",".join(["1"] * 40000)
    out, err, rc = with_payload(
        "Invoke-Command $s { 'first'; " + items +
        " | ForEach-Object { nosuch }; 'last' }", "")
    note = ("The error output of the command was truncated: only its first "
            "1048576 bytes were kept.\n")
    test("the errors of one answer are capped, the output comes",
         out == "first\nlast\n" and err.endswith(note) and
         1048576 < len(err.encode()) < 1048576 + 4096,
         "rc=%d out=%r len=%d tail=%r" % (rc, out, len(err), err[-200:]))


if __name__ == "__main__":
    sys.exit(run_groups([quote_tests, syntax_tests, escape_tests, typed_tests,
                         session_value_tests, lifetime_tests,
                         error_cap_tests]))
