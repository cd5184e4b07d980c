/*
 * test_rt_cuts.c - the runtime text parsers on inputs cut exactly at a
 * line end (read as truncated where Go's output tells it), the parallel
 * parse of large dump files (the same buckets and errors as one pass),
 * and cancellation of a parse in progress.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "runtime/rtinternal.h"

static char scratch_dir[] = "/tmp/lh-cuts-XXXXXX";

/* Parses text with snap_parse (format sniffed) from memory. */
static enum lh_status parse_text(const char *text, size_t len,
				 struct lh_error *err)
{
	struct snapshot *s = snapshot_new("cut");
	enum lh_status st =
		snap_parse_mem(s, text, len, "cut.txt", NULL, NULL, err);

	snapshot_free(s);
	return st;
}

#define PARSE(lit, err) parse_text(lit, sizeof(lit) - 1, err)

static void expect_msg(const struct lh_error *err, const char *want)
{
	if (!strstr(err->msg, want))
		fail_msg("error '%s' does not say '%s'", err->msg, want);
}

/* ---------------------------------------------------------------- debug=2 */

static void test_debug2_cuts(void **state)
{
	struct lh_error err = { 0 };
	static const char one[] = "goroutine 1 [running]:\n"
				  "main.main()\n"
				  "\t/a.go:3 +0x1d\n";
	static const char header[] = "goroutine 1 [running]:\n"
				     "main.main()\n"
				     "\t/a.go:3 +0x1d\n"
				     "\n"
				     "goroutine 7 [chan send, 2 minutes]:\n";
	static const char func[] = "goroutine 1 [running]:\n"
				   "main.main()\n"
				   "\t/a.go:3 +0x1d\n"
				   "\n"
				   "goroutine 7 [chan send]:\n"
				   "main.f(0x1)\n";
	static const char creator[] = "goroutine 7 [chan send]:\n"
				      "main.f(0x1)\n"
				      "\t/a.go:9 +0x2a\n"
				      "created by main.main\n";
	static const char creator_in[] = "goroutine 7 [chan send]:\n"
					 "main.f(0x1)\n"
					 "\t/a.go:9 +0x2a\n"
					 "created by main.main in goroutine 1\n";
	static const char nostack[] =
		"goroutine 1 [running]:\n"
		"main.main()\n"
		"\t/a.go:3 +0x1d\n"
		"\n"
		"goroutine 9 [running]:\n"
		"\tgoroutine running on other thread; stack unavailable\n";
	static const char elided[] = "goroutine 3 [select]:\n"
				     "main.deep()\n"
				     "\t/a.go:5 +0x1\n"
				     "...additional frames elided...\n";
	static const char headless_mid[] = "goroutine 4 [select]:\n"
					   "\n"
					   "goroutine 1 [running]:\n"
					   "main.main()\n"
					   "\t/a.go:3 +0x1d\n";

	(void)state;
	/* whole dumps, as Go ends them */
	assert_int_equal(PARSE(one, &err), LH_OK);
	assert_int_equal(PARSE(nostack, &err), LH_OK);
	assert_int_equal(PARSE(elided, &err), LH_OK);
	/* a header with no frames inside the dump is left alone */
	assert_int_equal(PARSE(headless_mid, &err), LH_OK);

	/* cut after a header: Go prints frames under every header */
	assert_int_equal(PARSE(header, &err), LH_ERR);
	assert_string_equal(err.input, "cut.txt");
	expect_msg(&err, "truncated goroutine 7: no frames after its header "
			 "at byte 87");
	/* cut after a function line: its file line is missing */
	assert_int_equal(PARSE(func, &err), LH_ERR);
	expect_msg(&err, "truncated goroutine 7: frame without its file line "
			 "at byte 88");
	/* cut after "created by" */
	assert_int_equal(PARSE(creator, &err), LH_ERR);
	expect_msg(&err, "truncated goroutine 7: 'created by' without its "
			 "file line at byte 73");
	assert_int_equal(PARSE(creator_in, &err), LH_ERR);
	expect_msg(&err, "'created by' without its file line");
}

