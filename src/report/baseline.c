/*
 * baseline.c - adopt leakhound on a legacy codebase: record today's
 * findings (--write-baseline FILE), then report only new ones (--baseline
 * FILE). The file is JSON:
 *
 *   { "leakhound_baseline": 1, "tool_version": "0.1.0",
 *     "findings": [ { "fingerprint": "5f0c1d2e3a4b6c7d", "rule": "LH702",
 *                     "path": "a.go", "line": 12, "message": "..." } ] }
 *
 * Only the fingerprint matches (rule, path, function, trimmed source line:
 * no line number, so lines added above a finding keep it baselined); rule,
 * path, line and message are for the people who read the file. Each entry
 * matches one finding: two identical lines in one function are two
 * entries, and a third copy is new.
 */
#include <stdio.h>

#include "report/report.h"

#define BASELINE_VERSION 1

struct lh_baseline {
	struct map counts; /* fingerprint hex -> entries left (as a pointer) */
	size_t n;
};

void lh_baseline_free(lh_baseline *b)
{
	if (!b)
		return;
	map_release(&b->counts);
	free(b);
}

static bool baseline__hex16(const char *s)
{
	if (!s || strlen(s) != 16)
		return false;
	for (; *s; s++) {
		if (!strchr("0123456789abcdef", *s))
			return false;
	}
	return true;
}

enum lh_status lh_baseline_load(const char *path, lh_baseline **out,
				struct lh_error *err)
{
	return lh_baseline_load_max(path, 0, out, err);
}

enum lh_status lh_baseline_load_max(const char *path, size_t max_size,
				    lh_baseline **out, struct lh_error *err)
{
	struct buf b;
	json_error_t jerr;
	json_t *doc, *arr, *v;
	lh_baseline *bl;
	size_t i;

	*out = NULL;
	buf_init(&b, max_size ? max_size : LH_BASELINE_MAX_SIZE);
	if (buf_read_file(&b, path, err) != LH_OK) {
		buf_release(&b);
		return LH_ERR;
	}
	doc = json_loadb(b.data ? b.data : "", b.len, 0, &jerr);
	buf_release(&b);
	if (!doc)
		return lh_fail(err, path, "not a baseline: %s at line %d",
			       jerr.text, jerr.line);
	v = json_object_get(doc, "leakhound_baseline");
	arr = json_object_get(doc, "findings");
	if (!json_is_integer(v) || !json_is_array(arr)) {
		json_decref(doc);
		return lh_fail(err, path, "not a baseline: want an object with "
			       "\"leakhound_baseline\" and \"findings\"");
	}
	if (json_integer_value(v) != BASELINE_VERSION) {
		lh_fail(err, path, "baseline version %lld is not %d",
			(long long)json_integer_value(v), BASELINE_VERSION);
		json_decref(doc);
		return LH_ERR;
	}
	bl = xcalloc(1, sizeof(*bl));
	map_init(&bl->counts);
	json_array_foreach(arr, i, v) {
		const char *fp = json_string_value(json_object_get(v,
								   "fingerprint"));
		struct map_entry *e;

		if (!baseline__hex16(fp)) {
			lh_fail(err, path, "finding %zu: \"fingerprint\" is "
				"not 16 hex digits", i + 1);
			json_decref(doc);
			lh_baseline_free(bl);
			return LH_ERR;
		}
		e = map_slot(&bl->counts, fp, 16);
		e->value = (void *)((uintptr_t)e->value + 1);
		bl->n++;
	}
	json_decref(doc);
	*out = bl;
	return LH_OK;
}

size_t lh_baseline_count(const lh_baseline *b)
{
	return b ? b->n : 0;
}

size_t lh_baseline_apply(const lh_baseline *b, lh_findings *f)
{
	struct map left = MAP_INIT;
	size_t i = 0, dropped = 0;

	if (!b)
		return 0;
	/* entries are used up as they match: count on a copy */
	for (size_t k = 0; k < b->counts.cap; k++) {
		const struct map_entry *e = &b->counts.slots[k];

		if (e->key)
			map_put(&left, e->key, e->klen, e->value);
	}
	lh_findings_fingerprint(f);
	while (i < lh_findings_count(f)) {
		char fp[17];
		struct map_entry *e;

		report_fingerprint_hex(lh_findings_at(f, i)->fingerprint, fp);
		e = map_slot(&left, fp, 16);
		if ((uintptr_t)e->value > 0) {
			e->value = (void *)((uintptr_t)e->value - 1);
			lh_findings_remove(f, i);
			dropped++;
		} else {
			i++;
		}
	}
	map_release(&left);
	return dropped;
}

enum lh_status lh_baseline_write(const char *path, lh_findings *f,
				 struct lh_error *err)
{
	json_t *doc, *arr = json_array();
	char *text;
	enum lh_status st;

	lh_findings_fingerprint(f);
	for (size_t i = 0; i < lh_findings_count(f); i++) {
		const struct lh_finding *x = lh_findings_at(f, i);
		char fp[17];

		report_fingerprint_hex(x->fingerprint, fp);
		json_array_append_new(arr, json_pack("{s:s, s:o, s:o, s:I, s:o}",
			"fingerprint", fp, "rule", rj_str(x->rule->id),
			"path", rj_str(x->loc.path),
			"line", (json_int_t)x->loc.line,
			"message", rj_str(x->message)));
	}
	doc = json_pack("{s:i, s:s, s:o}", "leakhound_baseline",
			BASELINE_VERSION, "tool_version", LH_VERSION,
			"findings", arr);
	text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(doc);
	if (!text)
		return lh_fail(err, path, "cannot format the baseline");
	{
		size_t len = strlen(text);
		char *withnl = xmalloc(len + 2);

		memcpy(withnl, text, len);
		withnl[len] = '\n';
		withnl[len + 1] = '\0';
		st = report_write_atomic(path, withnl, len + 1, err);
		free(withnl);
	}
	free(text);
	return st;
}
