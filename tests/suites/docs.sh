#!/bin/sh
# docs.sh - generated and hand-written docs agree with the program (TAP):
# docs/RULES.md is what `leakhound rules --markdown` prints, and the
# leakhound commands in docs/ci.md's workflow run as written.
set -u
LH=${LEAKHOUND:-build/asan/leakhound}
n=0
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

"$LH" rules --markdown >"$tmp/RULES.md" 2>"$tmp/err"
if cmp -s "$tmp/RULES.md" docs/RULES.md; then
	ok "docs/RULES.md is up to date"
else
	notok "docs/RULES.md is stale: run 'make docs' and commit it"
	diff -u docs/RULES.md "$tmp/RULES.md" | head -20 | sed 's/^/# /'
fi
for id in $("$LH" rules | cut -d' ' -f1); do
	grep -q "^| \[$id\](#" docs/RULES.md && grep -q "^## $id: " docs/RULES.md &&
		ok "docs/RULES.md has $id in the index and a section" ||
		notok "docs/RULES.md has $id in the index and a section"
done

# the workflow's leakhound commands, on a small module with a baseline
grep -q 'github/codeql-action/upload-sarif' docs/ci.md &&
	ok "docs/ci.md uploads the SARIF" || notok "docs/ci.md uploads the SARIF"
mkdir -p "$tmp/m/p"
printf 'module m\n\ngo 1.19\n' >"$tmp/m/go.mod"
printf 'package p\n\nfunc F() int { return 1 }\n' >"$tmp/m/p/a.go"
lhdir=$(cd "$(dirname "$LH")" && pwd)
sed -n '/^```yaml/,/^```/p' docs/ci.md | grep -E '^ +run: leakhound ' |
	sed 's/^ *run: //' >"$tmp/cmds"
[ "$(wc -l <"$tmp/cmds")" -ge 2 ] && ok "docs/ci.md workflow runs leakhound" ||
	notok "docs/ci.md workflow runs leakhound"
"$LH" scan --write-baseline "$tmp/m/.leakhound-baseline.json" "$tmp/m/..." 2>/dev/null
while IFS= read -r cmd; do
	(cd "$tmp/m" && PATH="$lhdir:$PATH" sh -c "$cmd") >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ "$st" -eq 0 ] && ok "docs/ci.md: '$cmd' runs" || {
		notok "docs/ci.md: '$cmd' runs (exit $st)"
		sed 's/^/# /' "$tmp/err" | head -5
	}
done <"$tmp/cmds"

echo "1..$n"
[ "$fails" -eq 0 ]
