#!/bin/sh
# Issue 11's figures in one run, for a baseline get-help build and a new
# one (both release builds; BUILDDIR/src/get-help and bench-render-pages):
#   1. one topic, cold process, en-US and sv-SE (LANG=sv_SE.UTF-8), against
#      bare cmark-gfm on the same page (hyperfine and callgrind);
#   2. parse + render of all 376 pages in one process against cmark;
#   3. one exact lookup in the corpus and in a 100,000-page root
#      (tools/make-help-root.py), English and Swedish; also in a
#      100,000-page root of 4 synthetic modules a culture instead of 266,
#      which shows what grows with the number of module folders;
#   4. peak memory of one topic.
#   tools/bench-startup.sh BASELINE_BUILDDIR NEW_BUILDDIR [RUNS]
set -eu
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: $0 BASELINE_BUILDDIR NEW_BUILDDIR [RUNS]" >&2; exit 2; }
base=$1 new=$2 runs=${3:-300}
corpus=$(cd ../shared/corpus && pwd)
page=$corpus/en-US/Microsoft.PowerShell.Core/Exit-PSSession.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 tools/make-help-root.py "$corpus" 100000 "$work/r100000" >/dev/null
python3 tools/make-help-root.py --modules 4 "$corpus" 100000 "$work/r100000-m4" >/dev/null
# Each build's programs are copied, as `meson install` would: the kernel
# maps a file the linker just wrote in larger page-cache folios, which
# raised the max RSS of the same static get-help from 3.9 to 9.1 MiB.  A
# copy also runs outside its build tree (no build-tree help roots).
for b in "$base" "$new"; do
	mkdir -p "$work/$b/src"
	cp "$b/src/get-help" "$b/src/bench-render-pages" "$b/src/maxrss" \
		"$work/$b/src/"
done
base_src=$base new_src=$new
base=$work/$base_src new=$work/$new_src
files=$(find "$corpus" -name '*.md' ! -name SOURCES.md | sort | tr '\n' ' ')
unset LC_ALL LANGUAGE PSHELP_PATH
# Both builds read the new build's catalogs (the same files), so that no
# `env` process is timed with them.
export PSHELP_LOCALEDIR="$(cd "$new_src" && pwd)/locale"
topic="--no-pager --path $corpus --width 80 Exit-PSSession -Full"
for lang in C.UTF-8 sv_SE.UTF-8; do
	echo "== 1. one topic, cold process, LANG=$lang =="
	LANG=$lang hyperfine -N --warmup 20 --runs "$runs" \
		--export-json "$work/topic-$lang.json" \
		-n "base" "$base/src/get-help $topic" \
		-n "new" "$new/src/get-help $topic" \
		-n "cmark-gfm" "cmark-gfm $page"
done
echo "== 2. all pages, parse + render -Full =="
# shellcheck disable=SC2086
hyperfine -N --warmup 3 --runs 20 --export-json "$work/all-pages.json" \
	-n "base" "$base/src/bench-render-pages $files" \
	-n "new" "$new/src/bench-render-pages $files" \
	-n "cmark" "cmark $files"
for lang in C.UTF-8 sv_SE.UTF-8; do
	echo "== 3. exact lookup, corpus and 100,000 pages, LANG=$lang =="
	set --
	for b in base new; do
		eval "dir=\$$b"
		for root in "$corpus" "$work/r100000" "$work/r100000-m4"; do
			set -- "$@" -n "$b $(basename "$root")" \
				"$dir/src/get-help --no-pager --path $root Exit-PSSession"
		done
	done
	LANG=$lang hyperfine -N --warmup 5 --runs "$runs" \
		--export-json "$work/lookup-$lang.json" "$@"
done
echo "== 4. instructions (callgrind) and peak memory =="
for b in "$base" "$new"; do
	for lang in C.UTF-8 sv_SE.UTF-8; do
		# shellcheck disable=SC2086
		n=$(env LANG=$lang valgrind --tool=callgrind \
			--callgrind-out-file=/dev/null "$b/src/get-help" $topic 2>&1 >/dev/null |
			sed -n 's/.*refs: *//p')
		# shellcheck disable=SC2086
		kib=$(env LANG=$lang "$b/src/maxrss" \
			"$b/src/get-help" $topic 2>&1 >/dev/null)
		echo "$b $lang: $n instructions, $kib KiB max RSS"
		for root in "$corpus" "$work/r100000" "$work/r100000-m4"; do
			n=$(env LANG=$lang valgrind --tool=callgrind \
				--callgrind-out-file=/dev/null \
				"$b/src/get-help" --no-pager --path "$root" Exit-PSSession 2>&1 >/dev/null |
				sed -n 's/.*refs: *//p')
			echo "$b $lang lookup in $(basename "$root"): $n instructions"
		done
	done
	# shellcheck disable=SC2086
	n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$b/src/bench-render-pages" $files 2>&1 >/dev/null | sed -n 's/.*refs: *//p')
	echo "$b all pages: $n instructions"
done
for c in cmark-gfm cmark; do
	n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $c "$page" 2>&1 >/dev/null |
		sed -n 's/.*refs: *//p')
	echo "$c Exit-PSSession.md: $n instructions"
done
# shellcheck disable=SC2086
n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null cmark $files 2>&1 >/dev/null |
	sed -n 's/.*refs: *//p')
echo "cmark all pages: $n instructions"
echo "== summary: wall-clock means (user + system CPU), microseconds =="
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
def load(name):
    with open(os.path.join(work, name)) as f:
        return {r["command"]: r for r in json.load(f)["results"]}
def us(r):
    return r["mean"] * 1e6, (r["user"] + r["system"]) * 1e6
def line(label, r, ref=None):
    m, c = us(r)
    ratio = f"  {m / us(ref)[0]:.2f}x" if ref else ""
    print(f"{label:<34} {m:9.0f} ({c:7.0f}){ratio}")
for lang in ("C.UTF-8", "sv_SE.UTF-8"):
    t = load(f"topic-{lang}.json")
    line(f"one topic {lang} cmark-gfm", t["cmark-gfm"])
    for b in ("base", "new"):
        line(f"one topic {lang} {b} / cmark-gfm", t[b], t["cmark-gfm"])
a = load("all-pages.json")
line("all pages cmark", a["cmark"])
for b in ("base", "new"):
    line(f"all pages {b} / cmark", a[b], a["cmark"])
for lang in ("C.UTF-8", "sv_SE.UTF-8"):
    k = load(f"lookup-{lang}.json")
    for b in ("base", "new"):
        line(f"lookup {lang} {b} corpus", k[f"{b} corpus"])
        for root in ("r100000", "r100000-m4"):
            line(f"lookup {lang} {b} {root} / corpus", k[f"{b} {root}"],
                 k[f"{b} corpus"])
PY
