#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every parameter that psh --metadata marks supported changes what its
command does (issue 10).  Each case runs psh twice, with the parameter and
with a baseline that omits it or gives another value, and wants an exact
result for the first that differs from the second.  A supported parameter
without a case fails.  Where-Object and ForEach-Object have theirs in
test_pipeline.py, the common parameters in test_language.py.  Prints TAP.

Usage: test_params.py PSH
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pshtest  # noqa: E402
from pshtest import *  # noqa: E402,F403

TWO = ("--endpoint", "Server01", "--endpoint", "Server02")
COVERED = set()
# Supported, and honoured by what psh always does, so they cannot change
# its behaviour: each has a case proving it is accepted and changes
# nothing (the reason is in the TAP line), so that the docs' examples
# that use them run.
SEQUENTIAL = ("psh works on one computer or session at a time, so any "
              "limit of at least one is met, and 0 or less means the "
              "default in PowerShell too")
NO_EFFECT = {
    ("New-PSSession", "ThrottleLimit"): (
        SEQUENTIAL, "$s = New-PSSession Server01, Server02 -ThrottleLimit 1"
        "\n$s.Count; Remove-PSSession $s",
        "$s = New-PSSession Server01, Server02\n$s.Count; "
        "Remove-PSSession $s", "2\n"),
    ("Get-PSSession", "ThrottleLimit"): (
        SEQUENTIAL, "Get-PSSession -ComputerName Server01 -ThrottleLimit 1 "
        "| % Name", "Get-PSSession -ComputerName Server01 | % Name", ""),
    ("Connect-PSSession", "ThrottleLimit"): (
        SEQUENTIAL, "$s = New-PSSession Server01\n$null = "
        "Disconnect-PSSession $s\nConnect-PSSession $s -ThrottleLimit 1 "
        "| % State; Remove-PSSession $s", "$s = New-PSSession Server01\n"
        "$null = Disconnect-PSSession $s\nConnect-PSSession $s | % State; "
        "Remove-PSSession $s", "Opened\n"),
    ("Disconnect-PSSession", "ThrottleLimit"): (
        SEQUENTIAL, "$s = New-PSSession Server01\nDisconnect-PSSession $s "
        "-ThrottleLimit 1 | % State; Remove-PSSession $s",
        "$s = New-PSSession Server01\nDisconnect-PSSession $s | % State; "
        "Remove-PSSession $s", "Disconnected\n"),
    ("Get-Command", "All"): (
        "psh has one command per name", "$c = Get-Command -All; $c.Count",
        "$c = Get-Command; $c.Count", None),
    ("Get-Command", "ListImported"): (
        "every command of psh is imported",
        "$c = Get-Command -ListImported; $c.Count",
        "$c = Get-Command; $c.Count", None),
    ("Wait-Job", "Force"): (
        "psh jobs are never Suspended or Disconnected",
        "$j = Invoke-Command Server01 { 1 } -AsJob\n"
        "Wait-Job $j -Force | % State", "$j = Invoke-Command Server01 { 1 } "
        "-AsJob\nWait-Job $j | % State", "Completed\n"),
    ("Receive-Job", "Force"): (
        "psh jobs are never Suspended or Disconnected",
        "$j = Invoke-Command Server01 { 1 } -AsJob\n"
        "Receive-Job $j -Wait -Force", "$j = Invoke-Command Server01 { 1 } "
        "-AsJob\nReceive-Job $j -Wait", "1\n"),
}


def no_effect_cases():
    for (cmd, param), (why, script, base, want) in sorted(NO_EFFECT.items()):
        COVERED.add((cmd, param))
        got = run(script, False)
        other = run(base, False)
        test("%s -%s is accepted and changes nothing: %s" % (cmd, param, why),
             got[1] == "" and got[2] == 0 and got[:2] == other[:2] and
             (want is None or got[0] == want),
             "got=%r baseline=%r" % (got, other))


