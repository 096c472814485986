#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Get-Command's selection parameters and -Syntax, Out-Null, Out-Host and
Out-Default, through psh -c.  Prints TAP.

Usage: test_commands.py PSH
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pshtest import *  # noqa: E402,F403

NOT_FOUND = ("Get-Command: The term '%s' is not recognized as a name of a "
             "cmdlet, function, script file, or executable program.\n"
             "Check the spelling of the name, or if a path was included, "
             "verify that the path is correct and try again.\n")


def names(out):
    """The Name column of a Get-Command table."""
    rows = [l for l in out.splitlines()[3:] if l.strip()]
    return [l.split(None, 1)[1].strip() if l.startswith("Alias ")
            else l.split()[1] for l in rows]


def get_command_tests():
    out, err, rc = psh("Get-Command")
    n = names(out)
    test("Get-Command lists aliases first, then cmdlets, by name",
         rc == 0 and n[0] == "% -> ForEach-Object" and
         n[1] == "? -> Where-Object" and "cnsn -> Connect-PSSession" in n and
         "oh -> Out-Host" in n and n.index("rsn -> Remove-PSSession") <
         n.index("Connect-PSSession") and n[-1] == "Write-Warning" and
         "gjb -> Get-Job" in n and "sleep -> Start-Sleep" in n and
         "Out-Null" in n, repr(out))
    out, err, rc = psh("Get-Command -CommandType Alias")
    test("-CommandType Alias", rc == 0 and all(
        l.startswith("Alias ") for l in out.splitlines()[3:] if l.strip()),
        repr(out))
    out, err, rc = psh("Get-Command -CommandType Cmdlet -TotalCount 2")
    test("-CommandType Cmdlet -TotalCount 2",
         rc == 0 and names(out) == ["Connect-PSSession", "Disconnect-PSSession"],
         repr(out))
    out, err, rc = psh("Get-Command -CommandType Function")
    test("-CommandType Function: nothing", (out, err, rc) == ("", "", 0),
         repr((out, err)))
    out, err, rc = psh("Get-Command -Noun PSSession")
    test("-Noun", rc == 0 and names(out)[0] == "Connect-PSSession" and
         names(out)[-1] == "Remove-PSSession" and len(names(out)) == 8,
         repr(out))
    out, err, rc = psh("Get-Command -Verb Out")
    test("-Verb", names(out) == ["Out-Default", "Out-Host", "Out-Null"],
         repr(out))
    out, err, rc = psh("Get-Command -ParameterName Paging")
    test("-ParameterName", names(out) == ["Out-Host"], repr(out))
    out, err, rc = psh("Get-Command -ParameterName ea -TotalCount 1")
    test("-ParameterName matches common parameter aliases",
         names(out) == ["Connect-PSSession"], repr(out))
    out, err, rc = psh("Get-Command -Module p*h -Name Out-N*")
    test("-Module", names(out) == ["Out-Null"], repr(out))
    out, err, rc = psh("Get-Command -Module Microsoft.PowerShell.Core")
    test("-Module that matches nothing", (out, rc) == ("", 0), repr(out))
    out, err, rc = psh("Get-Command -Name out-host,gcm")
    test("names without wildcards keep their order",
         names(out) == ["Out-Host", "gcm -> Get-Command"], repr(out))
    out, err, rc = psh("Get-Command -Name nope,Out-Null,zip")
    test("one error per missing name", rc == 1 and
         err == NOT_FOUND % "nope" + NOT_FOUND % "zip" and
         names(out) == ["Out-Null"], repr((out, err)))
    out, err, rc = psh("Get-Command -Name nothing*")
    test("a wildcard that matches nothing is no error",
         (out, err, rc) == ("", "", 0), repr((out, err)))
    out, err, rc = psh("Get-Command -Name gcm -CommandType Cmdlet")
    test("a name filtered out is missing", err == NOT_FOUND % "gcm",
         repr(err))
    out, err, rc = psh("Get-Command Out-Null -Syntax")
    test("-Syntax", (out, rc) == (
        "\nOut-Null [-InputObject <PSObject>] [<CommonParameters>]\n\n", 0),
        repr(out))
    out, err, rc = psh("Get-Command oh -Syntax")
    test("-Syntax of an alias", (out, rc) == (
        "oh (alias) -> Out-Host\n\noh [-InputObject <PSObject>] [-Paging] "
        "[<CommonParameters>]\n\n", 0), repr(out))
    out, err, rc = psh("Get-Command Get-Help -Syntax")
    test("-Syntax: a line per set", rc == 0 and
         out.count("\nGet-Help ") == 6 and out.endswith("]\n\n"), repr(out))
    for p, arg in (("ArgumentList", " -ArgumentList 1"),
                   ("FullyQualifiedModule", " -FullyQualifiedModule m"),
                   ("ParameterType", " -ParameterType string"),
                   ("ShowCommandInfo", " -ShowCommandInfo"),
                   ("UseAbbreviationExpansion", " x -UseAbbreviationExpansion"),
                   ("UseFuzzyMatching", " x -UseFuzzyMatching")):
        expect_error("Get-Command -%s is not supported" % p,
                     "Get-Command" + arg,
                     "Get-Command: The parameter '%s' is not supported by "
                     "this runtime." % p)


def out_tests():
    out, err, rc = psh("Get-Command | Out-Null; 'after'")
    test("Out-Null discards", (out, err, rc) == ("after\n", "", 0),
         repr((out, err)))
    out, err, rc = psh("$x = 'a','b' | Out-Null; \"[$x]\"")
    test("Out-Null writes nothing to the pipeline", out == "[]\n", repr(out))
    out, err, rc = psh("$x = 'a','b' | Out-Host; \"[$x]\"")
    test("Out-Host writes to the host, not the pipeline",
         (out, rc) == ("a\nb\n[]\n", 0), repr((out, err)))
    out, err, rc = psh("Get-Command Out-Null | Out-Host")
    want, _, _ = psh("Get-Command Out-Null")
    test("Out-Host formats as the end of a pipeline", out == want and
         out.startswith("\nCommandType "), repr(out))
    out, err, rc = psh("oh -InputObject 5")
    test("oh -InputObject", (out, rc) == ("5\n", 0), repr(out))
    expect_error("Out-Host -Paging is not supported",
                 "Out-Host -Paging -InputObject 1",
                 "Out-Host: The parameter 'Paging' is not supported by this "
                 "runtime.")
    out, err, rc = psh("$x = 1,2 | Out-Default; \"[$x]\"")
    test("Out-Default writes to the host", (out, rc) == ("1\n2\n[]\n", 0),
         repr(out))
    out, err, rc = psh("1 | Out-Default -Transcript")
    test("Out-Default -Transcript: no transcript, nothing shown",
         (out, err, rc) == ("", "", 0), repr((out, err)))
    out, err, rc = psh("Invoke-Command -ComputerName Server01 { 'r' | Out-Host }")
    test("Out-Host in an endpoint reaches the client", (out, rc) == ("r\n", 0),
         repr((out, err)))
    test("no endpoints left", wait_no_endpoints(), endpoints())


sys.exit(run_groups([get_command_tests, out_tests]))
