#!/usr/bin/env python3
"""Where-Object, ForEach-Object, the comparison and logical operators,
child scopes and -Verbose.  Usage: test_pipeline.py PSH"""
import json
import sys

from pshtest import psh, test, run_groups, PSH
import subprocess


def out_of(name, cmd, want):
    out, err, rc = psh(cmd)
    test(name, rc == 0 and out == want and err == "",
         "rc=%d out=%r err=%r" % (rc, out, err))


def operator_tests():
    out_of("-eq ignores case", '"abc" -eq "ABC"', "True\n")
    out_of("-ceq does not", '"abc" -ceq "ABC"', "False\n")
    out_of("the left operand decides the type", '10 -eq "10"', "True\n")
    out_of("numbers compare as numbers", '"10" -gt "9"; 10 -gt "9"',
           "False\nTrue\n")
    out_of("an array on the left filters", "1,2,3,4 -ge 3", "3\n4\n")
    out_of("-like and -clike", '"Server01" -like "s*"; "Server01" -clike "s*"',
           "True\nFalse\n")
    out_of("-notlike", '"abc" -notlike "*d"', "True\n")
    out_of("-match is a regex, case-insensitive",
           '"Server01" -match "^server\\d+$"; "x" -cmatch "X"', "True\nFalse\n")
    out_of("-notmatch", '"abc" -notmatch "^b"', "True\n")
    out_of("-contains, -notcontains", '1,2 -contains "2"; 1,2 -notcontains 3',
           "True\nTrue\n")
    out_of("-in, -notin", '"b" -in "a","B"; "b" -cin "a","B"', "True\nFalse\n")
    out_of("-and, -or, -xor", "1 -eq 1 -and 2 -eq 3; 1 -eq 2 -or 3 -eq 3; "
           "$true -xor $true", "False\nTrue\nFalse\n")
    out_of("-not and !", "-not $false; !1; -not ''", "True\nFalse\nTrue\n")
    out_of("parentheses", "(1 -eq 1) -eq $false", "False\n")
    out_of("$null on the left", "$null -eq $nothing; $null -eq 0",
           "True\nFalse\n")
    out_of("an expression as an argument", "Write-Output (1 -lt 2)", "True\n")
    out_of("a newline after an operator", "1 -eq\n1", "True\n")
    out, err, rc = psh('"a" -match "("')
    test("an invalid pattern is an error", rc == 1 and
         "The regular expression pattern ( is not valid." in err, err)


def parse_error_tests():
    for name, cmd, want in [
        ("an operator without a right operand", "1 -eq",
         "You must provide a value expression following the '-eq' operator."),
        ("-not without an operand", "-not",
         "Missing expression after unary operator '-not'."),
        ("an operator psh lacks", "1 -replace 'a'",
         "The syntax '-replace' is not supported by psh."),
        ("a pipeline in parentheses", "(Get-PSSession)",
         "The syntax '(' is not supported by psh."),
        ("a bare word after an operator", "1 -eq abc",
         "You must provide a value expression following the '-eq' operator."),
    ]:
        out, err, rc = psh(cmd)
        test("parse error: " + name, rc == 1 and "ParserError" in err and
             want in err, err)
    out, err, rc = psh("-not " * 200 + "1")
    test("deep nesting is refused, not a crash", rc == 1 and
         "not supported" in err, err[-300:])
    out, err, rc = psh(" -and ".join(["1"] * 1000))
    test("a very long operator chain is refused", rc == 1 and
         "not supported" in err, err[-300:])


def where_tests():
    out_of("-FilterScript with $_", "1,2,3 | Where-Object { $_ -gt 1 }",
           "2\n3\n")
    out_of("$PSItem", "1,2,3 | where { $PSItem -lt 2 }", "1\n")
    out_of("the comparison statement", 'Get-Command | Where-Object Name '
           '-eq Out-Null | ForEach-Object Name', "Out-Null\n")
    out_of("-Property and -Value", 'Get-Command | Where-Object -Property '
           'Name -Value "Out-*" -Like | ForEach-Object Name',
           "Out-Default\nOut-Host\nOut-Null\n")
    out_of("-CLike is case-sensitive", 'Get-Command | ? Name -CLike '
           '"out-*" | % Name', "")
    out_of("a property alone tests it", '"", "a" | Where-Object Length',
           "a\n")
    out_of("-Not", '"", "a" | Where-Object -Not Length', "\n")
    out_of("-In", '"a","b","c" | Where-Object Length -In 1 | % Length',
           "1\n1\n1\n")
    out_of("-InputObject is one object", "Where-Object -InputObject 5 "
           "{ $_ -eq 5 }", "5\n")
    out, err, rc = psh("1 | Where-Object Length -Is int")
    test("-Is is not supported", rc == 1 and
         "The parameter 'Is' is not supported by this runtime." in err, err)


