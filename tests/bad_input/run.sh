#!/bin/sh
# run.sh - the bad-input table (TAP): every kind of input leakhound reads,
# truncated, garbage, empty, huge, deeply nested, unreadable or hostile.
#
# Each row is one test and checks, on the sanitizer build ($LEAKHOUND):
#   - the exit status (2 for a bad input; usage errors are cli.sh's),
#   - stderr: exactly the expected number of lines, one per bad input,
#     matching an ERE that names the input and what is wrong,
#   - stdout: an ERE showing the other inputs were still processed,
# and, when the row states bounds, on the release build ($BUILD/leakhound,
# so ASan's shadow and quarantine do not count): wall time and peak RSS
# (/usr/bin/time -f '%e %M'). Rows run with REL_ONLY=1 check everything on
# the release build alone: those whose inputs exercise no code the
# sanitizer build has not already seen in smaller rows, and whose size
# makes ASan's run many times slower. Inputs are generated under $BUILD/bad_input
# at test time (the 200 MB ones deleted right after their rows).
#
# Table columns:  row NAME STATUS STDERR-LINES STDERR-ERE STDOUT-ERE SECS MB ARGS...
# ("-" skips a check; STATUS may list alternatives: 0|1). Each section sets CMD, the subcommand its rows run;
# RUNAS=... runs a row under another user.
set -u
BUILD=${BUILD:-build}
LH=${LEAKHOUND:-$BUILD/asan/leakhound}
REL=${LEAKHOUND_REL:-$BUILD/leakhound}
W=$BUILD/bad_input
n=0
fails=0
RUNAS=
REL_ONLY=

rm -rf "$W"
mkdir -p "$W"
trap 'rm -rf "$W"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

row() {
	name=$1 want=$2 nerr=$3 ere=$4 oere=$5 secs=$6 mb=$7
	shift 7
	why=
	bounds=
	if [ "$secs" != - ]; then
		# shellcheck disable=SC2086
		/usr/bin/time -f '%e %M' -o "$W/.time" timeout -k 5 300 \
			$RUNAS "$REL" $CMD "$@" >"$W/.out" 2>"$W/.err"
		got=$?
		el=$(tail -1 "$W/.time" | cut -d' ' -f1)
		kb=$(tail -1 "$W/.time" | cut -d' ' -f2)
		case "$el $kb" in
		[0-9]*.[0-9]*' '[0-9]*) ;;
		*) why="$why no time/RSS measured;"; el=0; kb=0 ;;
		esac
		bounds=" ($el s, $((kb / 1024)) MB; bound $secs s, $mb MB)"
		awk -v t="$el" -v s="$secs" 'BEGIN { exit !(t <= s) }' ||
			why="$why took $el s, bound $secs s;"
		[ $((kb / 1024)) -le "$mb" ] ||
			why="$why peak RSS $((kb / 1024)) MB, bound $mb MB;"
	fi
	if [ "$secs" = - ] || [ -z "$REL_ONLY" ]; then
		# shellcheck disable=SC2086
		timeout -k 5 300 $RUNAS "$LH" $CMD "$@" >"$W/.out" 2>"$W/.err"
		got=$?
	fi
	case "|$want|" in
	*"|$got|"*) ;;
	*) why="$why exit $got, want $want;" ;;
	esac
	lines=$(wc -l <"$W/.err")
	[ "$nerr" = - ] || [ "$lines" -eq "$nerr" ] ||
		why="$why $lines stderr lines, want $nerr;"
	[ "$ere" = - ] || grep -Eq -- "$ere" "$W/.err" ||
		why="$why stderr lacks /$ere/;"
	[ "$oere" = - ] || grep -Eq -- "$oere" "$W/.out" ||
		why="$why stdout lacks /$oere/;"
	if [ -z "$why" ]; then
		ok "$name$bounds"
	else
		notok "$name:$why"
		sed 's/^/#   /' "$W/.err" | head -5
	fi
}

# A package with one good file next to each bad one: "1 file" in the
# summary is the proof the good one was still scanned.
pkg() { # dir
	mkdir -p "$1"
	printf 'package p\n\nfunc Good() int { return 1 }\n' >"$1/good.go"
}

