/*
 * fuzz_pprof.c - libFuzzer target: plain profile.proto (seeds: the .pb.gz
 * fixtures gunzipped) through pprof_parse,
 * then inspect's analysis and report (fuzz_snapshot.h).
 */
#include "fuzz_snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_snapshot(pprof_parse, data, size);
}
