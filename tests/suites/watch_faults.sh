#!/bin/sh
# watch_faults.sh - `leakhound watch` when targets misbehave (TAP): the
# target restarts, its process exits, its endpoint disappears, answers
# slowly, hangs, or answers garbage. Each fault is one line on stderr, the
# series are kept, watching goes on; no target left ends with exit 2.
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

# watch NAME ARGS...: runs leakhound watch in the background
watch() {
	wname=$1
	shift
	(timeout 60 "$LH" watch "$@" </dev/null >"$E2E_TMP/$wname.out" \
		2>"$E2E_TMP/$wname.err"
	 echo $? >"$E2E_TMP/$wname.rc") &
	E2E_PIDS="$E2E_PIDS $!"
}

# 1. restart behind the same URL
e2e_start chanleak
restart_pid=$E2E_PID
restart_port=$E2E_PORT
watch restart -d 16 "http://127.0.0.1:$restart_port"
# 2. a --pid target whose process exits
e2e_start fileleak
exit_pid=$E2E_PID
watch exited -d 30 --pid "$exit_pid"
# 3. a URL target that disappears for good
e2e_start pprofdemo
gone_pid=$E2E_PID
watch gone -d 30 --give-up 3 "http://127.0.0.1:$E2E_PORT"
# 4-7. endpoints that misbehave
for mode in slow hang garbage html; do
	LH_E2E_MODE=$mode e2e_start fakepprof
	watch "$mode" -d 6 --timeout 1000 "http://127.0.0.1:$E2E_PORT"
done

# 8. the live view, forced on (stderr is not a terminal here)
e2e_start pprofdemo
watch live -d 4 --live always "http://127.0.0.1:$E2E_PORT"

sleep 4
kill -KILL "$restart_pid" "$exit_pid" "$gone_pid" 2>/dev/null
sleep 1
LH_E2E_PORT=$restart_port e2e_start chanleak ||
	echo "# could not restart on port $restart_port"

i=0
while [ $i -lt 40 ]; do
	done_all=1
	for w in restart exited gone slow hang garbage html live; do
		[ -f "$E2E_TMP/$w.rc" ] || done_all=0
	done
	[ $done_all -eq 1 ] && break
	sleep 1
	i=$((i + 1))
done

rc() { cat "$E2E_TMP/$1.rc" 2>/dev/null || echo none; }
lines() { grep -c "$2" "$E2E_TMP/$1.err" 2>/dev/null || echo 0; }
show() { sed 's/^/#   /' "$E2E_TMP/$1.err" | head -8; }

[ "$(lines restart 'exited')" -eq 1 ] && [ "$(lines restart 'restarted')" -eq 1 ] &&
	ok "restart: one line for the exit, one for the restart" ||
	{ notok "restart: one line for the exit, one for the restart"; show restart; }
grep -q "endpoint answers again" "$E2E_TMP/restart.err" &&
	[ "$(rc restart)" -le 1 ] &&
	ok "restart: watching goes on (exit $(rc restart))" ||
	{ notok "restart: watching goes on (exit $(rc restart))"; show restart; }

[ "$(rc exited)" = 2 ] && [ "$(lines exited "process $exit_pid exited")" -eq 1 ] &&
	grep -q "no target left" "$E2E_TMP/exited.err" &&
	ok "pid target exits: one line, exit 2" ||
	{ notok "pid target exits: one line, exit 2 (exit $(rc exited))"; show exited; }

[ "$(rc gone)" = 2 ] && grep -q "target dropped" "$E2E_TMP/gone.err" &&
	ok "endpoint gone for good: dropped after --give-up, exit 2" ||
	{ notok "endpoint gone for good: dropped, exit 2 (exit $(rc gone))"; show gone; }

check_fault() { # name pattern
	n_err=$(lines "$1" "$2")
	if [ "$(rc "$1")" = 0 ] && [ "$n_err" -eq 1 ]; then
		ok "$1 endpoint: one line ('$2'), watching went on"
	else
		notok "$1 endpoint: one line ('$2'), watching went on (exit $(rc "$1"), $n_err lines)"
		show "$1"
	fi
}
check_fault slow "no complete answer within 1000 ms"
check_fault hang "no complete answer within 1000 ms"
check_fault garbage "goroutine profile: "
check_fault html "goroutine profile: "
for w in slow hang garbage html; do
	[ "$(wc -l <"$E2E_TMP/$w.err")" -le 4 ] && ok "$w: stderr stays short" ||
		{ notok "$w: stderr stays short"; show "$w"; }
done
# the live view redraws in place: cursor home + clear, sparklines, rows
esc=$(printf '\033')
[ "$(grep -c "${esc}\[H${esc}\[J" "$E2E_TMP/live.err")" -ge 2 ] &&
	grep -q 'goroutines  *[▁▂▃▄▅▆▇█]' "$E2E_TMP/live.err" &&
	grep -q 'waiting for the first verdict' "$E2E_TMP/live.err" &&
	ok "live view: redrawn in place, sparklines, progress to the first verdict" ||
	{ notok "live view: redrawn in place, sparklines, progress"; head -c 600 "$E2E_TMP/live.err" | cat -v | sed 's/^/#   /'; }
e2e_done
