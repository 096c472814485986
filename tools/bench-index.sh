#!/bin/sh
# Benchmark for BENCHMARKS.md: the search index (src/index) over a
# synthetic root of N pages (default 100,000; tools/make-help-root.py, hard
# links in a temporary folder): `pshelp index` build time, a refresh with
# nothing changed, a full-text query, and `get-help '*session*'` with the
# index against the scan without it (the baseline, same run), with the
# peak memory of each (/usr/bin/time -f %M, KiB).
# The programs are copied out of the build tree first: from there they
# would also read (without an index) the tree's own help roots.
#   tools/bench-index.sh [BUILDDIR [N [ROOT]]]
# ROOT: an existing synthetic root (of make-help-root.py) to hard-link
# instead of making one.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-release}
n=${2:-100000}
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
mkdir "$work/bin"
cp "$build/src/get-help" "$build/src/pshelp" "$work/bin/"
gh="$work/bin/get-help"
ph="$work/bin/pshelp"
export PSHELP_PATH= XDG_CACHE_HOME="$work/cache" LC_ALL=C.UTF-8
pages=$(find "$work/root" -name '*.md' | wc -l)
echo "root: $pages pages; $(nproc) CPUs"
# %e: seconds, %M: peak KiB
measure() {
	label=$1
	shift
	/usr/bin/time -f "$label: %e s, %M KiB" "$@" >/dev/null 2>"$work/t" || true
	tail -1 "$work/t"
}
# the scan without an index first: its baseline
measure "'*session*' without index (baseline)" "$gh" --path "$work/root" --width 0 '*session*'
measure "pshelp index (build)" "$ph" index -q "$work/root"
ls -l "$work/root/.pshelp-index.sqlite" | awk '{ print "index file: " $5 " bytes" }'
measure "pshelp index (refresh, nothing changed)" "$ph" index -q "$work/root"
measure "'*session*' with index" "$gh" --path "$work/root" --width 0 '*session*'
measure "get-help --search 'disconnected session'" "$gh" --path "$work/root" --width 0 --search 'disconnected session'
measure "get-help --search 'configuration'" "$gh" --path "$work/root" --width 0 --search 'configuration'
measure "get-help --json --search 'configuration'" "$gh" --path "$work/root" --json --search 'configuration'
measure "get-help --search 'session' (a word of most pages)" "$gh" --path "$work/root" --width 0 --search 'session'
# a cold process that does nothing, to subtract start-up
measure "get-help --version (start-up)" "$gh" --version
