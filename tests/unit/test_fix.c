/*
 * test_fix.c - autofix machinery: choosing non-conflicting edits, applying
 * them, unified diffs, and lh_fix() on real files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/report.h"
#include "static/pass.h"

static const char go_src[] =
	"package a\n"					/* 1 */
	"\n"						/* 2 */
	"import \"net/http\"\n"				/* 3 */
	"\n"						/* 4 */
	"func F(u string) error {\n"			/* 5 */
	"\tresp, err := http.Get(u)\n"			/* 6 */
	"\tif err != nil {\n"				/* 7 */
	"\t\treturn err\n"				/* 8 */
	"\t}\n"						/* 9 */
	"\t_ = resp\n"					/* 10 */
	"\treturn nil\n"				/* 11 */
	"}\n";						/* 12 */

static const struct lh_rule rule = {
	.id = "LH702", .name = "t", .title = "t", .since = "0.1",
	.class = LH_CLASS_RESOURCE, .severity = LH_SEV_WARNING,
};

/* Offset just after "\t}" of the error check (end of line 9). */
static uint32_t after_check(void)
{
	return (uint32_t)(strstr(go_src, "\t}\n") - go_src) + 2;
}

static void test_apply_insert(void **state)
{
	struct fix_edit e[] = {
		{ after_check(), after_check(), "\n\tdefer resp.Body.Close()",
		  0, false },
	};
	bool rej[1];
	struct buf out = BUF_INIT;

	(void)state;
	assert_int_equal(fix_select(e, 1, strlen(go_src), 1, rej), 1);
	assert_false(rej[0]);
	fix_apply(go_src, strlen(go_src), e, 1, &out);
	assert_non_null(strstr(out.data, "\t}\n\tdefer resp.Body.Close()\n"
					 "\t_ = resp\n"));
	assert_int_equal(out.len, strlen(go_src) + 25);
	buf_release(&out);
}

static void test_select_conflicts(void **state)
{
	struct fix_edit e[] = {
		/* group 0 replaces "resp" on line 10 */
		{ 100, 104, "body", 0, false },
		/* group 1 overlaps it: rejected whole, with its other edit */
		{ 102, 106, "x", 1, false },
		{ 10, 10, "y", 1, false },
		/* groups 2 and 3 insert the same text at one point: once */
		{ 50, 50, "same", 2, false },
		{ 50, 50, "same", 3, false },
		/* group 4 inserts other text there: conflict */
		{ 50, 50, "other", 4, false },
		/* group 5 reaches past the end of the file */
		{ 170, 400, "", 5, false },
		/* group 6: an insertion at the end of group 0's range is fine */
		{ 104, 104, "!", 6, false },
		/* group 7: its own edits overlap each other */
		{ 20, 30, "a", 7, false },
		{ 25, 26, "b", 7, false },
	};
	bool rej[8];
	size_t k;

	(void)state;
	k = fix_select(e, ARRAY_SIZE(e), 180, 8, rej);
	assert_false(rej[0]);
	assert_true(rej[1]);
	assert_false(rej[2]);
	assert_false(rej[3]);
	assert_true(rej[4]);
	assert_true(rej[5]);
	assert_false(rej[6]);
	assert_true(rej[7]);
	assert_int_equal(k, 3);
	assert_int_equal(e[0].start, 50);
	assert_string_equal(e[0].text, "same");
	assert_int_equal(e[1].start, 100);
	assert_int_equal(e[2].start, 104);
	assert_string_equal(e[2].text, "!");
}

static void test_diff_one_hunk(void **state)
{
	struct fix_edit e[] = {
		{ after_check(), after_check(), "\n\tdefer resp.Body.Close()",
		  0, false },
	};
	bool rej[1];
	struct buf out = BUF_INIT;

	(void)state;
	fix_select(e, 1, strlen(go_src), 1, rej);
	fix_diff(&out, "./pkg/a.go", go_src, strlen(go_src), e, 1);
	assert_string_equal(out.data,
		"--- a/pkg/a.go\n"
		"+++ b/pkg/a.go\n"
		"@@ -7,6 +7,7 @@\n"
		" \tif err != nil {\n"
		" \t\treturn err\n"
		" \t}\n"
		"+\tdefer resp.Body.Close()\n"
		" \t_ = resp\n"
		" \treturn nil\n"
		" }\n");
	buf_release(&out);
}

/* Two edits far apart: two hunks, the second's new line numbers shifted
 * by what the first added. Close ones share a hunk. */