/* ---------------------------------------------------------------- debug=1 */

static void test_debug1_cuts(void **state)
{
	struct lh_error err = { 0 };
	static const char whole[] =
		"goroutine profile: total 3\n"
		"2 @ 0x43b296 0x6b20d4 0x46b241\n"
		"#\t0x6b20d3\tmain.worker+0x33\t/src/main.go:42\n"
		"\n"
		"1 @ 0x43b296 0x6b2114 0x46b241\n"
		"#\t0x6b2113\tmain.main+0x13\t/src/main.go:12\n"
		"\n";
	static const char no_blank[] =
		"goroutine profile: total 3\n"
		"2 @ 0x43b296 0x6b20d4 0x46b241\n"
		"#\t0x6b20d3\tmain.worker+0x33\t/src/main.go:42\n"
		"\n"
		"1 @ 0x43b296 0x6b2114 0x46b241\n"
		"#\t0x6b2113\tmain.main+0x13\t/src/main.go:12\n";
	static const char short_count[] =
		"goroutine profile: total 3\n"
		"2 @ 0x43b296 0x6b20d4 0x46b241\n"
		"#\t0x6b20d3\tmain.worker+0x33\t/src/main.go:42\n"
		"\n";
	static const char header_only[] = "threadcreate profile: total 8\n";
	static const char empty_profile[] = "goroutine profile: total 0\n";

	(void)state;
	assert_int_equal(PARSE(whole, &err), LH_OK);
	assert_int_equal(PARSE(empty_profile, &err), LH_OK);

	assert_int_equal(PARSE(no_blank, &err), LH_ERR);
	expect_msg(&err, "truncated count profile: no blank line after its "
			 "last record at byte 176");
	assert_int_equal(PARSE(short_count, &err), LH_ERR);
	expect_msg(&err, "truncated count profile: its records count 2 of "
			 "the 3 its header declares at byte 103");
	assert_int_equal(PARSE(header_only, &err), LH_ERR);
	expect_msg(&err, "records count 0 of the 8");
}

/* ---------------------------------------------------------------- heap text */

static void test_heaptext_cuts(void **state)
{
	struct lh_error err = { 0 };
	static const char whole[] =
		"heap profile: 2: 131072 [2: 131072] @ heap/1048576\n"
		"2: 131072 [2: 131072] @ 0x1 0x2 0x3\n"
		"#\t0x2\tmain.big+0x1\t/a.go:3\n"
		"\n"
		"# runtime.MemStats\n"
		"# Alloc = 1\n";
	static const char cut[] =
		"heap profile: 2: 131072 [2: 131072] @ heap/1048576\n"
		"2: 131072 [2: 131072] @ 0x1 0x2 0x3\n"
		"#\t0x2\tmain.big+0x1\t/a.go:3\n"
		"\n";

	(void)state;
	assert_int_equal(PARSE(whole, &err), LH_OK);
	assert_int_equal(PARSE(cut, &err), LH_ERR);
	expect_msg(&err, "truncated heap profile: no '# runtime.MemStats' "
			 "trailer at byte 115");
}

/* ---------------------------------------------------------------- parts */

/* Writes a debug=2 dump of `n` goroutines to path: 150 stacks in its
 * first half, 150 others in its second, with `bad` (when not NULL) put in
 * as the record of goroutine bad_at. Returns the offset of that record. */
