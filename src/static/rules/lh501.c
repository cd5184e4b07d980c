/*
 * lh501.c - LH501: a closure that outlives a large value it barely uses.
 *
 * A func literal returned or stored in a long-lived place (see
 * static/bigval.h: returned, sent, a package-level variable, a field of
 * the receiver or of a pointer parameter, a map element; directly or
 * through a local it is assigned to) keeps every variable it captures
 * alive. When it captures a large local (make with a constant size of at
 * least 64 KiB, io.ReadAll, os.ReadFile, a buffer's contents, a large
 * array, the string of one of those) or a receiver whose struct type holds
 * a large array, but only ever uses len/cap of it, one element or one
 * field, the whole value stays reachable for the life of the closure.
 *
 * Silent when the closure uses the value as a whole (passes it on, slices
 * or ranges over it, returns it), when it is only called in place, deferred
 * or started as a goroutine, and in tests.
 */
#include <stdio.h>

#include "static/bigval.h"
#include "static/syn.h"
#include "static/walk.h"

extern const struct lh_rule lh_rule_lh501;

struct lh501_uses {
	struct bv_func *b;
	GNode lit;
	const struct bv_var *big; /* first captured large value */
	unsigned small, whole;
	GNode example;		  /* a small use, for the message */
};

/* One use of captured v at identifier id: small (len/cap, an element, a
 * field) or whole. */
static bool lh501__small_use(const struct gofile *f, GNode id)
{
	GNode p = gn_parent(id), gp;

	while (!gn_is_null(p) &&
	       gn_symbol(p) == GS->parenthesized_expression) {
		id = p;
		p = gn_parent(p);
	}
	if (gn_is_null(p))
		return false;
	if (gn_symbol(p) == GS->argument_list) {
		GNode call = gn_parent(p);

		return (syn_call_ident(f, call, "len") ||
			syn_call_ident(f, call, "cap")) &&
		       syn_nargs(call) == 1;
	}
	if (gn_symbol(p) == GS->index_expression)
		return gn_eq(go_field(p, f_operand), id);
	if (gn_symbol(p) == GS->selector_expression) {
		/* r.field is small unless it is a method call on r, or the
		 * field is then used whole */
		gp = gn_parent(p);
		if (!gn_is_null(gp) &&
		    gn_symbol(gp) == GS->call_expression &&
		    gn_eq(go_field(gp, f_function), p)) {
			/* buf.Len(), buf.Cap() on a buffer */
			GNode m = go_field(p, f_field);

			return go_text_is(f, m, "Len") || go_text_is(f, m, "Cap");
		}
		return true;
	}
	return false;
}

static bool lh501__uses_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh501_uses *u = ctx;
	const struct bv_var *v;

	LH_UNUSED(depth);
	if (gn_symbol(n) != GS->identifier)
		return true;
	v = bv_var_of(u->b, n);
	if (!v || (v->kind != BV_BIG && v->kind != BV_BIG_STR))
		return false;
	/* declared inside the literal: not captured */
	if (gn_start_byte(v->decl) >= gn_start_byte(u->lit) &&
	    gn_end_byte(v->decl) <= gn_end_byte(u->lit))
		return false;
	if (lh501__small_use(u->b->file, n)) {
		u->small++;
		if (!u->big) {
			GNode e = gn_parent(n);

			if (gn_symbol(e) == GS->argument_list)
				e = gn_parent(e);
			u->big = v;
			u->example = e;
		}
	} else {
		u->whole++;
	}
	return false;
}

struct lh501_ctx {
	struct lh_pass *p;
	struct gofile *f;
	struct bv_func *b;
};

struct lh501_find {
	struct bv_func *b;
	const char *name;
	size_t len;
	GNode decl_id;
	GNode sink;
	const char *where;
};

