#!/bin/sh
# watch_cost.sh - what `leakhound watch` at default settings costs the
# process it watches: the target's CPU time (utime + stime from
# /proc/PID/stat) per second of wall time, idle then watched, on a mostly
# idle Go 1.19 service with 1000 parked goroutines (20 stacks) and a 64 MiB
# heap over 100 allocation sites (tests/e2e/go/benchtarget).
#
# usage: bench/watch_cost.sh [SECONDS]   (default 60 per phase)
# Prints one line per phase and the cost in % of one CPU.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
LH=${LH:-$BUILD/leakhound}
SECS=${1:-60}
. tests/e2e/lib.sh
e2e_build >/dev/null
[ -x "$LH" ] || { echo "build leakhound first (make)"; exit 2; }

hz=$(getconf CLK_TCK)
cpu() { # utime+stime of pid, in clock ticks
	awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

LH_E2E_LIFETIME=$((SECS * 3 + 60)) e2e_start benchtarget
pid=$E2E_PID
sleep 5 # let it settle
c0=$(cpu "$pid")
sleep "$SECS"
c1=$(cpu "$pid")
"$LH" watch -d "$SECS" "http://127.0.0.1:$E2E_PORT" >"$E2E_TMP/w.out" \
	2>"$E2E_TMP/w.err" </dev/null &
wpid=$!
E2E_PIDS="$E2E_PIDS $wpid"
c2=$(cpu "$pid")
wait "$wpid" || true
c3=$(cpu "$pid")
awk -v a="$c0" -v b="$c1" -v c="$c2" -v d="$c3" -v s="$SECS" -v hz="$hz" 'BEGIN {
	idle = (b - a) / hz / s * 100
	watched = (d - c) / hz / s * 100
	printf "target CPU idle:    %.2f %% of one core (%d s)\n", idle, s
	printf "target CPU watched: %.2f %% of one core (%d s, default settings)\n", watched, s
	printf "cost of watching:   %.2f %% of one core\n", watched - idle
}'
grep -c '' "$E2E_TMP/w.out" >/dev/null
tail -1 "$E2E_TMP/w.out"