def foreach_tests():
    out_of("-Process with $_", '1,2 | ForEach-Object { "n=$_" }',
           "n=1\nn=2\n")
    out_of("-Begin, -Process, -End", '1,2 | % -Begin { "b" } -Process '
           '{ $_ } -End { "e" }', "b\n1\n2\ne\n")
    out_of("three blocks are begin, process, end",
           '1,2 | ForEach-Object { "b" } { "p$_" } { "e" }',
           "b\np1\np2\ne\n")
    out_of("-RemainingScripts", '1 | ForEach-Object -Process { "b" } '
           '-RemainingScripts { "p" }', "b\np\n")
    out_of("-MemberName", "Get-Command Out-Host | ForEach-Object Name",
           "Out-Host\n")
    out_of("variables set in blocks stay", "$n = 0; 1,2,3 | % { $n = $_ }; $n",
           "3\n")
    out_of("-Begin and -End run without input",
           "Write-Output -NoEnumerate 1 | Where-Object { $false } | "
           "ForEach-Object -Begin { 'b' } -Process { 'p' } -End { 'e' }",
           "b\ne\n")
    out, err, rc = psh("1 | ForEach-Object -Parallel { 1 }")
    test("-Parallel is not supported", rc == 1 and
         "The parameter 'Parallel' is not supported" in err, err)
    out, err, rc = psh("1 | ForEach-Object -WhatIf { 1 }")
    test("-WhatIf is not supported", rc == 1 and "WhatIf" in err, err)


def scope_tests():
    out_of("Invoke-Command runs in a child scope",
           "$x = 1; Invoke-Command { $x; $x = 2; $y = 3 }; $x; $y",
           "1\n1\n")
    out_of("-NoNewScope runs in this one",
           "$x = 1; Invoke-Command -NoNewScope { $x = 2 }; $x", "2\n")
    out_of("$global: writes through the child scope",
           "Invoke-Command { $global:g = 5 }; $g", "5\n")
    out_of("$global:x at top level is $x", "$global:x = 4; $x; $x = 6; "
           "$global:x", "4\n6\n")


def out_host_tests():
    one, err1, _ = psh("Get-Command Out-Host, Out-Null")
    two, err2, _ = psh("Get-Command Out-Host, Out-Null | Out-Host")
    test("Out-Host formats its input as one table", one == two and
         one.count("CommandType") == 1 and "Out-Null" in one,
         repr(one) + repr(two))


def common_tests():
    out, err, rc = psh("$s = New-PSSession -ComputerName Server01; "
                       "Remove-PSSession $s -Verbose")
    test("-Verbose shows verbose records", rc == 0 and
         err == 'VERBOSE: Performing the operation "Remove" on target '
                '"Server01".\n', err)
    out, err, rc = psh("$s = New-PSSession -ComputerName Server01; "
                       "Remove-PSSession $s")
    test("without -Verbose there are none", rc == 0 and err == "", err)
    out, err, rc = psh("$VerbosePreference = 'Continue'; "
                       "$s = New-PSSession -ComputerName Server01; "
                       "Remove-PSSession $s -Verbose:$false; "
                       "$s = New-PSSession -ComputerName Server01; "
                       "Remove-PSSession $s")
    test("$VerbosePreference, overridden by -Verbose:$false",
         rc == 0 and err.count("VERBOSE:") == 1, err)
    out, err, rc = psh("1 | ForEach-Object -WarningAction Stop "
                       "{ Write-Warning w$_ }; 'after'")
    test("-WarningAction reaches the commands a script block runs",
         rc == 1 and out == "" and err.endswith("Stop: w1\n"), err)


# Every parameter of these commands that the metadata marks supported has a
# case here that shows it changes what the command does.
CASES = {
    ("Where-Object", "InputObject"): "where_tests",
    ("Where-Object", "FilterScript"): "where_tests",
    ("Where-Object", "Property"): "where_tests",
    ("Where-Object", "Value"): "where_tests",
    ("Where-Object", "Not"): "where_tests",
    ("ForEach-Object", "InputObject"): "foreach_tests",
    ("ForEach-Object", "Begin"): "foreach_tests",
    ("ForEach-Object", "Process"): "foreach_tests",
    ("ForEach-Object", "End"): "foreach_tests",
    ("ForEach-Object", "RemainingScripts"): "foreach_tests",
    ("ForEach-Object", "MemberName"): "foreach_tests",
}
OPERATORS = ["EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match",
             "NotMatch", "Contains", "NotContains", "In", "NotIn"]


