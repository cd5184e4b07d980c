/*
 * test_runtime.c - unit tests of the runtime parsers (src/runtime) on
 * hand-written fixtures for the formats newer than Debian's Go, and on
 * malformed input. Real captures are checked by tests/suites/inspect.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <cmocka.h>
#include <zlib.h>

#include "runtime/rtinternal.h"

#define FIX "tests/fixtures/runtime/"

static enum lh_status pprof_parse_mem_for_test(struct snapshot *s,
					       const void *d, size_t n,
					       struct lh_error *err)
{
	struct snap_stream *in = snap_stream_mem(d, n, "cut.pb");
	enum lh_status st = pprof_parse(s, in, NULL, err);

	snap_stream_free(in);
	return st;
}

static struct snapshot *parse_file(const char *path, enum lh_status want,
				   struct lh_error *err)
{
	struct snapshot *s = snapshot_new(path);
	int fd = open(path, O_RDONLY);
	struct snap_stream *in;

	assert_true(fd >= 0);
	in = snap_stream_fd(fd, path);
	assert_int_equal(gdump_parse_text(s, in, NULL, err), want);
	snap_stream_free(in);
	close(fd);
	return s;
}

static struct snap_gbucket *find_bucket(struct snapshot *s, const char *top)
{
	for (size_t i = 0; i < s->gbuckets.len; i++) {
		struct snap_gbucket *b = s->gbuckets.items[i];

		if (b->stack.nframes && strcmp(b->stack.frames[0].func, top) == 0)
			return b;
	}
	return NULL;
}

static void test_gdump_newer(void **state)
{
	struct lh_error err = { 0 };
	struct snapshot *s = parse_file(FIX "hand/newer.txt", LH_OK, &err);
	struct snap_gbucket *b;

	(void)state;
	assert_int_equal(s->goroutines, 9);
	/* 20, 21, 22: one bucket despite different creators' goroutine ids */
	b = find_bucket(s, "main.fetch.func1");
	assert_non_null(b);
	assert_int_equal(b->count, 3);
	assert_int_equal(b->min_wait, 3);
	assert_int_equal(b->max_wait, 7);
	assert_int_equal(b->waited, 2);
	assert_int_equal(b->wait, SNAP_WAIT_CHAN_SEND);
	assert_string_equal(b->creator.func, "main.fetch");
	assert_int_equal(b->creator.line, 26);
	assert_int_equal(b->block, 0);
	assert_string_equal(b->stack.frames[0].file, "/home/dev/app/main.go");
	assert_int_equal(b->stack.frames[0].line, 28);

	b = find_bucket(s, "example.com/m/pkg.worker[...]");
	assert_non_null(b);
	assert_true(b->flags & SNAP_G_DURABLE);
	assert_true(b->flags & SNAP_G_SYNCTEST);
	assert_string_equal(b->reason, "chan send");
	assert_int_equal(b->stack.nframes, 2);
	assert_int_equal(b->stack.frames[1].line, 30);
	assert_int_equal(b->creator_goid, 7);

	b = find_bucket(s, "example.com/m/pkg.(*Srv).loop");
	assert_non_null(b);
	assert_true(b->flags & SNAP_G_LEAKED);
	assert_true(b->stack.elided);
	assert_int_equal(b->wait, SNAP_WAIT_SELECT);
	assert_int_equal(b->max_wait, 2);
	assert_string_equal(b->labels, "{\"handler\": \"a,b]:c\", \"q\": \"x\\\"y\"}");

	/* Go 1.19 mutex wait: semacquire refined by the sync frames */
	b = find_bucket(s, "sync.runtime_SemacquireMutex");
	assert_non_null(b);
	assert_int_equal(b->wait, SNAP_WAIT_MUTEX);
	assert_int_equal(b->block, 3);
	assert_string_equal(b->stack.frames[b->block].func,
			    "main.(*Cache).Get");

	b = find_bucket(s, "internal/poll.runtime_pollWait");
	assert_non_null(b);
	assert_int_equal(b->wait, SNAP_WAIT_IO);
	assert_true(b->flags & SNAP_G_LOCKED);
	assert_int_equal(b->block, -1);

	/* crash dump: running elsewhere, no stack, creator still known */
	b = NULL;
	for (size_t i = 0; i < s->gbuckets.len; i++)
		if (s->gbuckets.items[i]->flags & SNAP_G_NOSTACK)
			b = s->gbuckets.items[i];
	assert_non_null(b);
	assert_int_equal(b->example_id, 50);
	assert_int_equal(b->stack.nframes, 0);
	assert_string_equal(b->creator.func, "main.spin");
	assert_int_equal(b->wait, SNAP_WAIT_RUNNING);
	snapshot_free(s);
}