static void test_diff_hunks(void **state)
{
	struct buf src = BUF_INIT, out = BUF_INIT;
	struct fix_edit e[3];
	bool rej[3];

	(void)state;
	for (int i = 1; i <= 30; i++)
		buf_printf(&src, "line %d\n", i);
	/* insert a line after line 2, replace line 20, delete line 23 */
	e[0] = (struct fix_edit){ (uint32_t)(strstr(src.data, "line 3\n") -
					     src.data),
				  0, "new A\n", 0, false };
	e[0].end = e[0].start;
	e[1] = (struct fix_edit){ (uint32_t)(strstr(src.data, "line 20\n") -
					     src.data),
				  0, "line twenty\n", 1, false };
	e[1].end = e[1].start + 8;
	e[2] = (struct fix_edit){ (uint32_t)(strstr(src.data, "line 23\n") -
					     src.data),
				  0, "", 2, false };
	e[2].end = e[2].start + 8;
	assert_int_equal(fix_select(e, 3, src.len, 3, rej), 3);
	fix_diff(&out, "/abs/x.txt", src.data, src.len, e, 3);
	assert_string_equal(out.data,
		"--- /abs/x.txt\n"
		"+++ /abs/x.txt\n"
		"@@ -1,5 +1,6 @@\n"
		" line 1\n line 2\n+new A\n line 3\n line 4\n"
		" line 5\n"
		"@@ -17,10 +18,9 @@\n"
		" line 17\n line 18\n line 19\n-line 20\n+line twenty\n"
		" line 21\n line 22\n-line 23\n line 24\n line 25\n"
		" line 26\n");
	buf_release(&src);
	buf_release(&out);
}

static void test_diff_no_newline_at_eof(void **state)
{
	const char *src = "a\nb";
	struct fix_edit e[] = { { 3, 3, "\nc", 0, false } };
	bool rej[1];
	struct buf out = BUF_INIT;

	(void)state;
	assert_int_equal(fix_select(e, 1, 3, 1, rej), 1);
	fix_diff(&out, "t.go", src, 3, e, 1);
	assert_string_equal(out.data,
		"--- a/t.go\n+++ b/t.go\n"
		"@@ -1,2 +1,3 @@\n"
		" a\n"
		"-b\n\\ No newline at end of file\n"
		"+b\n+c\n\\ No newline at end of file\n");
	buf_release(&out);
}

static char *slurp(const char *path)
{
	struct buf b = BUF_INIT;
	struct lh_error err;

	assert_int_equal(buf_read_file(&b, path, &err), LH_OK);
	return buf_detach(&b, NULL);
}

static void test_lh_fix_files(void **state)
{
	char dir[] = "/tmp/lhfixXXXXXX";
	char *path, *got, *diff = NULL;
	size_t dlen = 0;
	FILE *m;
	lh_findings *f = lh_findings_new();
	struct lh_finding t = { 0 }, *x;
	struct lh_edit ed;
	struct lh_fix_options o = { 0 };
	struct lh_fix_stats st;
	struct lh_error err;
	struct stat sb;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/a.go", dir);
	assert_int_equal(report_write_atomic(path, go_src, strlen(go_src),
					     &err), LH_OK);
	assert_int_equal(chmod(path, 0640), 0);
	t.rule = &rule;
	t.loc = (struct lh_loc){ path, 6, 2, 6, 2 };
	t.message = "m";
	x = lh_findings_add(f, &t);
	ed = (struct lh_edit){ path, after_check(), after_check(),
			       "\n\tdefer resp.Body.Close()" };
	lh_findings_add_edit(f, x, &ed);
	/* a second finding whose fix overlaps: skipped, kept */
	t.loc.line = 10;
	x = lh_findings_add(f, &t);
	ed.start -= 2;
	ed.end = ed.start + 3;
	lh_findings_add_edit(f, x, &ed);
	/* a finding without edits: untouched */
	t.loc.line = 11;
	lh_findings_add(f, &t);

	/* --diff: prints, changes nothing, keeps the findings */
	m = open_memstream(&diff, &dlen);
	o.diff = m;
	assert_int_equal(lh_fix(f, &o, &st), LH_OK);
	fclose(m);
	assert_int_equal(st.fixed, 1);
	assert_int_equal(st.conflicts, 1);
	assert_int_equal(lh_findings_count(f), 3);
	assert_non_null(strstr(diff, "+\tdefer resp.Body.Close()\n"));
	got = slurp(path);
	assert_string_equal(got, go_src);
	free(got);
	free(diff);

	/* --fix: writes, keeps the mode, drops the fixed finding */
	o.diff = NULL;
	assert_int_equal(lh_fix(f, &o, &st), LH_OK);
	assert_int_equal(st.fixed, 1);
	assert_int_equal(st.files, 1);
	assert_int_equal(lh_findings_count(f), 2);
	assert_int_equal(lh_findings_at(f, 0)->loc.line, 10);
	got = slurp(path);
	assert_non_null(strstr(got, "\t}\n\tdefer resp.Body.Close()\n"));
	free(got);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0640);
	unlink(path);

	/* a missing file: an error, nothing fixed */
	assert_int_equal(lh_fix(f, &o, &st), LH_OK);
	assert_int_equal(st.errors, 1);
	assert_int_equal(st.fixed, 0);
	assert_int_equal(lh_findings_count(f), 2);
	rmdir(dir);
	free(path);
	lh_findings_free(f);
}