def run(script, stdin):
    if stdin:
        return psh(None, stdin=script, args=TWO)
    return psh(script, args=TWO)


def case(keys, script, want, base, stdin=False, setup=""):
    """keys: "Cmd -Param" or a list of them.  want: the exact standard
    output (standard error empty), or (out, err).  setup runs before both
    scripts in the same process."""
    keys = [keys] if isinstance(keys, str) else keys
    for k in keys:
        cmd, param = k.split(" -")
        COVERED.add((cmd, param))
    got = run(setup + script, stdin)
    other = run(setup + base, stdin)
    want = want if isinstance(want, tuple) else (want, "")
    test("%s: %s" % (", ".join(keys), script.replace("\n", "; ")),
         got[:2] == want and got[:2] != other[:2],
         "got=%r\nwant=%r\nbaseline=%r" % (got[:2], want, other[:2]))


def cleanup():
    """Removes the sessions a case left disconnected on the endpoints."""
    for c in ("Server01", "Server02"):
        run("Get-PSSession -ComputerName %s | Remove-PSSession" % c, False)


# ---------- sessions ----------

AB = ("$a = New-PSSession Server01 -Name A\n"
      "$b = New-PSSession Server02 -Name B\n")
CONFIG_ERR = ("%s: The session configuration Foo is not available: "
              "endpoints of this runtime have only Microsoft.PowerShell.\n")


def new_pssession():
    case("New-PSSession -ComputerName",
         "New-PSSession -ComputerName Server02 | % ComputerName",
         "Server02\n", "New-PSSession -ComputerName Server01 | % ComputerName")
    case("New-PSSession -Name", "New-PSSession Server01 -Name X | % Name",
         "X\n", "New-PSSession Server01 | % Name")
    case("New-PSSession -Session",
         "New-PSSession -Session $b | % ComputerName", "Server02\n",
         "New-PSSession -Session $a | % ComputerName", setup=AB)
    case("New-PSSession -ConfigurationName",
         "New-PSSession Server01 -ConfigurationName Foo | % Name",
         ("", CONFIG_ERR % "New-PSSession"),
         "New-PSSession Server01 -ConfigurationName Microsoft.PowerShell "
         "| % Name")


def get_pssession():
    case("Get-PSSession -Name", "Get-PSSession -Name A | % ComputerName",
         "Server01\n", "Get-PSSession -Name B | % ComputerName", setup=AB)
    case("Get-PSSession -Id", "Get-PSSession -Id 2 | % Name", "B\n",
         "Get-PSSession -Id 1 | % Name", setup=AB)
    case("Get-PSSession -InstanceId",
         "$i = $b.InstanceId; Get-PSSession -InstanceId $i | % Name", "B\n",
         "$i = $a.InstanceId; Get-PSSession -InstanceId $i | % Name",
         setup=AB)
    case("Get-PSSession -ComputerName",
         "Get-PSSession -ComputerName Server02 | % Name", "B\n",
         "Get-PSSession -ComputerName Server01 | % Name", setup=AB)
    case("Get-PSSession -State",
         "$null = Disconnect-PSSession $a\n"
         "Get-PSSession Server01 -State Disconnected | % Name\n"
         "$null = Connect-PSSession $a", "A\n",
         "$null = Disconnect-PSSession $a\n"
         "Get-PSSession Server01 -State Opened | % Name\n"
         "$null = Connect-PSSession $a", setup=AB)
    case("Get-PSSession -ConfigurationName",
         "Get-PSSession -ComputerName Server01 -ConfigurationName Foo "
         "| % Name", "",
         "Get-PSSession -ComputerName Server01 -ConfigurationName "
         "Microsoft.* | % Name", setup=AB)


