#!/usr/bin/env python3
"""Checks the names a stage library exports and the ones it needs.

Names that cross files are global symbols of a stage's static library; a
file-local function must be static.  Each stage owns a few prefixes (as
cmark owns cmark_): a global symbol outside them is either a missing
`static` or a name that should say which stage it comes from.  TAP output.

Each library's undefined symbols show what it links against: a name of a
stage it may not use (see check-includes.py) is a dependency the wrong way
that no #include shows, e.g. the metadata tables pulling in session code.

  check-symbols.py NM LIB.a...   (stage = the library's name: libpshelp-STAGE.a)
"""
import os
import subprocess
import sys

PREFIXES = {
    "common": ("xmalloc", "xcalloc", "xrealloc", "xstrdup", "xstrndup",
               "xasprintf", "xgrow", "strbuf_", "utf8_", "utf16_", "arena_",
               "wildcard_", "fold_case", "i18n_", "build_tree_", "term_", "pager_", "file_",
               "text_diff", "opt_", "clock_"),
    "diag": ("diag_",),
    "model": ("help_",),
    "parse": ("md_", "platyps_", "frontmatter_"),
    "meta": ("meta_",),
    "check": ("check_", "report_"),
    "update": ("update_", "page_", "yaml_"),
    "l10n": ("l10n_",),
    "index": ("index_",),
    "lookup": ("lookup_", "topic_", "culture_", "root_"),
    "render": ("render_", "textwrap_"),
    # Not "psh_" alone: runtime's evaluator names start psh_eval_.
    "pshlang": ("psh_extent_", "psh_vec_", "psh_ast_", "psh_input_",
                "psh_parse", "psh_concise_", "psh_dump", "psh_error_",
                "lex_"),
    "runtime": ("rt_", "session_", "wire_", "bind_", "endpoint_",
                "psh_eval_", "psh_format_", "psh_repl"),
}


from stages import USES  # the rule check-includes.py applies too


def undefined(nm, lib):
    out = subprocess.run([nm, "-u", lib], check=True, capture_output=True,
                         text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == "U":
            yield parts[-1]


def exported(nm, lib):
    out = subprocess.run([nm, "-g", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBRVWCui":
            yield parts[2]


def main():
    nm, libs = sys.argv[1], sys.argv[2:]
    # Which stage defines each name (system libraries define the rest).
    definer, twice = {}, []
    for lib in libs:
        stage = os.path.basename(lib)[len("libpshelp-"):-len(".a")]
        for x in exported(nm, lib):
            if x in definer and definer[x] != stage:
                twice.append(f"{x} is defined by {definer[x]}/ and {stage}/")
            definer[x] = stage
    print(f"1..{2 * len(libs) + 1}")
    failed = n = 0
    for lib in libs:
        stage = os.path.basename(lib)[len("libpshelp-"):-len(".a")]
        prefixes = PREFIXES.get(stage)
        n += 1
        if prefixes is None:
            print(f"not ok {n} - {stage}: no prefixes are defined for this stage")
            failed += 1
            n += 1
            print(f"not ok {n} - {stage}: no dependencies are defined")
            continue
        names = sorted(set(exported(nm, lib)))
        bad = [x for x in names if not x.startswith(prefixes)]
        print(("not ok" if bad else "ok") +
              f" {n} - {stage}: {len(names)} exported names carry {', '.join(prefixes)}")
        for x in bad:
            print(f"# {x}")
        failed += bool(bad)
        wrong = sorted({(x, definer[x]) for x in undefined(nm, lib)
                        if definer.get(x, stage) != stage
                        and definer[x] not in USES[stage]})
        n += 1
        print(("not ok" if wrong else "ok") +
              f" {n} - {stage}: links only against {', '.join(sorted(USES[stage])) or 'no other stage'}")
        for x, s in wrong:
            print(f"# needs {x} from {s}/")
        failed += bool(wrong)
    n += 1
    print(("not ok" if twice else "ok") + f" {n} - no name is defined by two stages")
    for x in twice:
        print(f"# {x}")
    failed += bool(twice)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
