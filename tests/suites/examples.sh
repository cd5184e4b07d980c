#!/bin/sh
# examples.sh - the programs under examples/seed/ (TAP).
#
# Each class directory holds leak/ and fixed/, two Go modules. For each:
# gofmt and go vet are clean, go build works, the program runs and exits
# 0 within a few seconds. Then leakhound scans each: a fixed twin gives
# exit 0 and no finding; a leak program gives exactly the rule ids listed
# for it in examples/seed/EXPECTED, as many times as listed, counting only
# rules that `leakhound rules` lists (rules land one by one; an id becomes
# checked, and must fire, as soon as it is registered).
#
# Go (golang-go) is a test dependency installed by scripts/deps.sh test:
# without it the suite fails, it does not skip.
set -u
LH=${LEAKHOUND:-build/asan/leakhound}
SEED=examples/seed
n=0
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
diag() { sed 's/^/# /' "$1" | head -"${2:-15}"; }
finish() { echo "1..$n"; [ "$fails" -eq 0 ]; exit $?; }

if ! command -v go >/dev/null 2>&1; then
	notok "go toolchain on PATH (scripts/deps.sh test installs golang-go)"
	finish
fi
ok "go toolchain on PATH ($(go version | cut -d' ' -f3))"

# Offline and reproducible: no module downloads, no workspace from above,
# a build cache that works without $HOME.
export GOPROXY=off GOWORK=off GO111MODULE=on
case "$(go env GOCACHE 2>/dev/null)" in
"" | off) GOCACHE=$(cd "${BUILD:-build}" && pwd)/go-cache && export GOCACHE ;;
esac

# ------------------------------------------------------------ the inventory

[ -f "$SEED/EXPECTED" ] && ok "$SEED/EXPECTED exists" ||
	{ notok "$SEED/EXPECTED exists"; finish; }
grep -v '^#' "$SEED/EXPECTED" | awk 'NF' >"$tmp/expected"

classes=$(cd "$SEED" && for d in */; do echo "${d%/}"; done)
[ "$(echo "$classes" | wc -l)" -eq 7 ] && ok "seven class directories" ||
	notok "seven class directories (found: $(echo $classes))"

bad=""
while read -r dir ids; do
	[ -d "$SEED/$dir" ] || bad="$bad $dir(no such directory)"
	case "$dir" in */leak) ;; *) bad="$bad $dir(not a leak/ directory)" ;; esac
	[ -n "$ids" ] || bad="$bad $dir(no rule id)"
	for id in $ids; do
		echo "$id" | grep -qx 'LH[0-9][0-9][0-9]' || bad="$bad $dir($id)"
	done
done <"$tmp/expected"
[ -z "$bad" ] && ok "EXPECTED lines name leak directories and rule ids" ||
	notok "EXPECTED lines name leak directories and rule ids:$bad"

for c in $classes; do
	for v in leak fixed; do
		[ -f "$SEED/$c/$v/go.mod" ] && [ -f "$SEED/$c/$v/main.go" ] &&
			ok "$c/$v has go.mod and main.go" ||
			notok "$c/$v has go.mod and main.go"
	done
	grep -q "^$c/leak[[:space:]]" "$tmp/expected" &&
		ok "$c/leak is listed in EXPECTED" ||
		notok "$c/leak is listed in EXPECTED"
done

# ------------------------------------------------------------ Go side

for c in $classes; do
	for v in leak fixed; do
		d="$SEED/$c/$v"
		[ -f "$d/go.mod" ] || continue
		grep -qx 'go 1.19' "$d/go.mod" && ok "$c/$v: go.mod targets go 1.19" ||
			notok "$c/$v: go.mod targets go 1.19"
		gofmt -l "$d" >"$tmp/out" 2>&1
		[ ! -s "$tmp/out" ] && ok "$c/$v: gofmt clean" ||
			{ notok "$c/$v: gofmt clean"; diag "$tmp/out"; }
		(cd "$d" && go vet .) >"$tmp/out" 2>&1 &&
			ok "$c/$v: go vet clean" ||
			{ notok "$c/$v: go vet clean"; diag "$tmp/out"; }
		bin="$tmp/$c-$v"
		if (cd "$d" && go build -o "$bin" .) >"$tmp/out" 2>&1; then
			ok "$c/$v: go build"
		else
			notok "$c/$v: go build"
			diag "$tmp/out"
			continue
		fi
		(cd "$tmp" && timeout 30 "$bin") >"$tmp/out" 2>&1
		st=$?
		if [ "$st" -eq 0 ] && [ -s "$tmp/out" ]; then
			ok "$c/$v: runs, reports and exits 0 ($(tail -1 "$tmp/out"))"
		else
			notok "$c/$v: runs, reports and exits 0 (exit $st)"
			diag "$tmp/out"
		fi
	done