def operator_switch_tests():
    # Each switch against its opposite on the same input: they must differ.
    for op in OPERATORS:
        for c in ("", "C"):
            cmd = '"a","B" | Where-Object Length -%s%s %s' % (
                c, op, {"Like": "1", "NotLike": "1", "Match": "1",
                        "NotMatch": "1"}.get(op, "1"))
            base = psh('"a","B" | Where-Object Length -EQ 2')[0]
            out, err, rc = psh(cmd)
            test("-%s%s binds and runs" % (c, op), rc == 0 and err == "",
                 err)
            CASES[("Where-Object", c + op)] = "operator_switch_tests"
    out_of("-CEQ differs from -EQ", '"a","A" | Where-Object { $true } | '
           'Where-Object -Property ToString -Value x -EQ', "")
    out_of("-CEQ on strings", '"a" | ForEach-Object { $_ -ceq "A"; '
           '$_ -eq "A" }', "False\nTrue\n")


NOT_FOUND = ("Get-Nothing: The term 'Get-Nothing' is not recognized as a name "
             "of a cmdlet, function, script file, or executable program.\n"
             "Check the spelling of the name, or if a path was included, "
             "verify that the path is correct and try again.\n")


def stream_tests():
    # Errors and warnings of a script block are records in its output:
    # shown in place (tests/psh/transcripts/stream-order), never kept.
    s = "$s = New-PSSession -ComputerName Server01\n"
    for where, inv in [("remote", "Invoke-Command $s "),
                       ("local", "Invoke-Command ")]:
        out, err, rc = psh(s + "$x = " + inv + "{ 1; Get-Nothing; 2 }\n"
                           "$x.Count; $x")
        test(where + ": an assignment keeps the objects, shows the error",
             out == "2\n1\n2\n" and err == NOT_FOUND, repr((out, err)))
        out, err, rc = psh(s + inv + "{ Get-Nothing } -ErrorVariable e\n"
                           "$e.Count; Write-Output $?")
        test(where + ": -ErrorVariable gets the error",
             out == "1\nTrue\n" and err == NOT_FOUND, repr((out, err)))
        out, err, rc = psh(s + inv + "{ Get-Nothing }\nWrite-Output $?")
        test(where + ": $? is False after the error", out == "False\n",
             repr((out, err)))
        out, err, rc = psh(s + inv + "{ 1; Get-Nothing } -ErrorAction "
                           "SilentlyContinue -OutVariable o\n$o.Count")
        test(where + ": -ErrorAction SilentlyContinue hides it, "
             "-OutVariable has only the objects",
             out == "1\n1\n" and err == "", repr((out, err)))
        out, err, rc = psh(s + inv + "{ Write-Warning careful; 3 } "
                           "-WarningVariable w -WarningAction "
                           "SilentlyContinue\n$w")
        test(where + ": -WarningVariable and -WarningAction",
             out == "3\ncareful\n" and err == "", repr((out, err)))
    out, err, rc = psh(s + "Invoke-Command $s { 1; Get-Nothing; 2 } | "
                       "ForEach-Object { \"[$_]\" }")
    test("records pass a command that takes the objects",
         out == "[1]\n[2]\n" and err == NOT_FOUND, repr((out, err)))
    out, err, rc = psh(s + "Invoke-Command $s { Get-Nothing } | Out-Null")
    test("Out-Null drops objects, not errors", out == "" and
         err == NOT_FOUND, repr((out, err)))
    # An endpoint's text is not trusted: a control character it sends
    # is shown escaped.
    out, err, rc = psh(s + "Invoke-Command $s { Get-PSSession -Name "
                       "\"a`e[31mb\" }")
    test("an endpoint's error reaches the terminal neutralized",
         "\x1b" not in err and "a" in err and rc == 1, repr(err))


def coverage_tests():
    meta = json.loads(subprocess.run([PSH, "--metadata"], capture_output=True,
                                     text=True).stdout)
    for c in meta["commands"]:
        if c["name"] not in ("Where-Object", "ForEach-Object"):
            continue
        for p in c["parameters"]:
            if p["supported"]:
                test("%s -%s has a test case" % (c["name"], p["name"]),
                     (c["name"], p["name"]) in CASES)
    names = {p["name"]: p["supported"] for p in meta["common"]["parameters"]}
    test("common parameters supported: Verbose, ErrorAction, WarningAction, "
         "ErrorVariable, WarningVariable, OutVariable (the others refused; "
         "test_language.py proves each)",
         {n for n, s in names.items() if s} ==
         {"Verbose", "ErrorAction", "WarningAction", "ErrorVariable",
          "WarningVariable", "OutVariable"}, names)


if __name__ == "__main__":
    sys.exit(run_groups([operator_tests, parse_error_tests, where_tests,
                         foreach_tests, scope_tests, out_host_tests,
                         common_tests, operator_switch_tests,
                         stream_tests, coverage_tests]))