# Deterministic garbage: n pseudo-random bytes (awk's generator, seed 7).
garbage() { # n
	LC_ALL=C awk -v n="$1" 'BEGIN { srand(7); for (i = 0; i < n; i++)
		printf "%c", int(rand() * 256) }'
}

# Repeats a string n times without a newline.
rep() { # n string
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

GOOD='1 file \(1 package\), with input errors'

# ================================================================ Go source
CMD=scan

d=$W/trunc
pkg "$d"
printf 'package p\n\nimport "os"\n\nfunc Read(p string) error {\n\tf, err := os.Op' >"$d/cut.go"
row "go: truncated mid-function" 2 1 "'$d/cut.go': cannot parse: syntax error at line 6" "$GOOD" - - "$d"

d=$W/garbage
pkg "$d"
garbage 65536 >"$d/rand.go"
row "go: 64 KiB of random bytes" 2 1 "'$d/rand.go': cannot parse: (NUL byte|invalid UTF-8) at line [0-9]+, column [0-9]+" "$GOOD" 5 64 "$d"

d=$W/text
pkg "$d"
rep 2000 'lorem ipsum ( dolor } sit [ amet\n' >"$d/prose.go"
row "go: text that is not Go" 2 1 "'$d/prose.go': cannot parse: (syntax error|no package clause)" "$GOOD" 5 64 "$d"

d=$W/empty
pkg "$d"
: >"$d/empty.go"
row "go: empty file" 2 1 "'$d/empty.go': cannot parse: empty file, no package clause" "$GOOD" - - "$d"

d=$W/comment
pkg "$d"
printf '// Package p is documented\n// but never declared.\n' >"$d/doc.go"
row "go: only comments" 2 1 "'$d/doc.go': cannot parse: no package clause" "$GOOD" - - "$d"

d=$W/nul
pkg "$d"
printf 'package p\n\nvar s = "a\000b"\n' >"$d/nul.go"
row "go: NUL byte in a string" 2 1 "'$d/nul.go': cannot parse: NUL byte at line 3, column 11" "$GOOD" - - "$d"

d=$W/latin1
pkg "$d"
printf 'package p\n\n// caf\351 (ISO-8859-1)\nfunc F() {}\n' >"$d/latin1.go"
row "go: non-UTF-8 comment" 2 1 "'$d/latin1.go': cannot parse: invalid UTF-8 at line 3, column 7" "$GOOD" - - "$d"

d=$W/surrogate
pkg "$d"
printf 'package p\n\nvar s = "\355\240\200"\n' >"$d/surrogate.go"
row "go: UTF-8-encoded surrogate" 2 1 "'$d/surrogate.go': cannot parse: invalid UTF-8 at line 3, column 10" "$GOOD" - - "$d"

d=$W/accepted
mkdir -p "$d"
printf '\357\273\277package p\r\n\r\n// caf\303\251 \360\237\220\225\r\nfunc F() {}\r\n' >"$d/bom_crlf.go"
row "go: BOM, CRLF and real UTF-8 are accepted" 0 0 - '1 file \(1 package\)$' - - "$d"

d=$W/parens
pkg "$d"
{ printf 'package p\n\nvar x = '; rep 40000 '('; printf 1; rep 40000 ')'; printf '\n'; } >"$d/parens.go"
row "go: 40 000 nested parentheses" 2 1 "'$d/parens.go': cannot parse: nesting deeper than 16384 levels at line 3" "$GOOD" 5 64 "$d"

d=$W/parens100k
pkg "$d"
{ printf 'package p\n\nvar x = '; rep 100000 '('; printf 1; rep 100000 ')'; printf '\n'; } >"$d/parens.go"
row "go: 100 000 nested parentheses" 2 1 "'$d/parens.go': cannot parse: nesting deeper than 16384 levels" "$GOOD" 10 256 "$d"

d=$W/blocks
pkg "$d"
{ printf 'package p\n\nfunc F() '; rep 40000 '{'; rep 40000 '}'; printf '\n'; } >"$d/blocks.go"
row "go: 40 000 nested blocks" 2 1 "'$d/blocks.go': cannot parse: nesting deeper than 16384 levels" "$GOOD" 5 64 "$d"

# generated code goes deep: std's time/tzdata/zipdata.go is ~7100 strings
# joined by +, a binary expression ~7100 levels deep; it must scan cleanly
d=$W/concat
pkg "$d"
{ printf 'package p\n\nconst data = "a" +\n'; rep 8000 '\t"b" +\n'; printf '\t"c"\n'; } >"$d/concat.go"
row "go: 8 000 concatenated strings (generated data) scan cleanly" 0 0 - '0 findings in 2 files' - - "$d"

d=$W/funclits
pkg "$d"
{ printf 'package p\n\nvar f = '; rep 10000 'func() { go '; printf 'func() {}()'; rep 10000 '}()'; printf '\n'; } >"$d/funclits.go"
row "go: 10 000 nested func literals and go statements" 2 1 "'$d/funclits.go': cannot parse: nesting deeper than 16384 levels" "$GOOD" 5 128 "$d"

d=$W/depthopt
mkdir -p "$d"
{ printf 'package p\n\nvar x = '; rep 3000 '('; printf 1; rep 3000 ')'; printf '\n'; } >"$d/deep.go"
row "go: 3000 parentheses pass the default depth" 0 0 - '1 file' - - "$d"
row "go: --max-depth 100 rejects them" 2 1 "'$d/deep.go': cannot parse: nesting deeper than 100 levels" - - - --max-depth 100 "$d"

# Just inside the depth bound, every shape of nesting goes through every
# rule's walkers on the sanitizer build (which also catches a stack
# overflow) and within bounds on the release build: 4000 levels of each,
# counting the AST levels one repetition costs (parens 1, ifs 2, ...).
shape() { # name levels-per-repetition prefix open middle close
	mkdir -p "$W/shapes"
	{
		printf 'package p\n\nimport (\n\t"net/http"\n\t"os"\n\t"time"\n)\n\n'
		printf 'func f(u string) {\n\tresp, _ := http.Get(u)\n'
		printf '\tfile, _ := os.Open(u)\n\tt := time.NewTicker(time.Second)\n'
		printf '\tch := make(chan int)\n'
		printf "$3"
		rep $((4000 / $2)) "$4"
		printf "$5"
		rep $((4000 / $2)) "$6"
		printf '\n\t_, _, _, _ = resp, file, t, ch\n}\n'
	} >"$W/shapes/$1.go"
	row "go: 4000 levels of $1 walked by every rule" '0|1' 0 - '1 file' 20 256 -j1 "$W/shapes/$1.go"
}
shape parens 1 '_ = ' '(' '1' ')'
shape binary-operators 1 '_ = 1' '' '' ' + 1'
shape index-expressions 1 '_ = u' '' '' '[0:]'
shape blocks 1 '' '{\n' 'go func() { ch <- 1 }()\n' '}\n'
shape else-if-chains 1 '' 'if u == "" {\n} else ' '{ file.Close() }' ''
shape ifs 2 '' 'if u != "" {\n' 'resp.Body.Close()\n' '}\n'
shape for-loops 2 '' 'for {\n' 'select { case <-ch: return; case <-t.C: }\n' '}\n'
shape selects 2 '' 'select {\ncase <-ch:\n' 'return\n' '}\n'
shape switches 2 '' 'switch {\ncase u == "":\n' 'return\n' '}\n'
shape composite-literals 3 '_ = ' '[]interface{}{' '1' '}'
shape calls 4 '_ = ' 'len(string(' 'u' '))'
shape closures 4 '_ = ' 'func() interface{} { return ' 'resp' ' }'
shape go-func-literals 4 '' 'go func() {\n' 'ch <- 1\nresp.Body.Close()\n' '}()\n'
shape deferred-closures 4 '' 'defer func() {\n' 'file.Close()\n' '}()\n'

d=$W/bigline
pkg "$d"
{ printf 'package p\n\nvar s = "'; head -c 200000000 /dev/zero | tr '\0' a; printf '"\n'; } >"$d/line.go"
row "go: one 200 MB line, default 16 MiB limit" 2 1 "'$d/line.go': file is larger than the limit of 16777216 bytes" "$GOOD" 5 64 "$d"
row "go: one 200 MB line, --max-file-size 256 MiB: parsed" 0 0 - '2 files' 60 1024 --max-file-size 268435456 "$d"
rm -f "$d/line.go"

d=$W/odd
mkdir -p "$d/x.go"
printf 'package x\n' >"$d/x.go/a.go"
row "go: a directory named x.go is a package, not a file" 0 0 - '1 file' - - "$d/..."

d=$W/fifo
pkg "$d"
mkfifo "$d/pipe.go"
row "go: a FIFO named pipe.go in a tree" 2 1 "'$d/pipe.go': not a regular file" "$GOOD" 5 64 "$d"
row "go: a FIFO named pipe.go given by name does not block" 2 1 "'$d/pipe.go': cannot read: not a regular file" '1 file' 5 64 "$d/pipe.go" "$d/good.go"

d=$W/links
pkg "$d"
ln -s self.go "$d/self.go"
ln -s .. "$d/up"
ln -s nowhere.go "$d/dangling.go"
row "go: looping and dangling links, a link to .." 2 2 "'$d/self.go': Too many levels of symbolic links" "$GOOD" 5 64 "$d/..."
grep -q "'$d/dangling.go': No such file or directory" "$W/.err" &&
	ok "go: the dangling link is named" || notok "go: the dangling link is named"

d=$W/ctrl
pkg "$d"
printf 'package p\nfunc (\n' >"$d/$(printf 'a\nb\033[31m.go')"
row "go: a file name with a newline and ESC: still one line" 2 1 "'$d/a\\\\nb\\\\x1b\\[31m.go': cannot parse" "$GOOD" - - "$d"

if command -v setpriv >/dev/null 2>&1; then
	# root reads a mode-000 file anyway: these rows run as nobody
	d=$W/perm
	pkg "$d"
	printf 'package p\n' >"$d/secret.go"
	mkdir -p "$d/sub/locked"
	printf 'package locked\n' >"$d/sub/locked/l.go"
	chmod 000 "$d/secret.go" "$d/sub/locked"
	chmod -R a+rX "$W" 2>/dev/null
	chmod 000 "$d/secret.go" "$d/sub/locked"
	RUNAS="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	row "go: unreadable file (as nobody)" 2 1 "'$d/secret.go': cannot open: Permission denied" "$GOOD" 5 64 "$d"
	row "go: unreadable directory in a tree (as nobody)" 2 2 "'$d/sub/locked': Permission denied" "$GOOD" 5 64 "$d/..."
	RUNAS=
	chmod 755 "$d/sub/locked"
fi

d=$W/many
mkdir -p "$d/big"
printf 'module many\n\ngo 1.21\n' >"$d/go.mod"
awk -v d="$d/big" 'BEGIN { for (i = 0; i < 100000; i++) {
	f = sprintf("%s/f%06d.go", d, i)
	printf "package big\n\nfunc F%d() {}\n", i > f; close(f) } }'
