#!/bin/sh
# Configures (once) and builds pshelp in ./build with the system compiler.
#   tools/build.sh [BUILDDIR [meson setup options...]]
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build}
[ $# -gt 0 ] && shift
if [ ! -f "$dir/build.ninja" ]; then
	log=$(mktemp)
	if ! meson setup "$dir" "$@" >"$log" 2>&1; then
		cat "$log" >&2
		rm -f "$log"
		exit 1
	fi
	rm -f "$log"
fi
ninja -C "$dir" >/dev/null