static uint64_t write_dump(const char *path, unsigned n, const char *bad,
			   unsigned bad_at)
{
	FILE *f = fopen(path, "w");
	uint64_t at = 0;

	assert_non_null(f);
	fprintf(f, "goroutine 1 [running]:\nmain.main()\n"
		   "\t/src/main.go:10 +0x1d\n");
	for (unsigned i = 2; i < n + 2; i++) {
		unsigned k = (i * 2654435761u) % 150 + (i > n / 2 ? 150 : 0);

		fputc('\n', f);
		if (bad && i == bad_at) {
			at = (uint64_t)ftell(f);
			fputs(bad, f);
			continue;
		}
		fprintf(f,
			"goroutine %u [%s, %u minutes]:\n"
			"example.com/svc/p%u.(*W).run(0xc000%06x, {0x%x, 0x2})\n"
			"\t/src/svc/p%u/w.go:%u +0x%x\n"
			"example.com/svc/p%u.loop(...)\n"
			"\t/src/svc/p%u/loop.go:%u\n"
			"created by example.com/svc.start\n"
			"\t/src/svc/start.go:%u +0x55\n",
			i, k % 3 ? "chan receive" : "select", i % 97, k, i, k,
			k, 10 + k, 0x20 + k, k, k, 30 + k, 7 + k % 5);
	}
	assert_int_equal(fclose(f), 0);
	return at;
}

static struct snapshot *parse_path(const char *path, unsigned threads,
				   size_t max_buckets, enum lh_status want,
				   struct lh_error *err)
{
	struct snapshot *s = snapshot_new(path);
	struct snap_limits lim = SNAP_LIMITS_DEFAULT;
	int fd = open(path, O_RDONLY);
	struct snap_stream *in;
	enum lh_status st;

	assert_true(fd >= 0);
	lim.threads = threads;
	if (max_buckets)
		lim.max_buckets = max_buckets;
	in = snap_stream_fd(fd, path);
	st = snap_parse(s, in, &lim, NULL, err);
	if (st != want)
		fail_msg("%s: want status %d, got %d (%s)", path, want, st,
			 err->msg);
	snap_stream_free(in);
	close(fd);
	return s;
}

static void same_buckets(const struct snapshot *a, const struct snapshot *b)
{
	assert_int_equal(a->gbuckets.len, b->gbuckets.len);
	assert_int_equal(a->goroutines, b->goroutines);
	for (size_t i = 0; i < a->gbuckets.len; i++) {
		const struct snap_gbucket *x = a->gbuckets.items[i];
		const struct snap_gbucket *y = b->gbuckets.items[i];

		assert_int_equal(x->sig, y->sig);
		assert_int_equal(x->count, y->count);
		assert_int_equal(x->min_wait, y->min_wait);
		assert_int_equal(x->max_wait, y->max_wait);
		assert_int_equal(x->waited, y->waited);
		assert_int_equal(x->example_id, y->example_id);
		assert_int_equal(x->wait, y->wait);
		assert_int_equal(x->block, y->block);
		assert_string_equal(x->stack.frames[0].func,
				    y->stack.frames[0].func);
		assert_true((x->creator.func == NULL) ==
			    (y->creator.func == NULL));
		if (x->creator.func)
			assert_string_equal(x->creator.func, y->creator.func);
	}
}

