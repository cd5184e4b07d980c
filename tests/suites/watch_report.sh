#!/bin/sh
# watch_report.sh - what `leakhound watch` leaves for people and fleets
# (TAP): the Prometheus text exposition served by --listen while it runs,
# and the --html report, opened in headless Chromium (Debian's chromium,
# installed here when missing) to check that every chart holds data; a
# screenshot is saved as build/watch-report.png.
set -u
BUILD=${BUILD:-build}
LH=${LEAKHOUND:-$BUILD/asan/leakhound}
. tests/e2e/lib.sh

if ! e2e_build >"$E2E_TMP/build.log" 2>&1; then
	notok "build the Go test programs"
	e2e_done
	exit 1
fi

html="$E2E_TMP/report.html"
e2e_start chanleak
port=$E2E_PORT
e2e_start workerpool
pool_pid=$E2E_PID
# two targets from a file: a leaking one by URL, a healthy one by pid
printf '# fleet\nhttp://127.0.0.1:%s\npid %s\n' "$port" "$pool_pid" >"$E2E_TMP/targets"
(timeout 60 "$LH" watch -d 20 --html "$html" --listen 127.0.0.1:0 --fail-on-leak \
	--targets "$E2E_TMP/targets" </dev/null >"$E2E_TMP/w.out" 2>"$E2E_TMP/w.err"
 echo $? >"$E2E_TMP/w.rc") &
E2E_PIDS="$E2E_PIDS $!"

sleep 18
mport=$(sed -n 's|.*Prometheus metrics at http://127.0.0.1:\([0-9]*\)/metrics|\1|p' "$E2E_TMP/w.err")
if [ -n "$mport" ] && curl -sf --max-time 5 "http://127.0.0.1:$mport/metrics" >"$E2E_TMP/m.txt"; then
	ok "--listen serves /metrics"
else
	notok "--listen serves /metrics (port '$mport')"
	sed 's/^/#   /' "$E2E_TMP/w.err" | head -5
fi
m="$E2E_TMP/m.txt"
grep -q '^# HELP leakhound_suspect ' "$m" && grep -q '^# TYPE leakhound_suspect gauge$' "$m" &&
	ok "metrics: HELP and TYPE lines" || notok "metrics: HELP and TYPE lines"
[ -z "$(grep '^# TYPE' "$m" | awk '{print $3}' | sort | uniq -d)" ] &&
	ok "metrics: each family declared once" || notok "metrics: each family declared once"
bad=$(grep -v '^#' "$m" | grep -Ev '^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)$' | head -3)
[ -z "$bad" ] && ok "metrics: every sample line is valid exposition" ||
	{ notok "metrics: every sample line is valid exposition"; echo "$bad" | sed 's/^/#   /'; }
grep -q "^leakhound_suspect{target=\"http://127.0.0.1:$port\",rule=\"LH191\",class=\"goroutine\"" "$m" &&
	ok "metrics: the leak is a suspect with its rule" ||
	{ notok "metrics: the leak is a suspect with its rule"; grep suspect "$m" | head -3 | sed 's/^/#   /'; }
grep -q "^leakhound_goroutines{target=\"http://127.0.0.1:$port\"} [0-9]" "$m" &&
	grep -q '^leakhound_open_fds{.*type="socket"} ' "$m" &&
	ok "metrics: goroutines and fds by type" || notok "metrics: goroutines and fds by type"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$mport/nope")
[ "$code" = 404 ] && ok "metrics: unknown path is 404" || notok "metrics: unknown path is 404 ($code)"

[ "$(grep -c '^leakhound_up{' "$m")" -eq 2 ] &&
	grep -q "^leakhound_up{target=\"pid $pool_pid\"} 1" "$m" &&
	ok "metrics: both targets of the --targets file" ||
	notok "metrics: both targets of the --targets file"

