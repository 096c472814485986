# SPDX-License-Identifier: MIT
"""Endpoint concurrency and hostile inputs (issue 10): idle connections
do not delay probes, an endpoint that does not answer (stopped, backlog
full) is listed as Broken, CANCEL stops a running script, the computers
file is read linearly and a FIFO there is refused, and
`psh --endpoint-serve` checks its socket before it touches anything.

  test_endpoint.py PSH
"""
import os
import resource
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pshtest import *  # noqa: E402,F401

SOCKDIR = os.path.join(RT, "psh")
T = dict(HELLO=1, INFO=2, INFO_REPLY=3, ATTACH=4, INVOKE=5, RESULT=6,
         RECEIVE=7, DISCONNECT=8, CLOSE=9, OK=10, ERROR=11, CANCEL=12)


# ---------- the wire format (src/runtime/wire.c) ----------

def enc(v):
    if v is None:
        return b"\0"
    if v is False:
        return b"\1"
    if v is True:
        return b"\2"
    if isinstance(v, int):
        return b"\3" + struct.pack(">q", v)
    if isinstance(v, str):
        b = v.encode()
        return b"\4" + struct.pack(">I", len(b)) + b
    if isinstance(v, list):
        return b"\6" + struct.pack(">I", len(v)) + b"".join(map(enc, v))
    out = b"\7" + struct.pack(">II", 0xFFFFFFFF, len(v))
    for k, x in v.items():
        out += struct.pack(">I", len(k)) + k.encode() + enc(x)
    return out


def dec(b, i=0):
    tag = b[i]
    i += 1
    if tag in (0, 1, 2):
        return [None, False, True][tag], i
    if tag in (3, 8):
        fmt = ">q" if tag == 3 else ">d"
        return struct.unpack(fmt, b[i:i + 8])[0], i + 8
    if tag in (4, 5):
        n = struct.unpack(">I", b[i:i + 4])[0]
        return b[i + 4:i + 4 + n].decode("utf-8", "replace"), i + 4 + n
    if tag == 6:
        n = struct.unpack(">I", b[i:i + 4])[0]
        i += 4
        out = []
        for _ in range(n):
            v, i = dec(b, i)
            out.append(v)
        return out, i
    tn = struct.unpack(">I", b[i:i + 4])[0]
    i += 4 + (0 if tn == 0xFFFFFFFF else tn)
    n = struct.unpack(">I", b[i:i + 4])[0]
    i += 4
    rec = {}
    for _ in range(n):
        kn = struct.unpack(">I", b[i:i + 4])[0]
        k = b[i + 4:i + 4 + kn].decode()
        v, i = dec(b, i + 4 + kn)
        rec[k] = v
    return rec, i


def send(s, t, v=None):
    p = b"" if v is None else enc(v)
    s.sendall(struct.pack(">IB", len(p), T[t]) + p)


def recv_exact(s, n):
    b = b""
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c:
            raise EOFError("connection closed")
        b += c
    return b


def recv(s):
    n, t = struct.unpack(">IB", recv_exact(s, 5))
    p = recv_exact(s, n)
    return t, (dec(p)[0] if p else None)


def connect(path, timeout=5):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(path)
    t, _ = recv(s)
    assert t == T["HELLO"], t
    return s


def info(path):
    s = connect(path)
    send(s, "INFO")
    t, v = recv(s)
    s.close()
    return v if t == T["INFO_REPLY"] else None


# ---------- helpers ----------

def disconnected_session(name):
    """A Disconnected session of a psh that has ended: (socket, pid)."""
    before = set(os.listdir(SOCKDIR)) if os.path.isdir(SOCKDIR) else set()
    out, err, rc = psh("$s = New-PSSession -ComputerName localhost "
                       "-Name %s; Disconnect-PSSession $s -IdleTimeoutSec "
                       "120 | Out-Null" % name)
    new = [f for f in os.listdir(SOCKDIR) if f not in before]
    assert rc == 0 and len(new) == 1, (rc, err, new)
    pid = [p for p, n in endpoints().items() if n == name]
    assert len(pid) == 1, endpoints()
    return os.path.join(SOCKDIR, new[0]), pid[0]


