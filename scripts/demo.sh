#!/bin/sh
# demo.sh - what `make demo` shows: for each of the seven leak classes in
# examples/seed/, the leaking program and its fixed twin, first as they run
# (when Go is installed: each prints the number that grows), then as
# leakhound sees them. Ends with a summary.
#
# usage: scripts/demo.sh [--no-run] [LEAKHOUND]
#   --no-run    do not run the Go programs, only scan them
#   LEAKHOUND   the binary to use (default: build/leakhound)
#
# Exit status 0 when the demo went as intended: every fixed twin scans
# clean, every leak program is reported with the rules examples/seed/EXPECTED
# lists for it (those registered so far), and no scan hit an input error.
# Otherwise 1.
set -u

run=yes
[ "${1:-}" = --no-run ] && { run=no; shift; }
LH=${1:-build/leakhound}
SEED=examples/seed

if [ -t 1 ]; then
	B=$(printf '\033[1m') D=$(printf '\033[2m') O=$(printf '\033[0m')
	color=always
else
	B="" D="" O=""
	color=never
fi

if [ ! -x "$LH" ]; then
	echo "demo: '$LH' not found; run make first" >&2
	exit 2
fi
if [ "$run" = yes ] && ! command -v go >/dev/null 2>&1; then
	run=no
	echo "${D}(go is not installed: the programs are only scanned, not run;" \
	     "scripts/deps.sh test installs it)${O}"
fi
export GOPROXY=off GOWORK=off GO111MODULE=on
case "$(go env GOCACHE 2>/dev/null)" in
"" | off) GOCACHE=$(pwd)/build/go-cache && export GOCACHE ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
registered=$("$LH" rules | awk '$3 == "static" { print $1 }')

title() {
	case "$1" in
	01-*) echo "goroutines blocked forever" ;;
	02-*) echo "tickers and contexts never stopped" ;;
	03-*) echo "package-level map and slice that only grow" ;;
	04-*) echo "small sub-slices pinning big arrays" ;;
	05-*) echo "closures keeping a big value alive" ;;
	06-*) echo "sync.Pool misuse" ;;
	07-*) echo "files and response bodies never closed" ;;
	*) echo "$1" ;;
	esac
}

# gorun DIR: run the program, its output indented.
gorun() {
	echo "${B}\$ (cd $1 && go run .)${O}"
	if (cd "$1" && timeout 60 go run .) >"$tmp/run" 2>&1; then
		sed 's/^./    &/' "$tmp/run"
	else
		sed 's/^./    &/' "$tmp/run" | tail -5
		echo "    (the program failed)"
	fi
}

# lhscan DIR: scan it, show the output; sets $st and $tmp/ids.
lhscan() {
	echo "${B}\$ leakhound scan $1${O}"
	"$LH" scan --color $color "$1" </dev/null 2>&1 | sed 's/^./    &/'
	"$LH" scan --color never "$1" </dev/null >"$tmp/plain" 2>/dev/null
	st=$?
	sed -n 's/^[^ ]*:[0-9][0-9]*:[0-9][0-9]*: \(LH[0-9][0-9]*\) .*/\1/p' \
		"$tmp/plain" | sort -u >"$tmp/ids"
}

i=0
total=$(ls -d "$SEED"/[0-9]*/ | wc -l)
flagged=0 clean=0 pending="" problems=""
echo "${B}leakhound demo${O}: each leak class of examples/seed/ as a leaking"
echo "program and its fixed twin. leakhound should report the leak and stay"
echo "silent on the fix."
for dir in "$SEED"/[0-9]*/; do
	dir=${dir%/}
	c=${dir##*/}
	i=$((i + 1))
	want=$(awk -v d="$c/leak" '$1 == d { for (i = 2; i <= NF; i++)
		if (!seen[$i]++) printf " %s", $i }' "$SEED/EXPECTED")
	echo
	echo "${B}== $i/$total $(title "$c")${O}  ${D}($dir; rules:$want)${O}"
	if [ "$run" = yes ]; then
		gorun "$dir/leak"
		gorun "$dir/fixed"
	fi

	lhscan "$dir/leak"
	missed=""
	for id in $want; do
		if echo "$registered" | grep -qx "$id"; then
			grep -qx "$id" "$tmp/ids" || missed="$missed $id"
		else
			pending="$pending $id"
		fi
	done
	if [ "$st" -eq 2 ]; then
		problems="$problems\n  $c/leak: the scan failed (exit 2)"
	elif [ -n "$missed" ]; then
		problems="$problems\n  $c/leak: not reported by$missed"
	elif [ -s "$tmp/ids" ]; then
		flagged=$((flagged + 1))
	fi

	lhscan "$dir/fixed"
	if [ "$st" -eq 0 ]; then
		clean=$((clean + 1))
	else
		problems="$problems\n  $c/fixed: reported (exit $st), the fixed twin should be clean"
	fi
done

echo
echo "${B}summary${O}: $flagged of $total leak programs reported," \
     "$clean of $total fixed twins clean."
[ -n "$pending" ] &&
	echo "rules these examples need that are not implemented yet:$pending"
if [ -n "$problems" ]; then
	printf '%snot as intended:%s%b\n' "$B" "$O" "$problems"
	exit 1
fi
echo "${D}more: leakhound rules (every rule), leakhound rules LH201 (one rule's doc)${O}"
exit 0
