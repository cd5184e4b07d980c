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

# suppressions: a malformed directive is an input error naming file and line
mkdir -p "$tmp/s"
printf 'package s\n\nfunc F() {\n\tF() //leakhound:ignore\n}\n' >"$tmp/s/a.go"
printf 'package s\n\nvar x = "//leakhound:ignore"\n' >"$tmp/s/b.go"
check "ignore without id and reason: exit 2" 2 "$LH" scan "$tmp/s"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "a.go': line 4: //leakhound:ignore needs a rule id" "$tmp/err" &&
	ok "ignore without reason: one line naming file and line" ||
	notok "ignore without reason: one line naming file and line"
grep -q "2 files" "$tmp/out" && ok "bad directive: the scan goes on" || notok "bad directive: the scan goes on"
printf 'package s\n\nfunc F() {\n\tF() //leakhound:ignore LH999 because\n}\n' >"$tmp/s/a.go"
check "ignore with an unknown id: exit 2" 2 "$LH" scan "$tmp/s"
grep -q "unknown rule 'LH999'" "$tmp/err" && ok "unknown id named" || notok "unknown id named"
rm "$tmp/s/a.go"
check "a directive inside a string is not one" 0 "$LH" scan "$tmp/s"

# baseline
check "--baseline of a missing file: exit 2" 2 "$LH" scan --baseline "$tmp/none.json" "$tmp/m/..."
grep -q "none.json" "$tmp/err" && ok "missing baseline named" || notok "missing baseline named"
printf '{"leakhound_baseline": 1, "findings": 3}' >"$tmp/badbl.json"
check "--baseline of a malformed file: exit 2" 2 "$LH" scan --baseline "$tmp/badbl.json" "$tmp/m/..."
check "--write-baseline exits 0" 0 "$LH" scan --write-baseline "$tmp/bl.json" "$tmp/m/..."
is_json "$tmp/bl.json" && ok "--write-baseline writes JSON" || notok "--write-baseline writes JSON"
check "--baseline reads what --write-baseline wrote" 0 "$LH" scan --baseline "$tmp/bl.json" "$tmp/m/..."

# fix
check "--fix with --diff is a usage error" 2 "$LH" scan --fix --diff "$tmp/m/..."
check "--diff on a clean tree exits 0" 0 "$LH" scan --diff "$tmp/m/..."
[ ! -s "$tmp/out" ] && ok "--diff: empty diff without fixes" || notok "--diff: empty diff without fixes"

echo "1..$n"
[ "$fails" -eq 0 ]
