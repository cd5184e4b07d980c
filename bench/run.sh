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
# GNU time (/usr/bin/time). Each tool runs RUNS times (default 3); the
# best wall time and the largest peak RSS are kept. CPU time (user+sys) is
# reported too: on a loaded machine it is the steadier number.
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

# measure NAME FILE CMD...: best wall, best cpu, max rss over $runs runs
measure() {
	name=$1 file=$2
	shift 2
	best_wall= best_cpu= max_rss=0
	for _ in $(seq "$runs"); do
		/usr/bin/time -o "$out/time" -f '%e %U %S %M' "$@" >/dev/null 2>"$out/err" || {
			echo "bench: $name failed:" >&2; tail -3 "$out/err" >&2; exit 1; }
		read -r wall user sys rss <"$out/time"
		cpu=$(echo "$user + $sys" | bc)
		[ -z "$best_wall" ] || [ "$(echo "$wall < $best_wall" | bc)" -eq 1 ] && best_wall=$wall
		[ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc)" -eq 1 ] && best_cpu=$cpu
		[ "$rss" -gt "$max_rss" ] && max_rss=$rss
	done
	bytes=$(stat -c %s "$file")
	mbs_wall=$(echo "scale=1; $bytes / 1000000 / ($best_wall + 0.001)" | bc)
	mbs_cpu=$(echo "scale=1; $bytes / 1000000 / ($best_cpu + 0.001)" | bc)
	printf '%-34s wall %7.2fs  cpu %7.2fs  %8.1f MB/s (cpu %8.1f)  rss %8d KB\n' \
		"$name" "$best_wall" "$best_cpu" "$mbs_wall" "$mbs_cpu" "$max_rss"
	eval "R_${name%% *}_wall=$best_wall R_${name%% *}_cpu=$best_cpu R_${name%% *}_rss=$max_rss"
}
ratio() { echo "scale=1; $1 / ($2 + 0.001)" | bc; }

echo "machine: $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg); $(go version); panicparse $(dpkg-query -W -f '${Version}' panicparse 2>/dev/null)"
for n in 100k 1m; do
	f="$out/g$n.txt"
	echo "dump g$n.txt: $(stat -c %s "$f") bytes"
	measure "lh$n leakhound inspect" "$f" "$lh" inspect --top 10 "$f"
	measure "pp$n panicparse -parse=false" "$f" panicparse -parse=false -rebase=false "$f"
	eval "lw=\$R_lh${n}_wall lc=\$R_lh${n}_cpu lr=\$R_lh${n}_rss pw=\$R_pp${n}_wall pc=\$R_pp${n}_cpu pr=\$R_pp${n}_rss"
	echo "  ratio g$n: $(ratio "$pw" "$lw")x faster (wall), $(ratio "$pc" "$lc")x less cpu, rss 1/$(ratio "$pr" "$lr")"
done
f="$out/heap.pb.gz"
echo "heap profile heap.pb.gz: $(stat -c %s "$f") bytes gzip'd, $(gzip -dc "$f" | wc -c) bytes"
measure "lhheap leakhound inspect" "$f" "$lh" inspect --top 10 "$f"
measure "ppheap go tool pprof -top" "$f" go tool pprof -top "$f"
echo "  ratio heap: $(ratio "$R_ppheap_wall" "$R_lhheap_wall")x faster (wall), $(ratio "$R_ppheap_cpu" "$R_lhheap_cpu")x less cpu, rss 1/$(ratio "$R_ppheap_rss" "$R_lhheap_rss")"