done

# ------------------------------------------------------------ leakhound side

"$LH" rules >"$tmp/rules" 2>&1 && ok "leakhound rules lists the registry" ||
	{ notok "leakhound rules lists the registry"; diag "$tmp/rules"; }
registered=$(awk '$1 ~ /^LH[0-9]+$/ && $3 == "static" { print $1 }' "$tmp/rules")
echo "# registered static rules: $(echo $registered)"
is_registered() { echo "$registered" | grep -qx "$1"; }

# scan DIR: run leakhound; the rule id of each finding goes to $tmp/all
# (one line per finding), the ids sorted and unique to $tmp/ids, the output
# to $tmp/out; the exit status is in $scan_st.
scan() {
	"$LH" scan --color never "$1" </dev/null >"$tmp/out" 2>"$tmp/err"
	scan_st=$?
	sed -n 's/^[^ ]*:[0-9][0-9]*:[0-9][0-9]*: \(LH[0-9][0-9]*\) .*/\1/p' \
		"$tmp/out" >"$tmp/all"
	sort -u "$tmp/all" >"$tmp/ids"
}

for c in $classes; do
	d="$SEED/$c/fixed"
	[ -d "$d" ] || continue
	scan "$d"
	if [ "$scan_st" -eq 0 ] && [ ! -s "$tmp/ids" ] && [ ! -s "$tmp/err" ]; then
		ok "$c/fixed: scan is clean (exit 0, no finding)"
	else
		notok "$c/fixed: scan is clean (exit $scan_st, found: $(echo $(cat "$tmp/ids")))"
		diag "$tmp/out" 30
		diag "$tmp/err"
	fi
done

while read -r dir ids; do
	[ -d "$SEED/$dir" ] || continue
	scan "$SEED/$dir"
	want=""
	for id in $(echo $ids | tr ' ' '\n' | sort -u); do
		if is_registered "$id"; then
			want="$want $id"
		else
			echo "# $dir: $id is not registered yet, not checked"
		fi
	done
	if [ "$scan_st" -eq 2 ] || [ -s "$tmp/err" ]; then
		notok "$dir: scan without input error (exit $scan_st)"
		diag "$tmp/err"
		continue
	fi
	for id in $want; do
		exp=$(echo $ids | tr ' ' '\n' | grep -cx "$id")
		got=$(grep -cx "$id" "$tmp/all")
		if [ "$got" -eq "$exp" ]; then
			ok "$dir: $id reported $exp time(s)"
		else
			notok "$dir: $id reported $exp time(s) (got $got)"
			diag "$tmp/out" 30
		fi
	done
	for id in $(cat "$tmp/ids"); do
		case " $ids " in
		*" $id "*) ;;
		*)
			notok "$dir: $id reported but not expected (a false positive, or add it to $SEED/EXPECTED)"
			grep "^[^ ]*: $id " "$tmp/out" | diag /dev/stdin 5
			;;
		esac
	done
	if [ -n "$want" ]; then
		[ "$scan_st" -eq 1 ] && ok "$dir: scan exits 1" ||
			notok "$dir: scan exits 1 (exit $scan_st)"
	fi
done <"$tmp/expected"

# make demo's script agrees with the checks above (it exits 1 when a fixed
# twin is reported or a registered rule misses its leak program)
scripts/demo.sh --no-run "$LH" >"$tmp/out" 2>&1
st=$?
if [ "$st" -eq 0 ] && grep -q '^summary: .* of 7 fixed twins clean' "$tmp/out"; then
	ok "scripts/demo.sh runs and exits 0"
else
	notok "scripts/demo.sh runs and exits 0 (exit $st)"
	tail -8 "$tmp/out" | diag /dev/stdin
fi

finish
