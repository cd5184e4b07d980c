#!/bin/sh
# engine.sh - the obligation engine's robustness and the golden runner's
# own honesty (TAP).
#
#  - deeply nested input (10 000 parentheses, 3 000 nested blocks) is
#    scanned without crashing, within a time bound: the parentheses are
#    past the parser's depth bound and rejected by name, the blocks are
#    walked by every rule;
#  - the golden runner FAILS on a fixture with a wrong annotation and a
#    missing one (tests/fixtures/golden-selftest), naming both.
set -u
LH=${LEAKHOUND:-build/asan/leakhound}
GOLDEN=${BUILD:-build}/asan/tools/golden
n=0
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

mkdir -p "$tmp/deep"
printf 'module deep\n\ngo 1.19\n' >"$tmp/deep/go.mod"
rep() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }
{
	printf 'package deep\n\nimport "net/http"\n\nfunc f(u string) int {\n'
	printf '\tresp, _ := http.Get(u)\n\tx := '
	rep '(' 40000
	printf '1'
	rep ')' 40000
	printf '\n\t_ = resp\n\treturn x\n}\n'
} >"$tmp/deep/parens.go"
{
	printf 'package deep\n\nimport "os"\n\nfunc g(p string) {\n'
	printf '\tfile, _ := os.Open(p)\n'
	rep '{\n' 3000
	printf '_ = file\n'
	rep '}\n' 3000
	printf '}\n'
} >"$tmp/deep/blocks.go"
timeout 60 "$LH" scan "$tmp/deep/..." >"$tmp/deep.out" 2>"$tmp/deep.err"
st=$?
# 40 000 parentheses pass the parser's depth bound (--max-depth, 16384
# levels; docs/limits.md): that file is rejected by name, the 3 000 blocks
# are walked by every rule
if [ $st -eq 2 ] && [ "$(wc -l <"$tmp/deep.err")" -eq 1 ] &&
	grep -q "parens.go': cannot parse: nesting deeper than 16384" "$tmp/deep.err" &&
	grep -q "in 1 file" "$tmp/deep.out"; then
	ok "deeply nested input is scanned without crashing (exit $st)"
else
	notok "deeply nested input is scanned without crashing (exit $st)"
	cat "$tmp/deep.err" "$tmp/deep.out" | sed 's/^/# /' | tail -15
fi

"$GOLDEN" tests/fixtures/golden-selftest >"$tmp/self.out" 2>&1
st=$?
if [ $st -ne 0 ] &&
	grep -q '^not ok .*golden-selftest/LH702/wrong.go' "$tmp/self.out" &&
	grep -q 'missing: .*wrong.go:8: LH702' "$tmp/self.out" &&
	grep -q 'unexpected: .*wrong.go:17:' "$tmp/self.out"; then
	ok "golden runner fails on a wrong and a missing annotation"
else
	notok "golden runner fails on a wrong and a missing annotation (exit $st)"
	sed 's/^/# /' "$tmp/self.out" | head -20
fi
echo "1..$n"
[ "$fails" -eq 0 ]
