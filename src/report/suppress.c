/*
 * suppress.c - //leakhound:ignore and //nolint directives (see suppress.h).
 *
 * Only comments the parser saw are directives: the text "//nolint" inside a
 * string literal is not one. Files without either word are not walked.
 */
#include <stdio.h>
#include <strings.h>

#include "report/suppress.h"
#include "static/pass.h"

#define IGNORE_PREFIX "//leakhound:ignore"
#define NOLINT_PREFIX "//nolint"
#define MAX_IDS 16

const struct lh_rule lh_rule_unused_ignore = {
	.id = "LH001",
	.name = "unused-ignore",
	.title = "ignore directive silences nothing",
	.class = LH_CLASS_NONE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
};

struct directive {
	struct gofile *file;
	uint32_t line, col;   /* of the comment */
	uint32_t from, to;    /* lines it covers */
	bool nolint;
	bool names_us;	      /* nolint list names leakhound explicitly */
	const struct lh_rule *ids[MAX_IDS];
	size_t nids;
	bool used;
};

typedef VEC(struct directive) directive_vec;

static bool suppress__space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* True when only white space precedes the comment on its line. */
static bool suppress__alone(const struct gofile *f, GNode n)
{
	uint32_t b = gn_start_byte(n);

	while (b > 0 && f->src[b - 1] != '\n') {
		if (!suppress__space(f->src[b - 1]))
			return false;
		b--;
	}
	return true;
}

static void suppress__error(const struct suppress_options *o,
			    struct suppress_stats *st, const struct gofile *f,
			    uint32_t line, const char *fmt, const char *arg)
{
	struct lh_error err;
	char msg[256];

	snprintf(msg, sizeof(msg), fmt, arg);
	lh_fail(&err, f->path, "line %u: %s", line, msg);
	st->errors++;
	if (o->diag)
		o->diag(o->diag_ctx, &err);
}

/* Parses "//leakhound:ignore IDS REASON" (s past the prefix, n bytes). */
static bool suppress__parse_ignore(const char *s, size_t n,
				   struct directive *d,
				   const struct suppress_options *o,
				   struct suppress_stats *st)
{
	size_t i = 0;
	char id[32];

	while (i < n && suppress__space(s[i]))
		i++;
	if (i == n) {
		suppress__error(o, st, d->file, d->line,
				"%s needs a rule id and a reason", IGNORE_PREFIX);
		return false;
	}
	while (i < n && !suppress__space(s[i])) {
		size_t k = i;

		while (k < n && !suppress__space(s[k]) && s[k] != ',')
			k++;
		if (k > i) {
			snprintf(id, sizeof(id), "%.*s", (int)LH_MIN(k - i, 31),
				 s + i);
			d->ids[d->nids] = o->find ? o->find(id)
						  : lh_rule_find(id);
			if (!d->ids[d->nids]) {
				suppress__error(o, st, d->file, d->line,
					"unknown rule '%s' in //leakhound:ignore",
					id);
				return false;
			}
			if (++d->nids == MAX_IDS) {
				suppress__error(o, st, d->file, d->line,
						"%s names too many rules",
						IGNORE_PREFIX);
				return false;
			}
		}
		i = k < n && s[k] == ',' ? k + 1 : k;
	}
	while (i < n && suppress__space(s[i]))
		i++;
	if (d->nids == 0 || i == n) {
		suppress__error(o, st, d->file, d->line, "%s",
				d->nids ? "//leakhound:ignore needs a reason "
					  "after the rule id"
					: "//leakhound:ignore needs a rule id");
		return false;
	}
	return true;
}

/* Parses the nolint tail: "" or ":a,b,c" then space or end. Returns false
 * when the comment is not a nolint directive at all ("//nolintx"). */
static bool suppress__parse_nolint(const char *s, size_t n, bool *applies,
				   bool *names_us)
{
	size_t i = 0;

	*applies = *names_us = false;
	if (n == 0 || suppress__space(s[0])) {
		*applies = true; /* bare //nolint: every linter */
		return true;
	}
	if (s[0] != ':')
		return false;
	i = 1;
	while (i < n && !suppress__space(s[i])) {
		size_t k = i;

		while (k < n && !suppress__space(s[k]) && s[k] != ',')
			k++;
		if ((k - i == 9 && strncasecmp(s + i, "leakhound", 9) == 0)) {
			*applies = true;
			*names_us = true;
		} else if (k - i == 3 && strncasecmp(s + i, "all", 3) == 0) {
			*applies = true;
		}
		i = k < n && s[k] == ',' ? k + 1 : k;
	}
	return true;
}

/* The lines a standalone nolint covers: the next statement or
 * declaration when it starts on the next line, else the next line. */
static void suppress__nolint_range(GNode c, struct directive *d)
{
	GNode s = gn_next_named_sibling(c);

	while (!gn_is_null(s) && gn_symbol(s) == GS->comment)
		s = gn_next_named_sibling(s);
	d->from = d->to = d->line + 1;
	if (!gn_is_null(s) && gn_start_point(s).row + 1 == d->from)
		d->to = gn_end_point(s).row + 1;
}

static void suppress__comment(struct gofile *f, GNode c,
			      directive_vec *out,
			      const struct suppress_options *o,
			      struct suppress_stats *st)
{
	size_t len;
	const char *s = go_text(f, c, &len);
	struct directive d = { 0 };
	bool alone;