def remove_pssession():
    case("Remove-PSSession -Session", "Remove-PSSession -Session $a\n"
         "Get-PSSession | % Name", "B\n",
         "Remove-PSSession -Session $b\nGet-PSSession | % Name", setup=AB)
    case("Remove-PSSession -Id", "Remove-PSSession -Id 2\n"
         "Get-PSSession | % Name", "A\n",
         "Remove-PSSession -Id 1\nGet-PSSession | % Name", setup=AB)
    case("Remove-PSSession -Name", "Remove-PSSession -Name A\n"
         "Get-PSSession | % Name", "B\n",
         "Remove-PSSession -Name B\nGet-PSSession | % Name", setup=AB)
    case("Remove-PSSession -InstanceId",
         "$i = $a.InstanceId; Remove-PSSession -InstanceId $i\n"
         "Get-PSSession | % Name", "B\n",
         "$i = $b.InstanceId; Remove-PSSession -InstanceId $i\n"
         "Get-PSSession | % Name", setup=AB)
    case("Remove-PSSession -ComputerName",
         "Remove-PSSession -ComputerName Server02\nGet-PSSession | % Name",
         "A\n", "Remove-PSSession -ComputerName Server01\n"
         "Get-PSSession | % Name", setup=AB)


STATES = "\n\"$($a.State) $($b.State)\""


def disconnect_connect():
    for cmd, sel_a, sel_b, want in [
            ("-Session", "-Session $a", "-Session $b", None),
            ("-Id", "-Id 1", "-Id 2", None),
            ("-Name", "-Name A", "-Name B", None),
            ("-InstanceId", "-InstanceId $ia", "-InstanceId $ib", None)]:
        ids = "$ia = $a.InstanceId; $ib = $b.InstanceId\n"
        case("Disconnect-PSSession " + cmd,
             "$null = Disconnect-PSSession %s\n$a.State; $b.State\n"
             "$null = Connect-PSSession $a, $b" % sel_a,
             "Disconnected\nOpened\n",
             "$null = Disconnect-PSSession %s\n$a.State; $b.State\n"
             "$null = Connect-PSSession $a, $b" % sel_b, setup=AB + ids)
        case("Connect-PSSession " + cmd,
             "$null = Disconnect-PSSession $a, $b\n"
             "$null = Connect-PSSession %s\n$a.State; $b.State\n"
             "$null = Connect-PSSession $a, $b" % sel_a,
             "Opened\nDisconnected\n",
             "$null = Disconnect-PSSession $a, $b\n"
             "$null = Connect-PSSession %s\n$a.State; $b.State\n"
             "$null = Connect-PSSession $a, $b" % sel_b, setup=AB + ids)
    case("Connect-PSSession -ComputerName",
         "$null = Disconnect-PSSession $a, $b\n"
         "Connect-PSSession -ComputerName Server02 | % Name\n"
         "$null = Connect-PSSession $a, $b", "B\n",
         "$null = Disconnect-PSSession $a, $b\n"
         "Connect-PSSession -ComputerName Server01 | % Name\n"
         "$null = Connect-PSSession $a, $b", setup=AB)
    case("Connect-PSSession -ConfigurationName",
         "$null = Disconnect-PSSession $a\n"
         "Connect-PSSession -ComputerName Server01 -ConfigurationName Foo "
         "| % Name\n$null = Connect-PSSession $a", "",
         "$null = Disconnect-PSSession $a\n"
         "Connect-PSSession -ComputerName Server01 -ConfigurationName "
         "Microsoft.PowerShell | % Name\n$null = Connect-PSSession $a",
         setup=AB)
    case("Connect-PSSession -ConfigurationName",
         "$null = Disconnect-PSSession $a\n"
         "Connect-PSSession -ComputerName Server01 -Name A "
         "-ConfigurationName Foo "
         "| % Name\n$null = Connect-PSSession $a", "",
         "$null = Disconnect-PSSession $a\n"
         "Connect-PSSession -ComputerName Server01 -Name A "
         "-ConfigurationName Micro* "
         "| % Name\n$null = Connect-PSSession $a", setup=AB)
    # An endpoint disconnected with -IdleTimeoutSec 1 is gone 2 s later.
    case("Disconnect-PSSession -IdleTimeoutSec",
         "$null = Disconnect-PSSession $a -IdleTimeoutSec 1\n"
         "Start-Sleep -Milliseconds 2000\n"
         "Get-PSSession -ComputerName Server01 | % Name", "",
         "$null = Disconnect-PSSession $a -IdleTimeoutSec 60\n"
         "Start-Sleep -Milliseconds 2000\n"
         "Get-PSSession -ComputerName Server01 | % Name", setup=AB)
    cleanup()


