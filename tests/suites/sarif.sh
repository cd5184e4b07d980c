#!/bin/sh
# sarif.sh - SARIF output validated against the SARIF 2.1.0 JSON schema
# (ajv, installed under build/ by scripts/sarif-check.sh), JSON output
# parsed, on awkward hand-built findings and on real scans (TAP).
set -u
BUILD=${BUILD:-build}
LH=${LEAKHOUND:-$BUILD/asan/leakhound}
SAMPLE=$BUILD/asan/tools/report_sample
CHECK=$BUILD/sarif-check
n=0
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
valid() { # name file
	if node tests/sarif/validate.js "$CHECK" "$2" >"$tmp/v" 2>&1; then ok "$1"; else
		notok "$1"
		sed 's/^/# /' "$tmp/v" | head -20
	fi
}

if [ ! -f "$CHECK/sarif-2.1.0.json" ]; then
	notok "SARIF validator installed (run scripts/sarif-check.sh $CHECK)"
	echo "1..$n"
	exit 1
fi

"$SAMPLE" sarif >"$tmp/sample.sarif" && ok "sample: SARIF rendered" || notok "sample: SARIF rendered"
valid "sample: SARIF valid against the 2.1.0 schema" "$tmp/sample.sarif"
"$SAMPLE" json >"$tmp/sample.json" && node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (!Array.isArray(d.findings) || d.findings.length < 5) process.exit(1);
for (const f of d.findings)
	for (const k of ["rule", "class", "severity", "confidence", "location",
			 "message", "leak_path", "fix", "fingerprint"])
		if (!(k in f)) { console.log("missing " + k); process.exit(1); }
' "$tmp/sample.json" && ok "sample: JSON parses, every finding complete" ||
	notok "sample: JSON parses, every finding complete"

# the validator can fail: a log with a broken region must be rejected
node -e '
const fs = require("fs");
const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const r = d.runs[0].results.find(r => r.locations &&
	r.locations[0].physicalLocation && r.locations[0].physicalLocation.region);
r.locations[0].physicalLocation.region.startLine = 0;
fs.writeFileSync(process.argv[2], JSON.stringify(d));
' "$tmp/sample.sarif" "$tmp/broken.sarif"
if [ ! -s "$tmp/broken.sarif" ] ||
	node tests/sarif/validate.js "$CHECK" "$tmp/broken.sarif" >/dev/null 2>&1; then
	notok "a SARIF log with startLine 0 is rejected"
else
	ok "a SARIF log with startLine 0 is rejected"
fi

# real scans: the golden cases and the examples, every rule on
for d in tests/golden examples/seed; do
	[ -d "$d" ] || continue
	name=$(echo "$d" | tr / _)
	"$LH" scan --tests --format sarif "$d/..." >"$tmp/$name.sarif" 2>"$tmp/$name.err"
	st=$?
	[ "$st" -le 1 ] && ok "scan $d: SARIF written (exit $st)" ||
		{ notok "scan $d: SARIF written (exit $st)"; sed 's/^/# /' "$tmp/$name.err" | head -5; }
	valid "scan $d: SARIF valid against the 2.1.0 schema" "$tmp/$name.sarif"
	"$LH" scan --tests --format json "$d/..." >"$tmp/$name.json" 2>/dev/null
	node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$tmp/$name.json" &&
		ok "scan $d: JSON parses" || notok "scan $d: JSON parses"
done

# a scan with a bad file: the error is a tool notification
mkdir -p "$tmp/bad/p"
printf 'module m\n\ngo 1.19\n' >"$tmp/bad/go.mod"
printf 'package p\nfunc F( {\n' >"$tmp/bad/p/bad.go"
"$LH" scan --format sarif "$tmp/bad/..." >"$tmp/bad.sarif" 2>/dev/null
grep -q '"toolExecutionNotifications"' "$tmp/bad.sarif" &&
	ok "scan with a bad file: SARIF notification" || notok "scan with a bad file: SARIF notification"
valid "scan with a bad file: SARIF valid against the 2.1.0 schema" "$tmp/bad.sarif"

# runtime findings (inspect on the committed goroutine dumps): with and
# without --src (frames then name files of the machine that ran them)
F=tests/fixtures/runtime/go119
if [ -f "$F/goroutine.1.debug1.txt" ]; then
	for src in "" "--src tests/fixtures/runtime/gen"; do
		# shellcheck disable=SC2086
		"$LH" inspect --format sarif $src "$F/goroutine.1.debug1.txt" "$F/goroutine.3.debug1.txt" \
			>"$tmp/rt.sarif" 2>"$tmp/rt.err"
		st=$?
		node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
process.exit(d.runs[0].results.length > 0 ? 0 : 1);
' "$tmp/rt.sarif" && [ "$st" -eq 1 ] && ok "inspect $src: SARIF with runtime findings" ||
			notok "inspect $src: SARIF with runtime findings (exit $st)"
		valid "inspect $src: SARIF valid against the 2.1.0 schema" "$tmp/rt.sarif"
	done
fi

echo "1..$n"
[ "$fails" -eq 0 ]
