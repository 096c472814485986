#!/bin/sh
# psh figures for BENCHMARKS.md (needs hyperfine):
#   1. start-up: psh -c 'Get-PSSession' (no sessions: start, bind, run);
#   2. Enter-PSSession + Exit-PSSession round trip: one psh process runs
#      N round trips to a temporary session (each spawns an endpoint,
#      connects, closes it); the per-trip time is (that - the same process
#      with one Get-PSSession) / N.  Goal: <= 20 ms.
#   tools/bench-psh.sh [BUILDDIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-release}
n=50
command -v hyperfine >/dev/null || { echo "bench: apt-get install hyperfine" >&2; exit 1; }
[ -x "$build/src/psh" ] || sh tools/build.sh "$build" --buildtype=release -Dtests=false
case $build in /*) psh="$build/src/psh" ;; *) psh="$PWD/$build/src/psh" ;; esac
rt=$(mktemp -d)
trap 'rm -rf "$rt"' EXIT
chmod 700 "$rt"
export XDG_RUNTIME_DIR="$rt" XDG_CONFIG_HOME="$rt" LC_ALL=C.UTF-8

trips=""
i=0
while [ $i -lt $n ]; do
	trips="${trips}Enter-PSSession Server01; Exit-PSSession; "
	i=$((i + 1))
done

json="$rt/bench.json"
hyperfine -N --warmup 5 --runs 30 --export-json "$json" \
	-n "start-up: psh -c Get-PSSession" "$psh -c Get-PSSession" \
	-n "$n round trips" "$psh --endpoint Server01 -c '$trips'" \
	-n "1 round trip (with start-up)" \
	"$psh --endpoint Server01 -c 'Enter-PSSession Server01; Exit-PSSession'"

python3 - "$json" "$n" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
n = int(sys.argv[2])
start = r["start-up: psh -c Get-PSSession"]["mean"]
trips = r["%d round trips" % n]["mean"]
print("start-up: %.1f ms" % (start * 1e3))
print("Enter-PSSession + Exit-PSSession round trip: %.2f ms (goal <= 20 ms)"
      % ((trips - start) / n * 1e3))
PY
[ -z "$(ls -A "$rt/psh" 2>/dev/null)" ] || { echo "bench: endpoints left behind" >&2; exit 1; }
