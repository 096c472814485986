#!/bin/sh
# Benchmark of pshelp pot and pshelp translate for BENCHMARKS.md, against
# po4a 0.69 from Debian (apt-get install po4a), over the 188 en-US pages of
# ../shared/corpus, in one run (the machine is shared; the ratio counts):
#   extract:   pshelp pot over all pages, one process, against
#              po4a-updatepo -f text -o markdown with every page as -m
#   translate: one process per page, each with its own identity catalog
#              (msgen of that tool's template), for both tools
#   tools/bench-l10n.sh [BUILDDIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-release}
shared=../shared
for tool in hyperfine po4a-updatepo po4a-translate msgen; do
	command -v $tool >/dev/null || {
		echo "bench: needs $tool (apt-get install hyperfine po4a gettext)" >&2
		exit 1
	}
done
[ -d "$shared/corpus" ] || { echo "bench: no $shared/corpus" >&2; exit 1; }
sh tools/build.sh "$build" --buildtype=release -Dtests=false
pshelp=$PWD/$build/src/pshelp
en=$(cd "$shared/corpus/en-US/Microsoft.PowerShell.Core" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pages=$(find "$en" -name '*.md' | sort | tr '\n' ' ')
echo "$(echo "$pages" | wc -w) pages"
masters=$(for p in $pages; do printf ' -m %s' "$p"; done)
mkdir -p "$work/mine" "$work/po4a" "$work/out"
for p in $pages; do
	b=$(basename "$p" .md)
	"$pshelp" pot -o "$work/mine/$b.pot" "$p"
	msgen -o "$work/mine/$b.po" "$work/mine/$b.pot"
	po4a-updatepo -f text -o markdown -M UTF-8 -m "$p" \
		-p "$work/po4a/$b.pot" >/dev/null 2>&1
	msgen -o "$work/po4a/$b.po" "$work/po4a/$b.pot" 2>/dev/null
done
cat >"$work/mine.sh" <<EOS
for p in $pages; do b=\$(basename "\$p" .md)
"$pshelp" translate -p "$work/mine/\$b.po" -l en-US -k 0 -o "$work/out/\$b.md" "\$p" 2>/dev/null; done
EOS
cat >"$work/po4a.sh" <<EOS
for p in $pages; do b=\$(basename "\$p" .md)
po4a-translate -f text -o markdown -M UTF-8 -m "\$p" -p "$work/po4a/\$b.po" -l "$work/out/\$b.po4a.md" -k 0 >/dev/null 2>&1; done
EOS
export LC_ALL=C.UTF-8
# shellcheck disable=SC2086
hyperfine -N -i --warmup 1 --runs 10 \
	-n "pshelp pot" "$pshelp pot -o $work/all.pot $en" \
	-n "po4a-updatepo" "po4a-updatepo -f text -o markdown -M UTF-8 $masters -p $work/all-po4a.pot"
# the loops must run: each tool's output is checked once first
sh "$work/mine.sh" && sh "$work/po4a.sh"
[ "$(ls "$work/out" | wc -l)" -eq "$(( $(echo "$pages" | wc -w) * 2 ))" ] || {
	echo "bench: a translate loop wrote too few pages" >&2
	exit 1
}
hyperfine -i --warmup 1 --runs 3 \
	-n "pshelp translate (188 runs)" "sh $work/mine.sh" \
	-n "po4a-translate (188 runs)" "sh $work/po4a.sh"
