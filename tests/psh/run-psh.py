#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Whole-program tests of psh: binding and errors through psh -c, exit
status, sessions across processes (disconnect in one, connect and receive
in another), an endpoint killed with SIGKILL, Get-Help and partial help,
-?, --metadata.  Every test runs with its own runtime directory; at the
end no endpoint process of ours may be left.  Prints TAP.

Usage: run-psh.py PSH
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pshtest import *  # noqa: E402,F403

SET = ("Parameter set cannot be resolved using the specified named "
       "parameters. One or more parameters issued cannot be used together "
       "or an insufficient number of parameters were provided.")


def binding_tests():
    expect_error("ambiguous parameter", "Get-PSSession -Co x",
                 "Get-PSSession: Parameter cannot be processed because the "
                 "parameter name 'Co' is ambiguous. Possible matches "
                 "include: -ComputerName -ConfigurationName -ConnectionUri "
                 "-ContainerId.")
    expect_error("Enter-PSSession sets", "Enter-PSSession -ComputerName a -Id 1",
                 "Enter-PSSession: " + SET)
    expect_error("Connect-PSSession sets", "Connect-PSSession -Name x -Id 2",
                 "Connect-PSSession: " + SET)
    expect_error("parameter not found", "Get-PSSession -Bogus 1",
                 "Get-PSSession: A parameter cannot be found that matches "
                 "parameter name 'Bogus'.")
    expect_error("missing mandatory (not a terminal)", "Remove-PSSession",
                 "Remove-PSSession: Cannot process command because of one "
                 "or more missing mandatory parameters: Id.")
    expect_error("unsupported parameter",
                 "Enter-PSSession -Cn Server01 -Credential u",
                 "Enter-PSSession: The parameter 'Credential' is not "
                 "supported by this runtime.")
    expect_error("-Subsystem binds in SSHHost, then is unsupported",
                 "Enter-PSSession -HostName h -Subsystem s",
                 "Enter-PSSession: The parameter 'HostName' is not "
                 "supported by this runtime.")
    expect_error("unknown command", "Get-Nothing",
                 "Get-Nothing: The term 'Get-Nothing' is not recognized as "
                 "a name of a cmdlet, function, script file, or executable "
                 "program.\nCheck the spelling of the name, or if a path "
                 "was included, verify that the path is correct and try "
                 "again.")
    expect_error("unknown computer", "Enter-PSSession Nowhere",
                 "Enter-PSSession: Connecting to remote server Nowhere "
                 "failed with the following error message : The WinRM "
                 "client cannot process the request because the server "
                 "name cannot be resolved. For more information, see the "
                 "about_Remote_Troubleshooting Help topic.")
    out, err, rc = psh("Write-Output a\nGet-Nothing")
    test("unknown command on line 2 shows the caret",
         rc == 1 and err.startswith("Get-Nothing:\nLine |\n   2 |  Get-Nothing\n"
                                    "     |  ~~~~~~~~~~~\n"), repr(err))
    out, err, rc = psh("Get-PSSession -Name 'abc")
    test("parse error caret", rc == 1 and out == "" and err ==
         "ParserError:\nLine |\n   1 |  Get-PSSession -Name 'abc\n"
         "     |                      ~~~~\n"
         "     | The string is missing the terminator: '.\n", repr(err))


def status_tests():
    test("exit status 0", psh("Write-Output x")[2] == 0)
    test("exit status 1 when the last command failed",
         psh("Write-Output x; Get-PSSession -Id 9")[2] == 1)
    test("exit status 0 when an earlier one failed",
         psh("Get-PSSession -Id 9; Write-Output x")[2] == 0)
    test("exit N", psh("exit 7; Write-Output never")[0:3:2] == ("", 7))
    with tempfile.NamedTemporaryFile("w", suffix=".ps1", delete=False) as f:
        f.write("$a = 'one'\nWrite-Output \"$a two\" 3\n")
    out, err, rc = psh(None, args=(f.name,))
    os.unlink(f.name)
    test("script file", (out, rc) == ("one two\n3\n", 0), repr((out, err)))
    out, err, rc = psh(None, stdin="$x = Write-Output a b\n$x\n", args=())
    test("commands on stdin", (out, rc) == ("a\nb\n", 0), repr((out, err)))


