#!/bin/sh
# The project's localized help pages, written from help/po/CULTURE.po by
# pshelp translate (meson runs this; see help/meson.build):
#   help-l10n.sh build PSHELP SRC_HELP OUT_HELP STAMP   write OUT_HELP/CULTURE/*.md
#   help-l10n.sh install OUT_HELP DATADIR              copy them under DESTDIR
#   help-l10n.sh pot PSHELP SRC_HELP                   refresh help/po/pshelp-help.pot
#   help-l10n.sh update-po PSHELP SRC_HELP             the pot, then msgmerge each .po
set -eu
cultures() {
	sed -e 's/#.*//' "$1/po/LINGUAS" | tr -s ' \t' '\n' | sed '/^$/d'
}
case $1 in
build)
	pshelp=$2 src=$3 out=$4 stamp=$5
	for c in $(cultures "$src"); do
		mkdir -p "$out/$c"
		for page in "$src"/en-US/*.md; do
			name=$(basename "$page")
			# Every page is written: one below the threshold keeps its
			# English where it lacks a translation (-k 0).
			"$pshelp" translate -p "$src/po/$c.po" -l "$c" -k 0 \
				-o "$out/$c/$name" "$page" 2>"$out/$c/.log" || {
				cat "$out/$c/.log" >&2
				exit 1
			}
		done
		rm -f "$out/$c/.log"
	done
	: >"$stamp"
	;;
install)
	out=$2 datadir=$3
	for dir in "$out"/*/; do
		[ -d "$dir" ] || continue
		dest="${DESTDIR:-}$datadir/$(basename "$dir")"
		mkdir -p "$dest"
		cp "$dir"*.md "$dest/"
	done
	;;
pot)
	# from the help folder, so that references read en-US/PAGE.md:LINE
	(cd "$3" && "$2" pot -o po/pshelp-help.pot en-US)
	;;
update-po)
	(cd "$3" && "$2" pot -o po/pshelp-help.pot en-US)
	for c in $(cultures "$3"); do
		msgmerge --quiet --update --backup=none "$3/po/$c.po" \
			"$3/po/pshelp-help.pot"
	done
	;;
*)
	echo "help-l10n.sh: unknown step '$1'" >&2
	exit 2
	;;
esac
