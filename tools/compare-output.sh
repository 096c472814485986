#!/bin/sh
# Whole-corpus output comparison of two get-help binaries (before and after
# a change that must not change any output byte): every page of every
# culture of the corpus, looked up by name, -Full, widths 80 and 40, text
# and --json, and once more through LANG=sv_SE.UTF-8 instead of --culture.
# Standard output, standard error and the exit status are all compared.
#   tools/compare-output.sh OLD_GET_HELP NEW_GET_HELP [CORPUS]
# Each binary reads its UI catalogs from BUILDDIR/locale beside it (or from
# $PSHELP_LOCALEDIR when that is set, for both).
# Prints the number of runs compared and every difference; exits 1 when
# any output differs.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 OLD_GET_HELP NEW_GET_HELP [CORPUS]" >&2; exit 2; }
old=$1 new=$2
corpus=${3:-$(dirname "$0")/../../shared/corpus}
[ -d "$corpus" ] || { echo "compare-output: no $corpus" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL= LANGUAGE= PSHELP_PATH=

# One case per line: culture, width, format option, topic name.
for culture_dir in "$corpus"/*/; do
	culture=$(basename "$culture_dir")
	find "$culture_dir" -name '*.md' | sort | while read -r page; do
		name=$(basename "$page" .md)
		for width in 80 40; do
			for format in --format=text --json; do
				echo "$culture $width $format $name"
			done
		done
	done
done >"$work/cases"

run_all() { # BINARY OUTDIR
	mkdir -p "$2"
	locale_dir=${PSHELP_LOCALEDIR:-$(cd "$(dirname "$1")/.." && pwd)/locale}
	[ -d "$locale_dir" ] || { echo "compare-output: no $locale_dir" >&2; exit 2; }
	i=0
	while read -r culture width format name; do
		i=$((i + 1))
		set +e
		PSHELP_LOCALEDIR=$locale_dir LANG=C.UTF-8 "$1" --no-pager --path "$corpus" --culture "$culture" \
			--width "$width" "$format" -Full "$name" >"$2/$i.out" 2>"$2/$i.err"
		echo $? >"$2/$i.rc"
		if [ "$culture" = sv-SE ] && [ "$width" = 80 ]; then
			PSHELP_LOCALEDIR=$locale_dir LANG=sv_SE.UTF-8 "$1" --no-pager --path "$corpus" \
				--width "$width" "$format" -Full "$name" >"$2/$i.lang.out" 2>"$2/$i.lang.err"
			echo $? >"$2/$i.lang.rc"
		fi
		set -e
	done <"$work/cases"
}
run_all "$old" "$work/old"
run_all "$new" "$work/new"
runs=$(find "$work/old" -name '*.rc' | wc -l)
nonempty=$(find "$work/old" -name '*.out' -size +0 | wc -l)
if diff -r "$work/old" "$work/new" >"$work/diff"; then
	echo "compare-output: $runs runs ($nonempty with output), all identical"
else
	echo "compare-output: $runs runs, differences:"
	head -200 "$work/diff"
	exit 1
fi