static enum lh_status parse_mem(const char *text, size_t len,
				const struct snap_limits *lim,
				struct lh_error *err)
{
	struct snapshot *s = snapshot_new("mem");
	struct snap_stream *in = snap_stream_mem(text, len, "dump.txt");
	enum lh_status st = gdump_parse_text(s, in, lim, err);

	snap_stream_free(in);
	snapshot_free(s);
	return st;
}

static void test_gdump_bad(void **state)
{
	struct lh_error err = { 0 };
	static const char trunc[] =
		"goroutine 1 [running]:\nmain.main()\n\t/a.go:3 +0x1\n\n"
		"goroutine 2 [select]:\nmain.f()\n";
	static const char garbage[] = "hello\nworld\n";
	static const char longline[] = "goroutine 1 [running]:\nmain.main(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)\n";
	struct snap_limits lim = SNAP_LIMITS_DEFAULT;

	(void)state;
	assert_int_equal(parse_mem(trunc, sizeof(trunc) - 1, NULL, &err),
			 LH_ERR);
	assert_string_equal(err.input, "dump.txt");
	assert_non_null(strstr(err.msg, "truncated goroutine 2"));
	assert_non_null(strstr(err.msg, "at byte"));

	assert_int_equal(parse_mem(garbage, sizeof(garbage) - 1, NULL, &err),
			 LH_ERR);
	assert_non_null(strstr(err.msg, "no goroutine records"));

	lim.max_line = 32;
	assert_int_equal(parse_mem(longline, sizeof(longline) - 1, &lim, &err),
			 LH_ERR);
	assert_non_null(strstr(err.msg, "line longer than the limit of 32 "
					"bytes at byte 23"));
}

/* ---------------------------------------------------------------- pprof */

/* A tiny protobuf writer, to build profiles the way other producers would
 * (packed or unpacked repeated fields, negative values, any field order). */
struct pb {
	unsigned char b[4096];
	size_t n;
};

static void pb_varint(struct pb *p, uint64_t v)
{
	do {
		unsigned char c = v & 0x7f;

		v >>= 7;
		p->b[p->n++] = (unsigned char)(c | (v ? 0x80 : 0));
	} while (v);
}

static void pb_tag(struct pb *p, unsigned field, unsigned wt)
{
	pb_varint(p, (uint64_t)field << 3 | wt);
}

static void pb_bytes(struct pb *p, unsigned field, const void *d, size_t n)
{
	pb_tag(p, field, 2);
	pb_varint(p, n);
	memcpy(p->b + p->n, d, n);
	p->n += n;
}

static void pb_msg(struct pb *p, unsigned field, const struct pb *m)
{
	pb_bytes(p, field, m->b, m->n);
}

static void pb_uint(struct pb *p, unsigned field, uint64_t v)
{
	pb_tag(p, field, 0);
	pb_varint(p, v);
}

static void pb_str(struct pb *p, const char *s)
{
	pb_bytes(p, 6, s, strlen(s));
}

/* A heap profile: 2 sites, the second reached through an inlined frame;
 * sample 1 with unpacked location ids, sample 2 packed; strings last. */
