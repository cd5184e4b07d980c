/*
 * test_report.c - unit tests of the renderers (JSON, SARIF, GitHub, text)
 * on hand-built findings, and of the rule-doc checks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>

#include "core/core.h"

static const struct lh_rule rule_body = {
	.id = "LH799", .name = "test-body", .title = "test body is not closed",
	.class = LH_CLASS_RESOURCE, .severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC, .since = "0.1",
};
static const struct lh_rule rule_rt = {
	.id = "LH199", .name = "test-goroutines", .title = "goroutines pile up",
	.class = LH_CLASS_GOROUTINE, .severity = LH_SEV_ERROR,
	.kind = LH_RULE_RUNTIME, .since = "0.1",
};

/* Renders f with fn into a string. Caller frees with free(). */
static char *render(enum lh_format fmt, const lh_findings *f)
{
	char *s = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&s, &n);
	struct lh_render_options o = { 0 };
	static const char *const inputs[] = { "./..." };

	static const struct lh_error errors[] = {
		{ "bad dir/x.go", "cannot parse: syntax error at line 2" },
		{ "", "no input at all" },
	};

	o.tool_command = "leakhound scan ./...";
	o.inputs = inputs;
	o.ninputs = 1;
	o.errors = errors;
	o.nerrors = 2;
	assert_non_null(m);
	assert_int_equal(lh_render(m, fmt, f, &o), LH_OK);
	fclose(m);
	return s;
}

/* Two static findings (one with a path of two steps and an edit), one
 * runtime finding with no file and no snippet. */
static lh_findings *sample(void)
{
	lh_findings *f = lh_findings_new();
	struct lh_finding t = { 0 };
	struct lh_step st = { 0 };
	struct lh_edit e = { "./pkg/a b.go", 120, 120,
			     "\n\tdefer resp.Body.Close()" };
	struct lh_finding *x;

	t.rule = &rule_body;
	t.severity = LH_SEV_WARNING;
	t.confidence = LH_CONF_HIGH;
	t.loc = (struct lh_loc){ "./pkg/a b.go", 7, 15, 7, 29 };
	t.message = "response body is never closed";
	t.function = "fetch";
	t.snippet = "\tresp, err := \xc3\xa9http.Get(u) // caf\xe9";
	x = lh_findings_add(f, &t);
	st.loc = (struct lh_loc){ "./pkg/a b.go", 11, 3, 11, 9 };
	st.note = "returns at line 11 with resp.Body open";
	lh_findings_add_step(f, x, &st);
	st.loc = (struct lh_loc){ "/usr/lib/go/src/net/http/client.go", 90,
				  1, 90, 1 };
	st.note = "100% sure, 50:50";
	lh_findings_add_step(f, x, &st);
	lh_findings_add_edit(f, x, &e);

	t = (struct lh_finding){ 0 };
	t.rule = &rule_rt;
	t.severity = LH_SEV_ERROR;
	t.confidence = LH_CONF_MEDIUM;
	t.loc = (struct lh_loc){ "http://127.0.0.1:6060/debug/pprof/goroutine",
				 0, 0, 0, 0 };
	t.message = "412 goroutines blocked in chan send,\nrising";
	lh_findings_add(f, &t);

	t = (struct lh_finding){ 0 };
	t.rule = &rule_body;
	t.severity = LH_SEV_INFO;
	t.confidence = LH_CONF_LOW;
	t.message = "no location at all";
	lh_findings_add(f, &t);
	lh_findings_fingerprint(f);
	return f;
}

static json_t *load(const char *s)
{
	json_error_t jerr;
	json_t *v = json_loads(s, 0, &jerr);

	if (!v)
		fail_msg("not JSON: %s at line %d: %s", jerr.text, jerr.line, s);
	return v;
}