def receive_pssession():
    ab = ("$a = Invoke-Command -ComputerName Server01 -InDisconnectedSession "
          "{ 'from A' }\n"
          "$b = Invoke-Command -ComputerName Server02 -InDisconnectedSession "
          "{ 'from B' }\n$ia = $a.InstanceId; $ib = $b.InstanceId\n")
    for sel_a, sel_b in [("-Session $a", "-Session $b"), ("-Id 1", "-Id 2"),
                         ("-Name Runspace1", "-Name Runspace2"),
                         ("-InstanceId $ia", "-InstanceId $ib")]:
        case("Receive-PSSession " + sel_a.split()[0],
             "Receive-PSSession %s" % sel_a, "from A\n",
             "Receive-PSSession %s" % sel_b, setup=ab)
        cleanup()
    # -ComputerName: the output waits in an endpoint another psh left.
    run("$a = Invoke-Command -ComputerName Server01 -InDisconnectedSession "
        "{ 'kept' }", False)
    case("Receive-PSSession -ComputerName",
         "Receive-PSSession -ComputerName Server01 -Name Runspace1", "kept\n",
         "Receive-PSSession -ComputerName Server02 -Name Runspace1 -ea 0")
    run("$a = Invoke-Command -ComputerName Server01 -InDisconnectedSession "
        "{ 'kept' }", False)
    case("Receive-PSSession -ConfigurationName",
         "Receive-PSSession -ComputerName Server01 -Name Runspace1 "
         "-ConfigurationName Foo -ea 0", "",
         "Receive-PSSession -ComputerName Server01 -Name Runspace1 "
         "-ConfigurationName Microsoft.PowerShell")
    cleanup()


def enter_pssession():
    # Entered sessions need the line-by-line reader: standard input.
    where = "$env:COMPUTERNAME\nexit\n"
    case("Enter-PSSession -ComputerName",
         "Enter-PSSession -ComputerName Server02\n" + where, "Server02\n",
         "Enter-PSSession -ComputerName Server01\n" + where, stdin=True)
    case("Enter-PSSession -ConfigurationName",
         "Enter-PSSession Server01 -ConfigurationName Foo\n" + where,
         ("", CONFIG_ERR % "Enter-PSSession"),
         "Enter-PSSession Server01 -ConfigurationName Microsoft.PowerShell\n"
         + where, stdin=True)
    ids = AB + "$ia = $a.InstanceId; $ib = $b.InstanceId\n"
    for sel_b, sel_a in [("-Session $b", "-Session $a"), ("-Id 2", "-Id 1"),
                         ("-Name B", "-Name A"),
                         ("-InstanceId $ib", "-InstanceId $ia")]:
        case("Enter-PSSession " + sel_b.split()[0],
             "Enter-PSSession %s\n%s" % (sel_b, where), "Server02\n",
             "Enter-PSSession %s\n%s" % (sel_a, where), stdin=True,
             setup=ids)


# ---------- Invoke-Command ----------

