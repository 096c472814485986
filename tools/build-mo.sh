#!/bin/sh
# Compiles a catalog for the test tree: build-mo.sh IN.po OUT.mo DEST.mo
# (OUT is the file meson tracks; DEST is where gettext looks for it).
set -eu
mkdir -p "$(dirname "$3")"
msgfmt --check -o "$2" "$1"
cp "$2" "$3"
