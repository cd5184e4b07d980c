/*
 * fuzz_gdump2.c - libFuzzer target: goroutine?debug=2 dumps and panic and SIGQUIT
 * tracebacks through gdump_parse_text,
 * then inspect's analysis and report (fuzz_snapshot.h).
 */
#include "fuzz_snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_snapshot(gdump_parse_text, data, size);
}