def end_session(path):
    try:
        s = connect(path)
        send(s, "ATTACH")
        recv(s)
        send(s, "CLOSE")
        recv(s)
        s.close()
    except (OSError, EOFError):
        pass


def timed(cmd, env=None):
    t0 = time.monotonic()
    out, err, rc = psh(cmd, env=env)
    return out, err, rc, time.monotonic() - t0


def listed(out, name, state):
    return any(name in line and state in line for line in out.splitlines())


# ---------- concurrency ----------

def idle_connections_do_not_delay():
    path, pid = disconnected_session("EpIdle")
    idle = []
    for _ in range(12):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(path)
        idle.append(s)  # they send nothing
    out, err, rc, dt = timed("Get-PSSession -ComputerName localhost")
    test("12 idle connections: Get-PSSession still answers at once",
         rc == 0 and dt < 1.5 and listed(out, "EpIdle", "Disconnected"),
         "rc=%d dt=%.2f out=%r err=%r" % (rc, dt, out, err))
    # An idle connection is dropped after its deadline (2 s).
    idle[0].settimeout(5)
    t0 = time.monotonic()
    try:
        while idle[0].recv(4096):
            pass
        dropped = time.monotonic() - t0
    except OSError:
        dropped = 99
    test("an idle connection is dropped after its deadline",
         dropped < 4, "dropped after %.2f s" % dropped)
    for s in idle:
        s.close()
    end_session(path)


def stopped_endpoint_is_reported():
    path, pid = disconnected_session("EpStopped")
    os.kill(pid, signal.SIGSTOP)
    try:
        out, err, rc, dt = timed("Get-PSSession -ComputerName localhost")
        test("an endpoint that does not answer is listed as Broken",
             rc == 0 and listed(out, "localhost", "Broken") and dt < 6,
             "rc=%d dt=%.2f out=%r err=%r" % (rc, dt, out, err))
        test("its socket is kept", os.path.exists(path))
    finally:
        os.kill(pid, signal.SIGCONT)
    out, err, rc = psh("Get-PSSession -ComputerName localhost")
    test("once it answers again it is listed by name",
         rc == 0 and listed(out, "EpStopped", "Disconnected"),
         "out=%r err=%r" % (out, err))
    end_session(path)


def stopped_endpoints_probed_at_once():
    # Each probe waits up to 2 s; four stopped endpoints must not make it 8.
    sessions = [disconnected_session("EpStill%d" % i) for i in range(4)]
    for _, pid in sessions:
        os.kill(pid, signal.SIGSTOP)
    try:
        out, err, rc, dt = timed("Get-PSSession -ComputerName localhost")
        broken = sum(1 for l in out.splitlines() if "Broken" in l)
        test("4 endpoints that do not answer are probed at once "
             "(%.2f s)" % dt, rc == 0 and broken == 4 and dt < 4,
             "rc=%d dt=%.2f out=%r err=%r" % (rc, dt, out, err))
    finally:
        for _, pid in sessions:
            os.kill(pid, signal.SIGCONT)
    for path, _ in sessions:
        end_session(path)


def full_backlog_still_listed():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, 4096)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    path, pid = disconnected_session("EpFull")
    os.kill(pid, signal.SIGSTOP)
    held = []
    full = False
    try:
        for _ in range(want - 64):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.setblocking(False)
            try:
                s.connect(path)
            except BlockingIOError:
                s.close()
                full = True
                break
            held.append(s)
        test("the backlog is larger than 16", len(held) > 16, len(held))
        out, err, rc, dt = timed("Get-PSSession -ComputerName localhost")
        test("a session whose backlog is full is still listed (Broken)",
             full and rc == 0 and listed(out, "localhost", "Broken") and
             os.path.exists(path),
             "full=%s held=%d rc=%d out=%r err=%r" % (full, len(held), rc,
                                                      out, err))
    finally:
        for s in held:
            s.close()
        os.kill(pid, signal.SIGCONT)
    time.sleep(0.3)
    out, err, rc = psh("Get-PSSession -ComputerName localhost")
    test("after the flood it is Disconnected again",
         listed(out, "EpFull", "Disconnected"), "out=%r err=%r" % (out, err))
    end_session(path)


