#!/bin/sh
# Load benchmark of psh sessions: in ONE psh process per size, times
# New-PSSession for N sessions, Invoke-Command across all of them,
# Get-PSSession (this process's list) and Get-PSSession -ComputerName
# (the scan that probes every endpoint), then Remove-PSSession, and
# checks that no endpoint process or socket is left.  Prints each
# phase's time and its ratio to the 1-session baseline, per session.
#   tools/bench-sessions.sh [PSH [N...]]   (default: build/src/psh 1 50 200)
# Times come from a driver that feeds psh one phase at a time on
# standard input and waits for the phase's marker on standard output.
set -eu
cd "$(dirname "$0")/.."
psh=${1:-build/src/psh}
[ $# -gt 0 ] && shift
sizes=${*:-1 50 200}
exec python3 - "$psh" $sizes <<'PY'
import os, subprocess, sys, tempfile, time

psh = os.path.abspath(sys.argv[1])
sizes = [int(a) for a in sys.argv[2:]]
if 1 not in sizes:
    sizes.insert(0, 1)
rt = tempfile.mkdtemp(prefix="psh-bench-")
os.chmod(rt, 0o700)
env = dict(os.environ, XDG_RUNTIME_DIR=rt, XDG_CONFIG_HOME=rt, LC_ALL="C")
phases = ["New-PSSession", "Invoke-Command", "Get-PSSession",
          "Get-PSSession -ComputerName", "Remove-PSSession"]


def scripts(n):
    names = ",".join(["localhost"] * n)
    return ["$s = New-PSSession -ComputerName %s" % names,
            "Invoke-Command -Session $s { 1 } | Out-Null",
            "Get-PSSession | Out-Null",
            "Get-PSSession -ComputerName localhost | Out-Null",
            "Remove-PSSession $s"]


def endpoints_left():
    n = 0
    for p in os.listdir("/proc"):
        try:
            with open("/proc/%s/cmdline" % p, "rb") as f:
                a = f.read()
        except OSError:
            continue
        if b"--endpoint-serve" in a and rt.encode() in a:
            n += 1
    return n


def run(n):
    p = subprocess.Popen([psh], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=env, bufsize=1)
    times = []
    for i, line in enumerate(scripts(n)):
        mark = "phase-%d-done" % i
        t0 = time.monotonic()
        p.stdin.write("%s\nWrite-Output %s\n" % (line, mark))
        p.stdin.flush()
        for out in p.stdout:
            if out.strip() == mark:
                break
        else:
            sys.exit("psh ended early: " + p.stderr.read()[:2000])
        times.append(time.monotonic() - t0)
    p.stdin.close()
    err = p.stderr.read()
    p.wait()
    if err:
        sys.exit("psh wrote errors for %d sessions: %s" % (n, err[:2000]))
    for _ in range(100):
        if not endpoints_left():
            break
        time.sleep(0.05)
    sock = os.path.join(rt, "psh")
    left = [f for f in os.listdir(sock)] if os.path.isdir(sock) else []
    if endpoints_left() or left:
        sys.exit("leftovers after %d sessions: %d processes, %d files" %
                 (n, endpoints_left(), len(left)))
    return times


# The 1-session baseline is short and noisy: the median of 5 runs.
ones = [run(1) for _ in range(5)]
results = {n: run(n) for n in sizes if n != 1}
results[1] = [sorted(col)[2] for col in zip(*ones)]
base = results[1]
ref = min([n for n in sizes if n > 1] or [1])
print("per phase: seconds, ms per session, and the per-session time as a")
print("ratio to the 1-session run (x1) and to the %d-session run (x%d);" %
      (ref, ref))
print("1.00 means linear growth.")
print("%8s  %s" % ("sessions", "  ".join("%-30s" % ph for ph in phases)))
for n in sorted(results):
    cells = []
    for t, b, r in zip(results[n], base, results[ref]):
        per = t / n
        x1 = per / b if b > 0 else float("nan")
        xr = per / (r / ref) if r > 0 else float("nan")
        cells.append("%7.3fs %6.2fms x1 %5.2f x%d %4.2f" %
                     (t, per * 1000, x1, ref, xr))
    print("%8d  %s" % (n, "  ".join("%-30s" % c for c in cells)))
PY
