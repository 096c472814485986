#!/bin/sh
# Installs what pshelp needs to build, test and fuzz on Debian 12.
# wngerman and wswedish: the word lists that split German and Swedish
# compounds in the search index (src/index/index_compound.c).
# A no-op when everything is there; uses sudo when not run as root.
set -eu

packages="gcc libc6-dev meson ninja-build pkg-config python3 git
time libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm cmark
libicu-dev libxml2-dev gettext libgettextpo-dev libedit-dev libjansson-dev libyaml-dev libsqlite3-dev
clang libclang-rt-14-dev llvm libstdc++-12-dev
wngerman wswedish"

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		grep -q '^install ok installed$'; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
	exit 0
fi

echo "setup: installing:$missing" >&2
sudo=""
if [ "$(id -u)" != 0 ]; then
	sudo=sudo
fi
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
	--no-install-recommends $missing >/dev/null
