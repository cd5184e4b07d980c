/*
 * fuzz_gosrc.c - libFuzzer target: one Go file through the whole static
 * pipeline in memory (lh_scan_source: parse, package index, every rule),
 * then the text renderer, which quotes source lines back.
 */
#include <stdint.h>
#include <stdio.h>

#include "leakhound/leakhound.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	struct lh_scan_options o = { 0 };
	struct lh_render_options ro = { 0 };
	struct lh_error err;
	lh_findings *f = lh_findings_new();

	if (!sink)
		sink = fopen("/dev/null", "w");
	if (lh_scan_source(&o, "fuzz/x.go", (const char *)data, size, f,
			   &err) == LH_OK)
		lh_render_text(sink, f, &ro);
	lh_findings_free(f);
	return 0;
}