def invoke_command():
    s = "$s = New-PSSession Server02\n"
    case("Invoke-Command -ScriptBlock", "Invoke-Command -ScriptBlock { 'x' }",
         "x\n", "Invoke-Command -ScriptBlock { 'y' }")
    case("Invoke-Command -ArgumentList",
         "Invoke-Command $s { \"[$args]\" } -ArgumentList a, b", "[a b]\n",
         "Invoke-Command $s { \"[$args]\" }", setup=s)
    case("Invoke-Command -InputObject",
         "Invoke-Command { \"[$input]\" } -InputObject 5", "[5]\n",
         "Invoke-Command { \"[$input]\" }")
    case("Invoke-Command -Session",
         "Invoke-Command -Session $s { $env:COMPUTERNAME }", "Server02\n",
         "Invoke-Command { $env:COMPUTERNAME }", setup=s)
    case("Invoke-Command -ComputerName",
         "Invoke-Command -ComputerName Server02 { $env:COMPUTERNAME }",
         "Server02\n",
         "Invoke-Command -ComputerName Server01 { $env:COMPUTERNAME }")
    case("Invoke-Command -ConfigurationName",
         "Invoke-Command Server01 -ConfigurationName Foo { 1 }",
         ("", CONFIG_ERR % "Invoke-Command"),
         "Invoke-Command Server01 -ConfigurationName Microsoft.PowerShell "
         "{ 1 }")
    case("Invoke-Command -HideComputerName",
         "Invoke-Command $s { Get-Command Out-Null } -HideComputerName",
         "\nCommandType Name     Version Source\n"
         "----------- ----     ------- ------\n"
         "Cmdlet      Out-Null 0.1.0   psh\n\n",
         "Invoke-Command $s { Get-Command Out-Null }", setup=s)
    case("Invoke-Command -NoNewScope",
         "$x = 1; Invoke-Command -NoNewScope { $x = 2 }; $x", "2\n",
         "$x = 1; Invoke-Command { $x = 2 }; $x")
    case("Invoke-Command -InDisconnectedSession",
         "$d = Invoke-Command Server02 { 'late' } -InDisconnectedSession\n"
         "$d.State; Receive-PSSession $d",
         "Disconnected\nlate\n",
         "$d = Invoke-Command Server02 { 'late' }\n$d.State; $d")
    case("Invoke-Command -AsJob",
         "$j = Invoke-Command $s { 'x' } -AsJob\n$j.PSJobTypeName\n"
         "Receive-Job $j -Wait", "RemoteJob\nx\n",
         "$j = Invoke-Command $s { 'x' }\n$j.PSJobTypeName\n$j", setup=s)
    COVERED.add(("Invoke-Command", "ThrottleLimit"))
    times = []
    for limit in (1, 2):
        t0 = time.monotonic()
        got = run(AB + "$j = Invoke-Command $a, $b { Start-Sleep 1 } "
                  "-AsJob -ThrottleLimit " + str(limit)
                  + "\nWait-Job $j | % State", False)
        times.append(time.monotonic() - t0)
    test("Invoke-Command -ThrottleLimit: -AsJob -ThrottleLimit 1 runs one "
         "child at a time, 2 both at once",
         got[:2] == ("Completed\n", "") and times[0] >= 2.0 and
         times[0] - times[1] > 0.7, (got, times))
    case("Invoke-Command -JobName",
         "Invoke-Command $s { 1 } -AsJob -JobName Mine | % Name", "Mine\n",
         "Invoke-Command $s { 1 } -AsJob | % Name", setup=s)
    cleanup()


# ---------- jobs ----------

JOBS = ("$s1 = New-PSSession Server01; $s2 = New-PSSession Server02\n"
        "$j1 = Invoke-Command $s1 { 'one' } -AsJob -JobName First\n"
        "$null = Wait-Job $j1\n"
        "$j2 = Invoke-Command $s2 { Start-Sleep 5 } -AsJob -JobName Second\n")
DONE = ("$s1 = New-PSSession Server01; $s2 = New-PSSession Server02\n"
        "$j1 = Invoke-Command $s1 { 'one' } -AsJob -JobName First\n"
        "$j2 = Invoke-Command $s2 { 'two' } -AsJob -JobName Second\n"
        "$null = Wait-Job $j1, $j2\n")
