#!/bin/sh
# report.sh - output formats and report switches of `leakhound scan` (TAP).
set -u
LH=${LEAKHOUND:-build/asan/leakhound}
n=0
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
check() { # name expected-status command...
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else
		notok "$name (exit $got, want $want)"
		sed 's/^/# /' "$tmp/err" | head -5
	fi
}
is_json() { node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))' <"$1"; }

mkdir -p "$tmp/m/p"
printf 'module m\n\ngo 1.19\n' >"$tmp/m/go.mod"
printf 'package p\n\nfunc F() int { return 1 }\n' >"$tmp/m/p/a.go"

check "--format bogus is a usage error" 2 "$LH" scan --format xml "$tmp/m/..."
check "--min-confidence bogus is a usage error" 2 "$LH" scan --min-confidence sure "$tmp/m/..."
for fmt in json sarif; do
	check "--format $fmt on a clean tree exits 0" 0 "$LH" scan --format "$fmt" "$tmp/m/..."
	is_json "$tmp/out" && ok "--format $fmt prints one JSON document" ||
		notok "--format $fmt prints one JSON document"
done
check "--format github on a clean tree prints nothing" 0 "$LH" scan -f github "$tmp/m/..."
[ ! -s "$tmp/out" ] && ok "github: no output without findings" || notok "github: no output without findings"

echo "1..$n"
[ "$fails" -eq 0 ]