printf 'package big\nfunc Broken( {\n' >"$d/big/zz_broken.go"
REL_ONLY=1
row "go: a 100 000-file package with one bad file" 2 1 "'$d/big/zz_broken.go': cannot parse: syntax error at line 2" '100000 files \(1 package\), with input errors' 60 1024 "$d/..."
REL_ONLY=
rm -rf "$d"

# ================================================================ go.mod

gm() { # dir go.mod-content...
	mkdir -p "$1"
	printf '%b' "$2" >"$1/go.mod"
	printf 'package m\n\nfunc F() {}\n' >"$1/m.go"
}

d=$W/mod-garbage
gm "$d" ''
garbage 4096 >"$d/go.mod"
row "go.mod: random bytes; the package is still scanned" 2 1 "'$d/go.mod': not a text file: (NUL byte|invalid UTF-8) at line [0-9]+" "$GOOD" 5 64 "$d"

d=$W/mod-elf
gm "$d" ''
head -c 4096 "$REL" >"$d/go.mod"
row "go.mod: an ELF binary" 2 1 "'$d/go.mod': not a text file" "$GOOD" - - "$d"

d=$W/mod-trunc
gm "$d" 'module m\n\ngo 1.22\n\nrequire (\n\tgolang.org/x/sync v0.7.0\n\tgolang.org/x/'
row "go.mod: truncated inside require (...)" 2 1 "'$d/go.mod': unterminated block opened at line 5" "$GOOD" - - "$d"

