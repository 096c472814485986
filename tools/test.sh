#!/bin/sh
# Builds pshelp twice and runs the whole test suite in both builds:
#   build       the system compiler (gcc), as users build it
#   build-asan  clang with AddressSanitizer + UndefinedBehaviorSanitizer,
#               one malloc per arena allocation (so ASan sees every block)
# Ends with "N passed, N failed, N skipped" computed from meson's test logs
# and exits non-zero if any test failed.
set -u
cd "$(dirname "$0")/.."

# CI (and anyone who sets PSHELP_WERROR=true) builds with -Dwerror=true;
# a user's newer compiler may warn where ours does not.
werror=
if [ "${PSHELP_WERROR:-}" = true ]; then
	werror=-Dwerror=true
fi

status=0
run_suite() {
	dir=$1
	shift
	if ! sh tools/build.sh "$dir" "$@"; then
		echo "test: build in $dir failed" >&2
		ninja -C "$dir" 2>&1 | tail -40 >&2
		status=1
		return
	fi
	meson test -C "$dir" --print-errorlogs --num-processes 2 \
		>"$dir/test-output.txt" 2>&1 || status=1
	tail -n 12 "$dir/test-output.txt"
}

run_suite build $werror
ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1} \
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tools/lsan.supp} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
CC=clang run_suite build-asan -Db_sanitize=address,undefined \
	-Db_lundef=false -Darena_debug=true -Dc_args=-fno-sanitize-recover=all $werror

python3 tools/test-summary.py build/meson-logs/testlog.json \
	build-asan/meson-logs/testlog.json || status=1
exit $status
