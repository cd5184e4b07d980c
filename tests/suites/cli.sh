#!/bin/sh
# cli.sh - the command line: help, exit codes, bad inputs (TAP).
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

check "help exits 0" 0 "$LH" help
check "no command is a usage error" 2 "$LH"
check "unknown command is a usage error" 2 "$LH" frobnicate
for c in scan rules version help ps watch; do
	check "$c -h exits 0" 0 "$LH" "$c" -h
	grep -q "^usage: leakhound $c" "$tmp/out" && ok "$c -h shows its synopsis" ||
		notok "$c -h shows its synopsis"
done
check "scan: bad option" 2 "$LH" scan --bogus
check "scan: bad --jobs" 2 "$LH" scan -j 0 .
check "scan: unknown rule" 2 "$LH" scan --enable LH999 "$tmp"
check "watch: no target is a usage error" 2 "$LH" watch
check "watch: bad --duration" 2 "$LH" watch -d 5x http://127.0.0.1:1
check "watch: bad --interval" 2 "$LH" watch -i 0 http://127.0.0.1:1
check "watch: bad --windows" 2 "$LH" watch --windows 1 http://127.0.0.1:1
check "watch: not a URL" 2 "$LH" watch -d 1 127.0.0.1:6060
grep -q "127.0.0.1:6060': not a URL" "$tmp/err" && ok "watch: bad URL named" ||
	notok "watch: bad URL named"
check "watch: no such pid" 2 "$LH" watch -d 1 --pid 999999999
printf '# targets\n\nftp://x\n' >"$tmp/targets"
check "watch: bad targets file" 2 "$LH" watch -d 1 --targets "$tmp/targets"
grep -q "targets:3'" "$tmp/err" && ok "watch: targets file line named" ||
	notok "watch: targets file line named"
check "watch: bad --listen" 2 "$LH" watch -d 1 --listen nope http://127.0.0.1:1

mkdir -p "$tmp/m/good" "$tmp/m/.hidden" "$tmp/m/vendor/x" "$tmp/m/testdata"
printf 'module m\n\ngo 1.19\n' >"$tmp/m/go.mod"
printf 'package good\n\nfunc F() int { return 1 }\n' >"$tmp/m/good/a.go"
printf 'package good\n\nfunc F( {\n' >"$tmp/m/.hidden/bad.go"
cp "$tmp/m/.hidden/bad.go" "$tmp/m/vendor/x/bad.go"
cp "$tmp/m/.hidden/bad.go" "$tmp/m/testdata/bad.go"
cp "$tmp/m/.hidden/bad.go" "$tmp/m/good/bad_test.go"
check "scan: clean tree exits 0; vendor, testdata, hidden, tests skipped" 0 "$LH" scan "$tmp/m/..."
grep -q "1 file" "$tmp/out" && ok "scan: summary counts files" || notok "scan: summary counts files"
check "scan --tests reads _test.go" 2 "$LH" scan --tests "$tmp/m/..."
grep -q "bad_test.go': cannot parse: syntax error at line 3" "$tmp/err" &&
	ok "syntax error names file and line" || notok "syntax error names file and line"

printf 'package good\n\nfunc G() {}\n' >"$tmp/m/good/b.go"
printf 'package good\nfunc H( {\n' >"$tmp/m/good/c.go"
check "one bad file: exit 2" 2 "$LH" scan "$tmp/m/good"
[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok "one bad file: one line on stderr" ||
	notok "one bad file: one line on stderr"
grep -q "2 files" "$tmp/out" && ok "one bad file: the others still scanned" ||
	notok "one bad file: the others still scanned"
check "missing path: exit 2" 2 "$LH" scan "$tmp/nope"
grep -q "nope': No such file" "$tmp/err" && ok "missing path named" || notok "missing path named"
printf 'package x\n\000\n' >"$tmp/nul.go"
check "NUL byte: exit 2" 2 "$LH" scan "$tmp/nul.go"
mkdir -p "$tmp/loop" && ln -s .. "$tmp/loop/up" && ln -s "$tmp/loop/up" "$tmp/loop/again"
check "symlink loop: no hang, clean" 0 "$LH" scan "$tmp/loop/..."
# no go.mod: the newest Go is assumed (timer rules silent), said once
# under --verbose
mkdir -p "$tmp/nomod"
printf 'package p\n\nimport "time"\n\nfunc f(c <-chan int) int {\n\tt := time.NewTimer(time.Second)\n\tselect {\n\tcase v := <-c:\n\t\treturn v\n\tcase <-t.C:\n\t\treturn 0\n\t}\n}\n' >"$tmp/nomod/p.go"
check "no go.mod: timer rules silent" 0 "$LH" scan -v "$tmp/nomod"
[ "$(grep -c 'no go.mod found; assuming the newest Go' "$tmp/err")" -eq 1 ] &&
	ok "no go.mod: --verbose says the newest Go is assumed, once" ||
	notok "no go.mod: --verbose says the newest Go is assumed, once"
printf 'module p\n\ngo 1.21\n' >"$tmp/nomod/go.mod"
check "go 1.21: the armed timer is reported" 1 "$LH" scan -v "$tmp/nomod"
grep -q "assuming" "$tmp/err" && notok "go.mod found: no assumption noted" ||
	ok "go.mod found: no assumption noted"

echo "1..$n"
[ "$fails" -eq 0 ]