d=$W/mod-cutversion
gm "$d" 'module m\n\ngo 1.'
row "go.mod: truncated go line" 2 1 "'$d/go.mod': invalid go version '1\\.' at line 3" "$GOOD" - - "$d"

d=$W/mod-prose
gm "$d" 'This is not a go.mod file.\n'
row "go.mod: prose" 2 1 "'$d/go.mod': unknown directive 'This' at line 1" "$GOOD" - - "$d"

d=$W/mod-empty
gm "$d" ''
row "go.mod: empty is accepted (newest Go assumed)" 0 0 - '1 file' - - "$d"

d=$W/mod-big
gm "$d" ''
{ printf 'module m\n// '; head -c 200000000 /dev/zero | tr '\0' x; printf '\n'; } >"$d/go.mod"
row "go.mod: one 200 MB line" 2 1 "'$d/go.mod': file is larger than the limit of 4194304 bytes" "$GOOD" 5 64 "$d"
rm -f "$d/go.mod"

d=$W/mod-limit
gm "$d" 'module m\n\ngo 1.22\n'
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "// padding line %d\n", i }' >>"$d/go.mod"
row "go.mod: past --max-file-size 50000" 2 1 "'$d/go.mod': file is larger than the limit of 50000 bytes" "$GOOD" - - --max-file-size 50000 "$d"