def cancel_stops_script():
    path, pid = disconnected_session("EpCancel")
    c = connect(path)
    send(c, "ATTACH")
    test("attach", recv(c)[0] == T["OK"])
    send(c, "INVOKE", {"Script": "Write-Output before; Start-Sleep -Seconds "
                       "20; Write-Output after", "Buffer": False})
    time.sleep(0.4)
    t0 = time.monotonic()
    v = info(path)  # another connection, while the script runs
    dt = time.monotonic() - t0
    test("an INFO probe is answered while a script runs",
         v is not None and v.get("State") == "Opened" and dt < 1,
         "dt=%.2f v=%r" % (dt, v))
    t0 = time.monotonic()
    send(c, "CANCEL")
    t, r = recv(c)
    dt = time.monotonic() - t0
    test("CANCEL stops the script; the INVOKE is answered with its "
         "output so far",
         t == T["RESULT"] and r["Output"] == ["before"] and dt < 2,
         "t=%r r=%r dt=%.2f" % (t, r, dt))
    send(c, "INVOKE", {"Script": "Write-Output again", "Buffer": False})
    t, r = recv(c)
    test("the next script runs (the stop request was cleared)",
         t == T["RESULT"] and r["Output"] == ["again"], repr(r))
    send(c, "CANCEL")  # late: nothing runs; it has no answer
    send(c, "INFO")
    t, r = recv(c)
    test("a late CANCEL has no answer of its own",
         t == T["INFO_REPLY"], "t=%r r=%r" % (t, r))
    send(c, "CLOSE")
    recv(c)
    c.close()


def connection_cap_refuses_clearly():
    path, pid = disconnected_session("EpCap")
    held = []
    for _ in range(200):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(5)
        s.connect(path)
        held.append(s)
    time.sleep(0.3)
    refused = None
    for s in held[-10:]:
        try:
            t, v = recv(s)
        except (OSError, EOFError):
            continue
        if t == T["ERROR"]:
            refused = v
    test("connections over the cap get an ERROR that says why",
         refused is not None and "too many connections" in refused,
         repr(refused))
    for s in held:
        s.close()
    end_session(path)


# ---------- hostile inputs ----------

def computers_env(content=None, fifo=False):
    cfg = tempfile.mkdtemp(prefix="psh-cfg-", dir=RT)
    os.mkdir(os.path.join(cfg, "psh"))
    f = os.path.join(cfg, "psh", "computers")
    if fifo:
        os.mkfifo(f)
    else:
        with open(f, "w") as fh:
            fh.write(content)
    return dict(ENV, XDG_CONFIG_HOME=cfg)


def computers_file():
    names = "".join("name%d\n" % i for i in range(100000))
    env = computers_env(names)
    out, err, rc, dt = timed("Get-PSSession -ComputerName name99999; "
                             "Get-PSSession -ComputerName name50000", env)
    test("a computers file of 100,000 names is read quickly",
         rc == 0 and err == "" and dt < 3, "rc=%d dt=%.2f err=%r" %
         (rc, dt, err))
    out, err, rc = psh("Get-PSSession -ComputerName name100000", env=env)
    test("a name not in it is still unknown", rc == 1 and
         "cannot be resolved" in err, err)
    env = computers_env(fifo=True)
    t0 = time.monotonic()
    try:
        out, err, rc = psh("Get-PSSession -ComputerName Server05", env=env,
                           args=())
        dt = time.monotonic() - t0
    except subprocess.TimeoutExpired:
        out, err, rc, dt = "", "timeout", -1, 99
    test("a FIFO as the computers file is refused with a clear error",
         rc == 1 and "not a regular file" in err and dt < 5,
         "rc=%d dt=%.2f err=%r" % (rc, dt, err))
    out, err, rc = psh("Get-PSSession -ComputerName localhost", env=env,
                       args=())
    test("built-in names work with a FIFO there", rc == 0 and err == "",
         err)


