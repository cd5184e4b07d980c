# lib.sh - shared by the e2e TAP suites (sourced): building the Go programs
# once, starting them with a bounded lifetime, TAP output, and killing every
# child on exit, failure included.
#
# Needs: BUILD, LH (the leakhound binary). Go programs live in
# tests/e2e/go (one module, standard library only, Go 1.19) and are built
# into $BUILD/e2e/bin by one `go build` (its cache under $BUILD/e2e).

E2E_BIN="$BUILD/e2e/bin"
n=0
fails=0
E2E_PIDS=""
E2E_SEQ=0
E2E_TMP=$(mktemp -d)

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

e2e_cleanup() {
	for p in $E2E_PIDS; do
		kill -KILL "$p" 2>/dev/null
	done
	wait 2>/dev/null
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM HUP

# Builds every program of tests/e2e/go (incremental through the Go cache).
e2e_build() {
	mkdir -p "$E2E_BIN" "$BUILD/e2e/gocache" "$BUILD/e2e/gopath"
	root=$(pwd)
	(cd tests/e2e/go &&
		GOFLAGS=-buildvcs=false GO111MODULE=on GOPROXY=off \
		GOCACHE="$root/$BUILD/e2e/gocache" GOPATH="$root/$BUILD/e2e/gopath" \
		timeout 300 go build -o "$root/$E2E_BIN/" ./...)
}

# e2e_start NAME [ARGS...]: starts program NAME in the background, waits
# (at most 10 s) for its "PORT n" line. Sets E2E_PID and E2E_PORT.
e2e_start() {
	e2e_name=$1
	shift
	E2E_SEQ=$((E2E_SEQ + 1))
	e2e_out="$E2E_TMP/$e2e_name.$E2E_SEQ.prog"
	LH_E2E_LIFETIME=${LH_E2E_LIFETIME:-240} "$E2E_BIN/$e2e_name" "$@" >"$e2e_out" 2>&1 </dev/null &
	E2E_PID=$!
	E2E_PIDS="$E2E_PIDS $E2E_PID"
	E2E_PORT=""
	e2e_i=0
	while [ $e2e_i -lt 100 ]; do
		E2E_PORT=$(sed -n 's/^PORT \([0-9]*\)$/\1/p' "$e2e_out" 2>/dev/null | head -1)
		[ -n "$E2E_PORT" ] && return 0
		kill -0 "$E2E_PID" 2>/dev/null || break
		sleep 0.1
		e2e_i=$((e2e_i + 1))
	done
	echo "# $e2e_name did not print its port:" && sed 's/^/#   /' "$e2e_out" | head -5
	return 1
}

e2e_done() {
	echo "1..$n"
	[ "$fails" -eq 0 ]
}