d=$W/baseline
gm "$d" 'module m\n\ngo 1.19\n'
{ printf '{"leakhound_baseline": 1, "tool_version": "0.1.0", "findings": [\n'
  awk 'BEGIN { for (i = 0; i < 2000; i++) printf "  {\"fingerprint\": \"%016x\", \"rule\": \"LH702\", \"path\": \"a.go\"},\n", i }'
  printf '  {"fingerprint": "0000000000000000", "rule": "LH702", "path": "a.go"}]}\n'; } >"$W/baseline.json"
row "baseline: past --max-baseline-size 50000" 2 1 "'$W/baseline.json': file is larger than the limit of 50000 bytes" - - - --baseline "$W/baseline.json" --max-baseline-size 50000 "$d"
row "baseline: within --max-baseline-size 1000000" 0 0 - '1 file' - - --baseline "$W/baseline.json" --max-baseline-size 1000000 "$d"

d=$W/mod-dir
mkdir -p "$d/go.mod"
printf 'package m\n' >"$d/m.go"
row "go.mod: a directory named go.mod is not a go.mod" 0 0 - '1 file' - - "$d"

# ================================================================ runtime files
CMD=inspect
RT=tests/fixtures/runtime/go119
GOODRT="$RT/goroutine.3.debug2.txt"
OTHERS='goroutine: 77 goroutines in 14 buckets'
d=$W/rt
mkdir -p "$d"

# prefix FILE BYTES NAME: the first bytes of a fixture, as $d/NAME
prefix() { head -c "$2" "$1" >"$d/$3"; }

: >"$d/empty.txt"
row "inspect: empty file" 2 1 "'$d/empty.txt': empty input" "$OTHERS" - - "$d/empty.txt" "$GOODRT"

garbage 65536 >"$d/random.bin"
row "inspect: 64 KiB of random bytes" 2 1 "'$d/random.bin': " "$OTHERS" 5 64 "$d/random.bin" "$GOODRT"

rep 3000 'lorem ipsum ( dolor } sit [ amet\n' >"$d/prose.txt"
row "inspect: text that is no dump or profile" 2 1 "'$d/prose.txt': not a goroutine dump, profile, expvar JSON or trace" "$OTHERS" 5 64 "$d/prose.txt" "$GOODRT"

prefix "$RT/goroutine.3.debug2.txt" 13519 debug2-cut.txt
row "inspect: goroutine debug=2 cut inside a stack" 2 1 "'$d/debug2-cut.txt': truncated goroutine 79: 'created by' without its file line at byte 13519" "$OTHERS" - - "$d/debug2-cut.txt" "$GOODRT"