static bool lh501__find_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh501_find *x = ctx;
	size_t len;
	const char *s;

	LH_UNUSED(depth);
	if (!gn_is_null(x->sink))
		return false;
	if (gn_symbol(n) != GS->identifier || gn_eq(n, x->decl_id))
		return true;
	s = go_text(x->b->file, n, &len);
	if (len == x->len && memcmp(s, x->name, len) == 0)
		x->sink = bv_sink(x->b, n, &x->where);
	return false;
}

/* Where the literal goes: directly, or through `f := func...`. */
static GNode lh501__sink(struct lh501_ctx *c, GNode lit, const char **where)
{
	GNode sink = bv_sink(c->b, lit, where), p, decl, id;
	struct lh501_find x = { c->b, NULL, 0, { 0 }, { 0 },
				NULL };
	struct syn_walker w = { lh501__find_enter, NULL, &x };

	if (!gn_is_null(sink))
		return sink;
	p = gn_parent(lit);
	if (gn_is_null(p) || gn_symbol(p) != GS->expression_list)
		return (GNode){ 0 };
	decl = gn_parent(p);
	if (gn_is_null(decl) ||
	    gn_symbol(decl) != GS->short_var_declaration ||
	    gn_named_child_count(p) != 1)
		return (GNode){ 0 };
	id = gn_named_child(go_field(decl, f_left), 0);
	if (gn_is_null(id) || gn_symbol(id) != GS->identifier)
		return (GNode){ 0 };
	x.name = go_text(c->f, id, &x.len);
	x.decl_id = id;
	syn_walk(go_field(c->b->fn, f_body), &w);
	*where = x.where;
	return x.sink;
}

/* The only method of the package named like field m, or NULL. */
static const struct godecl *lh501__method(const struct gopkg *pkg,
					  const struct gofile *f, GNode m)
{
	const struct godecl *found = NULL;
	size_t len;
	const char *s = go_text(f, m, &len);

	for (size_t i = 0; i < pkg->funcs.len; i++) {
		const struct godecl *d = pkg->funcs.items[i];
		const char *dot = strchr(d->name, '.');

		if (d->kind != GODECL_METHOD || !dot || strlen(dot + 1) != len ||
		    memcmp(dot + 1, s, len) != 0)
			continue;
		if (found)
			return NULL; /* several types: which one is unknown */
		found = d;
	}
	return found;
}

struct lh501_recv {
	const struct gofile *f;
	const char *name;
	size_t len;
	unsigned small, whole;
	GNode example;
	GNode fields; /* field_declaration_list of the receiver's struct */
};

/* Field f of the receiver's struct is an array (the large part). */
static bool lh501__array_field(const struct lh501_recv *r, GNode f)
{
	uint32_t n = gn_is_null(r->fields)
			     ? 0
			     : gn_named_child_count(r->fields);
	size_t fl;
	const char *ft = go_text(r->f, f, &fl);

	for (uint32_t i = 0; i < n; i++) {
		GNode fd = gn_named_child(r->fields, i);
		GNode t = go_field(fd, f_type);
		uint32_t m = gn_named_child_count(fd);

		if (gn_is_null(t) || gn_symbol(t) != GS->array_type)
			continue;
		for (uint32_t j = 0; j < m; j++) {
			GNode nm = gn_named_child(fd, j);
			size_t nl;
			const char *nt = go_text(r->f, nm, &nl);

			if (gn_symbol(nm) == GS->field_identifier &&
			    nl == fl && memcmp(nt, ft, fl) == 0)
				return true;
		}
	}
	return false;
}

static bool lh501__recv_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh501_recv *r = ctx;
	size_t len;
	const char *s;

	LH_UNUSED(depth);
	if (gn_symbol(n) != GS->identifier)
		return true;
	s = go_text(r->f, n, &len);
	if (len != r->len || memcmp(s, r->name, len) != 0)
		return false;
	if (lh501__small_use(r->f, n)) {
		GNode sel = gn_parent(n);

		/* r.arr used as a whole (ranged over, passed on) is the
		 * large part used whole */
		if (gn_symbol(sel) == GS->selector_expression &&
		    lh501__array_field(r, go_field(sel, f_field)) &&
		    !lh501__small_use(r->f, sel)) {
			r->whole++;
			return false;
		}
		if (!r->small++)
			r->example = sel;
	} else {
		r->whole++;
	}
	return false;
}

