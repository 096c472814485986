#!/bin/sh
# Peak memory of get-help on large generated pages, against cmark-gfm on
# the same file in the same run (bytes of peak RSS per byte of page):
#   tools/bench-memory.sh [BUILDDIR]
# Shapes: long prose paragraphs, one-letter paragraphs, short lines in one
# paragraph, list items, table rows; 8 MB each.  Needs GNU time (Debian
# package "time") and cmark-gfm.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
gh=$build/src/get-help
for tool in /usr/bin/time cmark-gfm; do
	command -v $tool >/dev/null || { echo "bench: needs $tool" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys
head = "---\nschema: 2.0.0\n---\n# Get-Big\n\n## DESCRIPTION\n\n"
shapes = {
    "prose": "Words in a paragraph of ordinary length, " * 6 + "\n\n",
    "one-letter-paragraphs": "a\n\n",
    "short-lines": "short line\n",
    "list-items": "- item\n",
    "table-rows": "| a | b |\n",
}
for name, unit in shapes.items():
    body = ("| a | b |\n|---|---|\n" if name == "table-rows" else "") + \
        unit * (8_000_000 // len(unit))
    with open(f"{sys.argv[1]}/{name}.md", "w") as f:
        f.write(head + body)
PY
printf '%-24s %10s %14s %14s %8s\n' page bytes cmark-gfm get-help status
for f in "$work"/*.md; do
	size=$(stat -c %s "$f")
	c=$(/usr/bin/time -f %M cmark-gfm -e table "$f" 2>&1 >/dev/null | tail -1)
	set +e
	g=$(/usr/bin/time -f %M "$gh" --no-pager --file "$f" 2>&1 >/dev/null | tail -1)
	"$gh" --no-pager --file "$f" >/dev/null 2>&1
	rc=$?
	set -e
	awk -v n="$(basename "$f" .md)" -v s="$size" -v c="$c" -v g="$g" \
		-v r="$([ $rc = 0 ] && echo shown || echo refused)" \
		'BEGIN { printf "%-24s %10d %13.1fx %13.1fx %8s\n", n, s, c * 1024 / s, g * 1024 / s, r }'
done
