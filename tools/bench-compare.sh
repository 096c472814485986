#!/bin/sh
# Compares two builds of get-help in one run (so that a busy machine skews
# both alike): typically the tree before a change and after it.
#   tools/bench-compare.sh BEFORE_BUILDDIR AFTER_BUILDDIR
# Both must be release builds (tools/build.sh DIR --buildtype=release
# -Dtests=false).  Needs ../shared/corpus, hyperfine and valgrind.  Prints
# hyperfine's tables, peak memory and instruction counts for each build;
# BENCHMARKS.md gives the after/before ratios.  Max RSS counts the pages of
# the executable that the kernel maps around each fault, so it moves with
# the code's layout; massif's heap peak is what the program allocates.
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

echo "== peak memory (KiB, median of 11 runs) =="
# One run's max RSS varies by a few hundred KiB with what the kernel reads
# ahead of the 36 MB executable: the median of several runs is stable.
median_rss() {
	i=0
	while [ $i -lt 11 ]; do
		"$@" 2>&1 >/dev/null
		i=$((i + 1))
	done | sort -n | sed -n 6p
}
for b in "$before" "$after"; do
	for culture in en-US sv-SE; do
		# shellcheck disable=SC2086
		kib=$(median_rss "$b/src/maxrss" "$b/src/get-help" --culture $culture $topic)
		echo "$b get-help $culture: $kib KiB"
	done
done

if command -v valgrind >/dev/null; then
	echo "== heap peak (massif, bytes) =="
	out=$(mktemp)
	for b in "$before" "$after"; do
		for culture in en-US sv-SE; do
			# shellcheck disable=SC2086
			valgrind --tool=massif --massif-out-file="$out" \
				"$b/src/get-help" --culture $culture $topic >/dev/null 2>&1
			echo "$b get-help $culture: $(sed -n 's/^mem_heap_B=//p' "$out" | sort -n | tail -1)"
		done
	done
	rm -f "$out"
	echo "== instructions (callgrind) =="
	for b in "$before" "$after"; do
		for culture in en-US sv-SE; do
			# shellcheck disable=SC2086
			n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
				"$b/src/get-help" --culture $culture $topic 2>&1 >/dev/null |
				sed -n 's/.*refs: *//p')
			echo "$b get-help $culture: $n"
		done
		# shellcheck disable=SC2086
		n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
			"$b/src/bench-render-pages" $files 2>&1 >/dev/null |
			sed -n 's/.*refs: *//p')
		echo "$b all pages: $n"
	done
fi
