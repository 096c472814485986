#!/bin/sh
# Benchmarks for BENCHMARKS.md (needs ../shared/corpus and hyperfine):
#   1. get-help Exit-PSSession -Full, whole corpus as help root, against
#      bare cmark and cmark-gfm on the same page;
#   2. parse + render -Full of all 376 pages in one process, against cmark
#      over the same files;
#   3. peak memory (max RSS) of get-help for one topic;
#   4. instruction counts (callgrind), which a busy machine does not skew.
#   tools/bench.sh [BUILDDIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-release}
corpus=../shared/corpus
page=$corpus/en-US/Microsoft.PowerShell.Core/Exit-PSSession.md
command -v hyperfine >/dev/null || { echo "bench: apt-get install hyperfine" >&2; exit 1; }
[ -d "$corpus" ] || { echo "bench: no $corpus" >&2; exit 1; }
sh tools/build.sh "$build" --buildtype=release -Dtests=false
gh="$build/src/get-help --path $corpus --width 80"
export LC_ALL=C.UTF-8 PSHELP_LOCALEDIR="$PWD/$build/locale"

echo "== 1. one topic: Exit-PSSession -Full =="
hyperfine -N --warmup 30 --runs 500 \
	-n "get-help en-US" "$gh --culture en-US Exit-PSSession -Full" \
	-n "get-help sv-SE" "$gh --culture sv-SE Exit-PSSession -Full" \
	-n "cmark" "cmark $page" -n "cmark-gfm" "cmark-gfm $page"

echo "== 2. all pages: parse + render -Full, against cmark =="
files=$(find "$corpus" -name '*.md' ! -name SOURCES.md | sort | tr '\n' ' ')
echo "$files" | wc -w
hyperfine -N --warmup 3 --runs 30 \
	-n "get-help engine, all pages" "$build/src/bench-render-pages $files" \
	-n "cmark, all pages" "cmark $files" \
	-n "cmark-gfm, all pages" "cmark-gfm $files"

echo "== 3. peak memory (KiB) =="
for args in "--culture en-US Exit-PSSession -Full" \
	"--culture sv-SE Invoke-Command -Full" \
	"--culture en-US about_Preference_Variables"; do
	# shellcheck disable=SC2086
	kib=$("$build/src/maxrss" $gh $args 2>&1 >/dev/null)
	echo "get-help $args: $kib KiB"
done
echo "cmark Exit-PSSession.md: $("$build/src/maxrss" cmark "$page" 2>&1 >/dev/null) KiB"
echo "/bin/true: $("$build/src/maxrss" /bin/true 2>&1 >/dev/null) KiB"

if command -v valgrind >/dev/null; then
	echo "== 4. instructions (callgrind) =="
	for cmd in "$gh --culture en-US Exit-PSSession -Full" "cmark $page"; do
		# shellcheck disable=SC2086
		n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
			$cmd 2>&1 >/dev/null | sed -n 's/.*refs: *//p')
		echo "$cmd: $n"
	done
fi
