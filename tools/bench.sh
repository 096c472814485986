#!/bin/sh
# Benchmarks for BENCHMARKS.md (needs ../shared/corpus and hyperfine):
#   1. get-help Exit-PSSession -Full, whole corpus as help root, vs bare
#      cmark and cmark-gfm on the same page;
#   2. parse + render all 376 pages in one process vs cmark over the same files;
#   3. peak memory (max RSS) of get-help for one topic.
#   tools/bench.sh [BUILDDIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-release}
corpus=../shared/corpus
page=$corpus/en-US/Microsoft.PowerShell.Core/Exit-PSSession.md
command -v hyperfine >/dev/null || { echo "bench: apt-get install hyperfine" >&2; exit 1; }
[ -d "$corpus" ] || { echo "bench: no $corpus" >&2; exit 1; }
sh tools/build.sh "$build" --buildtype=release -Dtests=false
gh=$build/src/get-help
export LC_ALL=C.UTF-8 PSHELP_LOCALEDIR="$PWD/$build/locale"

echo "== 1. one topic (Exit-PSSession -Full, en-US) =="
hyperfine -N --warmup 20 --runs 300 --export-markdown /tmp/bench1.md \
	"$gh --path $corpus --culture en-US --width 80 Exit-PSSession -Full" \
	"$gh --path $corpus --culture sv-SE --width 80 Exit-PSSession -Full" \
	"cmark $page" "cmark-gfm $page" 2>&1 | grep -v '^ *$'

echo "== 2. all pages: parse + render -Full vs cmark =="
files=$(find "$corpus" -name '*.md' | sort)
echo "$files" | wc -l
# shellcheck disable=SC2086
hyperfine -N --warmup 3 --runs 20 --export-markdown /tmp/bench2.md \
	"$build/src/bench-render-pages $(echo $files)" \
	"cmark $(echo $files)" "cmark-gfm $(echo $files)" 2>&1 | grep -v '^ *$'

echo "== 3. peak memory, one topic =="
python3 - "$gh" "$corpus" <<'PY'
import os, subprocess, sys
gh, corpus = sys.argv[1], sys.argv[2]
for args in (["--culture", "en-US", "Exit-PSSession", "-Full"],
             ["--culture", "sv-SE", "Invoke-Command", "-Full"],
             ["--culture", "en-US", "about_Preference_Variables"]):
    p = subprocess.Popen([gh, "--path", corpus, "--width", "80"] + args,
                         stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    print(f"{' '.join(args)}: exit {status >> 8}, max RSS {usage.ru_maxrss / 1024:.1f} MiB")
PY
