/*
 * report_sample.c - renders a fixed set of awkward findings, for the suites
 * that check the SARIF output against its schema and the JSON output with
 * a JSON parser (tests/suites/sarif.sh).
 *
 * usage: report_sample text|json|sarif|github
 *
 * The findings are hand-built, as static and runtime rules would make
 * them: leaking paths across files, edits, paths with spaces, '%', '#',
 * '?' and ':' in them, absolute paths, URLs, no location at all, bytes
 * that are not UTF-8, and a rule that is not in the registry.
 */
#include <stdio.h>

#include "core/core.h"

static const struct lh_rule sample_static = {
	.id = "LH798", .name = "sample-static", .since = "0.1",
	.title = "sample static rule", .class = LH_CLASS_RESOURCE,
	.severity = LH_SEV_WARNING, .kind = LH_RULE_STATIC,
};
static const struct lh_rule sample_runtime = {
	.id = "LH199", .name = "sample-runtime", .since = "0.1",
	.title = "sample runtime rule", .class = LH_CLASS_GOROUTINE,
	.severity = LH_SEV_ERROR, .kind = LH_RULE_RUNTIME,
};

static void add(lh_findings *f, const struct lh_rule *r, const char *path,
		uint32_t line, uint32_t col, const char *msg,
		const char *snippet)
{
	struct lh_finding t = { 0 };
	struct lh_finding *x;
	struct lh_step st = { { path, line + 4, 2, line + 4, 8 },
			      "returns here with the value still open" };
	struct lh_edit e = { path, 40, 40, "\n\tdefer x.Close()" };

	t.rule = r;
	t.severity = r->severity;
	t.confidence = LH_CONF_MEDIUM;
	t.loc = (struct lh_loc){ path, line, col, line, col + 5 };
	t.message = msg;
	t.snippet = snippet;
	t.function = snippet ? "pkg.(*T).Run.func1" : NULL;
	x = lh_findings_add(f, &t);
	if (path && line) {
		lh_findings_add_step(f, x, &st);
		st.loc = (struct lh_loc){ "/usr/lib/go/src/os/file.go", 300, 0,
					  0, 0 };
		st.note = "opened by os.Open";
		lh_findings_add_step(f, x, &st);
		if (path[0] != 'h')
			lh_findings_add_edit(f, x, &e);
	}
}

int main(int argc, char **argv)
{
	lh_findings *f = lh_findings_new();
	enum lh_format fmt;
	struct lh_render_options o = { 0 };
	struct lh_scan_stats st = { 3, 2, 4096, 1, 1 };
	static const char *const inputs[] = { "./...", "http://127.0.0.1:1/" };
	static const struct lh_error errors[] = {
		{ "bad dir/x.go", "cannot parse: syntax error at line 2" },
		{ "http://127.0.0.1:6060/debug/pprof/heap", "timed out" },
		{ "", "an error without an input" },
	};
	int rc;

	if (argc != 2 || !lh_format_parse(argv[1], &fmt)) {
		fprintf(stderr, "usage: report_sample text|json|sarif|github\n");
		return 2;
	}
	add(f, &sample_static, "./pkg/a b.go", 12, 3,
	    "file is never closed", "\tf, err := os.Open(name) // \xc3\xa9t\xe9");
	add(f, &sample_static, "weird/100%#x?y:z.go", 1, 1,
	    "message with \"quotes\", commas, colons: and\nnewlines", "x");
	add(f, &sample_static, "/abs/path/main.go", 7, 1, "absolute path",
	    "\tgo work()");
	add(f, &sample_runtime, "http://127.0.0.1:6060/debug/pprof/goroutine?debug=2",
	    0, 0, "412 goroutines blocked in chan send", NULL);
	add(f, &sample_runtime, NULL, 0, 0, "no location \xff at all", NULL);
	for (size_t i = 0; i < lh_rule_count(); i++) {
		const struct lh_rule *r = lh_rule_at(i);

		add(f, r, "reg.go", (uint32_t)i + 1, 2, r->title, "\tx := y()");
	}
	lh_findings_sort(f);
	lh_findings_fingerprint(f);
	o.tool_command = "report_sample";
	o.inputs = inputs;
	o.ninputs = 2;
	o.stats = &st;
	o.errors = errors;
	o.nerrors = ARRAY_SIZE(errors);
	rc = lh_render(stdout, fmt, f, &o) == LH_OK ? 0 : 1;
	lh_findings_free(f);
	return rc;
}
