/*
 * fuzz_expvar.c - libFuzzer target: /debug/vars JSON through expvar_parse,
 * then inspect's analysis and report (fuzz_snapshot.h).
 */
#include "fuzz_snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_snapshot(expvar_parse, data, size);
}
