#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Jobs and Start-Sleep (issue 10): Invoke-Command -AsJob returns a job at
once while the endpoint runs the script; Get-Job, Receive-Job, Wait-Job
and Remove-Job with PowerShell's errors; a session with a running job is
busy; client wordings.  Prints TAP.

Usage: test_jobs.py PSH
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pshtest import *  # noqa: E402,F403

OPEN = "$s = New-PSSession Server01\n"


def sleep_tests():
    start = time.monotonic()
    out, err, rc = psh("Start-Sleep -Milliseconds 300; Start-Sleep 0.2; "
                       "sleep -ms 100; 'x'")
    took = time.monotonic() - start
    test("Start-Sleep sleeps", rc == 0 and out == "x\n" and took >= 0.6,
         (rc, out, err, took))
    expect_error("Start-Sleep -Seconds below 0", "Start-Sleep -Seconds -1",
                 "Start-Sleep: Cannot validate argument on parameter "
                 "'Seconds'. The -1 argument is less than the minimum "
                 "allowed range of 0. Supply an argument that is greater "
                 "than or equal to 0 and then try the command again.")


def job_tests():
    start = time.monotonic()
    out, err, rc = psh(OPEN + "$j = Invoke-Command $s { Start-Sleep 1; "
                       "'done' } -AsJob\n$j.State\n$j.PSJobTypeName\n"
                       "$j.Location\n$j.Id")
    took = time.monotonic() - start
    test("-AsJob returns a running RemoteJob at once",
         out == "Running\nRemoteJob\nServer01\n1\n" and took < 1.0,
         (out, err, took))

    out, err, rc = psh(OPEN + "$j = Invoke-Command $s { 'a'; 'b' } -AsJob "
                       "-JobName Mine\nWait-Job $j | Out-Null\n$j.State\n"
                       "$j.HasMoreData\nReceive-Job -Name Mine -Keep\n"
                       "Receive-Job $j\n$j.HasMoreData\n"
                       "$r = Receive-Job $j\n\"[$r]\"\n$j.Name")
    test("Wait-Job, Receive-Job -Keep, then the results are gone",
         rc == 0 and out == "Completed\nTrue\na\nb\na\nb\nFalse\n[]\nMine\n",
         (rc, out, err))

    # -ThrottleLimit 1: the first child starts at once, the second waits.
    out, err, rc = psh("$a = New-PSSession -Name A\n"
                       "$b = New-PSSession -Name B\n"
                       "$j = Invoke-Command $a, $b { Start-Sleep 5 } -AsJob "
                       "-ThrottleLimit 1\nInvoke-Command $b { 'b free' }\n"
                       "Invoke-Command $a { 'x' }\nRemove-Job $j -Force")
    test("-AsJob -ThrottleLimit 1 starts the first child at once and "
         "queues the second",
         out == "b free\n" and err == "Invoke-Command: The session A is not "
         "available to run commands. The session availability is Busy.\n",
         (out, err))

    out, err, rc = psh(OPEN + "$j = Invoke-Command $s { Start-Sleep 5 } "
                       "-AsJob\nInvoke-Command $s { 'x' }")
    test("a session with a running job is busy",
         out == "" and err == "Invoke-Command: The session Runspace1 is not "
         "available to run commands. The session availability is Busy.\n",
         (out, err))

    out, err, rc = psh(OPEN + "$j = Invoke-Command $s { Start-Sleep 5 } "
                       "-AsJob\nRemove-Job $j\n$j.State\nRemove-Job $j "
                       "-Force\n$g = Get-Job\n\"[$g]\"\nInvoke-Command $s { 'free' }")
    test("Remove-Job refuses a running job, -Force stops it and the "
         "session is free again",
         out == "Running\n[]\nfree\n" and err == "Remove-Job: The command "
         "cannot remove the job with the job ID 1 because the job is not "
         "finished. To remove the job, first stop the job, or use the "
         "Force parameter.\n", (out, err))

    out, err, rc = psh("Get-Job -Id 7; Get-Job -Name nope; Get-Job -Name n*")
    test("Get-Job: PowerShell's errors for an unknown Id and name",
         out == "" and err == "Get-Job: The command cannot find a job with "
         "the job ID 7. Verify the value of the Id parameter and then try "
         "the command again.\nGet-Job: The command cannot find the job "
         "because the job name nope was not found. Verify the value of the "
         "Name parameter, and then try the command again.\n", (out, err))

    out, err, rc = psh(OPEN + "$a = Invoke-Command $s { Start-Sleep 5 } "
                       "-AsJob\n$t = New-PSSession\n$b = Invoke-Command $t "
                       "{ 'quick' } -AsJob\n$w = Wait-Job $a, $b -Any\n$w.Id\n"
                       "$w = Wait-Job $a -Timeout 1\n\"[$w]\"\n$b.Id\n"
                       "Receive-Job $b -Wait -AutoRemoveJob\n$g = Get-Job\n"
                       "$g.Id")
    test("Wait-Job -Any and -Timeout, Receive-Job -Wait -AutoRemoveJob, "
         "PowerShell's job Ids", rc == 0 and out == "3\n[]\n3\nquick\n1\n",
         (rc, out, err))

    out, err, rc = psh("$j = Invoke-Command -ComputerName Server01, Nowhere "
                       "{ 'hi' } -AsJob\nWait-Job $j | Out-Null\n$j.State\n"
                       "Receive-Job $j")
    test("-ComputerName -AsJob: a failed child fails the job, with the "
         "[Computer] prefix", out == "Failed\nhi\n" and
         "Receive-Job: [Nowhere] Connecting to remote server Nowhere "
         "failed with the following error message : " in err or
         "[Nowhere] Connecting to remote server Nowhere failed" in err,
         (out, err))

    out, err, rc = psh("Receive-Job -Id 1 -AutoRemoveJob")
    test("-AutoRemoveJob without -Wait is refused", rc == 1 and
         "AutoRemoveJob" in err, (rc, err))
    out, err, rc = psh("Get-Job -Before 1")
    test("an unhonoured parameter is not supported by this runtime",
         rc == 1 and "not supported by this runtime" in err, err)


def wording_tests():
    out, err, rc = psh("New-PSSession -ComputerName Server09")
    test("New-PSSession: a connection failure names the computer first",
         err.startswith("New-PSSession: [Server09] Connecting to remote "
                        "server Server09 failed with the following error "
                        "message : "), err)
    out, err, rc = psh("Invoke-Command -ComputerName Server09 { 1 }")
    test("Invoke-Command: a connection failure names the computer first",
         err.startswith("Invoke-Command: [Server09] Connecting to remote "
                        "server Server09 failed"), err)
    big = ",".join(["$env:P"] * 70)  # 70 x 120 KB: over the 8 MiB frame
    out, err, rc = psh(OPEN + "Invoke-Command $s { 'x' } -ArgumentList "
                       + big + "\n$s.State\nInvoke-Command $s { 'ok' }",
                       env=dict(ENV, P="y" * 120000))
    test("a message too large for the wire is a command error; the "
         "session stays Opened", out == "Opened\nok\n" and
         "Sending data to a remote command failed" in err, (out, err[:300]))


if __name__ == "__main__":
    sys.exit(run_groups([sleep_tests, job_tests, wording_tests]))