static size_t heap_profile(unsigned char *out, bool negative)
{
	struct pb p = { { 0 }, 0 }, m, sub;
	/* strings: 0 "", 1 alloc_objects, 2 count, 3 alloc_space, 4 bytes,
	 * 5 inuse_objects, 6 inuse_space, 7 main.keep, 8 /src/a.go,
	 * 9 main.helper, 10 time.NewTicker, 11 space */
	static const char *const strs[] = {
		"", "alloc_objects", "count", "alloc_space", "bytes",
		"inuse_objects", "inuse_space", "main.keep", "/src/a.go",
		"main.helper", "time.NewTicker", "space",
	};
	static const unsigned types[4][2] = { { 1, 2 }, { 3, 4 }, { 5, 2 },
					      { 6, 4 } };

	/* sample 1: value first (as Go writes), unpacked location ids */
	memset(&m, 0, sizeof(m));
	pb_tag(&m, 2, 2);
	{
		struct pb v = { { 0 }, 0 };

		pb_varint(&v, 10);
		pb_varint(&v, 40960);
		pb_varint(&v, negative ? (uint64_t)-5 : 5);
		pb_varint(&v, 20480);
		pb_varint(&m, v.n);
		memcpy(m.b + m.n, v.b, v.n);
		m.n += v.n;
	}
	pb_uint(&m, 1, 1);
	memset(&sub, 0, sizeof(sub));
	pb_uint(&sub, 1, 4);   /* key "bytes" */
	pb_uint(&sub, 3, 4096); /* num */
	pb_msg(&m, 3, &sub);
	pb_msg(&p, 2, &m);
	/* sample 2: packed location ids 2, 1 */
	memset(&m, 0, sizeof(m));
	pb_bytes(&m, 1, "\x02\x01", 2);
	pb_bytes(&m, 2, "\x01\x64\x01\x64", 4);
	pb_msg(&p, 2, &m);
	/* location 1: main.keep line 7; location 2: ticker inlined into
	 * helper (two lines) */
	memset(&m, 0, sizeof(m));
	pb_uint(&m, 1, 1);
	memset(&sub, 0, sizeof(sub));
	pb_uint(&sub, 1, 1);
	pb_uint(&sub, 2, 7);
	pb_msg(&m, 4, &sub);
	pb_msg(&p, 4, &m);
	memset(&m, 0, sizeof(m));
	pb_uint(&m, 1, 2);
	memset(&sub, 0, sizeof(sub));
	pb_uint(&sub, 1, 3);
	pb_uint(&sub, 2, 99);
	pb_msg(&m, 4, &sub);
	memset(&sub, 0, sizeof(sub));
	pb_uint(&sub, 1, 2);
	pb_uint(&sub, 2, 12);
	pb_msg(&m, 4, &sub);
	pb_msg(&p, 4, &m);
	/* functions */
	for (unsigned id = 1; id <= 3; id++) {
		static const unsigned name[] = { 0, 7, 9, 10 };

		memset(&m, 0, sizeof(m));
		pb_uint(&m, 1, id);
		pb_uint(&m, 2, name[id]);
		pb_uint(&m, 4, 8);
		pb_msg(&p, 5, &m);
	}
	for (unsigned i = 0; i < 4; i++) {
		memset(&m, 0, sizeof(m));
		pb_uint(&m, 1, types[i][0]);
		pb_uint(&m, 2, types[i][1]);
		pb_msg(&p, 1, &m);
	}
	memset(&m, 0, sizeof(m));
	pb_uint(&m, 1, 11);
	pb_uint(&m, 2, 4);
	pb_msg(&p, 11, &m);
	pb_uint(&p, 12, 524288);
	pb_uint(&p, 9, 1700000000000000000ull);
	for (size_t i = 0; i < ARRAY_SIZE(strs); i++)
		pb_str(&p, strs[i]);
	memcpy(out, p.b, p.n);
	return p.n;
}

