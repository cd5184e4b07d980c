#!/bin/sh
# report.sh - output formats and report switches of `leakhound scan` (TAP).
set -u
LH=${LEAKHOUND:-build/asan/leakhound}
LH=$(cd "$(dirname "$LH")" && pwd)/$(basename "$LH")
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

# ---- with a real rule (LH702): suppressions, unused ignores, baseline
mkdir -p "$tmp/r/p"
printf 'module r\n\ngo 1.19\n' >"$tmp/r/go.mod"
leak() { # directive-on-the-line directive-above extra-lines-above
	{
		printf 'package p\n\nimport "net/http"\n\n%s' "$3"
		printf 'func Get(u string) int {\n'
		[ -n "$2" ] && printf '\t%s\n' "$2"
		printf '\tresp, err := http.Get(u) %s\n' "$1"
		printf '\tif err != nil {\n\t\treturn 0\n\t}\n\treturn resp.StatusCode\n}\n'
	} >"$tmp/r/p/a.go"
}
leak "" "" ""
check "LH702 leak: exit 1" 1 "$LH" scan "$tmp/r/..."
grep -q "a.go:6:15: LH702" "$tmp/out" && ok "LH702 leak reported at 6:15" || notok "LH702 leak reported at 6:15"
leak "//leakhound:ignore LH702 the caller closes it" "" ""
check "ignore on the line: exit 0" 0 "$LH" scan "$tmp/r/..."
grep -q "0 findings.*1 suppressed" "$tmp/out" && ok "summary counts the suppressed finding" ||
	notok "summary counts the suppressed finding"
leak "" "//leakhound:ignore LH702 the caller closes it" ""
check "ignore alone on the line above: exit 0" 0 "$LH" scan "$tmp/r/..."
leak "//leakhound:ignore LH201 wrong rule" "" ""
check "ignore of another rule: still reported" 1 "$LH" scan "$tmp/r/..."
check "--report-unused-ignores: the stale ignore is a finding" 1 "$LH" scan --report-unused-ignores "$tmp/r/..."
grep -q "a.go:6:27: LH001 //leakhound:ignore LH201 silences nothing" "$tmp/out" &&
	ok "unused ignore named with its place" || notok "unused ignore named with its place"
leak "//leakhound:ignore LH702 closed elsewhere" "" ""
check "--report-unused-ignores: a used ignore is not reported" 0 "$LH" scan --report-unused-ignores "$tmp/r/..."
check "--disable LH702 with its ignore: not reported as unused" 0 "$LH" scan --disable LH702 --report-unused-ignores "$tmp/r/..."
for nl in "//nolint:leakhound" "//nolint" "//nolint:all" "//nolint:errcheck,leakhound // why"; do
	leak "$nl" "" ""
	check "$nl silences it" 0 "$LH" scan "$tmp/r/..."
done
leak "" "" ""
check "--fail-on error: a warning does not fail" 0 "$LH" scan --fail-on error "$tmp/r/..."
grep -q "1 finding" "$tmp/out" && ok "--fail-on error: the warning is still reported" ||
	notok "--fail-on error: the warning is still reported"
check "--fail-on warning: it does" 1 "$LH" scan --fail-on warning "$tmp/r/..."
check "--enable LH201 only: LH702 does not run" 0 "$LH" scan --enable LH201 "$tmp/r/..."
check "--disable LH702" 0 "$LH" scan --disable LH702 "$tmp/r/..."
leak "//nolint:errcheck" "" ""
check "//nolint:errcheck does not" 1 "$LH" scan "$tmp/r/..."
leak "" "" ""
check "SARIF of a real finding" 1 "$LH" scan --format sarif "$tmp/r/..."
node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const r = d.runs[0].results[0], rules = d.runs[0].tool.driver.rules;
const ok = r.ruleId === "LH702" && rules[r.ruleIndex].id === "LH702" &&
	rules[r.ruleIndex].help.markdown.startsWith("# LH702: ") &&
	r.codeFlows[0].threadFlows[0].locations.length >= 2 &&
	r.locations[0].physicalLocation.region.startLine === 6 &&
	r.fixes[0].artifactChanges[0].replacements[0].insertedContent.text.includes("defer resp.Body.Close()");
process.exit(ok ? 0 : 1);
' "$tmp/out" && ok "SARIF: rule help from the doc, code flow, region, fix" ||
	notok "SARIF: rule help from the doc, code flow, region, fix"
check "github annotation of a real finding" 1 "$LH" scan --format github "$tmp/r/..."
grep -q "^::warning file=.*/r/p/a.go,line=6,col=15,.*title=LH702 " "$tmp/out" &&
	ok "github: ::warning with file, line, col" || notok "github: ::warning with file, line, col"

# baseline: lines added above keep the finding baselined; a new leak is not
(cd "$tmp/r" && "$LH" scan --write-baseline bl.json ./... >/dev/null 2>&1)
grep -q '"rule": "LH702"' "$tmp/r/bl.json" && ok "baseline records the finding" || notok "baseline records the finding"
leak "" "" "// Package p: lines added above the finding.

var Limit = 3

"
check "baseline still matches after lines are added above" 0 sh -c "cd '$tmp/r' && '$LH' scan --baseline bl.json ./..."
grep -q "1 in the baseline" "$tmp/out" && ok "summary counts the baselined finding" ||
	notok "summary counts the baselined finding"
check "scanned by another path spelling: still matches" 0 sh -c "cd '$tmp/r' && '$LH' scan --baseline bl.json p"
leak "" "" "func Other(u string) int {
	r, err := http.Get(u)
	if err != nil {
		return 0
	}
	return r.StatusCode
}

"
check "a new leak is not in the baseline: exit 1" 1 sh -c "cd '$tmp/r' && '$LH' scan --baseline bl.json ./..."
grep -q "1 finding in" "$tmp/out" && grep -q "a.go:6:" "$tmp/out" &&
	ok "only the new leak is reported" || notok "only the new leak is reported"

# Text output wraps long fix advice at 80 columns: no line may end in a space
# (editors and `git diff --check` flag it), and every word is still there.
"$LH" scan examples/seed/... >"$tmp/text" 2>/dev/null
if [ -s "$tmp/text" ] && ! grep -q ' $' "$tmp/text"; then
	ok "text output: no trailing spaces on wrapped lines"
else
	notok "text output: no trailing spaces on wrapped lines"
fi
"$LH" scan -f json examples/seed/... 2>/dev/null |
	node -e 'const d = JSON.parse(require("fs").readFileSync(0, "utf8"));
		for (const f of d.findings) if (f.fix) console.log(f.fix.split(/ +/).join(" "));' \
	| sort -u >"$tmp/fixes.json.txt"
awk '/^  fix: /{ if (s != "") print s; s = substr($0, 8); next }
	/^       [^ ]/ && s != "" { s = s " " substr($0, 8); next }
	{ if (s != "") print s; s = "" } END { if (s != "") print s }' "$tmp/text" |
	sort -u >"$tmp/fixes.text.txt"
if [ -s "$tmp/fixes.json.txt" ] && cmp -s "$tmp/fixes.json.txt" "$tmp/fixes.text.txt"; then
	ok "text output: wrapped fix advice keeps every word (same as JSON)"
else
	notok "text output: wrapped fix advice keeps every word (same as JSON)"
	diff "$tmp/fixes.json.txt" "$tmp/fixes.text.txt" | head -5
fi

echo "1..$n"
[ "$fails" -eq 0 ]