static void test_json(void **state)
{
	lh_findings *f = sample();
	char *s = render(LH_FORMAT_JSON, f);
	json_t *doc = load(s), *x, *steps;

	(void)state;
	assert_string_equal(json_string_value(json_object_get(
		json_object_get(doc, "tool"), "version")), LH_VERSION);
	assert_string_equal(json_string_value(json_array_get(
		json_object_get(doc, "inputs"), 0)), "./...");
	assert_int_equal(json_array_size(json_object_get(doc, "findings")), 3);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
		json_object_get(doc, "errors"), 0), "input")), "bad dir/x.go");
	assert_true(json_is_null(json_object_get(json_array_get(
		json_object_get(doc, "errors"), 1), "input")));
	x = json_array_get(json_object_get(doc, "findings"), 0);
	assert_string_equal(json_string_value(json_object_get(x, "rule")),
			    "LH799");
	assert_string_equal(json_string_value(json_object_get(x, "class")),
			    "resource");
	assert_string_equal(json_string_value(json_object_get(x, "confidence")),
			    "high");
	assert_int_equal(json_integer_value(json_object_get(
		json_object_get(x, "location"), "line")), 7);
	/* the invalid byte 0xe9 became U+FFFD, the valid é stayed */
	assert_non_null(strstr(json_string_value(json_object_get(x, "snippet")),
			       "\xc3\xa9http.Get(u) // caf\xef\xbf\xbd"));
	steps = json_object_get(x, "leak_path");
	assert_int_equal(json_array_size(steps), 2);
	assert_string_equal(json_string_value(json_object_get(
		json_array_get(steps, 1), "note")), "100% sure, 50:50");
	assert_string_equal(json_string_value(json_object_get(
		json_array_get(json_object_get(x, "edits"), 0), "text")),
		"\n\tdefer resp.Body.Close()");
	assert_int_equal(strlen(json_string_value(json_object_get(
		x, "fingerprint"))), 16);
	/* class advice when the rule gave none */
	assert_string_equal(json_string_value(json_object_get(x, "fix")),
			    lh_class_advice(LH_CLASS_RESOURCE));
	/* a runtime finding: no function, no snippet -> null */
	x = json_array_get(json_object_get(doc, "findings"), 1);
	assert_true(json_is_null(json_object_get(x, "function")));
	assert_true(json_is_null(json_object_get(x, "snippet")));
	x = json_array_get(json_object_get(doc, "findings"), 2);
	assert_true(json_is_null(json_object_get(json_object_get(x,
		"location"), "path")));
	json_decref(doc);
	free(s);
	lh_findings_free(f);
}

static json_t *path(json_t *v, const char *keys)
{
	char buf[256];
	char *save = NULL;

	snprintf(buf, sizeof(buf), "%s", keys);
	for (char *k = strtok_r(buf, ".", &save); k && v;
	     k = strtok_r(NULL, ".", &save)) {
		if (*k >= '0' && *k <= '9')
			v = json_array_get(v, (size_t)atoi(k));
		else
			v = json_object_get(v, k);
	}
	return v;
}

static const char *spath(json_t *v, const char *keys)
{
	json_t *s = path(v, keys);

	if (!json_is_string(s))
		fail_msg("%s is not a string", keys);
	return json_string_value(s);
}

static void test_sarif(void **state)
{
	lh_findings *f = sample();
	char *s = render(LH_FORMAT_SARIF, f);
	json_t *doc = load(s), *run = path(doc, "runs.0"), *rules, *r;
	size_t idx;

	(void)state;
	assert_string_equal(spath(doc, "version"), "2.1.0");
	rules = path(run, "tool.driver.rules");
	/* the test rules are not registered: added after the registry */
	assert_int_equal(json_array_size(rules), lh_rule_count() + 2);
	assert_string_equal(spath(run, "invocations.0.toolExecutionNotifications"
				       ".0.locations.0.physicalLocation."
				       "artifactLocation.uri"),
			    "bad%20dir/x.go");
	assert_string_equal(spath(run, "invocations.0.toolExecutionNotifications"
				       ".1.message.text"), "no input at all");
	r = path(run, "results.0");
	assert_string_equal(spath(r, "ruleId"), "LH799");
	idx = (size_t)json_integer_value(json_object_get(r, "ruleIndex"));
	assert_string_equal(spath(json_array_get(rules, idx), "id"), "LH799");
	assert_string_equal(spath(json_array_get(rules, idx),
				  "shortDescription.text"),
			    "test body is not closed");
	assert_string_equal(spath(r, "level"), "warning");
	assert_string_equal(spath(r,
		"locations.0.physicalLocation.artifactLocation.uri"),
		"pkg/a%20b.go");
	assert_string_equal(spath(r,
		"locations.0.physicalLocation.artifactLocation.uriBaseId"),
		"%SRCROOT%");
	/* byte column 29 is code point 28: the é before it is two bytes */
	assert_int_equal(json_integer_value(path(r,
		"locations.0.physicalLocation.region.startColumn")), 15);
	assert_int_equal(json_integer_value(path(r,
		"locations.0.physicalLocation.region.endColumn")), 28);
	assert_string_equal(spath(r,
		"locations.0.logicalLocations.0.fullyQualifiedName"), "fetch");
	/* the code flow: the site, then both steps */
	assert_int_equal(json_array_size(path(r,
		"codeFlows.0.threadFlows.0.locations")), 3);
	assert_string_equal(spath(r,
		"codeFlows.0.threadFlows.0.locations.2.location."
		"physicalLocation.artifactLocation.uri"),
		"file:///usr/lib/go/src/net/http/client.go");
	assert_string_equal(spath(r,
		"codeFlows.0.threadFlows.0.locations.1.location.message.text"),
		"returns at line 11 with resp.Body open");
	assert_int_equal(strlen(spath(r,
		"partialFingerprints.leakhound/v1")), 18);
	assert_int_equal(json_integer_value(path(r,
		"fixes.0.artifactChanges.0.replacements.0.deletedRegion."
		"byteOffset")), 120);
	assert_int_equal(json_integer_value(path(r,
		"fixes.0.artifactChanges.0.replacements.0.deletedRegion."
		"byteLength")), 0);
	/* the runtime finding: a URL kept as an absolute URI, no region */
	r = path(run, "results.1");
	assert_string_equal(spath(r, "level"), "error");
	assert_string_equal(spath(r,
		"locations.0.physicalLocation.artifactLocation.uri"),
		"http://127.0.0.1:6060/debug/pprof/goroutine");
	assert_null(path(r, "locations.0.physicalLocation.region"));
	assert_null(path(r,
		"locations.0.physicalLocation.artifactLocation.uriBaseId"));
	assert_null(json_object_get(r, "codeFlows"));
	/* no location at all: no locations, level note */
	r = path(run, "results.2");
	assert_null(json_object_get(r, "locations"));
	assert_string_equal(spath(r, "level"), "note");
	json_decref(doc);
	free(s);
	lh_findings_free(f);
}