/* `x.M` not called, x a large value: the method value binds x. Reported
 * when it outlives the function and M uses only parts of its receiver. */
static void lh501__method_value(struct lh501_ctx *c, GNode sel)
{
	GNode x = go_unparen(go_field(sel, f_operand)), p;
	GNode recv, rid, sink;
	const struct bv_var *v;
	const struct godecl *d;
	struct lh501_recv r = { 0 };
	struct syn_walker w = { lh501__recv_enter, NULL, &r };
	const char *where = NULL;
	struct lh_finding *fd;
	size_t ml, el;
	const char *mt, *ex;

	if (gn_symbol(x) != GS->identifier)
		return;
	v = bv_var_of(c->b, x);
	if (!v || v->kind != BV_BIG)
		return;
	/* a call, not a method value (tree-sitter finds the parent from the
	 * root: asked last) */
	p = gn_parent(sel);
	if (!gn_is_null(p) && gn_symbol(p) == GS->call_expression &&
	    gn_eq(go_field(p, f_function), sel))
		return;
	d = lh501__method(c->p->pkg, c->f, go_field(sel, f_field));
	if (!d)
		return;
	recv = gn_named_child(go_field(d->node, f_receiver), 0);
	rid = gn_is_null(recv) ? recv : go_field(recv, f_name);
	if (!gn_is_null(rid)) {
		const struct godecl *td = d->recv ? gopkg_lookup(c->p->pkg,
								 d->recv)
						  : NULL;
		GNode st = td && td->kind == GODECL_TYPE
				    ? go_field(td->node, f_type)
				    : (GNode){ 0 };

		if (!gn_is_null(st) && gn_symbol(st) == GS->struct_type)
			r.fields = gn_named_child(st, 0);
		r.f = d->file;
		r.name = go_text(d->file, rid, &r.len);
		syn_walk(go_field(d->node, f_body), &w);
	}
	if (r.whole)
		return; /* the method needs the value as a whole */
	sink = bv_sink(c->b, sel, &where);
	if (gn_is_null(sink))
		return;
	mt = go_text(c->f, go_field(sel, f_field), &ml);
	fd = pass_report(c->p, &lh_rule_lh501, c->f, sel,
			 "method value %.*s.%.*s %s keeps all of %.*s (%s) "
			 "alive but %.*s only uses %s",
			 (int)v->len, v->name, (int)ml, mt, where,
			 (int)v->len, v->name, v->what ? v->what : "large",
			 (int)ml, mt,
			 r.small ? "parts of it" : "none of it");
	if (r.small) {
		ex = go_text(d->file, r.example, &el);
		pass_step(c->p, fd, d->file, r.example, "%.*s uses %.*s",
			  (int)ml, mt, (int)LH_MIN(el, 40), ex);
	}
	pass_fix(c->p, fd,
		 "bind what the method needs instead of the whole value: "
		 "n := %.*s.field; return func() T { return n }",
		 (int)v->len, v->name);
}