	if (len < 8 || s[0] != '/' || s[1] != '/')
		return;
	d.file = f;
	go_pos(c, &d.line, &d.col);
	alone = suppress__alone(f, c);
	d.from = d.to = d.line;
	if (len >= sizeof(IGNORE_PREFIX) - 1 &&
	    memcmp(s, IGNORE_PREFIX, sizeof(IGNORE_PREFIX) - 1) == 0) {
		const char *rest = s + sizeof(IGNORE_PREFIX) - 1;
		size_t rn = len - (sizeof(IGNORE_PREFIX) - 1);

		if (rn && !suppress__space(rest[0]))
			return; /* //leakhound:ignored, not ours */
		if (!suppress__parse_ignore(rest, rn, &d, o, st))
			return;
		if (alone)
			d.from = d.to = d.line + 1;
	} else if (len >= sizeof(NOLINT_PREFIX) - 1 &&
		   memcmp(s, NOLINT_PREFIX, sizeof(NOLINT_PREFIX) - 1) == 0) {
		bool applies;

		if (!suppress__parse_nolint(s + sizeof(NOLINT_PREFIX) - 1,
					    len - (sizeof(NOLINT_PREFIX) - 1),
					    &applies, &d.names_us) ||
		    !applies)
			return;
		d.nolint = true;
		if (alone)
			suppress__nolint_range(c, &d);
	} else {
		return;
	}
	VEC_PUSH(out, d);
}

/* Collects the directives of f: walks the tree for comment nodes. */
static void suppress__collect(struct gofile *f, directive_vec *out,
			      const struct suppress_options *o,
			      struct suppress_stats *st)
{
	GCursor cur;
	bool more = true;

	if (!memmem(f->src, f->len, "leakhound:ignore", 16) &&
	    !memmem(f->src, f->len, "nolint", 6))
		return;
	cur = gc_new(go_root(f));
	while (more) {
		GNode n = gc_current_node(&cur);

		if (gn_symbol(n) == GS->comment) {
			suppress__comment(f, n, out, o, st);
		} else if (gc_goto_first_child(&cur)) {
			continue;
		}
		while (!gc_goto_next_sibling(&cur)) {
			if (!gc_goto_parent(&cur)) {
				more = false;
				break;
			}
		}
	}
	gc_delete(&cur);
}

static bool suppress__covers(const struct directive *d,
			     const struct lh_finding *x)
{
	if (!x->loc.path || strcmp(x->loc.path, d->file->path) != 0 ||
	    x->loc.line < d->from || x->loc.line > d->to)
		return false;
	if (d->nolint)
		return true;
	for (size_t i = 0; i < d->nids; i++) {
		if (d->ids[i] == x->rule)
			return true;
	}
	return false;
}

static bool suppress__enabled(const struct suppress_options *o,
			      const struct lh_rule *r)
{
	return !o->enabled || o->enabled[lh_rule_index(r)];
}

/* Unused directives only count when what they name ran. */
static bool suppress__could_match(const struct directive *d,
				  const struct suppress_options *o)
{
	if (d->nolint) {
		if (!d->names_us)
			return false; /* for other linters too: theirs to say */
		if (!o->enabled)
			return true;
		for (size_t i = 0; i < lh_rule_count(); i++) {
			if (lh_rule_at(i)->kind == LH_RULE_STATIC &&
			    suppress__enabled(o, lh_rule_at(i)))
				return true;
		}
		return false;
	}
	for (size_t i = 0; i < d->nids; i++) {
		if (d->ids[i]->kind != LH_RULE_STATIC ||
		    !suppress__enabled(o, d->ids[i]))
			return false;
	}
	return true;
}

static void suppress__report_unused(const struct directive *d,
				    lh_findings *out)
{
	struct lh_finding t = { 0 };
	struct buf msg = BUF_INIT;
	size_t len;
	const char *line = go_line(d->file, d->line, &len);
	char *snippet = xstrndup(line, len);

	if (d->nolint) {
		buf_adds(&msg, "//nolint:leakhound silences nothing");
	} else {
		buf_adds(&msg, IGNORE_PREFIX " ");
		for (size_t i = 0; i < d->nids; i++)
			buf_printf(&msg, "%s%s", i ? "," : "", d->ids[i]->id);
		buf_adds(&msg, " silences nothing");
	}
	t.rule = &lh_rule_unused_ignore;
	t.severity = lh_rule_unused_ignore.severity;
	t.confidence = LH_CONF_HIGH;
	t.loc = (struct lh_loc){ d->file->path, d->line, d->col, d->line,
				 d->col };
	t.message = msg.data;
	t.snippet = snippet;
	t.fix = "Remove the directive, or correct its rule id or its line: "
		"it must be on the finding's line or alone on the line above.";
	lh_findings_add(out, &t);
	buf_release(&msg);
	free(snippet);
}

void suppress_package(struct gopkg *pkg, lh_findings *out, size_t first,
		      const struct suppress_options *o,
		      struct suppress_stats *st)
{
	directive_vec dirs = VEC_INIT;
	size_t i;

	for (size_t k = 0; k < pkg->nfiles; k++)
		suppress__collect(pkg->files[k], &dirs, o, st);
	i = lh_findings_count(out);
	while (i-- > first) {
		const struct lh_finding *x = lh_findings_at(out, i);
		bool silenced = false;

		for (size_t k = 0; k < dirs.len; k++) {
			if (suppress__covers(&dirs.items[k], x)) {
				dirs.items[k].used = true;
				silenced = true;
			}
		}
		if (silenced) {
			lh_findings_remove(out, i);
			st->suppressed++;
		}
	}
	for (size_t k = 0; o->report_unused && k < dirs.len; k++) {
		if (!dirs.items[k].used &&
		    suppress__could_match(&dirs.items[k], o))
			suppress__report_unused(&dirs.items[k], out);
	}
	VEC_FREE(&dirs);
}
