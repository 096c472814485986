#!/usr/bin/env python3
"""Hostile pages: get-help must answer each with a clear diagnostic and the
right exit status, never crash, hang or send a control character to the
terminal.  Peak memory stays within 16 bytes per byte of the page plus a
base (checked when the build is not sanitized: ASan's shadow memory does not
count).  Pages are generated into a temporary folder (some are 10 MB and
larger, so they are not kept in the repository).  TAP output.

  run-hostile.py GET_HELP [-k NAME]
"""
import os
import subprocess
import sys
import tempfile
import time

FM = ("---\nexternal help file: x.dll-Help.xml\nLocale: en-US\n"
      "Module Name: Hostile\nschema: 2.0.0\ntitle: Test-Hostile\n---\n")
BODY = ("# Test-Hostile\n\n## SYNOPSIS\nA hostile page.\n\n## SYNTAX\n\n"
        "```\nTest-Hostile [<CommonParameters>]\n```\n\n## DESCRIPTION\n\n")
TAIL = "\n\n## RELATED LINKS\n\n[Get-Help](Get-Help.md)\n"
ESC = "\x1b[31mred\x1b[0m\x1b]0;title\x07\x9b2J"


def page(middle, head=FM + BODY, tail=TAIL):
    return (head + middle + tail).encode("utf-8", "surrogatepass")


def deep_list(n):
    # "- - - item" nests a list in each item: n levels on one line.
    return "- " * n + "item\n"