static void test_pprof_encodings(void **state)
{
	unsigned char data[4096];
	size_t n = heap_profile(data, false);
	struct snapshot *s = snapshot_new("h");
	struct lh_error err = { 0 };
	enum snap_format fmt;
	struct snap_hsite *a = NULL, *b = NULL;

	(void)state;
	assert_int_equal(snap_parse_mem(s, data, n, "h.pb", NULL, &fmt, &err),
			 LH_OK);
	assert_int_equal(fmt, SNAP_FMT_PPROF);
	assert_true(s->has & SNAP_HAS_HEAP);
	assert_string_equal(s->profile, "heap");
	assert_int_equal(s->heap_period, 524288);
	assert_int_equal(s->time_ns, 1700000000000000000ll);
	assert_int_equal(s->hsites.len, 2);
	for (size_t i = 0; i < s->hsites.len; i++) {
		struct snap_hsite *h = s->hsites.items[i];

		if (h->stack.nframes == 1)
			a = h;
		else
			b = h;
	}
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a->stack.frames[0].func, "main.keep");
	assert_int_equal(a->stack.frames[0].line, 7);
	assert_int_equal(a->inuse_objects, 5);
	assert_int_equal(a->inuse_bytes, 20480);
	assert_int_equal(a->alloc_bytes, 40960);
	assert_int_equal(a->obj_bytes, 4096);
	/* inlined frames: callee first, then its caller, then the next loc */
	assert_int_equal(b->stack.nframes, 3);
	assert_string_equal(b->stack.frames[0].func, "time.NewTicker");
	assert_string_equal(b->stack.frames[1].func, "main.helper");
	assert_string_equal(b->stack.frames[2].func, "main.keep");
	assert_int_equal(b->user, 1);
	assert_int_equal(b->inuse_bytes, 100);
	snapshot_free(s);

	/* negative values (delta profiles) are 10-byte varints */
	n = heap_profile(data, true);
	s = snapshot_new("h");
	assert_int_equal(snap_parse_mem(s, data, n, "h.pb", NULL, &fmt, &err),
			 LH_OK);
	assert_int_equal(s->hsites.items[0]->inuse_objects, -5);
	snapshot_free(s);

	/* every truncation is an error naming a byte, never a crash; a cut
	 * at a field boundary can be a valid smaller profile */
	{
		size_t bad = 0;

		for (size_t k = 1; k < n; k++) {
			s = snapshot_new("h");
			if (pprof_parse_mem_for_test(s, data, k, &err) != LH_OK) {
				assert_non_null(strstr(err.msg, "at byte"));
				bad++;
			}
			snapshot_free(s);
		}
		assert_true(bad > n * 9 / 10);
	}
}

static void test_fixtures_formats(void **state)
{
	static const struct {
		const char *file;
		enum snap_format fmt;
		unsigned has;
		size_t min_buckets, min_sites;
	} cases[] = {
		{ FIX "go119/goroutine.3.pb.gz", SNAP_FMT_PPROF, SNAP_HAS_GPROTO, 10, 0 },
		{ FIX "go119/goroutine.3.debug1.txt", SNAP_FMT_GCOUNT, SNAP_HAS_GCOUNT, 10, 0 },
		{ FIX "go119/heap.3.pb.gz", SNAP_FMT_PPROF, SNAP_HAS_HEAP, 0, 20 },
		{ FIX "go119/heap.3.debug1.txt", SNAP_FMT_HEAPTEXT, SNAP_HAS_HEAPTEXT, 0, 20 },
		{ FIX "go119/vars.json", SNAP_FMT_EXPVAR, SNAP_HAS_EXPVAR, 0, 0 },
		{ FIX "go119/trace.out", SNAP_FMT_TRACE, SNAP_HAS_TRACE, 5, 0 },
		{ FIX "go119/sigquit.system.txt", SNAP_FMT_GDUMP, SNAP_HAS_GDUMP, 10, 0 },
		{ FIX "current/esbuild-sigquit.txt", SNAP_FMT_GDUMP, SNAP_HAS_GDUMP, 9, 0 },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct snapshot *s = snapshot_new(cases[i].file);
		struct lh_error err = { 0 };
		enum snap_format fmt = SNAP_FMT_UNKNOWN;
		int fd = open(cases[i].file, O_RDONLY);
		struct snap_stream *in;
		enum lh_status st;

		assert_true(fd >= 0);
		in = snap_stream_fd(fd, cases[i].file);
		st = snap_parse(s, in, NULL, &fmt, &err);
		if (st != LH_OK)
			fail_msg("%s: %s", cases[i].file, err.msg);
		assert_int_equal(fmt, cases[i].fmt);
		assert_true(s->has & cases[i].has);
		assert_true(s->gbuckets.len >= cases[i].min_buckets);
		assert_true(s->hsites.len >= cases[i].min_sites);
		snap_stream_free(in);
		close(fd);
		snapshot_free(s);
	}
}

