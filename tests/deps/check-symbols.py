#!/usr/bin/env python3
"""Checks that every name a stage library exports carries its stage's prefix.

Names that cross files are global symbols of a stage's static library; a
file-local function must be static.  Each stage owns a few prefixes (as
cmark owns cmark_): a global symbol outside them is either a missing
`static` or a name that should say which stage it comes from.  TAP output.

  check-symbols.py NM LIB.a...   (stage = the library's name: libpshelp-STAGE.a)
"""
import os
import subprocess
import sys

PREFIXES = {
    "common": ("xmalloc", "xcalloc", "xrealloc", "xstrdup", "xstrndup",
               "xasprintf", "xgrow", "strbuf_", "utf8_", "utf16_", "arena_",
               "wildcard_", "fold_case", "i18n_", "build_tree_", "term_", "file_",
               "opt_"),
    "diag": ("diag_",),
    "model": ("help_",),
    "parse": ("md_", "platyps_", "frontmatter_"),
    "meta": ("meta_",),
    "lookup": ("lookup_", "topic_", "culture_", "root_"),
    "render": ("render_", "textwrap_"),
    "pshlang": ("psh_", "lex_"),
    "runtime": ("rt_", "session_", "wire_", "bind_", "endpoint_",
                "psh_eval_", "psh_format_", "psh_repl"),
}


def exported(nm, lib):
    out = subprocess.run([nm, "-g", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBRVW":
            yield parts[2]


def main():
    nm, libs = sys.argv[1], sys.argv[2:]
    print(f"1..{len(libs)}")
    failed = 0
    for i, lib in enumerate(libs, 1):
        stage = os.path.basename(lib)[len("libpshelp-"):-len(".a")]
        prefixes = PREFIXES.get(stage)
        if prefixes is None:
            print(f"not ok {i} - {stage}: no prefixes are defined for this stage")
            failed += 1
            continue
        names = sorted(set(exported(nm, lib)))
        bad = [n for n in names if not n.startswith(prefixes)]
        print(("not ok" if bad else "ok") +
              f" {i} - {stage}: {len(names)} exported names carry {', '.join(prefixes)}")
        for n in bad:
            print(f"# {n}")
        failed += bool(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
