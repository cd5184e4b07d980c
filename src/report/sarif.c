/*
 * sarif.c - `--format sarif`: a SARIF 2.1.0 log (OASIS Static Analysis
 * Results Interchange Format, errata 01) for GitHub code scanning and
 * editors. One run:
 *
 *   tool.driver.rules   every registered rule (and any rule a finding names
 *                       that is not registered): id, name, title as
 *                       shortDescription, "Why it leaks" as fullDescription,
 *                       the whole doc as help (text and markdown), default
 *                       level, tags
 *   results             ruleId/ruleIndex, level, message, location (region
 *                       with snippet; logicalLocations for the function),
 *                       codeFlows (site, then each step of the leaking path),
 *                       partialFingerprints, fixes (byte replacements)
 *   originalUriBaseIds  %SRCROOT% = the source root, so relative paths stay
 *                       relative (code scanning maps them onto the repo)
 *
 * Locations: relative paths get uriBaseId %SRCROOT%, absolute paths become
 * file:// URIs, URL-ish names ("http://127.0.0.1:6060/...", runtime inputs)
 * are kept; each is percent-encoded to a valid URI reference. Columns are
 * counted in Unicode code points (run.columnKind) when the source line is
 * known, else in bytes (the same for ASCII).
 *
 * partialFingerprints["leakhound/v1"] is the finding's fingerprint (rule,
 * path, function, trimmed source line: no line numbers) plus ":N", the
 * occurrence of that fingerprint in the file, as GitHub does for its own
 * primaryLocationLineHash. Lines added above a finding leave it unchanged.
 */
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "report/report.h"

#define SARIF_SCHEMA                                                           \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/" \
	"sarif-schema-2.1.0.json"
#define SARIF_SRCROOT "%SRCROOT%"
#define SARIF_FP_KEY "leakhound/v1"

/* ---------------------------------------------------------------- URIs */

