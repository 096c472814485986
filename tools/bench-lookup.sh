#!/bin/sh
# Benchmark for BENCHMARKS.md: one exact lookup (get-help Exit-PSSession)
# in the 376-page corpus root and in synthetic roots of 10,000 and 100,000
# pages made by tools/make-help-root.py (hard links, in a temporary
# folder), in English and Swedish, in one hyperfine run: the ratios count.
#   tools/bench-lookup.sh [BUILDDIR [BASELINE_GET_HELP]]
# With a baseline get-help (an older build), its lookups run in the same
# run, for a before/after comparison.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-release}
baseline=${2:-}
shared=../shared
command -v hyperfine >/dev/null || {
	echo "bench: needs hyperfine (apt-get install hyperfine)" >&2
	exit 1
}
[ -d "$shared/corpus" ] || { echo "bench: no $shared/corpus" >&2; exit 1; }
sh tools/build.sh "$build" --buildtype=release -Dtests=false
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 10000 100000; do
	python3 tools/make-help-root.py "$shared/corpus" $n "$work/r$n" >/dev/null
done
root376=$(cd "$shared/corpus" && pwd)
set --
for gh in "$PWD/$build/src/get-help" $baseline; do
	tag=$([ "$gh" = "$baseline" ] && echo "baseline " || echo "")
	for lang in C.UTF-8 sv_SE.UTF-8; do
		for root in "$root376" "$work/r10000" "$work/r100000"; do
			set -- "$@" -n "$tag$lang $(basename "$root")" \
				"env LANG=$lang PSHELP_PATH=$root $gh --no-pager Exit-PSSession"
		done
	done
done
hyperfine -N --warmup 5 --runs 60 "$@"
