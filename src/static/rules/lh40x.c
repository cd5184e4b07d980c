/*
 * lh40x.c - sub-slices and substrings pinning a large backing array.
 *
 *   LH401  a sub-slice of a large buffer (make with a constant size of at
 *          least 64 KiB, io.ReadAll, os.ReadFile, bytes.Buffer.Bytes, a
 *          large array, a buffer filled by Read) stored in a long-lived
 *          place or returned without a copy
 *   LH402  the same for substrings of large strings (string(big),
 *          bytes.Buffer.String, strings.Builder.String)
 *
 * Long-lived places: a return, a channel send, a package-level variable, a
 * field of the receiver or of a pointer parameter, a map element; also
 * inside a composite literal or an append that ends there (see
 * static/bigval.h). Silent on copies (string(b), bytes.Clone, append to a
 * fresh slice, copy), on slices that are nearly the whole value (data[1:],
 * data[:len(data)-1], bytes.TrimSpace), on buf[:n] of a buffer sized by
 * the caller and filled by Read, on parts stored in a loop over the value
 * (all its lines kept: together they are the whole), and in test files.
 */
#include "static/bigval.h"
#include "static/syn.h"
#include "static/walk.h"

extern const struct lh_rule lh_rule_lh401, lh_rule_lh402;

struct lh40x_ctx {
	struct lh_pass *p;
	struct gofile *f;
	struct bv_func *b;
	VEC(const void *) done; /* sink statements already reported */
};

static bool lh40x__seen(struct lh40x_ctx *c, GNode sink)
{
	for (size_t i = 0; i < c->done.len; i++) {
		if (c->done.items[i] == gn_key(sink))
			return true;
	}
	VEC_PUSH(&c->done, gn_key(sink));
	return false;
}

static void lh40x__fix(struct lh_pass *p, struct lh_finding *fd, bool str,
		       bool bytes, const char *expr)
{
	const struct gomod *m = p->pkg->mod;

	if (str)
		pass_fix(p, fd,
			 "copy the part so the large string can be freed: %s",
			 gomod_at_least(m, 1, 20)
				 ? "strings.Clone(s) (Go >= 1.20)"
				 : "string([]byte(s)), or a strings.Builder "
				   "(strings.Clone needs Go 1.20)");
	else if (bytes)
		pass_fix(p, fd,
			 "copy the part so the large array can be freed: %s",
			 gomod_at_least(m, 1, 20)
				 ? "bytes.Clone(b) (Go >= 1.20), or "
				   "append([]byte(nil), b...)"
				 : "append([]byte(nil), b...) or copy() into a "
				   "new slice (bytes.Clone needs Go 1.20)");
	else
		pass_fix(p, fd,
			 "copy the part so the large array can be freed: %s",
			 gomod_at_least(m, 1, 21)
				 ? "slices.Clone(s) (Go >= 1.21), or make a new "
				   "slice and copy()"
				 : "make a new slice of the part's length and "
				   "copy() into it");
	LH_UNUSED(expr);
}

/* The sink runs in a loop that does not make the big value: the parts
 * stored over the iterations together cover it (every line of a file
 * kept): no small part pins a large rest. */
static bool lh40x__in_loop(GNode sink, const struct bv_var *origin)
{
	for (GNode q = gn_parent(sink); !gn_is_null(q);
	     q = gn_parent(q)) {
		if (syn_is_func(q))
			return false;
		if (gn_symbol(q) != GS->for_statement)
			continue;
		if (!origin || !origin->decl.id ||
		    gn_start_byte(origin->decl) < gn_start_byte(q) ||
		    gn_end_byte(origin->decl) > gn_end_byte(q))
			return true;
	}
	return false;
}

static bool lh40x__enter(void *ctx, GNode n, unsigned depth)
{
	struct lh40x_ctx *c = ctx;
	const struct go_syms *g = GS;
	TSSymbol s = gn_symbol(n);
	const struct bv_var *from = NULL;
	enum bv_kind k;
	GNode sink;
	const char *where = NULL, *name, *what;
	struct lh_finding *fd;
	bool str;

	LH_UNUSED(depth);
	if (s != g->identifier && s != g->slice_expression &&
	    s != g->call_expression && s != g->index_expression)
		return true;
	k = bv_expr(c->b, n, &from);
	if (k != BV_PART && k != BV_PART_STR && k != BV_PARTS &&
	    k != BV_PARTS_STR)
		return true;
	sink = bv_sink(c->b, n, &where);
	if (gn_is_null(sink) ||
	    lh40x__in_loop(sink, from ? bv_var_named(c->b, from->origin)
				      : NULL) ||
	    lh40x__seen(c, sink))
		return s != g->identifier;
	/* a buffer whose size we do not know: only the places that keep it
	 * for sure (package-level, a map, a channel) */
	if (from && from->what && strstr(from->what, "filled by Read") &&
	    (strcmp(where, "returned") == 0 || strstr(where, "field")))
		return s != g->identifier;
	str = k == BV_PART_STR || k == BV_PARTS_STR;
	name = from ? from->origin : "a large value";
	what = from && from->what ? from->what : "large";
	fd = pass_report(c->p, str ? &lh_rule_lh402 : &lh_rule_lh401, c->f,
			 sink, "%s of %s (%s) is %s without a copy: it keeps "
			 "the whole %s alive",
			 str ? "substring" : "sub-slice", name, what, where,
			 str ? "string" : "backing array");
	if (from && from->decl.id)
		pass_step(c->p, fd, c->f, from->decl, "%.*s comes from %s",
			  (int)from->len, from->name, what);
	lh40x__fix(c->p, fd, str, !from || from->bytes, NULL);
	return s != g->identifier;
}

static void lh40x__func(struct bv_func *b, void *ctx)
{
	const struct go_syms *g = GS;
	const TSSymbol kinds[] = { g->identifier, g->slice_expression,
				   g->call_expression, g->index_expression,
				   0 };
	struct lh40x_ctx c = { ctx, b->file, b, VEC_INIT };
	struct syn_walker w = { lh40x__enter, NULL, &c };

	walk_fn_body(b->file, b->fn, kinds, SYN_MAX_DEPTH, &w);
	VEC_FREE(&c.done);
}

static void lh40x_run(struct lh_pass *p)
{
	bv_each_func(p->pkg, NULL, lh40x__func, p);
}

const struct lh_rule lh_rule_lh401 = {
	.id = "LH401",
	.name = "subslice-pins-buffer",
	.title = "sub-slice of a large buffer kept without a copy",
	.class = LH_CLASS_SUBSLICE,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.run = lh40x_run,
};

const struct lh_rule lh_rule_lh402 = {
	.id = "LH402",
	.name = "substring-pins-string",
	.title = "substring of a large string kept without a copy",
	.class = LH_CLASS_SUBSLICE,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.run_by = &lh_rule_lh401, /* reported by its run */
};
