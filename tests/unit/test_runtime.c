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

#include "runtime/rtinternal.h"

#define FIX "tests/fixtures/runtime/"

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
	assert_int_equal(s->goroutines, 8);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gdump_newer),
		cmocka_unit_test(test_gdump_bad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
