/*
 * test_suppress.c - //leakhound:ignore and //nolint directives, on parsed Go
 * source and hand-made findings (rules of this test, not the registry).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "report/suppress.h"

static const struct lh_rule r702 = {
	.id = "LH702", .name = "t702", .title = "t702", .severity = 1,
	.class = LH_CLASS_RESOURCE, .kind = LH_RULE_STATIC, .since = "0.1",
};
static const struct lh_rule r201 = {
	.id = "LH201", .name = "t201", .title = "t201", .severity = 1,
	.class = LH_CLASS_TIMER, .kind = LH_RULE_STATIC, .since = "0.1",
};

static const struct lh_rule *find(const char *id)
{
	if (strcmp(id, "LH702") == 0)
		return &r702;
	if (strcmp(id, "LH201") == 0)
		return &r201;
	return NULL;
}

struct run {
	lh_findings *f;
	struct suppress_stats st;
	char errs[1024];
};

static void diag(void *ctx, const struct lh_error *err)
{
	struct run *r = ctx;
	size_t n = strlen(r->errs);

	snprintf(r->errs + n, sizeof(r->errs) - n, "%s: %s\n", err->input,
		 err->msg);
}

/* Parses src as a.go, reports a finding of each rule at each listed line
 * ("702:5 201:7"), applies the directives. */
static void run(struct run *r, const char *src, const char *at,
		bool unused)
{
	TSParser *p = ts_parser_new();
	struct lh_error err;
	struct gofile *f;
	struct gopkg *pkg;
	struct gomod mod = { 0 };
	struct suppress_options o = { 0 };

	memset(r, 0, sizeof(*r));
	ts_parser_set_language(p, go_language());
	f = gofile_parse(p, "a.go", src, strlen(src), &err);
	assert_non_null(f);
	pkg = gopkg_new(".", &mod);
	gopkg_add(pkg, f);
	r->f = lh_findings_new();
	for (const char *s = at; *s;) {
		struct lh_finding t = { 0 };
		int rule, line, used;

		if (sscanf(s, "%d:%d%n", &rule, &line, &used) != 2)
			break;
		s += used;
		while (*s == ' ')
			s++;
		t.rule = rule == 702 ? &r702 : &r201;
		t.loc = (struct lh_loc){ "a.go", (uint32_t)line, 2, 0, 0 };
		t.message = "m";
		lh_findings_add(r->f, &t);
	}
	o.find = find;
	o.report_unused = unused;
	o.diag = diag;
	o.diag_ctx = r;
	suppress_package(pkg, r->f, 0, &o, &r->st);
	gopkg_free(pkg);
	ts_parser_delete(p);
}

/* "702:5 201:7": what is left */
static void left(struct run *r, const char *want)
{
	char got[256] = "";

	for (size_t i = 0; i < lh_findings_count(r->f); i++) {
		const struct lh_finding *x = lh_findings_at(r->f, i);
		size_t n = strlen(got);

		snprintf(got + n, sizeof(got) - n, "%s%s:%u", n ? " " : "",
			 x->rule->id + 2, x->loc.line);
	}
	assert_string_equal(got, want);
	lh_findings_free(r->f);
}

static void test_ignore_same_line_and_above(void **state)
{
	struct run r;
	const char *src =
		"package a\n"					/* 1 */
		"\n"						/* 2 */
		"func F() {\n"					/* 3 */
		"\tx() //leakhound:ignore LH702 closed by caller\n" /* 4 */
		"\t//leakhound:ignore LH201 stopped in Close\n"	/* 5 */
		"\ty()\n"					/* 6 */
		"\tz() //leakhound:ignore LH702 trailing, not above\n" /* 7 */
		"\tw()\n"					/* 8 */
		"}\n";

	(void)state;
	/* 702 on 4: silenced; 201 on 4: other id, kept; 201 on 6: silenced
	 * by the line above; 702 on 6: kept; 702 on 8: a trailing comment
	 * on 7 does not reach 8 */
	run(&r, src, "702:4 201:4 201:6 702:6 702:8", false);
	assert_int_equal(r.st.suppressed, 2);
	assert_string_equal(r.errs, "");
	left(&r, "201:4 702:6 702:8");
}

