#!/bin/sh
# valgrind.sh - the release binary (-O2, no sanitizer: what users run)
# under valgrind memcheck; each run is one TAP test and fails on any
# memcheck error or definite/indirect leak. memcheck's status is 97, not
# 1: scan exits 1 for findings and 2 for input errors, both expected here.
#
# Inputs: every golden package and example (whole pipeline, every rule,
# findings rendered), the input-error paths (a syntax error, a NUL byte,
# nesting past the depth bound, a bad go.mod), `rules` (embedded docs),
# and inspect on every runtime fixture, on series and on truncated
# inputs. Also `make valgrind`.
set -u
BUILD=${BUILD:-build}
REL=${LEAKHOUND_REL:-$BUILD/leakhound}
W=$BUILD/valgrind
n=0
fails=0
rm -rf "$W"
mkdir -p "$W"
trap 'rm -rf "$W"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

vg() { # name args...
	name=$1
	shift
	start=$(date +%s)
	valgrind -q --error-exitcode=97 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
		--log-file="$W/vg.log" "$REL" "$@" >"$W/out" 2>"$W/err"
	st=$?
	secs=$(($(date +%s) - start))
	if [ "$st" -ne 97 ] && [ "$st" -le 2 ] && [ ! -s "$W/vg.log" ]; then
		ok "valgrind: $name (exit $st, ${secs}s)"
	else
		notok "valgrind: $name (exit $st)"
		head -30 "$W/vg.log" | sed 's/^/# /'
	fi
}

if ! command -v valgrind >/dev/null 2>&1; then
	notok "valgrind is not installed (scripts/deps.sh test)"
	echo "1..$n"
	exit 1
fi

for d in tests/golden examples; do
	[ -d "$d" ] && vg "scan $d/... (2 threads)" scan -j2 --tests "$d/..."
done

mkdir -p "$W/bad/sub"
printf 'module bad\n\ngo 1.22\n' >"$W/bad/go.mod"
printf 'package p\n\nfunc F() {}\n' >"$W/bad/ok.go"
printf 'package p\nfunc G( {\n' >"$W/bad/syntax.go"
printf 'package p\nvar s = "\000"\n' >"$W/bad/nul.go"
awk 'BEGIN { printf "package p\nvar x = "; for (i = 0; i < 5000; i++) printf "(";
	printf "1"; for (i = 0; i < 5000; i++) printf ")"; print "" }' >"$W/bad/deep.go"
printf 'modul sub\n' >"$W/bad/sub/go.mod"
printf 'package sub\n' >"$W/bad/sub/s.go"
vg "scan of input errors" scan -j2 "$W/bad/..."
vg "rules (the list)" rules

# every runtime fixture, in one inspect run (dumps, profiles, expvar,
# trace; cpu.pb.gz is refused as the wrong kind: exit 2)
RT=tests/fixtures/runtime
if [ -d "$RT" ]; then
	# shellcheck disable=SC2046
	vg "inspect of every runtime fixture" inspect $(find "$RT" -type f \
		! -name '*.go' ! -name '*.sh' ! -name go.mod ! -name GOVERSION | sort)
	# the diff of two heap snapshots and two goroutine dumps
	[ -f "$RT/go119/heap.3.pb.gz" ] &&
		vg "inspect of a heap series" inspect "$RT"/go119/heap.*.pb.gz
	[ -f "$RT/go119/goroutine.3.debug1.txt" ] &&
		vg "inspect of a goroutine series" inspect "$RT"/go119/goroutine.*.debug1.txt
	head -c 3000 "$RT/go119/goroutine.3.debug2.txt" >"$W/cut.txt"
	head -c 700 "$RT/go119/heap.1.pb.gz" >"$W/cut.pb.gz"
	vg "inspect of truncated inputs" inspect "$W/cut.txt" "$W/cut.pb.gz"
fi

echo "1..$n"
[ "$fails" -eq 0 ]
