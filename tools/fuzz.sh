#!/bin/sh
# Runs each libFuzzer target for a while (default 60 s each):
#   tools/fuzz.sh [SECONDS [TARGET...]]
# Builds build-fuzz with clang, ASan and UBSan.  New inputs that raise
# coverage are kept in build-fuzz/corpus-<target>; crashes are written to
# fuzz/artifacts/.  A crash becomes a regression test by minimizing it
# (fuzz_<target> -minimize_crash=1 FILE) and adding it to
# fuzz/crashes/<target>/, which every build replays.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-page frontmatter yaml textwrap psh wire wire_roundtrip eval repl metadata baseline validate l10n wildcard options render culture casefold gethelp computers endpoint client_frames}
CC=clang sh tools/build.sh build-fuzz -Dfuzzing=true \
	-Db_sanitize=address,undefined -Db_lundef=false -Darena_debug=true
mkdir -p fuzz/artifacts
for t in $targets; do
	mkdir -p "build-fuzz/corpus-$t"
	echo "fuzz: $t for ${seconds}s" >&2
	"build-fuzz/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len=65536 \
		-timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
		-artifact_prefix=fuzz/artifacts/"$t"- \
		"build-fuzz/corpus-$t" "fuzz/corpus/$t" "fuzz/crashes/$t"
done