def session_tests():
    out, err, rc = psh("$s = New-PSSession -ComputerName Server01 -Name Keep\n"
                       "Invoke-Command -Session $s { $v = Write-Output 42 }\n"
                       "Invoke-Command -Session $s { $v; $args } -ArgumentList x\n"
                       "Disconnect-PSSession $s\n"
                       "Invoke-Command -ComputerName Server01 -InDisconnectedSession "
                       "{ Write-Output kept; $env:COMPUTERNAME }")
    test("variables persist in a session's endpoint; $args",
         rc == 0 and out.startswith("42\nx\n"), repr((out, err)))
    test("disconnected sessions are shown", out.count("Disconnected") == 2,
         out)
    names = sorted(endpoints().values())
    test("disconnected endpoints outlive their psh", names ==
         ["Keep", "Runspace2"], names)
    out, err, rc = psh("Get-PSSession -ComputerName Server01")
    test("Get-PSSession -ComputerName from another process",
         rc == 0 and "Keep" in out and "Runspace2" in out and
         out.count("Disconnected") == 2, repr((out, err)))
    out, err, rc = psh("Receive-PSSession -ComputerName Server01 -Name Runspace2")
    test("Receive-PSSession returns output kept while disconnected",
         (out, rc) == ("kept\nServer01\n", 0), repr((out, err)))
    out, err, rc = psh("$c = Connect-PSSession -ComputerName Server01 -Name Keep\n"
                       "$c.State\nInvoke-Command -Session $c { $v }\n"
                       "Remove-PSSession -Session $c\n$c.State\n"
                       "Get-PSSession -ComputerName Server01 | Remove-PSSession")
    test("Connect-PSSession from another process, then Remove",
         (out, rc) == ("Opened\n42\nClosed\n", 0), repr((out, err)))
    test("Remove-PSSession ends the endpoints", wait_no_endpoints(), endpoints())


def invoke_tests():
    out, err, rc = psh("Invoke-Command -ComputerName Server01 { Get-Command Get-PSSession }")
    test("Invoke-Command adds PSComputerName", rc == 0 and
         "Source PSComputerName\n" in out and out.rstrip().endswith("Server01"),
         repr((out, err)))
    out, err, rc = psh("Invoke-Command -ComputerName Server01 -HideComputerName "
                       "{ Get-Command Get-PSSession }")
    test("-HideComputerName drops it", rc == 0 and "PSComputerName" not in out
         and "Get-PSSession" in out, repr((out, err)))
    out, err, rc = psh("Invoke-Command -InputObject 1,2 { $input }; "
                       "Invoke-Command { $args } -ArgumentList a,b; "
                       "Invoke-Command -ComputerName Server01 -InputObject x "
                       "-ArgumentList 'it''s' { $input; $args }")
    test("$input and $args, here and in an endpoint",
         (out, rc) == ("1\n2\na\nb\nx\nit's\n", 0), repr((out, err)))
    expect_error("configuration other than the default",
                 "New-PSSession Server01 -ConfigurationName Other",
                 "New-PSSession: The session configuration Other is not "
                 "available: endpoints of this runtime have only "
                 "Microsoft.PowerShell.")
    test("temporary sessions are gone", wait_no_endpoints(), endpoints())


def session_names(table):
    """The Name column of a Get-PSSession table."""
    return [line.split()[1] for line in table.splitlines()
            if line[:4].strip().isdigit()]


def wildcard_tests():
    made = "".join("$null = New-PSSession Server01 -Name '%s'\n" % n
                   for n in ("Sa1", "SB2", "Sc3", "W*x", "Wyx", "SÄLJ"))
    out, err, rc = psh(made + "Get-PSSession -Name 'S[ab]*'\n"
                       "Write-Output NEXT\n"
                       "Get-PSSession -Name 'W`*x'\n"
                       "Write-Output NEXT\n"
                       "Get-PSSession -Name 'W?x'\n"
                       "Write-Output NEXT\n"
                       "Get-PSSession -Name 'sä*'\n"
                       "Write-Output NEXT\n"
                       "Get-PSSession -Name 'Q`*'\n"
                       "Get-PSSession | Remove-PSSession")
    parts = out.split("NEXT\n")
    got = [session_names(p) for p in parts]
    test("Get-PSSession -Name 'S[ab]*': a set, any case",
         len(got) == 5 and got[0] == ["Sa1", "SB2"], repr((out, err)))
    test("Get-PSSession -Name 'W`*x': a backtick-escaped star is a star",
         len(got) == 5 and got[1] == ["W*x"], repr(got))
    test("Get-PSSession -Name 'W?x': ? is any one character",
         len(got) == 5 and got[2] == ["W*x", "Wyx"], repr(got))
    test("Get-PSSession -Name 'sä*': Unicode case folding",
         len(got) == 5 and got[3] == ["SÄLJ"], repr(got))
    test("an escaped pattern without a match is a missing name",
         err == "Get-PSSession: The remote session with the "
         "name Q`* is not available.\n", repr(err))
    test("wildcard sessions are gone", wait_no_endpoints(), endpoints())
    out, err, rc = psh("Get-Command -Name 'get-ps[s]ession','[ei]x*'")
    test("Get-Command -Name with sets", rc == 0 and
         "Get-PSSession" in out and "Exit-PSSession" in out and
         "Enter-PSSession" not in out, repr((out, err)))


