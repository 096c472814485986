#!/usr/bin/env python3
"""Builds a man page from a markdown manual: md2man.py GET_HELP INPUT OUTPUT.

The manual (doc/pshelp.md) is written as an About topic: H2 sections
(NAME, SYNOPSIS, ...) and their text.  get-help renders About topics as
man(7) (src/render/render_man.c); a page in a folder named About is read
as one, so the input is copied into such a folder first.  The renderer
makes NAME from the first section, which is NAME itself here, so the
second NAME section is dropped.  Any diagnostic about the manual fails
the build: the manual stays clean.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def main():
    get_help, src, out = sys.argv[1:4]
    with tempfile.TemporaryDirectory() as tmp:
        about = os.path.join(tmp, "About")
        os.mkdir(about)
        page = os.path.join(about, os.path.basename(src))
        shutil.copyfile(src, page)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("LC_", "LANG", "PSHELP_PATH"))}
        env["LC_ALL"] = "C.UTF-8"
        p = subprocess.run([get_help, "--file", page, "--format", "man",
                            "--width", "0", "--diagnostics"],
                           env=env, capture_output=True)
    if p.returncode != 0 or p.stderr:
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        sys.exit(f"md2man: get-help failed on {src} (exit {p.returncode})")
    text = p.stdout.decode("utf-8")
    # The section NAME was rendered twice: as the NAME line and as itself.
    text = re.sub(r"(\.SH NAME\n(?:(?!\.SH ).*\n)*?)\.SH NAME\n(?:(?!\.SH ).*\n)*",
                  r"\1", text, count=1)
    # .TH's fifth field is the manual's name, not the About folder.
    text = re.sub(r'^(\.TH "[^"]*" 1 "" "pshelp") "About"$',
                  r'\1 "pshelp Manual"', text, count=1, flags=re.M)
    tmp_out = out + ".tmp"
    with open(tmp_out, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp_out, out)


if __name__ == "__main__":
    main()
