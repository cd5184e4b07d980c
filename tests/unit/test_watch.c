/*
 * test_watch.c - the watch engine's pieces that need no live target: the
 * targets file, the Prometheus exposition (families, label escaping), the
 * HTML report's escaping and charts, sparklines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <cmocka.h>

#include "detect/watch.h"
#include "report/watchview.h"

static const char weird[] = "chan send: a\"b\\c\nd <script>alert(1)</script>";

/* A watch with one target that is never started, and hand-made series. */
static struct watch *fake_watch(void)
{
	struct watch *w = watch_new(NULL, NULL, NULL);
	struct lh_error err;
	struct watch_target *t;
	struct series *s;
	struct watch_site *site;
	struct watch_suspect x = { 0 };

	assert_int_equal(watch_add_url(w, "http://127.0.0.1:1/", &err), LH_OK);
	t = w->targets.items[0];
	s = series_set_get(&t->set, "g:1", weird, SERIES_GOROUTINES, true, 5);
	site = arena_alloc(&t->arena, sizeof(*site));
	site->kind = SERIES_GOROUTINES;
	site->file = "/src/main.go";
	site->line = 16;
	site->func = "main.fetch.func1";
	s->user = site;
	for (int i = 0; i < 20; i++)
		series_push(s, i, 10 + 3 * i);
	t->fixed[WF_GOROUTINES] =
		series_set_get(&t->set, "goroutines", "goroutines",
			       SERIES_GOROUTINES, false, 0);
	for (int i = 0; i < 20; i++)
		series_push(t->fixed[WF_GOROUTINES], i, 14 + 3 * i);
	t->fixed[WF_RSS] = series_set_get(&t->set, "rss", "resident set size",
					  SERIES_RSS, false, 0);
	series_push(t->fixed[WF_RSS], 1, 12 << 20);
	series_push(t->fixed[WF_RSS], 2, 13 << 20);
	x.s = s;
	x.site = site;
	series_test(s, &w->o.series, &x.v);
	assert_true(x.v.suspect);
	x.rule = lh_rule_find("LH191");
	assert_non_null(x.rule);
	x.class = x.rule->class;
	site->suspect = true;
	VEC_PUSH(&t->suspects, x);
	t->state = WATCH_OK;
	t->samples = 20;
	return w;
}

static void test_prometheus(void **state)
{
	struct watch *w = fake_watch();
	struct buf b = BUF_INIT;

	(void)state;
	watchview_prometheus(&b, w);
	assert_non_null(strstr(b.data, "# HELP leakhound_suspect "));
	assert_non_null(strstr(b.data, "# TYPE leakhound_suspect gauge\n"));
	assert_non_null(strstr(b.data, "# TYPE leakhound_samples_total counter\n"));
	assert_non_null(strstr(b.data,
		"leakhound_suspect{target=\"http://127.0.0.1:1/\",rule=\"LH191\","
		"class=\"goroutine\",kind=\"goroutines\",series=\"chan send: "
		"a\\\"b\\\\c\\nd <script>alert(1)</script>\","
		"location=\"/src/main.go:16\"} 1\n"));
	assert_non_null(strstr(b.data,
		"leakhound_goroutines{target=\"http://127.0.0.1:1/\"} 71\n"));
	assert_non_null(strstr(b.data,
		"leakhound_rss_bytes{target=\"http://127.0.0.1:1/\"} 13631488\n"));
	assert_non_null(strstr(b.data, "leakhound_up{target=\"http://127.0.0.1:1/\"} 1\n"));
	/* no raw newline inside a sample line */
	for (const char *p = b.data; (p = strstr(p, "series=\"")) != NULL; p++) {
		const char *q = strchr(p + 8, '"');

		while (q && q[-1] == '\\')
			q = strchr(q + 1, '"');
		assert_non_null(q);
		assert_null(memchr(p, '\n', (size_t)(q - p)));
	}
	buf_release(&b);
	watch_free(w);
}