static void test_parallel_parts(void **state)
{
	char path[sizeof(scratch_dir) + 16];
	struct lh_error err = { 0 };
	struct snapshot *one, *four;
	uint64_t at;

	(void)state;
	/* ~300 bytes a goroutine: 70 000 make 20 MiB, 2 parts of 8 MiB+ */
	snprintf(path, sizeof(path), "%s/big.txt", scratch_dir);
	write_dump(path, 70000, NULL, 0);
	one = parse_path(path, 1, 0, LH_OK, &err);
	four = parse_path(path, 4, 0, LH_OK, &err);
	assert_int_equal(one->goroutines, 70001);
	assert_int_equal(one->gbuckets.len, 301);
	same_buckets(one, four);
	snapshot_free(one);
	snapshot_free(four);

	/* the bucket limit passed in a later part (its new stacks merged
	 * into the first's): the same record named */
	one = parse_path(path, 1, 200, LH_ERR, &err);
	snapshot_free(one);
	{
		char want[sizeof(err.msg)];

		snprintf(want, sizeof(want), "%s", err.msg);
		expect_msg(&err, "more than 200 distinct goroutine stacks");
		four = parse_path(path, 4, 200, LH_ERR, &err);
		assert_string_equal(err.msg, want);
		snapshot_free(four);
	}

	/* a bad record near the end: the same error at the same byte */
	at = write_dump(path, 70000,
			"goroutine 69000 [select]:\nmain.f()\n\tnot a file\n",
			69000);
	assert_true(at > 16u << 20);
	one = parse_path(path, 1, 0, LH_ERR, &err);
	snapshot_free(one);
	{
		char want[sizeof(err.msg)], at_s[64];

		snprintf(want, sizeof(want), "%s", err.msg);
		snprintf(at_s, sizeof(at_s), "at byte %llu",
			 (unsigned long long)(at + 35));
		expect_msg(&err, at_s);
		four = parse_path(path, 4, 0, LH_ERR, &err);
		assert_string_equal(err.msg, want);
		snapshot_free(four);
	}

	/* and a cut at a header at the very end of the last part */
	at = write_dump(path, 70000, "goroutine 70001 [select]:\n", 70001);
	one = parse_path(path, 1, 0, LH_ERR, &err);
	expect_msg(&err, "truncated goroutine 70001: no frames");
	snapshot_free(one);
	four = parse_path(path, 4, 0, LH_ERR, &err);
	expect_msg(&err, "truncated goroutine 70001: no frames");
	snapshot_free(four);
	unlink(path);
}

/* ---------------------------------------------------------------- cancel */

struct canceller {
	atomic_int *flag;
	unsigned ms;
};

static void *cancel_later(void *p)
{
	struct canceller *c = p;
	struct timespec ts = { 0, (long)c->ms * 1000000L };

	nanosleep(&ts, NULL);
	atomic_store(c->flag, 1);
	return NULL;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* An endless stream of blank lines, read through a pipe. */
static void *feed_blank_lines(void *p)
{
	int fd = *(int *)p;
	static char lines[64 * 1024];

	memset(lines, '\n', sizeof(lines));
	if (write(fd, "goroutine profile: total 1\n", 27) != 27)
		return NULL;
	while (write(fd, lines, sizeof(lines)) > 0)
		;
	return NULL;
}

static void test_cancel(void **state)
{
	atomic_int flag = 0;
	struct canceller c = { &flag, 200 };
	struct snap_limits lim = SNAP_LIMITS_DEFAULT;
	struct lh_error err = { 0 };
	struct snapshot *s = snapshot_new("pipe");
	struct snap_stream *in;
	pthread_t feeder, canceller;
	int fds[2];
	double t0;

	(void)state;
	/* a flag already set stops the parse before its first read */
	lim.cancel = &flag;
	atomic_store(&flag, 1);
	assert_int_equal(snap_parse_mem(s, "goroutine 1 [running]:\n", 23,
					"x", &lim, NULL, &err),
			 LH_ERR);
	expect_msg(&err, "parse cancelled at byte 0");
	atomic_store(&flag, 0);

	/* an endless input: stopped within a bounded time of the flag */
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(pthread_create(&feeder, NULL, feed_blank_lines,
					&fds[1]),
			 0);
	assert_int_equal(pthread_create(&canceller, NULL, cancel_later, &c), 0);
	in = snap_stream_fd(fds[0], "pipe");
	t0 = now_s();
	assert_int_equal(snap_parse(s, in, &lim, NULL, &err), LH_ERR);
	expect_msg(&err, "parse cancelled at byte");
	assert_true(now_s() - t0 < 2.0);
	pthread_join(canceller, NULL);
	close(fds[0]); /* the feeder's next write fails: it ends */
	pthread_join(feeder, NULL);
	close(fds[1]);
	snap_stream_free(in);
	snapshot_free(s);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(scratch_dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(scratch_dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_debug2_cuts),
		cmocka_unit_test(test_debug1_cuts),
		cmocka_unit_test(test_heaptext_cuts),
		cmocka_unit_test(test_parallel_parts),
		cmocka_unit_test(test_cancel),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, setup, teardown);
}