/* The fingerprint ignores the line number and indentation, and the
 * leading "./" of a path, but not the rule, the file or the code. */
static void test_fingerprint_survives_shift(void **state)
{
	lh_findings *f = lh_findings_new();
	struct lh_finding t = { 0 };
	const struct lh_finding *a, *b, *c, *d, *e;

	(void)state;
	t.rule = &rule_body;
	t.message = "m";
	t.function = "fetch";
	t.snippet = "\tresp, err := http.Get(u)";
	t.loc = (struct lh_loc){ "./a.go", 7, 2, 7, 2 };
	lh_findings_add(f, &t);
	t.snippet = "\t\tresp, err := http.Get(u)  ";
	t.loc = (struct lh_loc){ "a.go", 19, 3, 19, 3 };
	lh_findings_add(f, &t);
	t.loc.path = "b.go";
	lh_findings_add(f, &t);
	t.loc.path = "a.go";
	t.snippet = "\tresp, err := http.Get(v)";
	lh_findings_add(f, &t);
	t.snippet = "\tresp, err := http.Get(u)";
	t.rule = &rule_rt;
	lh_findings_add(f, &t);
	lh_findings_fingerprint(f);
	a = lh_findings_at(f, 0);
	b = lh_findings_at(f, 1);
	c = lh_findings_at(f, 2);
	d = lh_findings_at(f, 3);
	e = lh_findings_at(f, 4);
	assert_true(a->fingerprint == b->fingerprint);
	assert_true(a->fingerprint != c->fingerprint);
	assert_true(a->fingerprint != d->fingerprint);
	assert_true(a->fingerprint != e->fingerprint);
	lh_findings_free(f);

	/* runtime findings: the counts in the message do not matter */
	f = lh_findings_new();
	t = (struct lh_finding){ 0 };
	t.rule = &rule_rt;
	t.function = "main.fetch.func1";
	t.loc = (struct lh_loc){ "leaky.go", 48, 3, 48, 3 };
	t.message = "15 goroutines blocked in chan send";
	lh_findings_add(f, &t);
	t.message = "412 goroutines blocked in chan send";
	lh_findings_add(f, &t);
	t.loc.line = 60;
	lh_findings_add(f, &t);
	lh_findings_fingerprint(f);
	assert_true(lh_findings_at(f, 0)->fingerprint ==
		    lh_findings_at(f, 1)->fingerprint);
	assert_true(lh_findings_at(f, 0)->fingerprint !=
		    lh_findings_at(f, 2)->fingerprint);
	lh_findings_free(f);
}

static void test_github(void **state)
{
	lh_findings *f = sample();
	char *s = render(LH_FORMAT_GITHUB, f);
	char *l2, *l3;

	(void)state;
	l2 = strchr(s, '\n');
	assert_non_null(l2);
	*l2++ = '\0';
	l3 = strchr(l2, '\n');
	assert_non_null(l3);
	*l3++ = '\0';
	assert_string_equal(s,
		"::warning file=./pkg/a b.go,line=7,col=15,endLine=7,"
		"endColumn=29,title=LH799 test body is not closed::"
		"response body is never closed [resource, high confidence] "
		"in fetch%0Apath: returns at line 11 with resp.Body open"
		"%0Apath: /usr/lib/go/src/net/http/client.go:90: 100%25 "
		"sure, 50:50%0Afix: Release on every path: defer x.Close() "
		"right after the error check of the call that opened it "
		"(resp.Body.Close() for HTTP, rows.Close() for queries, "
		"cmd.Wait() after Start), close inside loops without defer, "
		"or hand the resource to an owner that closes it.");
	/* ':' and ',' in a property are escaped, in the message they stay */
	assert_true(str_has_prefix(l2,
		"::error file=http%3A//127.0.0.1%3A6060/debug/pprof/goroutine,"
		"title=LH199 goroutines pile up::412 goroutines blocked in "
		"chan send,%0Arising [goroutine, medium confidence]%0Afix: "));
	assert_true(str_has_prefix(l3,
		"::notice title=LH799 test body is not closed::no location"));
	free(s);
	lh_findings_free(f);
}

