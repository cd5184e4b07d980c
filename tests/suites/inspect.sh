#!/bin/sh
# inspect.sh - `leakhound inspect` on the committed runtime fixtures (real
# Go 1.19 captures from tests/fixtures/runtime/capture.sh, a current-Go
# SIGQUIT from capture-esbuild.sh) and on bad input (TAP).
set -u
LH=${LEAKHOUND:-build/asan/leakhound}
F=tests/fixtures/runtime/go119
SRC=tests/fixtures/runtime/gen
n=0
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }
run() { # want-status command... (output in $tmp/out, $tmp/err)
	want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] && return 0
	echo "# exit $got, want $want: $*"
	sed 's/^/# /' "$tmp/err" | head -5
	return 1
}
has() { # name pattern [file]: the output has a line matching pattern
	if grep -Eq -- "$2" "${3:-$tmp/out}"; then ok "$1"; else
		notok "$1"
		echo "# no line matching: $2"
		sed 's/^/#   /' "${3:-$tmp/out}" | head -40
	fi
}
hasnt() {
	if grep -Eq -- "$2" "${3:-$tmp/out}"; then
		notok "$1"
		grep -E -- "$2" "${3:-$tmp/out}" | sed 's/^/#   /' | head -5
	else ok "$1"; fi
}

run 0 "$LH" inspect -h && grep -q '^usage: leakhound inspect' "$tmp/out" &&
	ok "inspect -h shows its synopsis" || notok "inspect -h shows its synopsis"
run 2 "$LH" inspect && ok "inspect without files is a usage error" ||
	notok "inspect without files is a usage error"
run 2 "$LH" inspect --top x "$F/vars.json" && ok "bad --top is a usage error" ||
	notok "bad --top is a usage error"

# ---- one goroutine dump (debug=2)
run 1 "$LH" inspect "$F/goroutine.3.debug2.txt" &&
	ok "debug=2 dump: findings, exit 1" || notok "debug=2 dump: findings, exit 1"
has "debug=2: channel send pile-up" 'leaky.go:[0-9]+: LH191 15 goroutines blocked in chan send in main.fetch.func1, created by main.fetch'
has "debug=2: Go 1.19 semacquire read as a mutex" 'LH192 9 goroutines blocked in sync.Mutex.Lock in main.lockForever'
has "debug=2: nil channel" 'LH193 3 goroutines blocked forever on chan receive \(nil chan\) in main.waitNil'
has "debug=2: unread response bodies" 'LH791 9 http connections wait for their response body'
has "debug=2: LH791 located where the connections wait (no user frame)" '^net/http/transport.go:[0-9]+: LH791 9 http connections'
has "debug=2: LH791 says its location is not user code" 'no frame of these stacks is user code'
has "debug=2: table ranks the send bucket first" '^ +1 +15 .*chan send .*LH191 +main.fetch.func1'
hasnt "debug=2: flat ticker select loop not reported" 'LH19[0-9].*main.pollLoop'
hasnt "debug=2: idle server conns not reported" 'LH[0-9]+.*IO wait'

# ---- count format series
run 1 "$LH" inspect "$F/goroutine.1.debug1.txt" "$F/goroutine.2.debug1.txt" "$F/goroutine.3.debug1.txt" &&
	ok "debug=1 series: exit 1" || notok "debug=1 series: exit 1"
has "debug=1 series: growth verdict" 'LH190 15 goroutines accumulate in main.fetch.func1 \(growing: \+10 over 3 snapshots\).*high confidence'
has "debug=1 series: WaitGroup told by its sync frame" 'LH192 3 goroutines blocked in sync.WaitGroup.Wait in main.waitForever \(growing'
has "debug=1 series: per-snapshot values" 'goroutines per snapshot: 5 -> 10 -> 15'
has "debug=1 series: flat pool is stable" 'main.pollLoop' 
hasnt "debug=1 series: flat pool not reported" 'LH[0-9]+ .*main.pollLoop'

# --src maps frames to files, reads the blocking line, runs the static scan
run 1 "$LH" inspect --src "$SRC" "$F/goroutine.1.debug1.txt" "$F/goroutine.3.debug1.txt" &&
	ok "--src: exit 1" || notok "--src: exit 1"
has "--src: the send is read from the source line" "^$SRC/leaky.go:[0-9]+:[0-9]+: LH191 15 goroutines blocked in chan send in main.fetch.func1"
has "--src: source snippet" 'ch <- work\(\)'
has "--src: summary of the static cross-check" 'static scan of 1 file'

run 1 "$LH" inspect --top 0 --src "$SRC" "$F/goroutine.3.debug2.txt" &&
	has "--src: the static rules agree on the send leak" 'static analysis agrees: LH1[0-9][0-9] ' ||
	notok "--src cross-check ran"

