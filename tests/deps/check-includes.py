#!/usr/bin/env python3
"""Checks that #include lines follow the stage dependencies (TAP output).

Every folder under src/ is a stage (sub-folders such as commands/ belong to
their parent).  A quoted #include names a header by its file name; the
header's stage is the folder that holds it.  A file may include headers of
its own stage and of the stages it is allowed to use, and nothing else:

  common <- diag <- model <- parse, meta, lookup, render;  lookup <- parse;
  parse <- index <- lookup (only index/ includes sqlite3);
  common <- pshlang <- runtime <- meta;  programs use what they dispatch to.

Besides, only parse/ includes cmark or libxml2, and an internal header
(*_internal.h and the others listed in INTERNAL) is included only from its
own stage.

  check-includes.py SRC_DIR            check a source tree, print TAP
  check-includes.py --self-test DIR    DIR holds good/ and bad/ trees: the
                                       first must pass, the second fail
"""
import os
import re
import sys

from stages import PROGRAMS, USES

ALLOWED = {**USES, **PROGRAMS}
# System headers only one stage may see.
RESTRICTED_SYSTEM = {
    "cmark": {"parse"},
    "libxml": {"parse"},
    "jansson": {"meta"},
    "yaml.h": {"parse"},
    "sqlite3": {"index"},
}
# Headers internal to their stage, besides every *_internal.h.
INTERNAL = {"meta_table.h", "meta_text.h", "common_params.h", "handlers.h"}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')


def stage_of(src, path):
    return os.path.relpath(path, src).split(os.sep)[0]


def sources(src):
    for dirpath, _, files in os.walk(src):
        for f in sorted(files):
            if f.endswith((".c", ".h")):
                yield os.path.join(dirpath, f)


def header_stages(src):
    """Header file name -> stage; a name in two stages is an error."""
    where, clashes = {}, []
    for path in sources(src):
        if path.endswith(".h"):
            name = os.path.basename(path)
            stage = stage_of(src, path)
            if name in where and where[name] != stage:
                clashes.append(f"{name} is in both {where[name]}/ and {stage}/")
            where[name] = stage
    return where, clashes


def problems_of(src):
    """Yields (file:line, message) for every include that breaks a rule."""
    headers, clashes = header_stages(src)
    for c in clashes:
        yield src, c
    for path in sources(src):
        stage = stage_of(src, path)
        if stage not in ALLOWED:
            yield path, f"folder {stage}/ is not a known stage"
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for lineno, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                where = f"{os.path.relpath(path, src)}:{lineno}"
                kind, name = m.groups()
                if kind == "<":
                    top = name.split("/")[0]
                    for prefix, stages in RESTRICTED_SYSTEM.items():
                        if top.startswith(prefix) and stage not in stages:
                            yield where, f"<{name}> belongs to {'/'.join(sorted(stages))}/ only"
                    continue
                base = os.path.basename(name)
                target = headers.get(base)
                if target is None:
                    continue  # config.h and other generated headers
                if target == stage:
                    continue
                internal = base.endswith("_internal.h") or base in INTERNAL
                if internal:
                    yield where, f"{base} is internal to {target}/"
                elif target not in ALLOWED[stage]:
                    yield where, f"{stage}/ may not include {target}/{base}"


def check_tree(src):
    found = list(problems_of(src))
    print("1..1")
    # A wrong path must not pass as a tree without problems.
    missing = [s for s in ALLOWED if not os.path.isdir(os.path.join(src, s))]
    if missing:
        print(f"not ok 1 - {src} lacks the stage folders {', '.join(sorted(missing))}")
        return 1
    if found:
        print("not ok 1 - includes follow the stage dependencies")
        for where, msg in found:
            print(f"# {where}: {msg}")
        return 1
    print(f"ok 1 - includes follow the stage dependencies ({sum(1 for _ in sources(src))} files)")
    return 0


def self_test(root):
    good = list(problems_of(os.path.join(root, "good")))
    bad = list(problems_of(os.path.join(root, "bad")))
    print("1..2")
    print(("ok" if not good else "not ok") + " 1 - a tree that follows the rules passes")
    for where, msg in good:
        print(f"# unexpected: {where}: {msg}")
    # The bad tree has one wrong include per rule; each must be found.
    wanted = {"render/ may not include lookup/", "runtime/ may not include model/",
              "is internal to parse/", "belongs to parse/ only",
              "model/ may not include parse/"}
    missed = [w for w in sorted(wanted) if not any(w in m for _, m in bad)]
    print(("ok" if not missed else "not ok") + " 2 - every wrong-way include is reported")
    for w in missed:
        print(f"# not reported: {w}")
    return 1 if good or missed else 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--self-test":
        return self_test(sys.argv[2])
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    return check_tree(sys.argv[1])


if __name__ == "__main__":
    sys.exit(main())