static void test_html(void **state)
{
	struct watch *w = fake_watch();
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	lh_findings *f = lh_findings_new();

	(void)state;
	watch_findings(w, f);
	assert_int_equal(lh_findings_count(f), 1);
	assert_int_equal(watchview_html(fp, w, f, NULL), LH_OK);
	fclose(fp);
	assert_null(strstr(text, "<script>alert"));
	assert_non_null(strstr(text, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(text, "<figure class=\"chart suspect\""));
	assert_non_null(strstr(text, "data-points=\"20\""));
	assert_non_null(strstr(text, "<polyline class=\"line\" points=\""));
	assert_non_null(strstr(text, "LH191"));
	assert_null(strstr(text, "<link")); /* no external assets */
	assert_null(strstr(text, " src="));
	free(text);
	lh_findings_free(f);
	watch_free(w);
}

static void test_findings(void **state)
{
	struct watch *w = fake_watch();
	lh_findings *f = lh_findings_new();
	const struct lh_finding *x;

	(void)state;
	watch_findings(w, f);
	x = lh_findings_at(f, 0);
	assert_string_equal(x->rule->id, "LH191");
	assert_string_equal(x->loc.path, "/src/main.go");
	assert_int_equal(x->loc.line, 16);
	assert_string_equal(x->function, "main.fetch.func1");
	assert_non_null(strstr(x->message, "goroutines keep growing"));
	assert_true(x->nsteps >= 1);
	assert_non_null(strstr(x->steps[0].note, "Mann-Kendall"));
	lh_findings_free(f);
	watch_free(w);
}

/* A heap-site series of target t with these frames (innermost first;
 * `user` the first user frame) and in-use bytes v. */
static void heap_series(struct watch_target *t, const char *key,
			struct snap_frame *frames, uint32_t n, int user,
			double v)
{
	struct series *s = series_set_get(&t->set, key, key, SERIES_HEAP_SITE,
					  true, 0);
	struct watch_site *site = arena_alloc(&t->arena, sizeof(*site));
	struct snap_hsite *h = arena_alloc(&t->arena, sizeof(*h));

	h->stack.frames = frames;
	h->stack.nframes = n;
	h->user = user;
	site->kind = SERIES_HEAP_SITE;
	site->hsite = h;
	site->func = frames[user].func;
	site->file = frames[user].file;
	site->line = frames[user].line;
	s->user = site;
	series_push(s, 1, v);
}

/* Findings with no user frame: placed where their stacks wait, or for fd
 * counts (no stack) at the heap site that opens files holding the most. */
static void test_locations_without_user_frame(void **state)
{
	struct watch *w = fake_watch();
	struct watch_target *t = w->targets.items[0];
	static struct snap_frame conn[] = {
		{ "net/http.(*persistConn).readLoop",
		  "/usr/lib/go/src/net/http/transport.go", 2213, 0 },
	};
	static struct snap_frame small[] = {
		{ "os.newFile", "/usr/lib/go/src/os/file_unix.go", 160, 0 },
		{ "os.Open", "/usr/lib/go/src/os/file.go", 311, 0 },
		{ "main.openLog", "/src/log.go", 12, 0 },
	};
	static struct snap_frame big[] = {
		{ "os.newFile", "/usr/lib/go/src/os/file_unix.go", 160, 0 },
		{ "os.Open", "/usr/lib/go/src/os/file.go", 311, 0 },
		{ "main.openConfig", "/src/config.go", 21, 0 },
	};
	static struct snap_frame other[] = {
		{ "main.cache", "/src/cache.go", 40, 0 },
	};
	struct snap_gbucket *b = arena_alloc(&t->arena, sizeof(*b));
	struct watch_site *gs = arena_alloc(&t->arena, sizeof(*gs));
	struct watch_site *fs = arena_alloc(&t->arena, sizeof(*fs));
	struct watch_suspect x = { 0 };
	lh_findings *f = lh_findings_new();
	const struct lh_finding *c = NULL, *d = NULL;

	(void)state;
	b->stack.frames = conn;
	b->stack.nframes = 1;
	b->block = -1;
	gs->kind = SERIES_GOROUTINES;
	gs->bucket = b;
	x = t->suspects.items[0];
	x.site = gs;
	x.rule = lh_rule_find("LH791");
	VEC_PUSH(&t->suspects, x);

	heap_series(t, "h:small", small, 3, 2, 100e3);
	heap_series(t, "h:big", big, 3, 2, 500e3);
	heap_series(t, "h:other", other, 1, 0, 9e6);
	fs->kind = SERIES_FDS;
	x.site = fs;
	x.rule = lh_rule_find("LH792");
	VEC_PUSH(&t->suspects, x);

	watch_findings(w, f);
	for (size_t i = 0; i < lh_findings_count(f); i++) {
		const struct lh_finding *y = lh_findings_at(f, i);

		if (strcmp(y->rule->id, "LH791") == 0)
			c = y;
		if (strcmp(y->rule->id, "LH792") == 0)
			d = y;
	}
	assert_non_null(c);
	assert_string_equal(c->loc.path,
			    "/usr/lib/go/src/net/http/transport.go");
	assert_int_equal(c->loc.line, 2213);
	assert_non_null(strstr(c->steps[0].note, "no frame of this stack is "
						 "user code"));
	assert_non_null(d);
	assert_string_equal(d->loc.path, "/src/config.go");
	assert_int_equal(d->loc.line, 21);
	assert_string_equal(d->function, "main.openConfig");
	assert_non_null(strstr(d->steps[0].note, "opens files or sockets"));
	lh_findings_free(f);
	watch_free(w);
}

static void test_sparkline(void **state)
{
	struct series_set set;
	struct series *s;
	char out[128];

	(void)state;
	series_set_init(&set, NULL);
	s = series_set_get(&set, "k", NULL, SERIES_GOROUTINES, true, 0);
	watchview_sparkline(s, 8, out, sizeof(out));
	assert_string_equal(out, "");
	for (int i = 0; i < 8; i++)
		series_push(s, i, i);
	watchview_sparkline(s, 8, out, sizeof(out));
	assert_string_equal(out, "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588");
	watchview_sparkline(s, 8, out, 7); /* bounded: two 3-byte chars */
	assert_int_equal(strlen(out), 6);
	series_set_release(&set);
	series_format_value(out, sizeof(out), SERIES_RSS, 3.5 * (1 << 20));
	assert_string_equal(out, "3.5 MiB");
	series_format_value(out, sizeof(out), SERIES_FDS, 42);
	assert_string_equal(out, "42");
}

static void test_targets_file(void **state)
{
	struct watch *w = watch_new(NULL, NULL, NULL);
	struct lh_error err;
	char path[] = "/tmp/lh-targets-XXXXXX";
	int fd = mkstemp(path);
	const char good[] = "# fleet\n\n  http://127.0.0.1:1  \n";
	const char bad[] = "http://127.0.0.1:1\npid x\n";

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, good, sizeof(good) - 1), (int)sizeof(good) - 1);
	close(fd);
	assert_int_equal(watch_add_file(w, path, &err), LH_OK);
	assert_int_equal(w->targets.len, 1);
	assert_string_equal(w->targets.items[0]->base, "http://127.0.0.1:1");
	fd = open(path, O_WRONLY | O_TRUNC);
	assert_int_equal(write(fd, bad, sizeof(bad) - 1), (int)sizeof(bad) - 1);
	close(fd);
	assert_int_equal(watch_add_file(w, path, &err), LH_ERR);
	assert_non_null(strstr(err.input, ":2"));
	assert_non_null(strstr(err.msg, "bad target 'pid x'"));
	fd = open(path, O_WRONLY | O_TRUNC);
	close(fd);
	assert_int_equal(watch_add_file(w, "/nonexistent/targets", &err), LH_ERR);
	unlink(path);
	watch_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prometheus),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_locations_without_user_frame),
		cmocka_unit_test(test_sparkline),
		cmocka_unit_test(test_targets_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