# cuts exactly at a line end, told from what Go always writes next
prefix "$RT/goroutine.3.debug2.txt" 3232 debug2-cut-header.txt
row "inspect: goroutine debug=2 cut after a goroutine header" 2 1 "'$d/debug2-cut-header.txt': truncated goroutine 8: no frames after its header at byte 3232" "$OTHERS" - - "$d/debug2-cut-header.txt" "$GOODRT"
prefix "$RT/goroutine.3.debug2.txt" 3251 debug2-cut-func.txt
row "inspect: goroutine debug=2 cut after a function line" 2 1 "'$d/debug2-cut-func.txt': truncated goroutine 8: frame without its file line at byte 3251" "$OTHERS" - - "$d/debug2-cut-func.txt" "$GOODRT"
prefix "$RT/goroutine.2.debug1.txt" 2708 debug1-cut-record.txt
row "inspect: goroutine debug=1 cut after a frame line" 2 1 "'$d/debug1-cut-record.txt': truncated count profile: no blank line after its last record at byte 2708" "$OTHERS" - - "$d/debug1-cut-record.txt" "$GOODRT"
prefix "$RT/goroutine.2.debug1.txt" 2709 debug1-cut-blank.txt
row "inspect: goroutine debug=1 cut after a record's blank line" 2 1 "'$d/debug1-cut-blank.txt': truncated count profile: its records count 50 of the 54 its header declares at byte 2709" "$OTHERS" - - "$d/debug1-cut-blank.txt" "$GOODRT"
prefix "$RT/heap.2.debug1.txt" 50197 heap-cut-trailer.txt
row "inspect: heap debug=1 cut before its MemStats" 2 1 "'$d/heap-cut-trailer.txt': truncated heap profile: no '# runtime.MemStats' trailer at byte 50197" "$OTHERS" - - "$d/heap-cut-trailer.txt" "$GOODRT"

prefix "$RT/panic.txt" 7568 panic-cut.txt
row "inspect: panic traceback cut inside a frame" 2 1 "'$d/panic-cut.txt': expected a file:line after a frame of goroutine 45" "$OTHERS" - - "$d/panic-cut.txt" "$GOODRT"

prefix "$RT/goroutine.1.debug1.txt" 2602 debug1-cut.txt
row "inspect: goroutine debug=1 cut inside a frame line" 2 1 "'$d/debug1-cut.txt': bad frame line at byte 2536" "$OTHERS" - - "$d/debug1-cut.txt" "$GOODRT"

prefix "$RT/heap.2.debug1.txt" 34670 heap-cut.txt
row "inspect: heap debug=1 cut inside a frame line" 2 1 "'$d/heap-cut.txt': bad frame line at byte 34666" "$OTHERS" - - "$d/heap-cut.txt" "$GOODRT"

for f in heap.1.pb.gz goroutine.1.pb.gz allocs.pb.gz; do
	prefix "$RT/$f" $(($(wc -c <"$RT/$f") / 2)) "cut-$f"
	row "inspect: $f cut in half" 2 1 "'$d/cut-$f': truncated gzip data at byte [0-9]+" "$OTHERS" - - "$d/cut-$f" "$GOODRT"
done

gunzip -c "$RT/heap.1.pb.gz" | head -c 1000 >"$d/heap-plain-cut.pb"
row "inspect: plain heap profile.proto cut at 1000 bytes" 2 1 "'$d/heap-plain-cut.pb': " "$OTHERS" - - "$d/heap-plain-cut.pb" "$GOODRT"

row "inspect: a cpu profile is the wrong kind" 2 1 "'$RT/cpu.pb.gz': a 'cpu' profile: leakhound reads heap, allocs and goroutine profiles" "$OTHERS" - - "$RT/cpu.pb.gz" "$GOODRT"

prefix "$RT/trace.out" 7508 trace-cut.out
row "inspect: execution trace cut in a varint" 2 1 "'$d/trace-cut.out': truncated trace \(varint\) at byte 7506" "$OTHERS" - - "$d/trace-cut.out" "$GOODRT"

prefix "$RT/vars.json" 2822 vars-cut.json
row "inspect: /debug/vars JSON cut in a string" 2 1 "'$d/vars-cut.json': bad JSON: premature end of input" "$OTHERS" - - "$d/vars-cut.json" "$GOODRT"

