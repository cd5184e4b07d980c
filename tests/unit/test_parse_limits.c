/*
 * test_parse_limits.c - what the Go source loader refuses before any rule
 * sees a tree (NUL, invalid UTF-8, nesting past the depth bound, no package
 * clause), and lh_scan_source(), the in-memory scan the fuzzer drives.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "golang/golang.h"

static void test_utf8(void **state)
{
	(void)state;
	assert_int_equal(str_utf8_invalid("", 0), 0);
	assert_int_equal(str_utf8_invalid("abc", 3), 3);
	assert_int_equal(str_utf8_invalid("h\xc3\xa9llo", 6), 6);
	assert_int_equal(str_utf8_invalid("\xf0\x9f\x90\x95", 4), 4);
	assert_int_equal(str_utf8_invalid("ab\xff", 3), 2);
	assert_int_equal(str_utf8_invalid("a\xc3", 2), 1);	   /* cut */
	assert_int_equal(str_utf8_invalid("\xc0\xaf", 2), 0);	   /* overlong */
	assert_int_equal(str_utf8_invalid("\xe0\x80\xaf", 3), 0);  /* overlong */
	assert_int_equal(str_utf8_invalid("x\xed\xa0\x80", 4), 1); /* surrogate */
	assert_int_equal(str_utf8_invalid("\xf4\x90\x80\x80", 4), 0); /* > max */
	assert_int_equal(str_utf8_invalid("\xe2\x82", 2), 0);
}

/* Parses src and returns the error message, or "" when accepted. */
static const char *parse(const char *src, size_t len, uint32_t depth)
{
	static struct lh_error err;
	struct go_limits lim = GO_LIMITS_DEFAULT;
	TSParser *p = ts_parser_new();
	struct gofile *f;

	ts_parser_set_language(p, go_language());
	if (depth)
		lim.max_depth = depth;
	memset(&err, 0, sizeof(err));
	f = gofile_parse_limited(p, "t.go", src, len, &lim, &err);
	gofile_free(f);
	ts_parser_delete(p);
	if (f)
		return "";
	assert_string_equal(err.input, "t.go");
	return err.msg;
}

#define PARSE(lit) parse(lit, sizeof(lit) - 1, 0)

static void test_rejects(void **state)
{
	(void)state;
	assert_string_equal(PARSE("package p\n"), "");
	assert_string_equal(PARSE("// doc\npackage p\n"), "");
	assert_string_equal(PARSE("\xef\xbb\xbfpackage p\n"), "");
	assert_string_equal(PARSE("package p\n\nvar s = \"\xc3\xa9\"\n"), "");
	assert_string_equal(PARSE(""),
			    "cannot parse: empty file, no package clause");
	assert_string_equal(PARSE("// only a comment\n"),
			    "cannot parse: no package clause");
	assert_string_equal(PARSE("func f() {}\n"),
			    "cannot parse: no package clause");
	assert_string_equal(PARSE("package p\nvar x = 1\x00\n"),
			    "cannot parse: NUL byte at line 2, column 10");
	assert_string_equal(PARSE("package p\n// \xfe\n"),
			    "cannot parse: invalid UTF-8 at line 2, column 4");
	assert_string_equal(PARSE("package p\nfunc f( {\n"),
			    "cannot parse: syntax error at line 2, column 1");
}

static void test_depth(void **state)
{
	enum { N = 40000 };
	char *src = malloc(2 * N + 64);
	size_t len;

	(void)state;
	len = (size_t)sprintf(src, "package p\nvar x = ");
	memset(src + len, '(', N);
	len += N;
	src[len++] = '1';
	memset(src + len, ')', N);
	len += N;
	src[len++] = '\n';
	assert_true(str_has_prefix(parse(src, len, 0),
				   "cannot parse: nesting deeper than 16384 "
				   "levels at line 2, column "));
	/* the same shape just inside the bound is accepted */
	len = (size_t)sprintf(src, "package p\nvar x = ((((1))))\n");
	assert_string_equal(parse(src, len, 0), "");
	assert_true(str_has_prefix(parse(src, len, 6),
				   "cannot parse: nesting deeper than 6 "));
	free(src);
}

static void test_scan_source(void **state)
{
	struct lh_scan_options o = { 0 };
	struct lh_error err = { 0 };
	lh_findings *f = lh_findings_new();
	static const char ok[] = "package p\n\nfunc F() int { return 1 }\n";

	(void)state;
	assert_int_equal(lh_scan_source(&o, "dir/a.go", ok, sizeof(ok) - 1, f,
					&err), LH_OK);
	assert_int_equal(lh_scan_source(&o, "b.go", "package", 7, f, &err),
			 LH_ERR);
	assert_string_equal(err.input, "b.go");
	o.enable = "LH999";
	assert_int_equal(lh_scan_source(&o, "a.go", ok, sizeof(ok) - 1, f,
					&err), LH_ERR);
	assert_string_equal(err.msg, "unknown rule 'LH999'");
	lh_findings_free(f);
}

/* The gomod_parse error message for text, or "" when accepted. */
static const char *gomod(const char *text, size_t len)
{
	static struct lh_error err;
	struct gomod m;

	memset(&err, 0, sizeof(err));
	if (gomod_parse(&m, "go.mod", text, len, &err) == LH_OK) {
		gomod_release(&m);
		return "";
	}
	assert_string_equal(err.input, "go.mod");
	return err.msg;
}

#define GOMOD(lit) gomod(lit, sizeof(lit) - 1)

static void test_gomod_rejects(void **state)
{
	(void)state;
	assert_string_equal(GOMOD(""), "");
	assert_string_equal(GOMOD("module m\n\ngo 1.21.3\ntoolchain go1.22.0\n"
				  "tool golang.org/x/tools/cmd/stringer\n"), "");
	assert_string_equal(GOMOD("module m\nrequire (\n\tx v1\n"),
			    "unterminated block opened at line 2");
	assert_string_equal(GOMOD("module m\ngo 1.\n"),
			    "invalid go version '1.' at line 2");
	assert_string_equal(GOMOD("modul m\n"),
			    "unknown directive 'modul' at line 1");
	assert_string_equal(GOMOD("module m\n\x7f\x45LF\x02\x01\n"),
			    "unknown directive '\x7f\x45LF\x02\x01' at line 2");
	assert_string_equal(GOMOD("module m\n\x00"),
			    "not a text file: NUL byte at line 2");
	assert_string_equal(GOMOD("module m\n\n\xc3("),
			    "not a text file: invalid UTF-8 at line 3");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_scan_source),
		cmocka_unit_test(test_gomod_rejects),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