static bool lh501__enter(void *ctx, GNode n, unsigned depth)
{
	struct lh501_ctx *c = ctx;
	struct lh501_uses u = { c->b, n, NULL, 0, 0, { 0 } };
	struct syn_walker w = { lh501__uses_enter, NULL, &u };
	GNode sink;
	const char *where = NULL;
	struct lh_finding *fd;
	size_t len;
	const char *ex;

	LH_UNUSED(depth);
	if (gn_symbol(n) == GS->selector_expression) {
		lh501__method_value(c, n);
		return true;
	}
	if (gn_symbol(n) != GS->func_literal)
		return true;
	syn_walk(go_field(n, f_body), &w);
	if (!u.big || u.whole)
		return true;
	sink = lh501__sink(c, n, &where);
	if (gn_is_null(sink))
		return true;
	ex = go_text(c->f, u.example, &len);
	fd = pass_report(c->p, &lh_rule_lh501, c->f, n,
			 "func literal %s keeps all of %.*s (%s) alive but only "
			 "uses %.*s",
			 where, (int)u.big->len, u.big->name,
			 u.big->what ? u.big->what : "large",
			 (int)LH_MIN(len, 40), ex);
	pass_step(c->p, fd, c->f, u.big->decl, "%.*s is declared here",
		  (int)u.big->len, u.big->name);
	pass_fix(c->p, fd,
		 "compute what the closure needs before creating it (n := "
		 "len(%.*s), or copy the small part) and capture only that",
		 (int)u.big->len, u.big->name);
	return true;
}

static bool lh501__lit_enter(void *ctx, GNode n, unsigned depth)
{
	bool *found = ctx;

	LH_UNUSED(depth);
	if (gn_symbol(n) == GS->func_literal)
		*found = true;
	return !*found;
}

/* Cheap pre-check: only functions with a func literal are analysed. */
static bool lh501__has_literal(struct gofile *f, GNode fn)
{
	const TSSymbol kinds[] = { GS->func_literal, 0 };
	bool found = false;
	struct syn_walker w = { lh501__lit_enter, NULL, &found };
	size_t len;
	const char *s = go_text(f, go_field(fn, f_body), &len);

	if (!memmem(s, len, "func", 4))
		return false;
	walk_fn_body(f, fn, kinds, SYN_MAX_DEPTH, &w);
	return found;
}

/* Cheap pre-check for method values: a method whose body returns or
 * stores a selector of its receiver (`return t.M`, `x = t.M`). */
static bool lh501__binds_receiver(const struct gofile *f, GNode fn)
{
	GNode recv, rid;
	size_t bl, rl;
	const char *body, *rn;
	char pat[2][80];

	if (gn_symbol(fn) != GS->method_declaration)
		return false;
	recv = gn_named_child(go_field(fn, f_receiver), 0);
	rid = gn_is_null(recv) ? recv : go_field(recv, f_name);
	if (gn_is_null(rid))
		return false;
	rn = go_text(f, rid, &rl);
	if (rl + 10 >= sizeof(pat[0]))
		return false;
	snprintf(pat[0], sizeof(pat[0]), "return %.*s.", (int)rl, rn);
	snprintf(pat[1], sizeof(pat[1]), "= %.*s.", (int)rl, rn);
	body = go_text(f, go_field(fn, f_body), &bl);
	return memmem(body, bl, pat[0], strlen(pat[0])) ||
	       memmem(body, bl, pat[1], strlen(pat[1]));
}

/* Functions worth analysing: a func literal or a bound receiver. */
static bool lh501__want(struct gofile *f, GNode fn)
{
	return lh501__has_literal(f, fn) || lh501__binds_receiver(f, fn);
}

static void lh501__func(struct bv_func *b, void *ctx)
{
	/* func literals, and selectors for method values */
	const TSSymbol kinds[] = { GS->func_literal, GS->selector_expression,
				   0 };
	struct lh501_ctx c = { ctx, b->file, b };
	struct syn_walker w = { lh501__enter, NULL, &c };

	walk_fn_body(b->file, b->fn, kinds, SYN_MAX_DEPTH, &w);
}

static void lh501_run(struct lh_pass *p)
{
	bv_each_func(p->pkg, lh501__want, lh501__func, p);
}

const struct lh_rule lh_rule_lh501 = {
	.id = "LH501",
	.name = "closure-keeps-large-value",
	.title = "long-lived closure keeps a large value it barely uses",
	.class = LH_CLASS_CLOSURE,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.run = lh501_run,
};
