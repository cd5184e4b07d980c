#!/bin/sh
# fix.sh - `scan --fix` and `--diff` end to end on every golden case that
# has a fix (TAP). For each golden module, in a temporary copy:
#   - --diff prints a patch that `patch -p1` applies, giving exactly what
#     --fix writes;
#   - the fixed module still builds (`go build`, `go vet`);
#   - every fixed file that was gofmt-clean stays gofmt-clean;
#   - a re-scan has no finding left with a fix, the fixed findings are gone
#     (by fingerprint), and nothing new appeared.
set -u
LH=${LEAKHOUND:-build/asan/leakhound}
LH=$(cd "$(dirname "$LH")" && pwd)/$(basename "$LH")
n=0
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local
export GOCACHE="${GOCACHE:-$tmp/gocache}"

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

# fingerprints of findings with edits / of all findings, one a line
fps() { # file.json with|all
	node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const f of d.findings)
	if (process.argv[2] === "all" || f.edits.length)
		console.log(f.fingerprint + " " + f.rule + " " + f.location.path + ":" + f.location.line);
' "$1" "$2" | sort
}

total=0
for g in tests/golden/*/; do
	g=${g%/}
	name=$(basename "$g")
	a="$tmp/$name/fix" b="$tmp/$name/diff" orig="$tmp/$name/orig"
	mkdir -p "$a" "$b" "$orig"
	cp -R "$g/." "$a/"
	cp -R "$g/." "$b/"
	cp -R "$g/." "$orig/"
	(cd "$a" && "$LH" scan --tests --format json ./... >"$tmp/$name.before.json" 2>/dev/null)
	fps "$tmp/$name.before.json" with >"$tmp/$name.fixable"
	fixable=$(wc -l <"$tmp/$name.fixable")
	[ "$fixable" -eq 0 ] && continue
	total=$((total + fixable))

	(cd "$b" && "$LH" scan --tests --diff ./... >"$tmp/$name.diff" 2>"$tmp/$name.differr")
	st=$?
	[ "$st" -le 1 ] && [ -s "$tmp/$name.diff" ] && ok "$name: --diff prints a patch ($fixable fixes)" ||
		{ notok "$name: --diff prints a patch (exit $st)"; sed 's/^/# /' "$tmp/$name.differr" | head -5; }
	(cd "$b" && patch -s -p1 <"$tmp/$name.diff") >"$tmp/patch.out" 2>&1 &&
		ok "$name: the patch applies with patch -p1" ||
		{ notok "$name: the patch applies with patch -p1"; sed 's/^/# /' "$tmp/patch.out" | head -5; }

	(cd "$a" && "$LH" scan --tests --fix ./... >"$tmp/$name.fixout" 2>"$tmp/$name.fixerr")
	st=$?
	[ "$st" -le 1 ] && ok "$name: --fix runs (exit $st)" ||
		{ notok "$name: --fix runs (exit $st)"; sed 's/^/# /' "$tmp/$name.fixerr" | head -5; }
	diff -r "$a" "$b" >"$tmp/d.out" 2>&1 && ok "$name: --fix writes what --diff shows" ||
		{ notok "$name: --fix writes what --diff shows"; sed 's/^/# /' "$tmp/d.out" | head -10; }

	built=0
	for mod in $(cd "$a" && find . -name go.mod | sort); do
		m=$(dirname "$mod")
		# LH205's golden cases lose cancel funcs on purpose, and only
		# some of them have a mechanical fix: vet's lostcancel would
		# flag the rest
		(cd "$a/$m" && go build ./... && go vet -lostcancel=false ./...) >"$tmp/build.out" 2>&1 || built=1
		[ "$built" -eq 0 ] || { sed 's/^/# /' "$tmp/build.out" | head -10; break; }
	done
	[ "$built" -eq 0 ] && ok "$name: the fixed module builds and vets" ||
		notok "$name: the fixed module builds and vets"

	unclean=""
	for f in $(cd "$a" && find . -name '*.go' | sort); do
		cmp -s "$a/$f" "$orig/$f" && continue
		[ -n "$(gofmt -l "$orig/$f")" ] && continue # was not clean before
		[ -n "$(gofmt -l "$a/$f")" ] && unclean="$unclean $f"
	done
	[ -z "$unclean" ] && ok "$name: fixed files are gofmt-clean" ||
		{ notok "$name: fixed files are gofmt-clean:$unclean"; (cd "$a" && gofmt -d $unclean | head -20 | sed 's/^/# /'); }

	(cd "$a" && "$LH" scan --tests --format json ./... >"$tmp/$name.after.json" 2>/dev/null)
	fps "$tmp/$name.after.json" with >"$tmp/$name.left"
	[ ! -s "$tmp/$name.left" ] && ok "$name: no fixable finding left" ||
		{ notok "$name: no fixable finding left"; sed 's/^/# /' "$tmp/$name.left"; }
	fps "$tmp/$name.before.json" all | cut -d' ' -f1,2 | sort >"$tmp/all.before"
	fps "$tmp/$name.after.json" all | cut -d' ' -f1,2 | sort >"$tmp/all.after"
	cut -d' ' -f1,2 "$tmp/$name.fixable" | sort >"$tmp/fixed"
	# after = before - fixed, as multisets of (fingerprint, rule)
	comm -23 "$tmp/all.before" "$tmp/fixed" >"$tmp/want.after"
	cmp -s "$tmp/want.after" "$tmp/all.after" &&
		ok "$name: the fixed findings are gone, nothing new appeared" ||
		{ notok "$name: the fixed findings are gone, nothing new appeared";
		  diff "$tmp/want.after" "$tmp/all.after" | sed 's/^/# /' | head -10; }
done
# the diff generator on random texts and edits: patch -p1 must turn each
# original into exactly what fix_apply() produced
RANDOM_TOOL=$(dirname "$LH")/tools/diff_random
mkdir -p "$tmp/rnd"
if "$RANDOM_TOOL" "$tmp/rnd" 300; then
	bad=0 diffs=0
	for s in $(cd "$tmp/rnd" && ls); do
		w="$tmp/rnd/$s/w"
		mkdir -p "$w" && cp "$tmp/rnd/$s/orig" "$w/f.go"
		if [ -s "$tmp/rnd/$s/diff" ]; then
			diffs=$((diffs + 1))
			(cd "$w" && patch -s -p1 <../diff) >/dev/null 2>&1 || { bad=$((bad + 1)); echo "# case $s: patch fails"; continue; }
		fi
		cmp -s "$w/f.go" "$tmp/rnd/$s/want" || { bad=$((bad + 1)); echo "# case $s: wrong result"; }
	done
	[ "$bad" -eq 0 ] && [ "$diffs" -gt 200 ] && ok "random edits: $diffs diffs apply with patch -p1 to the fixed text" ||
		notok "random edits: $bad of 300 cases wrong ($diffs diffs)"
else
	notok "random edits: diff_random ran"
fi

[ "$total" -gt 0 ] && ok "golden cases with fixes: $total" ||
	notok "golden cases with fixes: none found (rules attach edits with pass_edit)"

echo "1..$n"
[ "$fails" -eq 0 ]