# ---- goroutine proto series (runtime frames kept)
run 1 "$LH" inspect "$F/goroutine.1.pb.gz" "$F/goroutine.2.pb.gz" "$F/goroutine.3.pb.gz" &&
	ok "goroutine proto series: exit 1" || notok "goroutine proto series: exit 1"
has "proto: chansend frames give the wait" 'LH191 15 goroutines blocked in chan send in main.fetch.func1 \(growing'
has "proto: mutex from semacquire frames" 'LH192 9 goroutines blocked in sync.Mutex.Lock in main.lockForever'
has "proto: cond wait" 'LH192 3 goroutines blocked in sync.Cond.Wait in main.condForever'

# ---- heap
run 1 "$LH" inspect --src "$SRC" "$F/heap.1.pb.gz" "$F/heap.2.pb.gz" "$F/heap.3.pb.gz" &&
	ok "heap proto series: exit 1" || notok "heap proto series: exit 1"
has "heap: growing map" 'leaky.go:[0-9]+:[0-9]+: LH391 map memory allocated here in use: .* \(growing\)'
has "heap: large buffers (bytes label)" 'LH491 large buffers .* of 72\.[0-9] KiB'
has "heap: pool New keeps allocating" 'LH691 pool objects'
has "heap: unstopped tickers" 'LH291 timers/tickers'
has "heap: uncancelled contexts" 'LH292 contexts'
run 1 "$LH" inspect "$F/heap.1.debug1.txt" "$F/heap.3.debug1.txt" &&
	ok "heap text series: exit 1" || notok "heap text series: exit 1"
has "heap text: scaled like the proto" 'LH491 large buffers allocated here in use: 1\.[0-9] MiB -> 4\.[0-9] MiB'
has "heap text: MemStats trailer" '^  HeapInuse +[0-9.]+M +[0-9.]+M'
run 1 "$LH" inspect --base "$F/heap.1.pb.gz" "$F/heap.3.pb.gz" &&
	ok "--base: exit 1" || notok "--base: exit 1"
has "--base: deltas against the base" 'over 2 snapshots \(growing\)'
run 0 "$LH" inspect "$F/heap.1.pb.gz" && ok "one heap profile: no finding without growth or many timers" ||
	notok "one heap profile: no finding without growth or many timers"
run 1 "$LH" inspect "$F/allocs.pb.gz" && has "allocs profile read as heap sites" '^heap: .* sites'
# a profile that kept the allocator's frames (Go 1.24.0 let its swiss
# map frames through; runtime frames stay when all frames are runtime):
# map growth told from them, without --src
for i in 1 2 3; do
	o=$((i * 40)) b=$((i * 40 * 8192))
	printf '%s\n' "heap profile: $o: $b [$o: $b] @ heap/1048576" \
		"$o: $b [$o: $b] @ 0x4123a5 0x411f8d 0x40e9c5 0x47b2a5 0x47b1d4" \
		"#	0x4123a4	internal/runtime/maps.newarray+0x24	/go/src/internal/runtime/maps/table.go:77" \
		"#	0x411f8c	internal/runtime/maps.(*table).grow+0x4c	/go/src/internal/runtime/maps/table.go:1055" \
		"#	0x40e9c4	runtime.mapassign_faststr+0x144	/go/src/internal/runtime/maps/runtime_faststr_swiss.go:263" \
		"#	0x47b2a4	example.com/app/cache.(*Cache).Put+0x84	/src/app/cache/cache.go:41" \
		"#	0x47b1d3	main.main+0x33	/src/app/main.go:12" "" \
		"$o: $b [$o: $b] @ 0x40ad51 0x4123a5 0x47b311 0x47b1d4" \
		"#	0x47b310	main.fill+0x20	/src/app/main.go:30" \
		"#	0x47b1d3	main.main+0x33	/src/app/main.go:12" "" \
		'# runtime.MemStats' "# HeapInuse = $b" >"$tmp/heap-maps.$i.txt"
done
run 1 "$LH" inspect "$tmp/heap-maps.1.txt" "$tmp/heap-maps.2.txt" "$tmp/heap-maps.3.txt" &&
	ok "heap with allocator frames: exit 1" || notok "heap with allocator frames: exit 1"
has "heap: map growth told from internal/runtime/maps frames" 'cache.go:41: LH391 map memory allocated here'
has "heap: growth with hidden runtime frames stays generic" 'main.go:30: LH390 memory allocated here'

# ---- tracebacks and other inputs
for f in sigquit.txt sigquit.system.txt panic.txt; do
	run 1 "$LH" inspect "$F/$f" && has "$f: send pile-up found" 'LH191 .* main.fetch.func1' ||
		notok "$f: parsed"
done
run 1 "$LH" inspect "$F/sigquit.txt" && has "SIGQUIT preamble shown" '^  SIGQUIT: quit'
run 1 "$LH" inspect "$F/panic.txt" && has "panic preamble shown" '^  panic: boom \[recovered\]'
run 0 "$LH" inspect tests/fixtures/runtime/current/esbuild-sigquit.txt &&
	has "current Go crash format (gp=/m=/mp=, in goroutine N)" '^goroutine: 9 goroutines in 9 buckets' ||
	notok "current Go crash format parsed"