static void test_memstats_and_scaling(void **state)
{
	static const char text[] =
		"heap profile: 2: 131072 [2: 131072] @ heap/1048576\n"
		"2: 131072 [2: 131072] @ 0x1 0x2 0x3\n"
		"#\t0x2\tmain.big+0x1\t/a.go:3\n"
		"\n"
		"# runtime.MemStats\n"
		"# HeapInuse = 123456\n"
		"# Stack = 32768 / 65536\n"
		"# NumGC = 7\n"
		"# GCCPUFraction = 0.25\n";
	struct snapshot *s = snapshot_new("t");
	struct lh_error err = { 0 };
	enum snap_format fmt;
	struct snap_hsite *h;

	(void)state;
	assert_int_equal(snap_parse_mem(s, text, sizeof(text) - 1, "h.txt",
					NULL, &fmt, &err),
			 LH_OK);
	assert_int_equal(fmt, SNAP_FMT_HEAPTEXT);
	assert_int_equal(s->heap_period, 524288);
	h = s->hsites.items[0];
	/* 64 KiB objects at rate 512 KiB: scale 1/(1-exp(-0.125)) = 8.52 */
	assert_int_equal(h->inuse_objects, 17);
	assert_in_range(h->inuse_bytes, 1115000, 1116000);
	assert_int_equal(h->obj_bytes, 65536);
	assert_int_equal(h->hidden_pcs, 1); /* 0x1: a runtime frame */
	assert_int_equal(s->mem.heap_inuse, 123456);
	assert_int_equal(s->mem.stack_inuse, 32768);
	assert_int_equal(s->mem.num_gc, 7);
	snapshot_free(s);
}

static void test_gzip_limits(void **state)
{
	/* two concatenated gzip members of "goroutine 1 [running]:\n..." */
	static const char dump[] = "goroutine 1 [running]:\nmain.main()\n"
				   "\t/a.go:3 +0x1\n\n";
	unsigned char z[512];
	size_t zn = 0;
	struct snap_limits lim = SNAP_LIMITS_DEFAULT;
	struct lh_error err = { 0 };

	(void)state;
	for (int k = 0; k < 2; k++) {
		z_stream zs;

		memset(&zs, 0, sizeof(zs));
		assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 31, 8,
					      Z_DEFAULT_STRATEGY), Z_OK);
		zs.next_in = (unsigned char *)dump;
		zs.avail_in = sizeof(dump) - 1;
		zs.next_out = z + zn;
		zs.avail_out = (uInt)(sizeof(z) - zn);
		assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
		zn = sizeof(z) - zs.avail_out;
		deflateEnd(&zs);
	}
	{
		struct snapshot *s = snapshot_new("z");

		assert_int_equal(snap_parse_mem(s, z, zn, "z.gz", NULL, NULL,
						&err),
				 LH_OK);
		assert_int_equal(s->goroutines, 2);
		snapshot_free(s);
	}
	lim.max_decompressed = 40;
	{
		struct snapshot *s = snapshot_new("z");

		assert_int_equal(snap_parse_mem(s, z, zn, "z.gz", &lim, NULL,
						&err),
				 LH_ERR);
		assert_non_null(strstr(err.msg, "passes the limit of 40 bytes"));
		snapshot_free(s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gdump_newer),
		cmocka_unit_test(test_gdump_bad),
		cmocka_unit_test(test_pprof_encodings),
		cmocka_unit_test(test_fixtures_formats),
		cmocka_unit_test(test_memstats_and_scaling),
		cmocka_unit_test(test_gzip_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