/* One file reached by two spellings of its path: its edits are chosen
 * together, so the same insertion is applied once, not twice. */
static void test_lh_fix_same_file_two_paths(void **state)
{
	char dir[] = "/tmp/lhfixXXXXXX";
	char *p1, *p2, *got;
	lh_findings *f = lh_findings_new();
	struct lh_finding t = { 0 }, *x;
	struct lh_edit ed;
	struct lh_fix_options o = { 0 };
	struct lh_fix_stats st;
	struct lh_error err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	p1 = xasprintf("%s/a.go", dir);
	p2 = xasprintf("%s/./a.go", dir);
	assert_int_equal(report_write_atomic(p1, go_src, strlen(go_src), &err),
			 LH_OK);
	t.rule = &rule;
	t.message = "m";
	for (int i = 0; i < 2; i++) {
		t.loc = (struct lh_loc){ i ? p2 : p1, 6, 2, 6, 2 };
		x = lh_findings_add(f, &t);
		ed = (struct lh_edit){ i ? p2 : p1, after_check(),
				       after_check(),
				       "\n\tdefer resp.Body.Close()" };
		lh_findings_add_edit(f, x, &ed);
	}
	assert_int_equal(lh_fix(f, &o, &st), LH_OK);
	assert_int_equal(st.fixed, 2);
	assert_int_equal(st.files, 1);
	got = slurp(p1);
	assert_int_equal(strlen(got), strlen(go_src) + 25);
	free(got);
	unlink(p1);
	rmdir(dir);
	free(p1);
	free(p2);
	lh_findings_free(f);
}

/* The rule authors' helper inserts a statement after the error check,
 * indented like it: the edit the machinery above applies. */
static void test_pass_edit_after_stmt(void **state)
{
	TSParser *tp = ts_parser_new();
	struct lh_error err;
	struct gofile *f;
	struct gopkg *pkg;
	struct gomod mod = { 0 };
	struct lh_pass pass = { 0 };
	struct lh_finding t = { 0 }, *x;
	GNode n;
	const char *want = "\n\tdefer resp.Body.Close()";

	(void)state;
	ts_parser_set_language(tp, go_language());
	f = gofile_parse(tp, "a.go", go_src, strlen(go_src), &err);
	assert_non_null(f);
	pkg = gopkg_new(".", &mod);
	gopkg_add(pkg, f);
	pass.pkg = pkg;
	pass.out = lh_findings_new();
	t.rule = &rule;
	t.message = "m";
	x = lh_findings_add(pass.out, &t);
	n = gn_descendant_for_byte_range(go_root(f),
		(uint32_t)(strstr(go_src, "if err") - go_src),
		(uint32_t)(strstr(go_src, "if err") - go_src) + 2);
	while (gn_symbol(n) != GS->if_statement)
		n = gn_parent(n);
	pass_edit_after_stmt(&pass, x, f, n, "defer resp.Body.Close()");
	assert_int_equal(x->nedits, 1);
	assert_int_equal(x->edits[0].start, after_check());
	assert_int_equal(x->edits[0].end, after_check());
	assert_string_equal(x->edits[0].text, want);
	assert_string_equal(x->edits[0].path, "a.go");
	/* NULL finding (rule disabled): nothing */
	pass_edit_after_stmt(&pass, NULL, f, n, "x()");
	lh_findings_free(pass.out);
	gopkg_free(pkg);
	ts_parser_delete(tp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_apply_insert),
		cmocka_unit_test(test_select_conflicts),
		cmocka_unit_test(test_diff_one_hunk),
		cmocka_unit_test(test_diff_hunks),
		cmocka_unit_test(test_diff_no_newline_at_eof),
		cmocka_unit_test(test_lh_fix_files),
		cmocka_unit_test(test_pass_edit_after_stmt),
		cmocka_unit_test(test_lh_fix_same_file_two_paths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