def kill_test():
    p = subprocess.Popen([PSH, "--endpoint", "Server01"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=ENV)
    p.stdin.write("$s = New-PSSession -ComputerName Server01 -Name Victim\n")
    p.stdin.flush()
    victim = None
    for _ in range(200):
        victim = [pid for pid, n in endpoints().items() if n == "Victim"]
        if victim:
            break
        time.sleep(0.025)
    if not victim:
        p.kill()
        test("SIGKILL: endpoint started", False)
        return
    time.sleep(0.2)
    os.kill(victim[0], signal.SIGKILL)
    out, err = p.communicate("Invoke-Command -Session $s { 1 }\n$s.State\n",
                             timeout=30)
    test("SIGKILLed endpoint: the session is Broken", out == "Broken\n",
         repr(out))
    test("SIGKILLed endpoint: a clear error", err.startswith(
        "Invoke-Command: ") and "Victim" in err or "endpoint" in err,
         repr(err))


def help_tests():
    out, err, rc = psh("Get-Help Exit-PSSession")
    test("Get-Help with a page", rc == 0 and
         out.startswith("\nNAME\n    Exit-PSSession\n") and "SYNTAX" in out,
         repr(out[:200]))
    out2, err, rc = psh("Exit-PSSession -?")
    test("Cmd -? is the default view", rc == 0 and out2 == out)
    out3, err, rc = psh("exsn -?")
    test("alias -? shows the command's help", out3 == out)
    out, err, rc = psh("help Exit-PSSession")
    test("help is the full view (not paged without a terminal)",
         rc == 0 and "PARAMETERS" in out and "<CommonParameters>" in out)
    env = dict(ENV, PSHELP_PATH=os.path.join(RT, "no-help"))
    out, err, rc = psh("Get-Help Get-PSSession", env=env)
    test("partial help without a page", rc == 0 and
         out.startswith("\nNAME\n    Get-PSSession\n\nSYNTAX\n"
                        "    Get-PSSession [-Name <string[]>] [<CommonParameters>]\n")
         and "\nALIASES\n    gsn\n" in out and "REMARKS" in out and
         "partial help" in out, repr(out))
    out, err, rc = psh("Get-Help about_nothing_here", env=env)
    test("Get-Help for nothing fails", rc == 1 and err.startswith(
        "Get-Help: Get-Help could not find about_nothing_here"), repr(err))
    out, err, rc = psh("Get-Help Exit-PSSession -Online")
    test("-Online without an address fails", rc == 1 and
         "Internet address (URI)" in err, repr(err))
    # No about topic is named Exit-PSSession: the text of the about topics
    # is searched (as PowerShell does), and the cmdlet itself is never shown.
    out, err, rc = psh("Get-Help Exit-PSSession -Category HelpFile")
    test("Get-Help -Category filters: only about topics, found by their text",
         rc == 0 and "about_pshelp" in out and "Cmdlet" not in out,
         repr((out, err)))
    out, err, rc = psh("Get-Help qqqnothingqqq -Category HelpFile")
    test("Get-Help -Category with no match at all", rc == 1 and
         "could not find" in err, repr(err))
    out, err, rc = psh("Get-Help *-PSSession")
    test("Get-Help with a wildcard lists topics", rc == 0 and out.startswith(
        "\nName ") and "Exit-PSSession       Cmdlet   psh    " in out, repr(out))
    out, err, rc = psh("Get-Help")
    test("Get-Help without a name shows about_pshelp", rc == 0 and
         "about_pshelp" in out, repr(out[:200]))
    out, err, rc = psh("Get-Command -Name *-PSSession,gsn")
    test("Get-Command table", rc == 0 and out.startswith(
        "\nCommandType Name") and "Alias       gsn -> Get-PSSession" in out
         and "Cmdlet      Remove-PSSession" in out, repr(out))


WIDGET_EN = """---
Module Name: Tailspin.Test
title: Set-Widget
---

# Set-Widget

## SYNOPSIS
Sets a widget.

## SYNTAX

```
Set-Widget [-Subsystem] <String> [<CommonParameters>]
```

## PARAMETERS

### -Subsystem

The subsystem.

```yaml
Type: System.String
Parameter Sets: (All)
Aliases:

Required: True
Position: 0
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```
"""

# A machine translation that split the parameter's name in two.
WIDGET_SV = (WIDGET_EN.replace("## SYNOPSIS\nSets a widget.",
                               "## SAMMANFATTNING\nAnger en widget.")
             .replace("## PARAMETERS", "## PARAMETRAR")
             .replace("### -Subsystem", "### -Under system")
             .replace("The subsystem.", "Delsystemet."))

MODULE_EN = """---
Module Name: Tailspin.Test
title: Tailspin.Test
---

# Tailspin.Test Module

## Description
Widgets for tests.
"""


def help_fixture():
    """A help root: Set-Widget in en-US and sv-SE, Set-WidgetColor, and
    the module's own page."""
    root = os.path.join(RT, "widget-help")
    pages = {
        ("en-US", "Set-Widget"): WIDGET_EN,
        ("sv-SE", "Set-Widget"): WIDGET_SV,
        ("en-US", "Set-WidgetColor"): WIDGET_EN.replace(
            "Set-Widget", "Set-WidgetColor").replace(
            "Sets a widget.", "Sets a widget's colour."),
        ("en-US", "Tailspin.Test"): MODULE_EN,
    }
    for (culture, name), text in pages.items():
        folder = os.path.join(root, culture, "Tailspin.Test")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name + ".md"), "w") as f:
            f.write(text)
    return root


