#!/bin/sh
# Benchmark of pshelp validate for BENCHMARKS.md (needs ../shared and
# hyperfine): every corpus page and the two 2024-05-01 pages, checked in
# one run, against cmark parsing the same files in one run.
#   tools/bench-validate.sh [BUILDDIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-release}
shared=../shared
command -v hyperfine >/dev/null || { echo "bench: apt-get install hyperfine" >&2; exit 1; }
[ -d "$shared/corpus" ] || { echo "bench: no $shared/corpus" >&2; exit 1; }
sh tools/build.sh "$build" --buildtype=release -Dtests=false
files=$(find "$shared/corpus" "$shared/schema-2024-05-01" -name '*.md' \
	! -name SOURCES.md | sort | tr '\n' ' ')
echo "$(echo "$files" | wc -w) pages"
export LC_ALL=C.UTF-8
# validate exits with the worst level it found; only the time matters here.
# shellcheck disable=SC2086
hyperfine -N -i --warmup 3 --runs 20 \
	-n "pshelp validate" "$build/src/pshelp validate --format json $files" \
	-n "cmark" "cmark $files"