NOT_DONE = ("Remove-Job: The command cannot remove the job with the job ID 2 "
            "because the job is not finished. To remove the job, first stop "
            "the job, or use the Force parameter.\n")


def get_job():
    # Each job's child has an Id too, as in PowerShell: the jobs are 1, 3.
    case("Get-Job -Id", "Get-Job -Id 3 | % Name", "Second\n",
         "Get-Job -Id 1 | % Name", setup=JOBS)
    case("Get-Job -Name", "Get-Job -Name Second | % Id", "3\n",
         "Get-Job -Name First | % Id", setup=JOBS)
    case("Get-Job -Command", "Get-Job -Command '*Sleep*' | % Name",
         "Second\n", "Get-Job -Command \"*'one'*\" | % Name", setup=JOBS)
    case("Get-Job -State", "Get-Job -State Running | % Name", "Second\n",
         "Get-Job -State Completed | % Name", setup=JOBS)
    case("Get-Job -HasMoreData", "Get-Job -HasMoreData $false | % Name",
         "Second\n", "Get-Job -HasMoreData $true | % Name", setup=JOBS)
    case("Get-Job -Newest", "Get-Job -Newest 1 | % Name", "Second\n",
         "Get-Job -Newest 2 | % Name", setup=JOBS)


def receive_job():
    for sel2, sel1 in [("-Job $j2", "-Job $j1"), ("-Id 3", "-Id 1"),
                       ("-Name Second", "-Name First")]:
        case("Receive-Job " + sel2.split()[0], "Receive-Job %s" % sel2,
             "two\n", "Receive-Job %s" % sel1, setup=DONE)
    case("Receive-Job -Keep", "Receive-Job $j1 -Keep; Receive-Job $j1",
         "one\none\n", "Receive-Job $j1; Receive-Job $j1", setup=DONE)
    late = ("$s = New-PSSession Server01\n"
            "$j = Invoke-Command $s { Start-Sleep -Milliseconds 500; 'late' }"
            " -AsJob\n")
    case("Receive-Job -Wait", "Receive-Job $j -Wait", "late\n",
         "Receive-Job $j", setup=late)
    case("Receive-Job -AutoRemoveJob",
         "Receive-Job $j -Wait -AutoRemoveJob; Get-Job | % Name", "late\n",
         "Receive-Job $j -Wait; Get-Job | % Name", setup=late)
    case("Receive-Job -WriteJobInResults",
         "$r = Receive-Job $j -Wait -WriteJobInResults; $r.Count; "
         "$r | % Name", "2\nJob1\n",
         "$r = Receive-Job $j -Wait; $r.Count; $r | % Name", setup=late)


def remove_job():
    for sel1, sel2 in [("-Job $j1", "-Job $j2"), ("-Id 1", "-Id 3"),
                       ("-Name First", "-Name Second"),
                       ("-Command \"*'one'*\"", "-Command \"*'two'*\"")]:
        case("Remove-Job " + sel1.split()[0],
             "Remove-Job " + sel1 + "; Get-Job | % Name", "Second\n",
             "Remove-Job " + sel2 + "; Get-Job | % Name", setup=DONE)
    case("Remove-Job -State", "Remove-Job -State Completed; Get-Job | % Name",
         "Second\n", "Remove-Job -State Failed; Get-Job | % Name",
         setup=JOBS)
    case("Remove-Job -Force", "Remove-Job $j2 -Force; Get-Job | % Name",
         "First\n", "Remove-Job $j2; Get-Job | % Name", setup=JOBS)