static bool sarif__has_scheme(const char *s)
{
	const char *p = s;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return false;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	       (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	return p[0] == ':' && p[1] == '/' && p[2] == '/';
}

/* Percent-encodes s into b, keeping unreserved characters, '/', and the
 * sub-delimiters a path may hold; with url, also the characters of a URL's
 * scheme, authority, query and fragment. */
static void sarif__encode(struct buf *b, const char *s, bool url)
{
	static const char keep[] = "-._~/!$&'()*+,;=@";
	static const char keep_url[] = ":?#[]";

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(keep, *p) ||
		    (url && strchr(keep_url, *p)) ||
		    (url && *p == '%' && p[1] && p[2] &&
		     strchr("0123456789abcdefABCDEF", p[1]) &&
		     strchr("0123456789abcdefABCDEF", p[2])))
			buf_addc(b, (char)*p);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

/* An artifactLocation for path. */
static json_t *sarif__artifact(const char *path)
{
	struct buf b = BUF_INIT;
	json_t *o = json_object();

	if (sarif__has_scheme(path)) {
		sarif__encode(&b, path, true);
	} else if (path[0] == '/') {
		buf_adds(&b, "file://");
		sarif__encode(&b, path, false);
	} else {
		while (path[0] == '.' && path[1] == '/')
			path += 2;
		sarif__encode(&b, path, false);
	}
	json_object_set_new(o, "uri", rj_str(b.data ? b.data : ""));
	if (!sarif__has_scheme(path) && path[0] != '/')
		json_object_set_new(o, "uriBaseId", json_string(SARIF_SRCROOT));
	buf_release(&b);
	return o;
}

/* file:///abs/root/ for the source root (cwd when root is NULL). */
static json_t *sarif__srcroot(const char *root)
{
	char abs[PATH_MAX];
	struct buf b = BUF_INIT;
	json_t *v;

	if (!realpath(root ? root : ".", abs))
		return NULL;
	buf_adds(&b, "file://");
	sarif__encode(&b, abs, false);
	if (b.data[b.len - 1] != '/')
		buf_addc(&b, '/');
	v = json_pack("{s:{s:o}}", SARIF_SRCROOT, "uri", rj_str(b.data));
	buf_release(&b);
	return v;
}

/* ---------------------------------------------------------------- rules */

typedef VEC(const struct lh_rule *) sarif_rule_vec;

static const char *sarif__level(enum lh_severity s)
{
	switch (s) {
	case LH_SEV_ERROR:
		return "error";
	case LH_SEV_WARNING:
		return "warning";
	default:
		return "note";
	}
}

static json_t *sarif__rule(const struct lh_rule *r)
{
	const char *doc = lh_rule_doc(r);
	char *why = lh_rule_doc_section(doc, "Why it leaks");
	struct buf text = BUF_INIT;
	json_t *o = json_object(), *help = json_object();

	json_object_set_new(o, "id", rj_str(r->id));
	if (r->name)
		json_object_set_new(o, "name", rj_str(r->name));
	json_object_set_new(o, "shortDescription",
			    json_pack("{s:o}", "text", rj_str(r->title)));
	json_object_set_new(o, "fullDescription", json_pack("{s:o}", "text",
		rj_str(why ? why : r->title)));
	if (doc) {
		json_object_set_new(help, "text", rj_str(doc));
		json_object_set_new(help, "markdown", rj_str(doc));
	} else {
		buf_printf(&text, "%s: %s. %s", r->id, r->title,
			   lh_class_advice(r->class));
		json_object_set_new(help, "text", rj_str(text.data));
	}
	json_object_set_new(o, "help", help);
	json_object_set_new(o, "defaultConfiguration", json_pack("{s:s}",
		"level", sarif__level(r->severity)));
	json_object_set_new(o, "properties", json_pack(
		"{s:[s,s,s], s:s, s:s}", "tags", "leak",
		lh_class_name(r->class),
		r->kind == LH_RULE_RUNTIME ? "runtime" : "static",
		"precision", "high",
		"problem.severity", lh_severity_name(r->severity)));
	free(why);
	buf_release(&text);
	return o;
}

/* The rules of the run: the registry, then unregistered rules findings
 * name (meta findings, tests). *rules_out gets them in index order. */
static json_t *sarif__rules(const lh_findings *f, sarif_rule_vec *rules_out)
{
	json_t *arr = json_array();
	size_t n = lh_findings_count(f);

	for (size_t i = 0; i < lh_rule_count(); i++)
		VEC_PUSH(rules_out, lh_rule_at(i));
	for (size_t i = 0; i < n; i++) {
		const struct lh_rule *r = lh_findings_at(f, i)->rule;
		bool seen = false;

		for (size_t k = 0; k < rules_out->len && !seen; k++)
			seen = rules_out->items[k] == r;
		if (!seen)
			VEC_PUSH(rules_out, r);
	}
	for (size_t i = 0; i < rules_out->len; i++)
		json_array_append_new(arr, sarif__rule(rules_out->items[i]));
	return arr;
}

/* ---------------------------------------------------------------- results */

/* Column col (bytes, 1-based) of line as code points (1-based). */
static uint32_t sarif__cp_col(const char *line, uint32_t col)
{
	uint32_t cp = 1;
	size_t len = strlen(line);

	for (uint32_t i = 0; i + 1 < col && i < len; i++) {
		if (((unsigned char)line[i] & 0xc0) != 0x80)
			cp++;
	}
	if (col > len + 1)
		cp += col - (uint32_t)len - 1;
	return cp;
}

static json_t *sarif__physical(const struct lh_loc *l, const char *snippet)
{
	json_t *o = json_object(), *region;
	uint32_t col = l->col, end_col = l->end_col;

	json_object_set_new(o, "artifactLocation", sarif__artifact(l->path));
	if (!l->line)
		return o;
	if (snippet) {
		col = col ? sarif__cp_col(snippet, col) : 0;
		if (l->end_line == l->line && end_col)
			end_col = sarif__cp_col(snippet, end_col);
	}
	region = json_pack("{s:I}", "startLine", (json_int_t)l->line);
	if (col)
		json_object_set_new(region, "startColumn", json_integer(col));
	if (l->end_line >= l->line) {
		json_object_set_new(region, "endLine",
				    json_integer(l->end_line));
		if (end_col && (l->end_line > l->line || end_col > col))
			json_object_set_new(region, "endColumn",
					    json_integer(end_col));
	}
	if (snippet)
		json_object_set_new(region, "snippet",
				    json_pack("{s:o}", "text", rj_str(snippet)));
	json_object_set_new(o, "region", region);
	return o;
}

/* A location: physical when there is a path, logical for the function. */
static json_t *sarif__location(const struct lh_loc *l, const char *snippet,
			       const char *function, const char *note)
{
	json_t *o = json_object();

	if (l->path)
		json_object_set_new(o, "physicalLocation",
				    sarif__physical(l, snippet));
	if (function)
		json_object_set_new(o, "logicalLocations", json_pack(
			"[{s:o, s:s}]", "fullyQualifiedName", rj_str(function),
			"kind", "function"));
	if (note)
		json_object_set_new(o, "message",
				    json_pack("{s:o}", "text", rj_str(note)));
	return o;
}

static json_t *sarif__codeflow(const struct lh_finding *x)
{
	json_t *locs = json_array();

	json_array_append_new(locs, json_pack("{s:o}", "location",
		sarif__location(&x->loc, x->snippet, NULL, x->message)));
	for (size_t i = 0; i < x->nsteps; i++) {
		const struct lh_step *s = &x->steps[i];
		struct lh_loc l = s->loc;

		if (!l.path)
			l.path = x->loc.path;
		json_array_append_new(locs, json_pack("{s:o}", "location",
			sarif__location(&l, NULL, NULL, s->note ? s->note
							       : "")));
	}
	return json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", locs);
}

/* fixes[]: one fix, its edits grouped by file. */
static json_t *sarif__fixes(const struct lh_finding *x)
{
	json_t *changes = json_array();

	for (size_t i = 0; i < x->nedits; i++) {
		const struct lh_edit *e = &x->edits[i];
		json_t *repl = json_array();
		bool done = false;

		for (size_t k = 0; k < i && !done; k++)
			done = strcmp(x->edits[k].path, e->path) == 0;
		if (done || !e->path)
			continue;
		for (size_t k = i; k < x->nedits; k++) {
			const struct lh_edit *g = &x->edits[k];

			if (strcmp(g->path, e->path) != 0 || g->end < g->start)
				continue;
			json_array_append_new(repl, json_pack(
				"{s:{s:I, s:I}, s:{s:o}}", "deletedRegion",
				"byteOffset", (json_int_t)g->start,
				"byteLength", (json_int_t)(g->end - g->start),
				"insertedContent", "text",
				rj_str(g->text ? g->text : "")));
		}
		json_array_append_new(changes, json_pack("{s:o, s:o}",
			"artifactLocation", sarif__artifact(e->path),
			"replacements", repl));
	}
	if (json_array_size(changes) == 0) {
		json_decref(changes);
		return NULL;
	}
	return json_pack("[{s:{s:o}, s:o}]", "description", "text",
			 rj_str(report_advice(x)), "artifactChanges", changes);
}

/* ":N": how many earlier findings of f share x's path and fingerprint. */
static unsigned sarif__occurrence(const lh_findings *f, size_t i)
{
	const struct lh_finding *x = lh_findings_at(f, i);
	unsigned n = 1;

	for (size_t k = 0; k < i; k++) {
		const struct lh_finding *y = lh_findings_at(f, k);

		n += y->fingerprint == x->fingerprint;
	}
	return n;
}

static json_t *sarif__result(const lh_findings *f, size_t i, size_t ruleidx)
{
	const struct lh_finding *x = lh_findings_at(f, i);
	json_t *o = json_object(), *fixes;
	char fp[17], fpn[40];

	json_object_set_new(o, "ruleId", rj_str(x->rule->id));
	json_object_set_new(o, "ruleIndex", json_integer((json_int_t)ruleidx));
	json_object_set_new(o, "level", json_string(sarif__level(x->severity)));
	json_object_set_new(o, "message",
			    json_pack("{s:o}", "text", rj_str(x->message)));
	if (x->loc.path || x->function)
		json_object_set_new(o, "locations", json_pack("[o]",
			sarif__location(&x->loc, x->snippet, x->function,
					NULL)));
	if (x->nsteps)
		json_object_set_new(o, "codeFlows", sarif__codeflow(x));
	report_fingerprint_hex(x->fingerprint, fp);
	snprintf(fpn, sizeof(fpn), "%s:%u", fp, sarif__occurrence(f, i));
	json_object_set_new(o, "partialFingerprints",
			    json_pack("{s:s}", SARIF_FP_KEY, fpn));
	fixes = sarif__fixes(x);
	if (fixes)
		json_object_set_new(o, "fixes", fixes);
	json_object_set_new(o, "properties", json_pack("{s:s, s:s, s:o}",
		"class", lh_class_name(x->rule->class),
		"confidence", lh_confidence_name(x->confidence),
		"advice", rj_str(report_advice(x))));
	return o;
}

/* One error-level notification per bad input, located at the input. */
static json_t *sarif__notifications(const struct lh_render_options *o)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < o->nerrors; i++) {
		const struct lh_error *e = &o->errors[i];
		json_t *n = json_pack("{s:s, s:{s:o}}", "level", "error",
				      "message", "text", rj_str(e->msg));

		if (e->input[0])
			json_object_set_new(n, "locations", json_pack(
				"[{s:{s:o}}]", "physicalLocation",
				"artifactLocation", sarif__artifact(e->input)));
		json_array_append_new(arr, n);
	}
	return arr;
}

