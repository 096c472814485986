#!/bin/sh
# Benchmark for BENCHMARKS.md: the search index (src/index) over a
# synthetic root of N pages (default 100,000; tools/make-help-root.py, hard
# links in a temporary folder): `pshelp index` build time, a refresh with
# nothing changed, full-text queries (hyperfine), and `get-help '*session*'`
# with the index against the scan without it, with the peak memory of each
# (/usr/bin/time, KiB).  With BASE (a build folder, or a folder holding a
# get-help and a pshelp), the same is measured for it in the same run,
# each build with an index of its own (in a hard-linked copy of the root).
# The programs are copied out of the build tree first: from there they
# would also read (without an index) the tree's own help roots.
#   tools/bench-index.sh [BUILDDIR [N [ROOT [BASE]]]]
# ROOT: an existing synthetic root (of make-help-root.py) to hard-link
# instead of making one ("" makes one).  RUNS: hyperfine runs (10).
# The machine is shared: user and system CPU seconds are printed with
# the wall time, and are the steadier figures.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-release}
n=${2:-100000}
base=${4:-}
runs=${RUNS:-10}
shared=../shared
[ -d "$shared/corpus" ] || { echo "bench: no $shared/corpus" >&2; exit 1; }
sh tools/build.sh "$build" --buildtype=release -Dtests=false
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${3:-}" ]; then
	cp -al "$3" "$work/root"
	rm -f "$work/root/.pshelp-index.sqlite"*
else
	python3 tools/make-help-root.py "$shared/corpus" "$n" "$work/root" >/dev/null
fi
# programs: "$work/bin-new", and "$work/bin-base" with its own root
copy_programs() {
	mkdir "$work/bin-$1"
	for p in get-help pshelp; do
		if [ -x "$2/src/$p" ]; then
			cp "$2/src/$p" "$work/bin-$1/"
		else
			cp "$2/$p" "$work/bin-$1/"
		fi
	done
}
copy_programs new "$build"
builds=new
if [ -n "$base" ]; then
	copy_programs base "$base"
	cp -al "$work/root" "$work/root-base"
	builds="base new"
fi
export PSHELP_PATH= XDG_CACHE_HOME="$work/cache" LC_ALL=C.UTF-8
pages=$(find "$work/root" -name '*.md' | wc -l)
echo "root: $pages pages; $(nproc) CPUs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
root_of() { [ "$1" = base ] && echo "$work/root-base" || echo "$work/root"; }
# %e wall, %U user, %S system seconds; %M peak KiB
measure() {
	label=$1
	shift
	/usr/bin/time -f "$label: %e s (user %U s, sys %S s), %M KiB" \
		"$@" >/dev/null 2>"$work/t" || true
	tail -1 "$work/t"
}
query() { # build, words[, LC_ALL]
	gh="$work/bin-$1/get-help"
	LC_ALL=${3:-C.UTF-8} hyperfine -N --warmup 2 --runs "$runs" \
		--command-name "$1: --search '$2' (${3:-C.UTF-8})" \
		"$gh --path $(root_of "$1") --width 0 --search '$2'" 2>&1 |
		grep -E 'Benchmark|Time|Range'
}
for b in $builds; do
	r=$(root_of "$b")
	# the scan without an index first: its baseline
	measure "$b: '*session*' without index" "$work/bin-$b/get-help" \
		--path "$r" --width 0 '*session*'
done
for b in $builds; do
	r=$(root_of "$b")
	measure "$b: pshelp index (build)" "$work/bin-$b/pshelp" index -q "$r"
	ls -l "$r/.pshelp-index.sqlite" |
		awk -v b="$b" '{ print b ": index file: " $5 " bytes" }'
done
for b in $builds; do
	measure "$b: pshelp index (refresh, nothing changed)" \
		"$work/bin-$b/pshelp" index -q "$(root_of "$b")"
	measure "$b: '*session*' with index" "$work/bin-$b/get-help" \
		--path "$(root_of "$b")" --width 0 '*session*'
done
# a word of half the pages, a rare word, two words, a Swedish word
for words in session sddl 'disconnected session'; do
	for b in $builds; do
		query "$b" "$words"
	done
done
for b in $builds; do
	query "$b" fjärrdatorn sv_SE.UTF-8
done
for b in $builds; do
	gh="$work/bin-$b/get-help"
	measure "$b: get-help --json --search 'configuration'" "$gh" \
		--path "$(root_of "$b")" --json --search 'configuration'
	# a cold process that does nothing, to subtract start-up
	measure "$b: get-help --version (start-up)" "$gh" --version
done