{ head -c 1000 "$RT/goroutine.3.debug2.txt"; head -c 200000000 /dev/zero | tr '\0' x; printf '\n'; } >"$d/longline.txt"
row "inspect: one 200 MB line in a dump" 2 1 "'$d/longline.txt': line longer than the limit of 1048576 bytes at byte 979" "$OTHERS" 5 64 "$d/longline.txt" "$GOODRT"
rm -f "$d/longline.txt"

# a dump followed by 2 GB of newlines, gzip'd to 8 MB: inflated and read
# up to the 1 GiB cap, never held (release build only: ASan reads the
# gigabyte many times slower)
{ printf 'goroutine profile: total 1\n'; head -c 2000000000 /dev/zero | tr '\0' '\n'; } | gzip -1 >"$d/bomb.gz"
REL_ONLY=1
row "inspect: gzip bomb (2 GB in 8 MB)" 2 1 "'$d/bomb.gz': decompressed data passes the limit of 1073741824 bytes \(gzip bomb\?\)" "$OTHERS" 60 64 "$d/bomb.gz" "$GOODRT"
REL_ONLY=
row "inspect: gzip bomb, --max-decompressed 50000000" 2 1 "'$d/bomb.gz': decompressed data passes the limit of 50000000 bytes" "$OTHERS" 30 64 --max-decompressed 50000000 "$d/bomb.gz" "$GOODRT"
rm -f "$d/bomb.gz"

head -c 300000000 /dev/zero | gzip -1 >"$d/zeros.gz"
row "inspect: gzip of 300 MB of zeros" 2 1 "'$d/zeros.gz': not a pprof profile" "$OTHERS" 5 64 "$d/zeros.gz" "$GOODRT"
rm -f "$d/zeros.gz"

# one goroutine 100 000 frames deep: kept to --max-frames (1024), elided
{
	printf 'goroutine 1 [chan receive, 30 minutes]:\n'
	awk 'BEGIN { for (i = 0; i < 100000; i++)
		printf "main.f%d(...)\n\t/src/main.go:%d +0x1d\n", i, i + 1 }'
	printf 'created by main.main\n\t/src/main.go:1 +0x1\n'
} >"$d/deepstack.txt"
row "inspect: a 100 000-frame stack is cut to 1024 frames" '0|1' 0 - 'goroutine: 1 goroutine' 10 128 "$d/deepstack.txt"
row "inspect: --max-frames 3" '0|1' 0 - 'goroutine: 1 goroutine' - - --max-frames 3 "$d/deepstack.txt"
row "inspect: --max-buckets 2" 2 1 "'$GOODRT': more than 2 distinct goroutine stacks at byte [0-9]+" - - - --max-buckets 2 "$GOODRT"
row "inspect: --max-message 1024 on /debug/vars" 2 1 "'$RT/vars.json': JSON larger than the limit of 1024 bytes" "$OTHERS" - - --max-message 1024 "$RT/vars.json" "$GOODRT"

mkdir -p "$d/adir"
row "inspect: a directory" 2 1 "'$d/adir': cannot read: Is a directory" "$OTHERS" - - "$d/adir" "$GOODRT"
row "inspect: a missing file" 2 1 "'$d/nope.txt': cannot open: No such file or directory" "$OTHERS" - - "$d/nope.txt" "$GOODRT"

if command -v setpriv >/dev/null 2>&1; then
	cp "$RT/goroutine.3.debug2.txt" "$d/secret.txt"
	chmod 000 "$d/secret.txt"
	RUNAS="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	row "inspect: unreadable file (as nobody)" 2 1 "'$d/secret.txt': cannot open: Permission denied" "$OTHERS" 5 64 "$d/secret.txt" "$GOODRT"
	RUNAS=
fi