enum lh_status lh_render_sarif(FILE *out, const lh_findings *f,
			       const struct lh_render_options *o)
{
	sarif_rule_vec rules = VEC_INIT;
	json_t *run = json_object(), *results = json_array(), *inv, *root;
	size_t n = lh_findings_count(f);

	json_object_set_new(run, "tool", json_pack("{s:{s:s, s:s, s:s, s:o}}",
		"driver", "name", "leakhound", "version", LH_VERSION,
		"semanticVersion", LH_VERSION, "rules",
		sarif__rules(f, &rules)));
	inv = json_pack("{s:b}", "executionSuccessful",
			!(o && o->stats && o->stats->errors));
	if (o && o->tool_command)
		json_object_set_new(inv, "commandLine", rj_str(o->tool_command));
	if (o && o->nerrors)
		json_object_set_new(inv, "toolExecutionNotifications",
				    sarif__notifications(o));
	json_object_set_new(run, "invocations", json_pack("[o]", inv));
	root = sarif__srcroot(o ? o->src_root : NULL);
	if (root)
		json_object_set_new(run, "originalUriBaseIds", root);
	json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
	for (size_t i = 0; i < n; i++) {
		const struct lh_rule *r = lh_findings_at(f, i)->rule;
		size_t idx = 0;

		while (idx < rules.len && rules.items[idx] != r)
			idx++;
		json_array_append_new(results, sarif__result(f, i, idx));
	}
	json_object_set_new(run, "results", results);
	VEC_FREE(&rules);
	return rj_dump(out, json_pack("{s:s, s:s, s:[o]}", "$schema",
				      SARIF_SCHEMA, "version", "2.1.0", "runs",
				      run));
}