# name: (bytes, expected exit status, slug that stderr must name or None,
#        extra get-help arguments)
def cases():
    big_words = ("word " * 2_100_000)  # ~10.5 MB, one line
    big_solid = "x" * 10_500_000
    yield "utf8-invalid-body", page("bad \xff byte".encode("latin-1").decode("latin-1")).replace(b"\xc3\xbf", b"\xff"), 3, "utf8-invalid", []
    yield "utf8-invalid-frontmatter", page("", head=FM.replace("title: Test-Hostile", "title: Test-\udcff") + BODY), 3, "utf8-invalid", []
    yield "utf8-truncated-at-end", page("") + b"\xe2\x82", 3, "utf8-invalid", []
    yield "utf8-overlong", page("") + b"\xc0\xaf\n", 3, "utf8-invalid", []
    yield "utf8-surrogate", page("") + b"\xed\xa0\x80\n", 3, "utf8-invalid", []
    yield "binary-garbage", bytes((i * 151 + 7) % 256 for i in range(65536)), 3, None, []
    yield "nul-in-body", page("a\x00b"), 3, "nul-byte", []
    yield "nul-in-frontmatter", page("", head=FM.replace("schema", "sch\x00ema") + BODY), 3, "nul-byte", []
    yield "line-10mb-words", page(big_words), 0, None, []
    yield "line-10mb-unbreakable", page(big_solid), 0, None, []
    yield "list-10000-deep", page(deep_list(10_000)), 3, "nesting-too-deep", []
    yield "quote-10000-deep", page("> " * 10_000 + "deep\n"), 3, "nesting-too-deep", []
    yield "ordered-list-10000-deep", page("1. " * 10_000 + "deep\n"), 3, "nesting-too-deep", []
    yield "list-in-quote-10000-deep", page("> - " * 5_000 + "deep\n"), 3, "nesting-too-deep", []
    yield "emphasis-50000-deep", page("*" * 50_000 + "x" + "*" * 50_000 + "\n"), 0, None, []
    yield "brackets-50000", page("[" * 50_000 + "x" + "](" * 20_000 + "\n"), 0, None, []
    yield "brackets-1000000", page("[" * 1_000_000 + "x" + "](" * 20_000 + "\n"), 3, "input-too-dense", []
    yield "no-frontmatter", page("", head=BODY), 0, None, []
    yield "empty-file", b"", 0, None, []
    yield "frontmatter-unclosed", b"---\ntitle: x\nno end here\n", 3, "frontmatter-unclosed", []
    yield "frontmatter-garbage", page("", head="---\n: :\n  - orphan\n{x: [\n---\n" + BODY), 0, "frontmatter-line", []
    yield "duplicate-sections", page("text\n\n## DESCRIPTION\n\nagain\n\n## SYNOPSIS\n\ntwice\n"), 0, "section-duplicate", []
    yield "escape-sequences", page(ESC + " in text `" + ESC + "` and\n\n```\n" + ESC + "\n```\n",
                                   head=FM.replace("title: Test-Hostile", "title: T\x1b[2J") + BODY.replace("# Test-Hostile", "# Test\x1bHostile")), 0, None, ["-Full"]
    yield "escape-in-json", page(ESC), 0, None, ["--json"]
    # A diagnostic quotes the heading: the quote must be neutralized too.
    yield "escape-in-diagnostic", page("x", head=FM.replace("title: Test-Hostile", 'title: "Test\x1b]0;PWN\x07')), 0, "frontmatter-quote", []
    yield "params-10000", page("x\n\n## PARAMETERS\n\n" + "".join(
        f"### -P{i}\n\nd\n\n```yaml\nType: System.String\nParameter Sets: (All)\nAliases:\n\nRequired: False\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n\n"
        for i in range(10_000))), 0, None, ["-Full"]
    yield "links-20000", page("x", tail="\n\n## RELATED LINKS\n\n" + "".join(
        f"[l{i}](Get-L{i}.md)\n\n" for i in range(20_000))), 0, None, []
    yield "links-100000", page("x", tail="\n\n## RELATED LINKS\n\n" + "".join(
        f"[l{i}](Get-L{i}.md)\n\n" for i in range(100_000))), 3, "input-too-dense", []
    yield "table-1000-columns", page("|" + "a|" * 1000 + "\n|" + "-|" * 1000 + "\n|" + "b|" * 1000 + "\n"), 0, None, []
    yield "crlf-line-ends", page("line one\r\nline two\r\n").replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n"), 0, None, []
    yield "bom", b"\xef\xbb\xbf" + page("after a BOM"), 0, None, []
    yield "fence-unclosed", page("```powershell\nnever closed\n"), 0, "fence-unclosed", []
    yield "headings-only", page("## ## ##\n### \n#### ####\n"), 0, None, []
    # Tiny blocks cost cmark hundreds of bytes per byte: refused, not swapped.
    yield "paragraphs-2m-one-letter", page("a\n\n" * 2_000_000), 3, "input-too-dense", []
    yield "lines-1m-short", page("short\n" * 1_000_000), 3, "input-too-dense", []
    yield "list-items-1m", page("- i\n" * 1_000_000), 3, "input-too-dense", []
    yield "table-rows-500k", page("| a | b |\n|---|---|\n" + "| c | d |\n" * 500_000), 3, "input-too-dense", []
    yield "prose-8mb", page("A paragraph of plain prose, as long as a real one. " * 3 + "\n\n" * 1 + ("Words in a paragraph of ordinary length, " * 6 + "\n\n") * 32_000), 0, None, []
    yield "too-large", None, 3, "input-too-large", []  # generated on demand
    yield "missing-file", None, 3, "read-failed", []
    # Special files: --file names a page, so a FIFO (even one nobody
    # writes to, which must not hang), a directory and a device are refused.
    yield "fifo-without-writer", None, 3, "read-failed", []
    yield "directory", None, 3, "read-failed", []
    yield "device", None, 3, "read-failed", []


def write_case(tmp, name, data):
    path = os.path.join(tmp, "hostile", name + ".md")
    if name == "missing-file":
        return path + ".absent"
    if name == "fifo-without-writer":
        os.mkfifo(path)
        return path
    if name == "directory":
        os.mkdir(path)
        return path
    if name == "device":
        return "/dev/null"
    if name == "too-large":
        with open(path, "wb") as f:
            chunk = b"a" * (1 << 20)
            for _ in range(65):
                f.write(chunk)
        return path
    with open(path, "wb") as f:
        f.write(data)
    return path


