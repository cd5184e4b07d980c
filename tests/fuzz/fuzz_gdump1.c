/*
 * fuzz_gdump1.c - libFuzzer target: the count format (goroutine?debug=1,
 * threadcreate) through gdump_parse_count,
 * then inspect's analysis and report (fuzz_snapshot.h).
 */
#include "fuzz_snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_snapshot(gdump_parse_count, data, size);
}
