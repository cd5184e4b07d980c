#!/bin/sh
# run.sh - run the libFuzzer targets built in $BUILD/fuzz/bin (TAP).
#
# usage: tests/fuzz/run.sh [-t SECONDS] [-s SEED] [TARGET...]
#
# For each target T (default: every tests/fuzz/fuzz_T.c):
#   1. seeds: the test fixtures of T's input kind are copied (named by
#      checksum, so each once) into $BUILD/fuzz/seeds/T; nothing is committed
#      twice. New inputs libFuzzer finds accumulate in $BUILD/fuzz/corpus/T.
#   2. regressions: every file in tests/fuzz/regressions/T/ (an input that
#      once crashed, hung or leaked) is replayed; one TAP line.
#   3. fuzzing for SECONDS (default 5) with ASan+UBSan+LSan, a 10 s per-input
#      timeout and a 2 GiB RSS limit; one TAP line with CPU seconds,
#      executions and coverage, also appended to $BUILD/fuzz/stats.tsv
#      (date, target, seconds asked, CPU seconds, runs, coverage). A crash
#      leaves its input in $BUILD/fuzz/crashes/T/ (copy it to the
#      regressions).
#   -s SEED fixes libFuzzer's random seed: `make test` passes one, so a run
#      explores the same inputs in the same order on every machine (how far
#      it gets still depends on the CPU it is given); `make fuzz` does not.
set -u
BUILD=${BUILD:-build}
secs=5
seed=
while getopts t:s: o; do
	case $o in
	t) secs=$OPTARG ;;
	s) seed="-seed=$OPTARG" ;;
	*) echo "usage: $0 [-t SECONDS] [-s SEED] [TARGET...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -eq 0 ]; then
	set --
	for f in tests/fuzz/fuzz_*.c; do
		t=${f#tests/fuzz/fuzz_}
		set -- "$@" "${t%.c}"
	done
fi

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

# Copies the test fixtures of target $1's input kind into directory $2,
# each file named by its checksum (so each distinct one once).
RT=tests/fixtures/runtime
seed_files() { # dir files...
	d=$1
	shift
	for f in "$@"; do
		[ -f "$f" ] && cp "$f" "$d/$(cksum <"$f" | cut -d' ' -f1)"
	done
}
seed_gunzip() { # dir files...
	d=$1
	shift
	for f in "$@"; do
		[ -f "$f" ] && gunzip -c "$f" >"$d/.tmp" 2>/dev/null &&
			mv "$d/.tmp" "$d/$(cksum <"$d/.tmp" | cut -d' ' -f1)"
	done
	rm -f "$d/.tmp"
}
seeds_for() { # target dir
	case $1 in
	gosrc | suppress)
		# shellcheck disable=SC2046
		seed_files "$2" $(find tests examples -name '*.go' -type f) ;;
	gomod)
		# shellcheck disable=SC2046
		seed_files "$2" $(find tests examples -name go.mod -type f) ;;
	gdump2)
		seed_files "$2" "$RT"/*/*debug2.txt "$RT"/*/*sigquit*.txt \
			"$RT"/*/panic*.txt "$RT"/hand/*.txt ;;
	gdump1)
		seed_files "$2" "$RT"/*/goroutine*debug1.txt \
			"$RT"/*/threadcreate*.txt ;;
	heaptext)
		seed_files "$2" "$RT"/*/heap*debug1.txt ;;
	pprof | pprofgz)
		seed_gunzip "$2" "$RT"/*/*.pb.gz ;;
	expvar)
		seed_files "$2" "$RT"/*/*.json ;;
	trace)
		seed_files "$2" "$RT"/*/trace*.out ;;
	sniff)
		# shellcheck disable=SC2046
		seed_files "$2" $(find "$RT" -type f ! -name '*.go' ! -name '*.sh' \
			! -name go.mod ! -name GOVERSION) ;;
	baseline)
		# a baseline written by the release build from the golden cases
		if [ -x "$BUILD/leakhound" ] && [ -d tests/golden ]; then
			"$BUILD/leakhound" scan --write-baseline "$2/golden.json" \
				tests/golden/... >/dev/null 2>&1
			printf '{"leakhound_baseline":1,"findings":[]}' >"$2/empty.json"
		fi ;;
	esac
}

for t in "$@"; do
	bin=$BUILD/fuzz/bin/fuzz_$t
	seeds=$BUILD/fuzz/seeds/$t
	corpus=$BUILD/fuzz/corpus/$t
	crashes=$BUILD/fuzz/crashes/$t
	log=$BUILD/fuzz/logs/$t.log
	if [ ! -x "$bin" ]; then
		notok "$t: $bin not built"
		continue
	fi
	rm -rf "$seeds"
	mkdir -p "$seeds" "$corpus" "$crashes" "$(dirname "$log")"
	seeds_for "$t" "$seeds"

	regs=tests/fuzz/regressions/$t
	if [ -d "$regs" ] && [ -n "$(ls -A "$regs")" ]; then
		cnt=$(ls -A "$regs" | wc -l)
		if "$bin" "$regs"/* >"$log" 2>&1; then
			ok "$t: $cnt regression inputs replayed"
		else
			notok "$t: regression input fails"
			grep -E 'Running:|ERROR|SUMMARY' "$log" | tail -5 | sed 's/^/# /'
		fi
	fi

	dict=
	[ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
	# shellcheck disable=SC2086
	/usr/bin/time -f '%U %S' -o "$log.cpu" \
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$crashes/" $dict $seed \
		"$corpus" "$seeds" >"$log" 2>&1
	st=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
	cpu=$(tail -1 "$log.cpu" | awk '{ printf "%.0f", $1 + $2 }')
	nseeds=$(ls -A "$seeds" | wc -l)
	if [ "$st" -eq 0 ]; then
		ok "$t: fuzzed ${secs}s (${cpu} s CPU) from $nseeds seeds, ${execs:-?} runs, cov ${cov:-?}"
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" \
			"$secs" "${cpu:-0}" "${execs:-0}" "${cov:-0}" \
			>>"$BUILD/fuzz/stats.tsv"
	else
		notok "$t: fuzzing failed (exit $st; input in $crashes/)"
		grep -E '^==[0-9]+==ERROR|SUMMARY|runtime error|Test unit written' \
			"$log" | head -8 | sed 's/^/# /'
	fi
done
echo "1..$n"
[ "$fails" -eq 0 ]