def wait_job():
    for sel2, sel1 in [("-Job $j2", "-Job $j1"), ("-Id 3", "-Id 1"),
                       ("-Name Second", "-Name First")]:
        case("Wait-Job " + sel2.split()[0], "Wait-Job " + sel2 + " | % Name",
             "Second\n", "Wait-Job " + sel1 + " | % Name", setup=DONE)
    case("Wait-Job -State", "Wait-Job -State Completed | % Name",
         "First\nSecond\n", "Wait-Job -State Failed | % Name", setup=DONE)
    slow = ("$s1 = New-PSSession Server01; $s2 = New-PSSession Server02\n"
            "$q = Invoke-Command $s1 { 'q' } -AsJob -JobName Quick\n"
            "$w = Invoke-Command $s2 { Start-Sleep -Milliseconds 1200 } "
            "-AsJob -JobName Slow\n$null = Wait-Job $q\n")
    case("Wait-Job -Any", "Wait-Job $q, $w -Any | % Name", "Quick\n",
         "Wait-Job $q, $w | % Name", setup=slow)
    case("Wait-Job -Timeout", "Wait-Job $w -Timeout 0 | % Name", "",
         "Wait-Job $w | % Name", setup=slow)


# ---------- Get-Command, Get-Help ----------

def get_command():
    case("Get-Command -Name", "Get-Command -Name Get-Job | % Name",
         "Get-Job\n", "Get-Command -Name Wait-Job | % Name")
    case("Get-Command -Verb", "Get-Command -Verb Exit | % Name",
         "Exit-PSSession\n", "Get-Command -Verb Enter | % Name")
    case("Get-Command -Noun", "Get-Command -Noun Job | % Name",
         "Get-Job\nReceive-Job\nRemove-Job\nWait-Job\n",
         "Get-Command -Noun Sleep | % Name")
    case("Get-Command -Module", "Get-Command Out-Null -Module psh | % Name",
         "Out-Null\n", "Get-Command Out-Null -Module Foo -ea 0 | % Name")
    case("Get-Command -CommandType",
         "Get-Command -Name gsn -CommandType Alias | % Name",
         "gsn -> Get-PSSession\n",
         "Get-Command -Name gsn -CommandType Cmdlet -ea 0 | % Name")
    case("Get-Command -ParameterName",
         "Get-Command -ParameterName IdleTimeoutSec | % Name",
         "Disconnect-PSSession\n",
         "Get-Command -ParameterName Newest | % Name")
    case("Get-Command -Syntax", "Get-Command Exit-PSSession -Syntax",
         "\nExit-PSSession [<CommonParameters>]\n\n",
         "Get-Command Exit-PSSession | % Name")
    case("Get-Command -TotalCount", "Get-Command -TotalCount 2 | % Name",
         "% -> ForEach-Object\n? -> Where-Object\n",
         "Get-Command -TotalCount 1 | % Name")


def get_help():
    def h(script):
        return psh(script, args=TWO)

    def help_case(key, script, base, good):
        cmd, param = key.split(" -")
        COVERED.add((cmd, param))
        out, err, rc = h(script)
        bout, berr, _ = h(base)
        test("%s: %s" % (key, script), good(out, err) and
             (out, err) != (bout, berr),
             "out=%r\nerr=%r\nbaseline=%r" % (out[:600], err, bout[:600]))

    help_case("Get-Help -Name", "Get-Help -Name Exit-PSSession",
              "Get-Help -Name Get-Job",
              lambda o, e: o.startswith("\nNAME\n    Exit-PSSession\n\n"
                                        "SYNOPSIS\n") and e == "")
    default = "Get-Help Get-PSSession"
    help_case("Get-Help -Detailed", "Get-Help Get-PSSession -Detailed",
              default, lambda o, e: "\nPARAMETERS\n" in o and
              "\nINPUTS\n" not in o and e == "")
    help_case("Get-Help -Full", "Get-Help Get-PSSession -Full", default,
              lambda o, e: "\nPARAMETERS\n" in o and "\nINPUTS\n" in o and
              e == "")
    help_case("Get-Help -Examples", "Get-Help Get-PSSession -Examples",
              default, lambda o, e: "Example 1" in o and
              "\nSYNTAX\n" not in o and e == "")
    help_case("Get-Help -Parameter", "Get-Help Get-PSSession -Parameter Name",
              default, lambda o, e: o.startswith(
                  "\n-Name <String[]>\n    Selects sessions by their "
                  "friendly names.") and e == "")
    help_case("Get-Help -Online", "Get-Help Get-PSSession -Online", default,
              lambda o, e: o == "" and e == (
                  "Get-Help: The online version of this Help topic cannot "
                  "be displayed because the Internet address (URI) of the "
                  "Help topic is not specified in the help file.\n"))
    help_case("Get-Help -Category",
              "Get-Help Get-PSSession -Category HelpFile", default,
              lambda o, e: o == "" and e == (
                  "Get-Help: Get-Help could not find Get-PSSession in a help "
                  "file in this session.\n"))


