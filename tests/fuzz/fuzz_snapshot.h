/*
 * fuzz_snapshot.h - what every runtime-parser fuzz target does with its
 * input: parse it into a snapshot from memory with one parser, and when
 * that succeeds run what `leakhound inspect` runs on it (goroutine and heap
 * analysis, findings, the text report). Included by one target each.
 *
 * Limits are the defaults except the decompressed size (16 MiB instead of
 * 1 GiB), so a gzip bomb costs the fuzzer milliseconds and still walks the
 * limit's code path.
 */
#ifndef FUZZ_SNAPSHOT_H
#define FUZZ_SNAPSHOT_H

#include <stdint.h>
#include <stdio.h>

#include "detect/rt.h"

typedef enum lh_status (*fuzz_parse_fn)(struct snapshot *s,
					struct snap_stream *in,
					const struct snap_limits *lim,
					struct lh_error *err);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fuzz_snapshot(fuzz_parse_fn parse, const uint8_t *data, size_t size)
{
	static FILE *sink;
	struct snap_limits lim = SNAP_LIMITS_DEFAULT;
	struct rt_options ro = RT_OPTIONS_INIT;
	struct lh_render_options rdo = { 0 };
	struct snapshot *s = snapshot_new("fuzz");
	struct snap_stream *in = snap_stream_mem(data, size, "fuzz");
	struct lh_error err;

	if (!sink)
		sink = fopen("/dev/null", "w");
	lim.max_decompressed = 16u << 20;
	if (parse(s, in, &lim, &err) == LH_OK) {
		const struct snapshot *const snaps[] = { s };
		lh_findings *f = lh_findings_new();

		for (int heap = 0; heap <= 1; heap++) {
			struct rt_analysis a;

			rt_analyze(&a, snaps, 1, heap, &ro, NULL);
			rt_report(&a, &ro, NULL, f);
			rt_analysis_release(&a);
		}
		lh_findings_fingerprint(f);
		lh_render_text(sink, f, &rdo);
		lh_findings_free(f);
	}
	snap_stream_free(in);
	snapshot_free(s);
	return 0;
}

#endif /* FUZZ_SNAPSHOT_H */
