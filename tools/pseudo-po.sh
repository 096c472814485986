#!/bin/sh
# Builds the qps-ploc pseudo-locale catalog from the sources:
#   pseudo-po.sh SRCDIR OUT.mo DEST.mo
# Every translation is the English text bracketed and accented, so a test
# can tell a translated heading from a hard-coded one.  Format directives
# (%s, %zu, %1$s) and trailing spaces are kept.
set -eu
src=$1 out=$2 dest=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$src" && xgettext --keyword=_ --keyword=N_ --keyword=Q_:1,2 --from-code=UTF-8 \
	--language=C -o "$tmp/pshelp.pot" $(cat po/POTFILES))
sed -i "s/charset=CHARSET/charset=UTF-8/" "$tmp/pshelp.pot"
msgen -o "$tmp/en.po" "$tmp/pshelp.pot"
# Accent vowels outside format directives, then bracket the whole text.
msgfilter -i "$tmp/en.po" -o "$tmp/qps.po" --keep-header \
	sed -e 's/a/á/g; s/e/é/g; s/o/ó/g; s/u/ú/g; s/A/Å/g; s/E/É/g; s/O/Ö/g; s/U/Ü/g' \
	    -e 's/%\([0-9]*\$\)\{0,1\}\([-+ #0]*[0-9]*\)\(z\{0,1\}\)ú/%\1\2\3u/g' \
	    -e 's/^\(.*[^ ]\)\( *\)$/[\1]\2/'
mkdir -p "$(dirname "$dest")"
msgfmt -o "$out" "$tmp/qps.po"
cp "$out" "$dest"