run 0 "$LH" inspect "$F/vars.json" && has "expvar memstats" '^  HeapObjects +[0-9]+' ||
	notok "expvar parsed"
run 0 "$LH" inspect "$F/threadcreate.debug1.txt" && has "threadcreate count profile" '^threadcreate: 8 ' ||
	notok "threadcreate parsed"
run 1 "$LH" inspect "$F/trace.out" && has "trace: goroutines created in the window, blocked at the end" 'LH191 5 goroutines blocked in chan send in main.fetch.func1, created by main.fetch' ||
	notok "trace parsed"
run 1 "$LH" inspect -f json "$F/goroutine.3.debug2.txt" && head -c1 "$tmp/out" | grep -q '{' &&
	has "json output carries runtime findings" '"LH191"' || notok "json output"
run 2 "$LH" inspect - "$F/goroutine.3.debug2.txt" </dev/null &&
	has "empty stdin is an input error, the other file still read" 'LH191' ||
	notok "empty stdin is an input error"
run 1 "$LH" inspect - <"$F/goroutine.3.debug2.txt" && ok "reads stdin" || notok "reads stdin"
gzip -c "$F/goroutine.3.debug2.txt" >"$tmp/g.txt.gz"
run 1 "$LH" inspect "$tmp/g.txt.gz" && ok "gzip'd text dump" || notok "gzip'd text dump"

# ---- bad input: one line naming the file and the byte, exit 2, others read
bad() { # name file pattern [options...]
	name=$1 file=$2 pat=$3
	shift 3
	"$LH" inspect "$@" "$file" "$F/goroutine.3.debug2.txt" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ $st -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	   grep -Eq "^leakhound: '$file': .*$pat" "$tmp/err" &&
	   grep -q 'LH191' "$tmp/out"; then
		ok "$name"
	else
		notok "$name (exit $st)"
		sed 's/^/# /' "$tmp/err" | head -3
	fi
}
printf 'hello world\nthis is not a dump\n' >"$tmp/garbage"
bad "garbage" "$tmp/garbage" 'not a goroutine dump, profile.* at byte 0'
: >"$tmp/empty"
bad "empty file" "$tmp/empty" 'empty input'
head -c 20000 "$F/goroutine.3.debug2.txt" >"$tmp/trunc.txt"
bad "truncated dump" "$tmp/trunc.txt" 'truncated goroutine [0-9]+: .* at byte [0-9]+'
head -c 1500 "$F/heap.3.pb.gz" >"$tmp/trunc.pb.gz"
bad "truncated gzip" "$tmp/trunc.pb.gz" 'truncated gzip data at byte [0-9]+'
gzip -dc "$F/heap.3.pb.gz" | head -c 3000 >"$tmp/trunc.pb"
bad "truncated protobuf" "$tmp/trunc.pb" 'truncated .* at byte [0-9]+'
bad "wrong kind of profile (cpu)" "$F/cpu.pb.gz" "a 'cpu' profile: leakhound reads heap, allocs and goroutine profiles"
cp "$SRC/leaky.go" "$tmp/leaky.go"
bad "wrong kind of file (Go source)" "$tmp/leaky.go" 'not a goroutine dump'
yes 'goroutine 1 [running]:' | head -c 50000000 | gzip -1 >"$tmp/bomb.gz"
bad "gzip bomb over --max-decompressed" "$tmp/bomb.gz" 'passes the limit of 1000000 bytes \(gzip bomb\?\) at byte' --max-decompressed 1000000
printf '\022\377\377\377\377\017' >"$tmp/absurd.pb"
bad "absurd varint length" "$tmp/absurd.pb" 'field of 4294967295 bytes is larger than the limit .* at byte 0'
printf '\010\377\377\377\377\377\377\377\377\377\377\001' >"$tmp/longvarint.pb"
bad "malformed varint" "$tmp/longvarint.pb" 'malformed varint .* at byte 1'
{ printf 'goroutine 1 [running]:\nmain.main('; head -c 3000000 /dev/zero | tr '\0' a; } >"$tmp/longline"
bad "endless line" "$tmp/longline" 'line longer than the limit of 1048576 bytes at byte 23'
printf 'go 1.22 trace\0\0\0' >"$tmp/new.trace"
bad "unsupported trace version" "$tmp/new.trace" "trace format 'go 1.22' is not read"
head -c 9000 "$F/trace.out" >"$tmp/trunc.trace"
bad "truncated trace" "$tmp/trunc.trace" 'truncated trace'
bad "missing file" "$tmp/nope" 'cannot open'

echo "1..$n"
[ "$fails" -eq 0 ]
