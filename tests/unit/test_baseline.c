/*
 * test_baseline.c - --write-baseline / --baseline: round trip, line
 * shifts, one entry per finding, malformed files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <unistd.h>

#include "report/report.h"

static const struct lh_rule rule = {
	.id = "LH702", .name = "t", .title = "t", .since = "0.1",
	.class = LH_CLASS_RESOURCE, .severity = LH_SEV_WARNING,
};

static void add(lh_findings *f, const char *path, uint32_t line,
		const char *snippet)
{
	struct lh_finding t = { 0 };

	t.rule = &rule;
	t.loc = (struct lh_loc){ path, line, 2, line, 2 };
	t.message = "response body is never closed";
	t.function = "fetch";
	t.snippet = snippet;
	lh_findings_add(f, &t);
}

static char tmpdir[] = "/tmp/lhblXXXXXX";

static char *tmpfile_named(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

static void test_round_trip_and_shift(void **state)
{
	lh_findings *f = lh_findings_new(), *g = lh_findings_new();
	char *path = tmpfile_named("base.json");
	struct lh_error err;
	lh_baseline *b;

	(void)state;
	add(f, "./a.go", 12, "\tresp, err := http.Get(u)");
	add(f, "./a.go", 30, "\tresp, err := http.Get(u)"); /* same line text */
	add(f, "./b.go", 5, "\tr, _ := http.Get(v)");
	assert_int_equal(lh_baseline_write(path, f, &err), LH_OK);
	assert_int_equal(lh_baseline_load(path, &b, &err), LH_OK);
	assert_int_equal(lh_baseline_count(b), 3);
	/* the same code, 7 lines further down, re-indented, scanned as a.go
	 * rather than ./a.go: still the baseline's */
	add(g, "a.go", 19, "\t\tresp, err := http.Get(u)");
	add(g, "a.go", 37, "\tresp, err := http.Get(u)");
	/* a third copy of that line is new */
	add(g, "a.go", 50, "\tresp, err := http.Get(u)");
	/* and so is a changed line */
	add(g, "b.go", 5, "\tr, _ := http.Get(w)");
	assert_int_equal(lh_baseline_apply(b, g), 2);
	assert_int_equal(lh_findings_count(g), 2);
	assert_int_equal(lh_findings_at(g, 0)->loc.line, 50);
	assert_string_equal(lh_findings_at(g, 1)->loc.path, "b.go");
	/* applying again starts from the full baseline */
	assert_int_equal(lh_baseline_apply(b, f), 3);
	lh_baseline_free(b);
	unlink(path);
	free(path);
	lh_findings_free(f);
	lh_findings_free(g);
}

static void bad(const char *text, const char *want)
{
	char *path = tmpfile_named("bad.json");
	FILE *fp = fopen(path, "w");
	struct lh_error err = { 0 };
	lh_baseline *b = (lh_baseline *)1;

	fputs(text, fp);
	fclose(fp);
	assert_int_equal(lh_baseline_load(path, &b, &err), LH_ERR);
	assert_null(b);
	assert_string_equal(err.input, path);
	if (!strstr(err.msg, want))
		fail_msg("'%s' does not say '%s'", err.msg, want);
	unlink(path);
	free(path);
}

static void test_malformed(void **state)
{
	struct lh_error err = { 0 };
	lh_baseline *b;

	(void)state;
	bad("{", "not a baseline");
	bad("[]", "not a baseline");
	bad("{\"leakhound_baseline\": 2, \"findings\": []}", "version 2");
	bad("{\"leakhound_baseline\": 1, \"findings\": [{\"fingerprint\": "
	    "\"xyz\"}]}", "finding 1");
	bad("{\"leakhound_baseline\": 1, \"findings\": [{}]}", "finding 1");
	assert_int_equal(lh_baseline_load("/nonexistent/b.json", &b, &err),
			 LH_ERR);
	assert_null(b);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_and_shift),
		cmocka_unit_test(test_malformed),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
