#!/bin/sh
# run.sh - leakhound inspect against Debian's panicparse on synthetic
# goroutine dumps (100k and 1M goroutines, Go 1.19 debug=2 format), and
# against `go tool pprof -top` on a real heap profile with many sites.
# Prints one line per run and the ratios; results go in docs/BENCHMARKS.md
# by hand. Not part of `make test`.
#
#   bench/run.sh [OUTDIR]        (default /tmp/leakhound-bench)
#
# Needs: build/leakhound (make), go, panicparse (apt-get install panicparse),
# GNU time (/usr/bin/time). Each tool runs RUNS times (default 3), the
# tools taking turns (leakhound, the other, leakhound, ...) so both see the
# same load; the median wall time, the median CPU time (user+sys) and the
# largest peak RSS are kept. On a shared machine wall time depends on what
# else runs: the load average is printed before and after.
set -eu
cd "$(dirname "$0")/.."
out=${1:-/tmp/leakhound-bench}
runs=${RUNS:-3}
lh=${LEAKHOUND:-build/leakhound}
mkdir -p "$out"
command -v panicparse >/dev/null || {
	echo "bench: panicparse missing: apt-get install panicparse" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: GNU time missing: apt-get install time" >&2; exit 2; }
[ -x "$lh" ] || { echo "bench: build leakhound first (make)" >&2; exit 2; }

(cd bench && go build -o "$out/gendump" ./gendump && go build -o "$out/genheap" ./genheap)
[ -f "$out/g100k.txt" ] || "$out/gendump" -n 100000 -o "$out/g100k.txt"
[ -f "$out/g1m.txt" ] || "$out/gendump" -n 1000000 -o "$out/g1m.txt"
[ -f "$out/heap.pb.gz" ] || "$out/genheap" -sites 100000 -o "$out/heap.pb.gz"

# once NAME CMD...: one run; appends "wall cpu rss" to $out/NAME.runs
once() {
	name=$1
	shift
	/usr/bin/time -o "$out/time" -f '%e %U %S %M' "$@" >/dev/null 2>"$out/err" || {
		echo "bench: $name failed:" >&2; tail -3 "$out/err" >&2; exit 1; }
	read -r wall user sys rss <"$out/time"
	echo "$wall $(echo "$user + $sys" | bc) $rss" >>"$out/$name.runs"
}
# median COLUMN NAME: the median of a column of $out/NAME.runs
median() { cut -d' ' -f"$1" "$out/$2.runs" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# report NAME LABEL FILE: prints medians, sets R_NAME_{wall,cpu,rss}
report() {
	name=$1 label=$2 file=$3
	wall=$(median 1 "$name") cpu=$(median 2 "$name")
	rss=$(cut -d' ' -f3 "$out/$name.runs" | sort -n | tail -1)
	bytes=$(stat -c %s "$file")
	mbs_wall=$(echo "scale=1; $bytes / 1000000 / ($wall + 0.001)" | bc)
	mbs_cpu=$(echo "scale=1; $bytes / 1000000 / ($cpu + 0.001)" | bc)
	printf '%-34s wall %7.2fs  cpu %7.2fs  %8.1f MB/s (cpu %8.1f)  rss %8d KB  [runs: %s]\n' \
		"$label" "$wall" "$cpu" "$mbs_wall" "$mbs_cpu" "$rss" \
		"$(cut -d' ' -f1,2 "$out/$name.runs" | tr ' \n' '/ ' | sed 's/ $//')"
	eval "R_${name}_wall=$wall R_${name}_cpu=$cpu R_${name}_rss=$rss"
}
# pair A ACMD -- B BCMD: RUNS alternating runs of both commands
pair() {
	a=$1
	shift
	acmd=
	while [ "$1" != -- ]; do acmd="$acmd '$1'"; shift; done
	shift
	b=$1
	shift
	rm -f "$out/$a.runs" "$out/$b.runs"
	for _ in $(seq "$runs"); do
		eval "once $a $acmd"
		once "$b" "$@"
	done
}
ratio() { echo "scale=1; $1 / ($2 + 0.001)" | bc; }

echo "machine: $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg); $(go version); panicparse $(dpkg-query -W -f '${Version}' panicparse 2>/dev/null)"
for n in 100k 1m; do
	f="$out/g$n.txt"
	echo "dump g$n.txt: $(stat -c %s "$f") bytes"
	pair lh$n "$lh" inspect --top 10 "$f" -- pp$n panicparse -parse=false -rebase=false "$f"
	report lh$n "leakhound inspect" "$f"
	report pp$n "panicparse -parse=false" "$f"
	eval "lw=\$R_lh${n}_wall lc=\$R_lh${n}_cpu lr=\$R_lh${n}_rss pw=\$R_pp${n}_wall pc=\$R_pp${n}_cpu pr=\$R_pp${n}_rss"
	echo "  ratio g$n: $(ratio "$pw" "$lw")x faster (wall), $(ratio "$pc" "$lc")x less cpu, rss 1/$(ratio "$pr" "$lr")"
	# the same file in one pass: one thread (-j 1), and streamed from a
	# pipe (what stdin, gzip and HTTP bodies get)
	rm -f "$out/one$n.runs" "$out/pipe$n.runs"
	for _ in $(seq "$runs"); do
		once one$n "$lh" inspect -j 1 --top 10 "$f"
		once pipe$n sh -c "cat '$f' | '$lh' inspect --top 10 -"
	done
	report one$n "leakhound inspect -j 1" "$f"
	report pipe$n "cat | leakhound inspect -" "$f"
done
f="$out/heap.pb.gz"
echo "heap profile heap.pb.gz: $(stat -c %s "$f") bytes gzip'd, $(gzip -dc "$f" | wc -c) bytes"
pair lhheap "$lh" inspect --top 10 "$f" -- ppheap go tool pprof -top "$f"
report lhheap "leakhound inspect" "$f"
report ppheap "go tool pprof -top" "$f"
echo "  ratio heap: $(ratio "$R_ppheap_wall" "$R_lhheap_wall")x faster (wall), $(ratio "$R_ppheap_cpu" "$R_lhheap_cpu")x less cpu, rss 1/$(ratio "$R_ppheap_rss" "$R_lhheap_rss")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
