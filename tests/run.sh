#!/bin/sh
# run.sh - the whole test suite, run by `make test` on the sanitizer build.
#
# Every suite is an executable that exits 0 on success; each one counts as
# one or more tests. Suites:
#   build/asan/tests/test_*      cmocka unit tests (one test per cmocka case)
#   tests/suites/*.sh            shell suites (golden runner, CLI, e2e...);
#                                each prints "ok N - name" / "not ok N - name"
#                                lines (TAP), each line a test
# The last line is the plain "N passed, N failed" summary.
set -u
BUILD=${BUILD:-build}
export BUILD
export LEAKHOUND="$BUILD/asan/leakhound"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="${LSAN_OPTIONS:-}"

passed=0
failed=0
failures=""
log="$BUILD/test-logs"
rm -rf "$log"
mkdir -p "$log"

count_tap() { # name logfile status
	p=$(grep -c '^ok ' "$2" || true)
	f=$(grep -c '^not ok ' "$2" || true)
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		if [ "$3" -eq 0 ]; then p=1; else f=1; fi
	elif [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # the suite died after its last test line
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		failures="$failures $1"
		grep '^not ok ' "$2" | head -20
	fi
}

for t in "$BUILD"/asan/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	out="$log/$name.log"
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$out" 2>&1
	st=$?
	count_tap "$name" "$out" "$st"
	printf '%-40s %s\n' "$name" "$([ $st -eq 0 ] && echo ok || echo FAILED)"
	[ $st -eq 0 ] || tail -30 "$out"
done

for s in tests/suites/*.sh; do
	[ -f "$s" ] || continue
	name=$(basename "$s" .sh)
	out="$log/$name.log"
	sh "$s" >"$out" 2>&1
	st=$?
	count_tap "$name" "$out" "$st"
	printf '%-40s %s\n' "$name" "$([ $st -eq 0 ] && echo ok || echo FAILED)"
	[ $st -eq 0 ] || tail -40 "$out"
done

[ -n "$failures" ] && echo "failed suites:$failures (logs in $log/)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