static void test_ignore_needs_reason_and_known_id(void **state)
{
	struct run r;
	const char *src =
		"package a\n"
		"func F() {\n"
		"\tx() //leakhound:ignore LH702\n"		/* 3 */
		"\ty() //leakhound:ignore LH999 why not\n"	/* 4 */
		"\tz() //leakhound:ignore\n"			/* 5 */
		"\tv() //leakhound:ignore LH702,LH201 both, for a reason\n"
		"}\n";

	(void)state;
	run(&r, src, "702:3 702:4 702:5 702:6 201:6", false);
	assert_int_equal(r.st.errors, 3);
	assert_string_equal(r.errs,
		"a.go: line 3: //leakhound:ignore needs a reason after the "
		"rule id\n"
		"a.go: line 4: unknown rule 'LH999' in //leakhound:ignore\n"
		"a.go: line 5: //leakhound:ignore needs a rule id and a "
		"reason\n");
	/* a malformed directive silences nothing */
	left(&r, "702:3 702:4 702:5");
}

static void test_nolint_forms(void **state)
{
	struct run r;
	const char *src =
		"package a\n"
		"func F() {\n"
		"\ta() //nolint\n"				/* 3 */
		"\tb() //nolint:all\n"				/* 4 */
		"\tc() //nolint:leakhound // reason\n"		/* 5 */
		"\td() //nolint:errcheck,leakhound\n"		/* 6 */
		"\te() //nolint:errcheck\n"			/* 7 */
		"\tf() //nolintx\n"				/* 8 */
		"\tg() // nolint:leakhound\n"			/* 9 */
		"\th(\"//nolint\")\n"				/* 10 */
		"}\n";

	(void)state;
	run(&r, src, "702:3 201:4 702:5 702:6 702:7 702:8 702:9 702:10",
	    false);
	left(&r, "702:7 702:8 702:9 702:10");
}

static void test_nolint_above_covers_declaration(void **state)
{
	struct run r;
	const char *src =
		"package a\n"
		"\n"
		"//nolint:leakhound\n"				/* 3 */
		"func F() {\n"					/* 4 */
		"\tx()\n"					/* 5 */
		"}\n"						/* 6 */
		"\n"
		"func G() {\n"					/* 8 */
		"\t//nolint:leakhound\n"			/* 9 */
		"\tfor {\n"					/* 10 */
		"\t\ty()\n"					/* 11 */
		"\t}\n"						/* 12 */
		"\tz()\n"					/* 13 */
		"}\n";

	(void)state;
	run(&r, src, "702:4 201:5 702:11 702:13", false);
	left(&r, "702:13");
}

static void test_unused(void **state)
{
	struct run r;
	const struct lh_finding *x;
	const char *src =
		"package a\n"
		"func F() {\n"
		"\tx() //leakhound:ignore LH702 used\n"		/* 3 */
		"\ty() //leakhound:ignore LH201 stale\n"	/* 4 */
		"\tz() //nolint:leakhound\n"			/* 5 */
		"\tw() //nolint:errcheck\n"			/* 6 */
		"\tv() //nolint\n"				/* 7 */
		"}\n";

	(void)state;
	run(&r, src, "702:3", true);
	assert_int_equal(lh_findings_count(r.f), 2);
	x = lh_findings_at(r.f, 0);
	assert_string_equal(x->rule->id, "LH001");
	assert_string_equal(x->message,
			    "//leakhound:ignore LH201 silences nothing");
	assert_int_equal(x->loc.line, 4);
	assert_int_equal(x->loc.col, 6);
	assert_string_equal(x->snippet, "\ty() //leakhound:ignore LH201 stale");
	x = lh_findings_at(r.f, 1);
	assert_string_equal(x->message, "//nolint:leakhound silences nothing");
	lh_findings_free(r.f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ignore_same_line_and_above),
		cmocka_unit_test(test_ignore_needs_reason_and_known_id),
		cmocka_unit_test(test_nolint_forms),
		cmocka_unit_test(test_nolint_above_covers_declaration),
		cmocka_unit_test(test_unused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
