/*
 * fuzz_sniff.c - libFuzzer target: any input through snap_parse, which
 * sniffs the format (after gunzip) and picks the parser `inspect` uses,
 * then inspect's analysis and report (fuzz_snapshot.h). Seeds: every
 * runtime fixture.
 */
#include "fuzz_snapshot.h"

static enum lh_status sniff(struct snapshot *s, struct snap_stream *in,
			    const struct snap_limits *lim, struct lh_error *err)
{
	return snap_parse(s, in, lim, NULL, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_snapshot(sniff, data, size);
}
