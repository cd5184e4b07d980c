/*
 * fuzz_suppress.c - libFuzzer target: //leakhound:ignore and //nolint
 * directives. The input is parsed as a Go file; a finding of LH702 and one
 * of LH201 are placed on every line (rules rarely fire on fuzz input, and
 * directives only act on findings), then suppress_package() applies the
 * directives, reporting unused ones too.
 */
#include <stdint.h>

#include "report/suppress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void drop(void *ctx, const struct lh_error *err)
{
	(void)ctx;
	(void)err;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct gomod none;
	static TSParser *p;
	const struct lh_rule *rules[] = { lh_rule_find("LH702"),
					  lh_rule_find("LH201") };
	struct suppress_options o = { 0 };
	struct suppress_stats st = { 0 };
	struct lh_error err;
	struct gofile *f;
	struct gopkg *pkg;
	lh_findings *out;

	if (!p) {
		p = ts_parser_new();
		ts_parser_set_language(p, go_language());
	}
	f = gofile_parse(p, "a.go", (const char *)data, size, &err);
	if (!f)
		return 0;
	pkg = gopkg_new(".", &none);
	gopkg_add(pkg, f);
	gopkg_index(pkg);
	out = lh_findings_new();
	for (uint32_t line = 1; line <= f->nlines && line <= 512; line++) {
		for (size_t i = 0; i < 2 && rules[i]; i++) {
			struct lh_finding t = { 0 };

			t.rule = rules[i];
			t.loc = (struct lh_loc){ "a.go", line, 1, 0, 0 };
			t.message = "m";
			lh_findings_add(out, &t);
		}
	}
	o.report_unused = true;
	o.diag = drop;
	suppress_package(pkg, out, 0, &o, &st);
	lh_findings_free(out);
	gopkg_free(pkg);
	return 0;
}