def endpoint_serve_checks_socket():
    victim = os.path.join(RT, "victim")
    with open(victim, "w") as f:
        f.write("keep me")
    base = [PSH, "--endpoint-serve", "--socket", victim, "--instance-id",
            "00000000-0000-4000-8000-000000000001", "--name", "X",
            "--computer", "localhost"]
    try:
        p = subprocess.run(base + ["--fd", "0"], stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=5,
                           env=ENV)
        rc, err = p.returncode, p.stderr
    except subprocess.TimeoutExpired:
        rc, err = -1, "timeout (it spins)"
    test("--endpoint-serve --fd 0 on a non-socket fails at once",
         rc == 2 and "not a listening" in err, "rc=%d err=%r" % (rc, err))
    test("... and unlinks nothing", os.path.exists(victim))
    # A real listening socket, but bound elsewhere.
    other = os.path.join(RT, "other.sock")
    ls = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    ls.bind(other)
    ls.listen(1)
    p = subprocess.run(base + ["--fd", str(ls.fileno())],
                       pass_fds=[ls.fileno()], capture_output=True,
                       text=True, timeout=5, env=ENV)
    test("a listening socket bound to another path is refused",
         p.returncode == 2 and "is not the socket bound" in p.stderr and
         os.path.exists(victim) and os.path.exists(other), p.stderr)
    ls.close()
    os.unlink(other)
    os.unlink(victim)
    p = subprocess.run([PSH, "--endpoint-serve", "--fd\x1b[2J", "1"],
                       capture_output=True, text=True, timeout=5, env=ENV)
    test("endpoint arguments are not echoed raw",
         p.returncode == 2 and "\x1b" not in p.stderr and
         "\u241b" in p.stderr, repr(p.stderr))
    out, err, rc = psh(None, args=("--bad\x1b]0;x\x07",))
    test("unknown options are not echoed raw",
         rc == 2 and "\x1b" not in err and "\x07" not in err, repr(err))
    out, err, rc = psh("1", args=("--endpoint", "a\x1b[31mb"))
    test("a bad --endpoint value is not echoed raw",
         rc == 2 and "\x1b" not in err and "\u241b" in err, repr(err))


def other_files_left_alone():
    os.makedirs(SOCKDIR, mode=0o700, exist_ok=True)
    fake = os.path.join(SOCKDIR, "00000000-0000-4000-8000-0000000000aa.sock")
    note = os.path.join(SOCKDIR, "notes.txt")
    for f in (fake, note):
        with open(f, "w") as fh:
            fh.write("not a socket")
    os.mkfifo(os.path.join(SOCKDIR, "00000000-0000-4000-8000-0000000000bb.sock"))
    out, err, rc, dt = timed("Get-PSSession -ComputerName localhost")
    fifo = os.path.join(SOCKDIR, "00000000-0000-4000-8000-0000000000bb.sock")
    test("files that are not sockets are left alone and not listed",
         rc == 0 and os.path.exists(fake) and os.path.exists(note) and
         os.path.exists(fifo) and "Broken" not in out and dt < 3,
         "rc=%d out=%r err=%r" % (rc, out, err))
    for f in (fake, note, fifo):
        os.unlink(f)


sys.exit(run_groups([idle_connections_do_not_delay,
                     stopped_endpoint_is_reported,
                         stopped_endpoints_probed_at_once,
                     full_backlog_still_listed,
                     cancel_stops_script,
                     connection_cap_refuses_clearly,
                     computers_file,
                     endpoint_serve_checks_socket,
                     other_files_left_alone]))
