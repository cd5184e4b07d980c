/*
 * fuzz_trace.c - libFuzzer target: runtime execution traces through trace_parse,
 * then inspect's analysis and report (fuzz_snapshot.h).
 */
#include "fuzz_snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_snapshot(trace_parse, data, size);
}
