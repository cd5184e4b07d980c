/*
 * fuzz_heaptext.c - libFuzzer target: heap?debug=1 legacy text and its MemStats
 * trailer through heaptext_parse,
 * then inspect's analysis and report (fuzz_snapshot.h).
 */
#include "fuzz_snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_snapshot(heaptext_parse, data, size);
}