MEMORY_PER_BYTE = 16
MEMORY_BASE = 44 << 20  # cmark's base allowance, the program, ICU's data


GNU_TIME = "/usr/bin/time"  # Debian's "time": forks from a small process


def run_measured(cmd, env, timeout, measure_memory):
    """(exit status, stdout, stderr, peak RSS in bytes or 0), or None on
    timeout.  The peak comes from GNU time: a child forked from this
    Python process would count Python's own memory as its peak."""
    with tempfile.NamedTemporaryFile() as rss:
        if measure_memory:
            cmd = [GNU_TIME, "-q", "-f", "%M", "-o", rss.name] + cmd
        try:
            p = subprocess.run(cmd, env=env, capture_output=True,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        text = rss.read().decode().split()
        peak = int(text[-1]) * 1024 if measure_memory and text else 0
        return p.returncode, p.stdout, p.stderr, peak


def sanitized(program):
    with open(program, "rb") as f:
        return b"AddressSanitizer" in f.read()


def check(get_help, path, want_rc, slug, args, measure_memory):
    """Returns a list of problems."""
    env = dict(os.environ, LC_ALL="C.UTF-8")
    cmd = [get_help, "--file", path, "--diagnostics", "--width", "80"] + args
    start = time.monotonic()
    r = run_measured(cmd, env, 120, measure_memory)
    if r is None:
        return ["timed out after 120 s"]
    rc, stdout, stderr, peak = r
    took = time.monotonic() - start
    problems = []
    if rc != want_rc:
        problems.append(f"exit {rc}, expected {want_rc}")
    if rc < 0 or rc >= 128:
        problems.append("killed by a signal")
    size = os.path.getsize(path) if os.path.isfile(path) else 0
    if measure_memory and peak > MEMORY_PER_BYTE * size + MEMORY_BASE:
        problems.append(f"peak memory {peak >> 20} MiB for {size} bytes "
                        f"({peak / max(size, 1):.1f} bytes per byte)")
    err = stderr.decode("utf-8", "replace")
    if slug and f"[{slug}]" not in err:
        problems.append(f"stderr does not name [{slug}]")
    if "Sanitizer" in err or "runtime error" in err:
        problems.append("sanitizer report")
    if want_rc == 3 and not err.strip():
        problems.append("no diagnostic for a rejected page")
    for stream, data in (("stdout", stdout), ("stderr", stderr)):
        bad = [b for b in data if (b < 0x20 and b not in (0x0a,)) or b == 0x7f]
        if bad:
            problems.append(f"{stream} has raw control byte 0x{bad[0]:02x}")
        if b"\xc2\x9b" in data:
            problems.append(f"{stream} has a raw C1 control")
    if problems:
        problems.append(f"took {took:.2f} s; stderr: {err[:400]!r}")
    return problems


def main():
    get_help = sys.argv[1]
    only = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "-k" else ""
    n = failed = 0
    measure_memory = not sanitized(get_help) and os.access(GNU_TIME, os.X_OK)
    if not measure_memory:
        print("# peak memory not checked: a sanitized build, or no "
              + GNU_TIME)
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "hostile"))
        for name, data, rc, slug, args in cases():
            if only not in name:
                continue
            n += 1
            path = write_case(tmp, name, data)
            problems = check(get_help, path, rc, slug, args, measure_memory)
            if os.path.isdir(path):
                os.rmdir(path)
            elif os.path.exists(path) and path.startswith(tmp):
                os.unlink(path)
            if problems:
                failed += 1
                print(f"not ok {n} - {name}")
                for p in problems:
                    print("# " + p)
            else:
                print(f"ok {n} - {name}")
            sys.stdout.flush()
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
