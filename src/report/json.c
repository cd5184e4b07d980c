/*
 * json.c - `--format json`: one document for scripts and dashboards.
 *
 *   { "tool": {"name": "leakhound", "version": "0.1.0"},
 *     "command": "leakhound scan ./...", "inputs": ["./..."],
 *     "stats": {"files": 3, "packages": 1, "bytes": 812, "errors": 0,
 *               "suppressed": 0},
 *     "errors": [ {"input": "bad.go", "message": "cannot parse: ..."} ],
 *     "findings": [ {
 *       "rule": "LH702", "name": "http-body-not-closed", "title": "...",
 *       "class": "resource", "severity": "warning", "confidence": "high",
 *       "location": {"path": "a.go", "line": 12, "col": 2,
 *                    "end_line": 12, "end_col": 30},
 *       "function": "fetch", "message": "...", "snippet": "...",
 *       "leak_path": [ {"location": {...}, "note": "returns at line 18"} ],
 *       "fix": "defer resp.Body.Close() ...",
 *       "edits": [ {"path": "a.go", "start": 301, "end": 301,
 *                   "text": "\n\tdefer resp.Body.Close()"} ],
 *       "fingerprint": "5f0c1d2e3a4b6c7d" } ] }
 *
 * Absent facts are null (function, snippet, a location's path) or 0 (an
 * unknown line or column), never left out: consumers can index blindly.
 */
#include <stdio.h>

#include "report/report.h"

static json_t *json__loc(const struct lh_loc *l)
{
	return json_pack("{s:o, s:I, s:I, s:I, s:I}", "path", rj_str(l->path),
			 "line", (json_int_t)l->line, "col", (json_int_t)l->col,
			 "end_line", (json_int_t)l->end_line, "end_col",
			 (json_int_t)l->end_col);
}

static json_t *json__finding(const struct lh_finding *x)
{
	json_t *o = json_object(), *steps = json_array(),
	       *edits = json_array();
	char fp[17];

	json_object_set_new(o, "rule", rj_str(x->rule->id));
	json_object_set_new(o, "name", rj_str(x->rule->name));
	json_object_set_new(o, "title", rj_str(x->rule->title));
	json_object_set_new(o, "class", rj_str(lh_class_name(x->rule->class)));
	json_object_set_new(o, "severity",
			    rj_str(lh_severity_name(x->severity)));
	json_object_set_new(o, "confidence",
			    rj_str(lh_confidence_name(x->confidence)));
	json_object_set_new(o, "location", json__loc(&x->loc));
	json_object_set_new(o, "function", rj_str(x->function));
	json_object_set_new(o, "message", rj_str(x->message));
	json_object_set_new(o, "snippet", rj_str(x->snippet));
	for (size_t i = 0; i < x->nsteps; i++)
		json_array_append_new(steps, json_pack("{s:o, s:o}",
			"location", json__loc(&x->steps[i].loc),
			"note", rj_str(x->steps[i].note)));
	json_object_set_new(o, "leak_path", steps);
	json_object_set_new(o, "fix", rj_str(report_advice(x)));
	for (size_t i = 0; i < x->nedits; i++)
		json_array_append_new(edits, json_pack("{s:o, s:I, s:I, s:o}",
			"path", rj_str(x->edits[i].path),
			"start", (json_int_t)x->edits[i].start,
			"end", (json_int_t)x->edits[i].end,
			"text", rj_str(x->edits[i].text)));
	json_object_set_new(o, "edits", edits);
	report_fingerprint_hex(x->fingerprint, fp);
	json_object_set_new(o, "fingerprint", json_string(fp));
	return o;
}

/* [{"input": "bad.go", "message": "cannot parse: ..."}] */
static json_t *json__errors(const struct lh_render_options *o)
{
	json_t *arr = json_array();

	for (size_t i = 0; o && i < o->nerrors; i++)
		json_array_append_new(arr, json_pack("{s:o, s:o}",
			"input", rj_str(o->errors[i].input[0]
						? o->errors[i].input : NULL),
			"message", rj_str(o->errors[i].msg)));
	return arr;
}

enum lh_status lh_render_json(FILE *out, const lh_findings *f,
			      const struct lh_render_options *o)
{
	json_t *doc = json_object(), *inputs = json_array(),
	       *findings = json_array();
	size_t n = lh_findings_count(f);

	json_object_set_new(doc, "tool", json_pack("{s:s, s:s}", "name",
		"leakhound", "version", LH_VERSION));
	json_object_set_new(doc, "command",
			    rj_str(o ? o->tool_command : NULL));
	for (size_t i = 0; o && i < o->ninputs; i++)
		json_array_append_new(inputs, rj_str(o->inputs[i]));
	json_object_set_new(doc, "inputs", inputs);
	if (o && o->stats)
		json_object_set_new(doc, "stats", json_pack(
			"{s:I, s:I, s:I, s:I, s:I}",
			"files", (json_int_t)o->stats->files,
			"packages", (json_int_t)o->stats->packages,
			"bytes", (json_int_t)o->stats->bytes,
			"errors", (json_int_t)o->stats->errors,
			"suppressed", (json_int_t)o->stats->suppressed));
	else
		json_object_set_new(doc, "stats", json_null());
	json_object_set_new(doc, "errors", json__errors(o));
	for (size_t i = 0; i < n; i++)
		json_array_append_new(findings,
				      json__finding(lh_findings_at(f, i)));
	json_object_set_new(doc, "findings", findings);
	return rj_dump(out, doc);
}