static void test_text_unchanged(void **state)
{
	lh_findings *f = sample();
	char *s = render(LH_FORMAT_TEXT, f);

	(void)state;
	assert_true(str_has_prefix(s,
		"./pkg/a b.go:7:15: LH799 response body is never closed "
		"[resource, warning, high confidence]\n"));
	assert_non_null(strstr(s, "  path: returns at line 11 with "
				  "resp.Body open\n"));
	free(s);
	lh_findings_free(f);
}

static void test_formats(void **state)
{
	enum lh_format fmt;

	(void)state;
	assert_true(lh_format_parse("sarif", &fmt));
	assert_int_equal(fmt, LH_FORMAT_SARIF);
	assert_true(lh_format_parse("GitHub", &fmt));
	assert_int_equal(fmt, LH_FORMAT_GITHUB);
	assert_false(lh_format_parse("xml", &fmt));
	assert_string_equal(lh_format_name(LH_FORMAT_JSON), "json");
}

static void test_min_confidence(void **state)
{
	lh_findings *f = sample();

	(void)state;
	assert_int_equal(lh_findings_drop_below(f, LH_CONF_MEDIUM), 1);
	assert_int_equal(lh_findings_count(f), 2);
	assert_int_equal(lh_findings_drop_below(f, LH_CONF_HIGH), 1);
	assert_string_equal(lh_findings_at(f, 0)->rule->id, "LH799");
	lh_findings_free(f);
}

static const char good_doc[] =
	"# LH799: test body is not closed\n"
	"class: resource | severity: warning | since: 0.1\n"
	"\n"
	"## Why it leaks\n"
	"\n"
	"The body holds the connection.\n"
	"\n"
	"```go\n"
	"## not a heading inside a fence\n"
	"```\n"
	"\n"
	"## Bad\n\n```go\nx()\n```\n\n## Good\n\n```go\ny()\n```\n\n"
	"## Fix\n\nClose it.\n";

static void test_doc_check(void **state)
{
	struct lh_error err = { 0 };
	char *why, *fix, *doc;
	struct lh_rule r = rule_body;

	(void)state;
	assert_int_equal(lh_rule_doc_check_text(&rule_body, good_doc, &err),
			 LH_OK);
	why = lh_rule_doc_section(good_doc, "Why it leaks");
	assert_string_equal(why, "The body holds the connection.\n\n```go\n"
				 "## not a heading inside a fence\n```");
	fix = lh_rule_doc_section(good_doc, "Fix");
	assert_string_equal(fix, "Close it.");
	assert_null(lh_rule_doc_section(good_doc, "Nope"));
	free(why);
	free(fix);
	r.title = "another title";
	assert_int_equal(lh_rule_doc_check_text(&r, good_doc, &err), LH_ERR);
	assert_non_null(strstr(err.msg, "want '# LH799: another title'"));
	r = rule_body;
	r.class = LH_CLASS_TIMER;
	assert_int_equal(lh_rule_doc_check_text(&r, good_doc, &err), LH_ERR);
	assert_non_null(strstr(err.msg, "class: timer"));
	r = rule_body;
	r.severity = LH_SEV_ERROR;
	assert_int_equal(lh_rule_doc_check_text(&r, good_doc, &err), LH_ERR);
	doc = xstrdup(good_doc);
	strstr(doc, "## Good")[3] = 'g';
	assert_int_equal(lh_rule_doc_check_text(&rule_body, doc, &err),
			 LH_ERR);
	assert_non_null(strstr(err.msg, "'## Good'"));
	free(doc);
	assert_int_equal(lh_rule_doc_check_text(&rule_body, NULL, &err),
			 LH_ERR);
}

/* Every registered rule has a doc whose header agrees with it. */
static void test_registry_docs(void **state)
{
	(void)state;
	for (size_t i = 0; i < lh_rule_count(); i++) {
		struct lh_error err = { 0 };

		if (lh_rule_doc_check(lh_rule_at(i), &err) != LH_OK)
			fail_msg("%s: %s", err.input, err.msg);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_sarif),
		cmocka_unit_test(test_fingerprint_survives_shift),
		cmocka_unit_test(test_github),
		cmocka_unit_test(test_text_unchanged),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_min_confidence),
		cmocka_unit_test(test_doc_check),
		cmocka_unit_test(test_registry_docs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