i=0
while [ ! -f "$E2E_TMP/w.rc" ] && [ $i -lt 30 ]; do sleep 1; i=$((i + 1)); done
[ "$(cat "$E2E_TMP/w.rc" 2>/dev/null)" = 1 ] &&
	[ "$(grep -c ': LH[0-9]* ' "$E2E_TMP/w.out")" -eq 1 ] &&
	grep -q "LH191 goroutines keep growing in http://127.0.0.1:$port" "$E2E_TMP/w.out" &&
	ok "--targets: the leaking target reported, the healthy one not (exit 1)" ||
	{ notok "--targets: the leaking target reported, the healthy one not"; sed 's/^/#   /' "$E2E_TMP/w.out" | head; }
[ -s "$html" ] && ok "--html writes the report" || notok "--html writes the report"
grep -q '<link\|src="http\|href="http' "$html" && notok "report: no external assets" ||
	ok "report: no external assets"

# headless Chromium: the charts hold data in the browser's DOM
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq \
		--no-install-recommends chromium >"$E2E_TMP/apt.log" 2>&1 ||
		{ apt-get update -qq >/dev/null 2>&1 &&
		  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq \
			--no-install-recommends chromium >"$E2E_TMP/apt.log" 2>&1; }
fi
if command -v chromium >/dev/null 2>&1; then
	flags="--headless --no-sandbox --disable-gpu --disable-background-networking \
--disable-component-update --disable-sync --no-first-run --hide-scrollbars"
	abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
	# shellcheck disable=SC2086
	timeout 120 chromium $flags --user-data-dir="$E2E_TMP/chrome1" \
		--dump-dom "file://$abs" >"$E2E_TMP/dom.html" 2>"$E2E_TMP/chrome.log"
	charts=$(grep -o 'data-charts="[0-9]*"' "$E2E_TMP/dom.html" | grep -o '[0-9]*')
	[ "${charts:-0}" -ge 5 ] && ok "chromium: $charts charts in the report" ||
		{ notok "chromium: charts in the report (${charts:-none})"; tail -3 "$E2E_TMP/chrome.log" | sed 's/^/#   /'; }
	# every chart: the browser parsed as many points as written (>= 2),
	# and the main ones hold the whole run (>= 10 points)
	grep -o 'data-points="[0-9]*"[^>]*data-rendered="[0-9]*"' "$E2E_TMP/dom.html" |
		sed 's/data-points="\([0-9]*\)".*data-rendered="\([0-9]*\)"/\1 \2/' \
		>"$E2E_TMP/points"
	bad=$(awk '$1 != $2 || $2 < 2' "$E2E_TMP/points" | wc -l)
	full=$(awk '$2 >= 10' "$E2E_TMP/points" | wc -l)
	[ "$full" -ge 5 ] && [ "$bad" -eq 0 ] &&
		ok "chromium: every chart holds data ($full with >= 10 points)" ||
		notok "chromium: every chart holds data ($full full, $bad empty or not drawn)"
	grep -q 'class="chart suspect"' "$E2E_TMP/dom.html" &&
		ok "chromium: the suspect's chart is there" || notok "chromium: the suspect's chart is there"
	rm -f "$BUILD/watch-report.png"
	# shellcheck disable=SC2086
	timeout 120 chromium $flags --user-data-dir="$E2E_TMP/chrome2" \
		--window-size=1280,1600 --screenshot="$(pwd)/$BUILD/watch-report.png" \
		"file://$abs" >/dev/null 2>&1
	[ "$(wc -c <"$BUILD/watch-report.png" 2>/dev/null || echo 0)" -gt 10000 ] &&
		ok "chromium: screenshot saved as $BUILD/watch-report.png" ||
		notok "chromium: screenshot saved as $BUILD/watch-report.png"
else
	notok "chromium available (apt-get install chromium)"
	tail -3 "$E2E_TMP/apt.log" 2>/dev/null | sed 's/^/#   /'
fi
e2e_done
