#!/bin/sh
# e2e.sh - `leakhound watch` on real Go programs (TAP): one leaking program
# per class that shows at runtime, each found and classified within 30 s
# at default settings, and healthy twins (fixed versions, a worker pool, a
# bounded cache, a sawtooth heap, ...) on which nothing is reported. All
# programs and watchers run in parallel; every child is killed at the end.
set -u
BUILD=${BUILD:-build}
LH=${LEAKHOUND:-$BUILD/asan/leakhound}
. tests/e2e/lib.sh

DURATION=${E2E_DURATION:-30}

if ! e2e_build >"$E2E_TMP/build.log" 2>&1; then
	notok "build the Go test programs"
	sed 's/^/# /' "$E2E_TMP/build.log" | head -20
	e2e_done
	exit 1
fi
ok "build the Go test programs"

# program  how-to-watch  expected rule class ("-" = nothing reported)
cat >"$E2E_TMP/table" <<'TABLE'
chanleak      url  goroutine
mutexleak     pid  goroutine
globalmap     url  global
globalslice   url  global
subslice      url  subslice
fileleak      pid  resource
httpbody      url  resource
poolleak      url  pool
tickerleak    url  timer
fdsonly       pid  resource
chanfixed     url  -
filefixed     pid  -
httpfixed     url  -
tickerfixed   url  -
workerpool    url  -
boundedcache  url  -
noisycache    url  global
service       url  -
sawtooth      url  -
TABLE

# start every program, then every watcher
while read -r name how want; do
	prog=$name
	# fdsonly: fileleak without a pprof endpoint (watched from /proc alone)
	if [ "$name" = fdsonly ]; then
		prog=fileleak
		export LH_E2E_NOPPROF=1
	else
		unset LH_E2E_NOPPROF
	fi
	if ! e2e_start "$prog"; then
		notok "$name: started"
		continue
	fi
	echo "$name $E2E_PID $E2E_PORT" >>"$E2E_TMP/started"
done <"$E2E_TMP/table"

while read -r name pid port; do
	how=$(awk -v n="$name" '$1 == n {print $2}' "$E2E_TMP/table")
	if [ "$how" = pid ]; then
		target="--pid $pid"
	else
		target="http://127.0.0.1:$port"
	fi
	# shellcheck disable=SC2086
	(timeout $((DURATION + 60)) "$LH" watch -d "$DURATION" --fail-on-leak </dev/null \
		--src tests/e2e/go $target >"$E2E_TMP/$name.out" 2>"$E2E_TMP/$name.err"
	 echo $? >"$E2E_TMP/$name.rc") &
	E2E_PIDS="$E2E_PIDS $!"
done <"$E2E_TMP/started"
echo "# started: $(awk '{print $1}' "$E2E_TMP/started" | tr "\n" " ")"
wait_for=$((DURATION + 70))
while [ $wait_for -gt 0 ]; do
	missing=0
	while read -r name pid port; do
		[ -f "$E2E_TMP/$name.rc" ] || missing=1
	done <"$E2E_TMP/started"
	[ $missing -eq 0 ] && break
	sleep 1
	wait_for=$((wait_for - 1))
done

while read -r name how want; do
	rc=$(cat "$E2E_TMP/$name.rc" 2>/dev/null || echo none)
	out="$E2E_TMP/$name.out"
	if [ "$want" = "-" ]; then
		if [ "$rc" = 0 ] && grep -q "^leakhound: 0 findings" "$out" 2>/dev/null; then
			ok "$name: healthy, nothing reported"
		else
			notok "$name: healthy, nothing reported (exit $rc)"
			sed 's/^/#   /' "$out" "$E2E_TMP/$name.err" 2>/dev/null | head -12
		fi
		continue
	fi
	if [ "$rc" = 1 ] && grep -q "^[^ ].*: LH[0-9][0-9]* .*\[$want," "$out"; then
		ok "$name: $want leak found and classified ($(grep -o 'LH[0-9]*' "$out" | head -1))"
	else
		notok "$name: $want leak found and classified (exit $rc)"
		sed 's/^/#   /' "$out" "$E2E_TMP/$name.err" 2>/dev/null | head -12
	fi
	# the location is the program's own line, with the fix advice
	case $name in fileleak|fdsonly|httpbody) ;; *)
		grep -q "^tests/e2e/go/$name/main.go:[0-9]*: LH" "$out" &&
			grep -q "fix: " "$out" &&
			ok "$name: first user frame and fix advice" ||
			notok "$name: first user frame and fix advice"
	esac
done <"$E2E_TMP/table"

# --src: the static rules agree where they can see the leak
for name in chanleak mutexleak globalmap globalslice tickerleak; do
	grep -q "path: .*confirmed by LH[0-9]* at tests/e2e/go/$name/main.go:" "$E2E_TMP/$name.out" &&
		ok "$name: confirmed by the static rules (--src)" ||
		notok "$name: confirmed by the static rules (--src)"
done
grep -q "path: .*candidate: LH702 at tests/e2e/go/httpbody/main.go:13" "$E2E_TMP/httpbody.out" &&
	ok "httpbody: the unclosed body is named as the candidate (--src)" ||
	{ notok "httpbody: the unclosed body is named as the candidate (--src)"
	  sed 's/^/#   /' "$E2E_TMP/httpbody.out" | head -12; }

# no user frame in their stacks: located where they wait (fds have no
# stack: they are placed at a heap site that opens files when the heap
# profile sampled one, test_watch.c; fileleak's files are too small to be
# sampled)
grep -q "^[^ ]*net/http/transport.go:[0-9]*: LH791" "$E2E_TMP/httpbody.out" &&
	ok "httpbody: located where the connections wait (no user frame)" ||
	{ notok "httpbody: located where the connections wait (no user frame)"
	  sed 's/^/#   /' "$E2E_TMP/httpbody.out" | head -12; }
# at the default MemProfileRate the bounded cache next to the leak is a few
# sampled objects whose estimate jumps at random: only the leak is reported
cache_line=$(grep -n "bounded: evicted below" tests/e2e/go/noisycache/main.go | cut -d: -f1)
leak_line=$(grep -n "never trimmed" tests/e2e/go/noisycache/main.go | cut -d: -f1)
if grep -q "^tests/e2e/go/noisycache/main.go:$leak_line: LH" "$E2E_TMP/noisycache.out" &&
	! grep -q "^tests/e2e/go/noisycache/main.go:$cache_line: LH" "$E2E_TMP/noisycache.out" &&
	[ "$(grep -c '^[^ ].*: LH[0-9]' "$E2E_TMP/noisycache.out")" = 1 ]; then
	ok "noisycache: the leak reported, not the noisy bounded cache beside it"
else
	notok "noisycache: the leak reported, not the noisy bounded cache beside it"
	sed 's/^/#   /' "$E2E_TMP/noisycache.out" | head -12
fi
grep -q "watching from /proc alone" "$E2E_TMP/fdsonly.err" &&
	ok "fdsonly: no endpoint, watched from /proc alone" ||
	notok "fdsonly: no endpoint, watched from /proc alone"
e2e_done
