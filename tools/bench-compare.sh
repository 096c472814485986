#!/bin/sh
# Compares two builds of get-help in one run (so that a busy machine skews
# both alike): typically the tree before a change and after it.
#   tools/bench-compare.sh BEFORE_BUILDDIR AFTER_BUILDDIR
# Both must be release builds (tools/build.sh DIR --buildtype=release
# -Dtests=false).  Needs ../shared/corpus, hyperfine and valgrind.  Prints
# hyperfine's tables, peak memory and instruction counts for each build;
# BENCHMARKS.md gives the after/before ratios.
set -eu
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BEFORE_BUILDDIR AFTER_BUILDDIR" >&2; exit 2; }
before=$1 after=$2
corpus=../shared/corpus
[ -d "$corpus" ] || { echo "bench-compare: no $corpus" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench-compare: apt-get install hyperfine" >&2; exit 1; }
export LC_ALL=C.UTF-8
files=$(find "$corpus" -name '*.md' ! -name SOURCES.md | sort | tr '\n' ' ')
topic="--path $corpus --width 80 Exit-PSSession -Full"

echo "== one topic, en-US and sv-SE =="
hyperfine -N --warmup 30 --runs 300 \
	-n "before en-US" "$before/src/get-help --culture en-US $topic" \
	-n "after en-US" "$after/src/get-help --culture en-US $topic" \
	-n "before sv-SE" "$before/src/get-help --culture sv-SE $topic" \
	-n "after sv-SE" "$after/src/get-help --culture sv-SE $topic"

echo "== all pages: parse + render -Full =="
# shellcheck disable=SC2086
hyperfine -N --warmup 3 --runs 20 \
	-n "before, all pages" "$before/src/bench-render-pages $files" \
	-n "after, all pages" "$after/src/bench-render-pages $files"

echo "== peak memory (KiB) =="
for b in "$before" "$after"; do
	for culture in en-US sv-SE; do
		# shellcheck disable=SC2086
		kib=$("$b/src/maxrss" "$b/src/get-help" --culture $culture $topic 2>&1 >/dev/null)
		echo "$b get-help $culture: $kib KiB"
	done
done

if command -v valgrind >/dev/null; then
	echo "== instructions (callgrind) =="
	for b in "$before" "$after"; do
		for culture in en-US sv-SE; do
			# shellcheck disable=SC2086
			n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
				"$b/src/get-help" --culture $culture $topic 2>&1 >/dev/null |
				sed -n 's/.*refs: *//p')
			echo "$b get-help $culture: $n"
		done
	done
fi