# ---------- output and the small commands ----------

def output_commands():
    case("Out-Default -InputObject", "Out-Default -InputObject 5", "5\n",
         "Out-Default")
    case("Out-Default -Transcript", "'a' | Out-Default -Transcript; 'b'",
         "b\n", "'a' | Out-Default; 'b'")
    case("Out-Host -InputObject", "Out-Host -InputObject 5", "5\n",
         "Out-Host")
    # Out-Null drops what it is given, from the pipeline or the parameter.
    case("Out-Null -InputObject", "Out-Null -InputObject 5; 5 | Out-Null",
         "", "Out-Host -InputObject 5; 5 | Out-Host")
    case("Write-Output -InputObject", "Write-Output -InputObject a", "a\n",
         "Write-Output -InputObject b")
    case("Write-Output -NoEnumerate",
         "Write-Output 1, 2 -NoEnumerate | % { \"[$_]\" }", "[1 2]\n",
         "Write-Output 1, 2 | % { \"[$_]\" }")
    case("Write-Warning -Message", "Write-Warning -Message low",
         ("", "WARNING: low\n"), "Write-Warning -Message high")
    case("Write-Verbose -Message", "Write-Verbose -Message low -Verbose",
         ("", "VERBOSE: low\n"), "Write-Verbose -Message high -Verbose")


def start_sleep():
    for param, arg in [("Seconds", "1"), ("Milliseconds", "1000")]:
        COVERED.add(("Start-Sleep", param))
        t0 = time.monotonic()
        out, err, rc = psh("Start-Sleep -%s %s; 'x'" % (param, arg))
        t1 = time.monotonic()
        bout, berr, _ = psh("Start-Sleep -%s 0; 'x'" % param)
        t2 = time.monotonic()
        test("Start-Sleep -%s %s sleeps a second, -%s 0 does not" %
             (param, arg, param),
             (out, err) == ("x\n", "") and t1 - t0 >= 1.0 and
             (t1 - t0) - (t2 - t1) > 0.5,
             (out, err, t1 - t0, t2 - t1))


def coverage():
    out, err, rc = psh(None, args=("--metadata",))
    meta = json.loads(out)
    for c in meta["commands"]:
        if c["name"] in ("Where-Object", "ForEach-Object"):
            continue
        for p in c["parameters"]:
            if not p["supported"]:
                continue
            key = (c["name"], p["name"])
            test("%s -%s has a case" % key, key in COVERED)
    supported = {(c["name"], p["name"]) for c in meta["commands"]
                 for p in c["parameters"] if p["supported"]}
    test("every case is of a supported parameter",
         COVERED <= supported, sorted(COVERED - supported))


if __name__ == "__main__":
    run_groups([new_pssession, get_pssession, remove_pssession,
                disconnect_connect, receive_pssession, enter_pssession,
                invoke_command, get_job, receive_job, remove_job, wait_job,
                get_command, get_help, output_commands, start_sleep,
                no_effect_cases, coverage])
    sys.exit(any(not ok for name, ok, _ in pshtest.results))
