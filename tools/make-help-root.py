#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Makes a synthetic help root of about N pages for the benchmarks.

  tools/make-help-root.py [--modules K] SOURCE_ROOT N OUT_ROOT

SOURCE_ROOT is a help root such as ../shared/corpus (culture folders with
module folders).  OUT_ROOT gets the source's pages as they are, then copies
of each module folder as modules Synthetic.M0001, ... whose pages carry
the copy's number in their names (Exit-PSSession0001.md), so that every
name is still one topic.  Pages are hard links where the file system
allows it.  With --modules K the copies share K module folders a culture
(Synthetic.M0001 to M000K) instead of one folder each: the same pages in
fewer, larger folders.  Never committed: the roots are made when a
benchmark runs.
"""
import os
import shutil
import sys


def pages_of(root):
    """(culture, module, relative path in the module, full path)."""
    for culture in sorted(os.listdir(root)):
        cdir = os.path.join(root, culture)
        if not os.path.isdir(cdir):
            continue
        for module in sorted(os.listdir(cdir)):
            mdir = os.path.join(cdir, module)
            if not os.path.isdir(mdir):
                continue
            for dp, _, fs in os.walk(mdir):
                for f in sorted(fs):
                    if f.endswith(".md"):
                        full = os.path.join(dp, f)
                        yield culture, module, os.path.relpath(full, mdir), full


def place(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def main():
    args = sys.argv[1:]
    modules = 0
    if len(args) == 5 and args[0] == "--modules" and args[1].isdigit():
        modules = int(args[1])
        args = args[2:]
    if len(args) != 3 or (modules == 0 and len(sys.argv) != 4):
        sys.exit(__doc__)
    src, want, out = args[0], int(args[1]), args[2]
    pages = list(pages_of(src))
    if not pages:
        sys.exit(f"make-help-root: no pages in {src}")
    made = 0
    for culture, module, rel, full in pages:
        place(full, os.path.join(out, culture, module, rel))
        made += 1
    copy = 0
    while made < want:
        copy += 1
        for culture, module, rel, full in pages:
            head, f = os.path.split(rel)
            stem = f[:-3]
            name = f"{stem}{copy:04d}.md"
            folder = (copy - 1) % modules + 1 if modules else copy
            place(full, os.path.join(out, culture, f"Synthetic.M{folder:04d}",
                                     head, name))
            made += 1
    print(f"{made} pages in {out}")


if __name__ == "__main__":
    main()
