#!/bin/sh
# ps.sh - `leakhound ps` finds Go processes, their version from the ELF
# build info and their pprof endpoint (TAP). A Go 1.19 program built here,
# and the npm esbuild binary (built with a current Go) when npm can fetch it.
set -u
BUILD=${BUILD:-build}
LH=${LEAKHOUND:-$BUILD/asan/leakhound}
. tests/e2e/lib.sh

if ! e2e_build >"$E2E_TMP/build.log" 2>&1; then
	notok "build the Go test programs"
	sed 's/^/# /' "$E2E_TMP/build.log" | head -20
	e2e_done
	exit 1
fi
ok "build the Go test programs"

e2e_start pprofdemo && ok "pprofdemo started" || notok "pprofdemo started"
demo=$E2E_PID
"$LH" ps >"$E2E_TMP/ps" 2>"$E2E_TMP/ps.err"
st=$?
[ $st -eq 0 ] && ok "ps exits 0" || notok "ps exits 0 (got $st)"
line=$(awk -v p="$demo" '$1 == p' "$E2E_TMP/ps")
echo "# $line"
gov=$(go version | awk '{print $3}')
echo "$line" | grep -q " $gov " && ok "ps reads the Go version ($gov)" ||
	notok "ps reads the Go version ($gov)"
echo "$line" | grep -q " lhe2e " && ok "ps reads the module path" ||
	notok "ps reads the module path"
echo "$line" | grep -q "http://127.0.0.1:$E2E_PORT\$" &&
	ok "ps finds the pprof endpoint" || notok "ps finds the pprof endpoint"
"$LH" ps --no-probe >"$E2E_TMP/ps2" 2>&1
awk -v p="$demo" '$1 == p' "$E2E_TMP/ps2" | grep -q ' -$' &&
	ok "ps --no-probe does not connect" || notok "ps --no-probe does not connect"
head -1 "$E2E_TMP/ps" | grep -q "PID.*GO.*UPTIME.*RSS.*THREADS.*FDS.*MODULE.*PPROF" &&
	ok "ps header" || notok "ps header"
# the same program without its .go.buildinfo section: recovered from data
if command -v objcopy >/dev/null 2>&1; then
	objcopy --remove-section .go.buildinfo "$E2E_BIN/pprofdemo" "$E2E_TMP/stripped"
	LH_E2E_LIFETIME=60 "$E2E_TMP/stripped" >"$E2E_TMP/stripped.out" 2>&1 &
	spid=$!
	sleep 0.5
	E2E_PIDS="$E2E_PIDS $spid"
	"$LH" ps --no-probe >"$E2E_TMP/ps4" 2>&1
	line=$(awk -v p="$spid" '$1 == p' "$E2E_TMP/ps4")
	echo "# $line"
	echo "$line" | grep -q " $gov .* lhe2e " &&
		ok "ps reads a Go binary without .go.buildinfo" ||
		notok "ps reads a Go binary without .go.buildinfo"
fi
"$LH" ps --timeout 0 >/dev/null 2>&1
[ $? -eq 2 ] && ok "ps: bad --timeout is a usage error" ||
	notok "ps: bad --timeout is a usage error"

# A current-Go binary: esbuild from the npm registry, pinned.
ESB_VER=0.28.2
esb_dir="$BUILD/esbuild-$ESB_VER"
esb="$esb_dir/node_modules/@esbuild/linux-x64/bin/esbuild"
if [ ! -x "$esb" ] && command -v npm >/dev/null 2>&1; then
	mkdir -p "$esb_dir"
	timeout 120 npm install --silent --no-audit --no-fund --prefix "$esb_dir" \
		"esbuild@$ESB_VER" >"$E2E_TMP/npm.log" 2>&1
fi
if [ -x "$esb" ] && [ "$(uname -m)" = x86_64 ]; then
	# esbuild's release binary has no .go.buildinfo section: the version
	# string is still in it once (what Go's runtime.Version() returns)
	want=$(grep -ao 'go1\.[0-9][0-9]*\.[0-9][0-9]*' "$esb" | sort -u)
	[ "$(echo "$want" | wc -l)" -eq 1 ] || want=""
	mkdir -p "$E2E_TMP/www"
	# esbuild serves until its stdin closes: keep a pipe open
	mkfifo "$E2E_TMP/esb.in"
	"$esb" --serve=127.0.0.1:0 --servedir="$E2E_TMP/www" <"$E2E_TMP/esb.in" \
		>"$E2E_TMP/esb.out" 2>&1 &
	epid=$!
	E2E_PIDS="$E2E_PIDS $epid"
	exec 9>"$E2E_TMP/esb.in"
	sleep 1
	"$LH" ps >"$E2E_TMP/ps3" 2>&1
	line=$(awk -v p="$epid" '$1 == p' "$E2E_TMP/ps3")
	echo "# $line (go version says $want)"
	[ -n "$want" ] && echo "$line" | grep -q " $want " &&
		ok "ps reads a current Go's build info (esbuild, $want)" ||
		notok "ps reads a current Go's build info (esbuild, $want)"
	echo "$line" | grep -q "github.com/evanw/esbuild" &&
		ok "ps reads esbuild's module path" || notok "ps reads esbuild's module path"
	echo "$line" | grep -q ' -$' &&
		ok "esbuild's HTTP server is not taken for pprof" ||
		notok "esbuild's HTTP server is not taken for pprof"
	exec 9>&-
else
	echo "# esbuild@$ESB_VER not installable here (npm):"
	sed 's/^/#   /' "$E2E_TMP/npm.log" 2>/dev/null | head -5
	notok "esbuild binary available for the current-Go check"
fi
e2e_done