def shared_query_tests():
    root = help_fixture()
    sv = dict(ENV, PSHELP_PATH=root, LC_ALL="", LANG="sv_SE.UTF-8",
              LANGUAGE="sv_SE")
    out, err, rc = psh("Get-Help Set-Widget -Full", env=sv)
    test("Get-Help repairs a translated name from the en-US source",
         rc == 0 and "    -Subsystem <String>\n        Delsystemet." in out
         and "-Under system" not in out.split("PARAMETRAR")[-1], repr(out))
    de = dict(sv, LANG="de_DE.UTF-8", LANGUAGE="de_DE")
    out, err, rc = psh("Get-Help Set-Widget", env=de)
    # the note in the user's German, the English page's headings in English
    test("Get-Help notes the fallback to en-US", rc == 0 and out.startswith(
        "\nHinweis: Für Set-Widget wurde keine Hilfe in 'de-DE' gefunden; "
        "es wird en-US\nangezeigt.\n\nNAME\n"), repr(out[:200]))
    en = dict(ENV, PSHELP_PATH=root)
    out, err, rc = psh("Get-Help *t*", env=en)
    test("Get-Help labels a module page Module", rc == 0 and
         "\nTailspin.Test   Module   Tailspin.Test\n" in out,
         repr(out))
    out, err, rc = psh("Get-Help widget", env=en)
    test("several matches without a wildcard are a table", rc == 0 and
         out.startswith("\nName ") and "Set-WidgetColor Cmdlet" in out,
         repr(out))
    out, err, rc = psh("Get-Help *t* -Category Cmdlet", env=en)
    test("-Category Cmdlet leaves the module page out", rc == 0 and
         "Set-Widget " in out and "Tailspin.Test   Module" not in out, repr(out))


def misc_tests():
    out, err, rc = psh(None, args=("--metadata",))
    try:
        meta = json.loads(out)
        ok = rc == 0 and len(json.dumps(meta)) > 1000
    except ValueError:
        ok = False
    test("--metadata is JSON", ok)
    out, err, rc = psh(None, args=("--version",))
    test("--version", rc == 0 and out.startswith("psh (pshelp) "))
    out, err, rc = psh(None, args=("--bogus",))
    test("unknown option", rc == 2 and "--bogus" in err)
    out, err, rc = psh(None, args=("--\x1b]0;PWN\x07",))
    test("a bad option is shown without its escape sequence",
         rc == 2 and "\x1b" not in err and "\u241b]0;PWN" in err, repr(err))
    out, err, rc = psh(None, args=("-c",))
    test("an option without its value", rc == 2 and "needs a value" in err,
         repr(err))
    out, err, rc = psh(None, args=(RT,))
    test("a folder is no script", rc == 1 and "not a regular file" in err,
         repr(err))
    # A non-blocking standard input that gets its script late is waited
    # for, and its flags are left as they were.
    import fcntl
    r, w = os.pipe()
    fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_NONBLOCK)
    p = subprocess.Popen([PSH, "-"], stdin=r, stdout=subprocess.PIPE, env=ENV)
    time.sleep(0.2)
    os.write(w, b"Write-Output late\n")
    os.close(w)
    out = p.communicate(timeout=30)[0]
    still = fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK
    os.close(r)
    test("a non-blocking standard input is read", out == b"late\n" and
         p.returncode == 0 and still, repr(out))


def main():
    return run_groups((binding_tests, status_tests, session_tests,
                       invoke_tests, kill_test, wildcard_tests, help_tests,
                       shared_query_tests, misc_tests))


if __name__ == "__main__":
    sys.exit(main())