# ================================================================ HTTP
# One sample taken the way watch takes it (tests/tools/httpget.c: the
# bounded client, then the sniffing parser) from tests/tools/hostile.c, a
# pprof endpoint that hangs, trickles, floods, bombs, answers HTML or
# redirects away. Each row asks for the bad path and a good one: the good
# one still answers. Both tools are sanitizer builds, so the bounds below
# hold even there; each row runs once (REL_ONLY).
HOSTILE=$BUILD/asan/tools/hostile
if [ -x "$HOSTILE" ] && [ -x "$BUILD/asan/tools/httpget" ]; then
	"$HOSTILE" >"$W/port" &
	hostile_pid=$!
	trap 'kill $hostile_pid 2>/dev/null; rm -rf "$W"' EXIT
	for i in 1 2 3 4 5 6 7 8 9 10; do
		[ -s "$W/port" ] && break
		sleep 0.2
	done
	U=http://127.0.0.1:$(cat "$W/port")
	LH_SAVE=$LH REL_SAVE=$REL
	LH=$BUILD/asan/tools/httpget REL=$LH CMD="-t 5000"
	REL_ONLY=1
	P=/debug/pprof/goroutine
	HOK="/ok$P: goroutine count profile, 3 goroutines"
	row "http: an endpoint that never answers (5 s timeout)" 2 1 "'$U/hang$P': no complete answer within 5000 ms" "$HOK" 10 64 "$U" "/hang$P" "/ok$P"
	row "http: a body trickling a byte a second" 2 1 "'$U/trickle$P': no complete answer within 5000 ms" "$HOK" 10 64 "$U" "/trickle$P" "/ok$P"
	row "http: a 5 GB body" 2 1 "'$U/huge$P': response is larger than the limit of 67108864 bytes" "$HOK" 10 256 "$U" "/huge$P" "/ok$P"
	row "http: a gzip bomb (5 GB in 5 MB), --max-decompressed 64 MiB" 2 1 "'$U/bomb$P': decompressed data passes the limit of 67108864 bytes \(gzip bomb\?\)" "$HOK" 60 128 -d 67108864 "$U" "/bomb$P" "/ok$P"
	row "http: an HTML login page" 2 1 "'$U/html$P': not a goroutine dump, profile" "$HOK" 5 64 "$U" "/html$P" "/ok$P"
	row "http: a redirect to another host" 2 1 "'$U/redirect-other$P': redirect to another host refused" "$HOK" 5 64 "$U" "/redirect-other$P" "/ok$P"
	row "http: a redirect loop" 2 1 "'$U/redirect-loop$P': too many redirects \(more than 3\)" "$HOK" 5 64 "$U" "/redirect-loop$P" "/ok$P"
	row "http: a 404" 2 1 "'$U/missing$P': .*404" "$HOK" 5 64 "$U" "/missing$P" "/ok$P"
	REL_ONLY=
	LH=$LH_SAVE REL=$REL_SAVE CMD=
	# leakhound watch itself on each endpoint for 3 s: one line naming
	# the endpoint and what is wrong, sampling goes on (the listening
	# process is still read from /proc: exit 0), and the run ends on time
	CMD="watch --live never --duration 3s --timeout 2000"
	for m in hang:"no complete answer within 2000 ms" \
		trickle:"no complete answer within 2000 ms" \
		huge:"response is larger than the limit of 67108864 bytes" \
		html:"not a goroutine dump, profile" \
		redirect-other:"redirect to another host refused" \
		redirect-loop:"too many redirects"; do
		row "watch: ${m%%:*} endpoint" 0 - "'$U/${m%%:*}': goroutine profile: ${m#*:}" - 10 64 "$U/${m%%:*}"
	done
	# (8 MiB: the sanitizer build parses what it inflates, and 64 MiB took
	# over 12 s under load; the parse is cancelled when the run ends)
	row "watch: gzip bomb, --max-decompressed 8 MiB" 0 - "'$U/bomb': goroutine profile: decompressed data passes the limit of 8388608 bytes" - 20 128 --duration 12s --max-decompressed 8388608 "$U/bomb"
	# --duration ends a request or a parse in progress (both cancelled
	# when the run stops: no error line, the run ends on time)
	CMD="watch --live never --duration 1s"
	row "watch: --duration 1s cuts short a request that hangs (60 s timeout)" 0 1 "watching $U/hang" "watched for 1 s" 5 64 --timeout 60000 "$U/hang"
	row "watch: --duration 2s cuts short the parse of a gzip bomb (1 GiB cap)" 0 1 "watching $U/bomb" "watched for 2 s" 8 128 --duration 2s "$U/bomb"
	CMD=
	kill "$hostile_pid" 2>/dev/null
else
	notok "http: tests/tools/hostile and httpget are not built"
fi

echo "1..$n"
[ "$fails" -eq 0 ]
