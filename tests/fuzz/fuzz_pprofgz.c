/*
 * fuzz_pprofgz.c - libFuzzer target: profile.proto as served, gzip'd. The
 * input (seeds: the .pb.gz fixtures gunzipped) is gzip-compressed here, so
 * every run goes through the stream's inflater into pprof_parse; corrupt
 * gzip framing is fuzz_sniff's (raw .pb.gz seeds).
 */
#include <stdlib.h>
#include <zlib.h>

#include "fuzz_snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	z_stream z = { 0 };
	uLong cap;
	unsigned char *gz;
	int st;

	/* windowBits 15 + 16: a gzip header and trailer, as Go writes */
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	cap = deflateBound(&z, size) + 32;
	gz = malloc(cap);
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)size;
	z.next_out = gz;
	z.avail_out = (uInt)cap;
	st = deflate(&z, Z_FINISH);
	if (st == Z_STREAM_END)
		fuzz_snapshot(pprof_parse, gz, z.total_out);
	deflateEnd(&z);
	free(gz);
	return 0;
}
