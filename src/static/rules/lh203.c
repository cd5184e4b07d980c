/*
 * lh203.c - LH203: time.After evaluated on every iteration of a
 * long-running select loop (Go < 1.23).
 *
 * Before Go 1.23 (or with GODEBUG asynctimerchan=1) the timer behind
 * time.After stays alive until it fires. In `for { select { case <-ch:
 * ...; case <-time.After(d): ... } }` every iteration that ends through
 * another case leaves one pending timer behind: with a busy channel and a
 * long d, thousands pile up.
 *
 * Flags a time.After(d) call received from in a select case (directly, or
 * through a variable assigned in the same loop body) when the select sits
 * in a long-running loop of the same function: `for {}`, `for ;; {}`, a
 * loop with a plain condition (`for !done {}`) or a range over a channel
 * (`for job := range w.jobs`: it runs as long as the senders do).
 *
 * Silent: go >= 1.23 (collected timers); counted loops (`for i := 0; i <
 * n; i++`) and ranges over slices, maps and strings (bounded by their
 * data; a range over an expression not known to be a channel too); a
 * loop that ends on its first timeout (the time.After case returns or
 * breaks out); selects
 * where every other case (default included) leaves the loop - then at
 * most one timer is ever pending, the one that fired. A case leaves when
 * its body returns, panics or breaks out of the loop, and also when it
 * falls off its end (or breaks out of the select) into statements after
 * the select that leave the loop unconditionally (`select {...}; return`).
 * Silent too when the variable is re-armed only in the case receiving
 * from it (`case <-lease: ...; lease = time.After(d)`): the old timer has
 * fired, one is pending at a time.
 */
#include <stdio.h>

#include "static/engine.h"
#include "static/pass.h"
#include "static/syn.h"
#include "static/walk.h"
#include "static/xpkg.h"

extern const struct lh_rule lh_rule_lh203;

struct lh203_ctx {
	struct lh_pass *p;
	struct gofile *f;
	const char *why; /* "go 1.19 < 1.23" */
};

/* The communication case whose communication (`case <-X:`, not its body)
 * holds n, or a null node. */
static GNode lh203__case_of(GNode n)
{
	for (GNode q = gn_parent(n); !gn_is_null(q);
	     q = gn_parent(q)) {
		TSSymbol s = gn_symbol(q);

		if (s == GS->communication_case) {
			GNode c = go_field(q, f_communication);

			if (gn_is_null(c) ||
			    gn_start_byte(n) < gn_start_byte(c) ||
			    gn_end_byte(n) > gn_end_byte(c))
				break; /* in the case's body */
			return q;
		}
		if (s == GS->block || syn_is_func(q) ||
		    s == GS->for_statement || s == GS->expression_statement ||
		    s == GS->assignment_statement ||
		    s == GS->short_var_declaration)
			break;
	}
	return (GNode){ 0 };
}

static bool lh203__chan_type(GNode t)
{
	while (!gn_is_null(t) &&
	       gn_symbol(t) == GS->parenthesized_type)
		t = gn_named_child(t, 0);
	return !gn_is_null(t) && gn_symbol(t) == GS->channel_type;
}

/* `make(chan T[, n])` */
static bool lh203__make_chan(const struct gofile *f, GNode e)
{
	GNode fn, args;

	e = go_unparen(e);
	if (gn_is_null(e) || gn_symbol(e) != GS->call_expression)
		return false;
	fn = go_field(e, f_function);
	args = go_field(e, f_arguments);
	return gn_symbol(fn) == GS->identifier &&
	       go_text_is(f, fn, "make") && !gn_is_null(args) &&
	       gn_named_child_count(args) > 0 &&
	       lh203__chan_type(gn_named_child(args, 0));
}

/* Index of identifier id in list l, or -1. */
static int lh203__index_in(GNode l, GNode id)
{
	uint32_t k = gn_named_child_count(l);

	for (uint32_t i = 0; i < k; i++) {
		if (gn_eq(gn_named_child(l, i), id))
			return (int)i;
	}
	return -1;
}

/* Is a struct field named like the selector's field declared with a
 * channel type in the package, and none of that name with another type? */
static bool lh203__chan_field(struct gopkg *pkg, const struct gofile *f,
			      GNode sel)
{
	size_t len;
	const char *name = go_text(f, go_field(sel, f_field), &len);
	bool chan = false;

	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct gofile *pf = pkg->files[i];
		GNode root = go_root(pf);
		uint32_t nd = gn_named_child_count(root);

		for (uint32_t d = 0; d < nd; d++) {
			GNode td = gn_named_child(root, d);
			uint32_t ns;

			if (gn_symbol(td) != GS->type_declaration)
				continue;
			ns = gn_named_child_count(td);
			for (uint32_t j = 0; j < ns; j++) {
				GNode st = go_field(gn_named_child(td, j),
						     f_type), fl;
				uint32_t nf;

				if (gn_is_null(st) ||
				    gn_symbol(st) != GS->struct_type)
					continue;
				fl = gn_named_child(st, 0);
				nf = gn_named_child_count(fl);
				for (uint32_t k = 0; k < nf; k++) {
					GNode fd = gn_named_child(fl, k);
					uint32_t nn = gn_named_child_count(fd);

					if (gn_symbol(fd) !=
					    GS->field_declaration)
						continue;
					for (uint32_t m = 0; m < nn; m++) {
						GNode nm = gn_named_child(fd, m);
						size_t l2;
						const char *t2;

						if (gn_symbol(nm) !=
						    GS->field_identifier)
							continue;
						t2 = go_text(pf, nm, &l2);
						if (l2 != len ||
						    memcmp(t2, name, len) != 0)
							continue;
						if (!lh203__chan_type(
							    go_field(fd, f_type)))
							return false;
						chan = true;
					}
				}
			}
		}
	}
	return chan;
}

/* The function declaration or method around loop, resolved; NULL when
 * there is none or resolution gave up. */
static struct eng_func *lh203__func(struct lh203_ctx *c, GNode loop)
{
	GNode top = { 0 };
	struct eng_func *fn;

	for (GNode q = gn_parent(loop); !gn_is_null(q);
	     q = gn_parent(q)) {
		if (gn_symbol(q) == GS->function_declaration ||
		    gn_symbol(q) == GS->method_declaration)
			top = q;
	}
	if (gn_is_null(top))
		return NULL;
	fn = eng_func_get(c->p->pkg, c->f, top);
	return fn && !fn->too_deep ? fn : NULL;
}

/* Is the member (a field, or with call a method) of x's type declared as
 * a channel (as its first result)? x's type must be known: a type of the
 * package, or of another package of the module (xpkg.h). */
static bool lh203__typed_member(struct lh203_ctx *c, struct eng_func *fn,
				GNode x, GNode member, bool call)
{
	const char *t = fn ? eng_type_of(fn, x) : NULL;
	const char *dot = t ? strrchr(t, '.') : NULL;
	struct gopkg *pkg = c->p->pkg;
	size_t len;
	const char *m = go_text(c->f, member, &len);
	char *path, *key;

	if (!t)
		return false;
	if (call) {
		key = arena_printf(&pkg->arena, "%s.%.*s", dot ? dot + 1 : t,
				   (int)len, m);
		if (!dot)
			return xpkg_local_chan(pkg, NULL, key, strlen(key));
		path = arena_strndup(&pkg->arena, t, (size_t)(dot - t));
		return xpkg_is_chan(pkg, path, NULL, key, strlen(key));
	}
	if (!dot)
		return xpkg_local_chan(pkg, t, m, len);
	path = arena_strndup(&pkg->arena, t, (size_t)(dot - t));
	return xpkg_is_chan(pkg, path, dot + 1, m, len);
}

/* Is call's result a channel: a function of the package, of another
 * package of the module, or a method of a known type declared to return
 * one (`w.Events()`, `watch.Subscribe()`)? */
static bool lh203__chan_call(struct lh203_ctx *c, struct eng_func *fn,
			     GNode call)
{
	GNode fun = go_unparen(go_field(call, f_function));
	struct gopkg *pkg = c->p->pkg;
	const char *path, *name;
	size_t len;

	if (gn_symbol(fun) == GS->identifier) {
		if (fn && eng_resolve(fn, fun))
			return false; /* a func value */
		name = go_text(c->f, fun, &len);
		return xpkg_local_chan(pkg, NULL, name, len);
	}
	if (gn_symbol(fun) != GS->selector_expression)
		return false;
	if (gn_symbol(go_field(fun, f_operand)) == GS->identifier &&
	    !(fn && eng_resolve(fn, go_field(fun, f_operand))) &&
	    go_selector_import(c->f, fun, &path, &name, &len))
		return xpkg_is_chan(pkg, path, NULL, name, len);
	return lh203__typed_member(c, fn, go_field(fun, f_operand),
				   go_field(fun, f_field), true);
}

/* Is e a channel by how it is made or declared elsewhere: make(chan),
 * a call returning one, a field declared as one? */
static bool lh203__chan_expr(struct lh203_ctx *c, struct eng_func *fn,
			     GNode e)
{
	e = go_unparen(e);
	if (gn_is_null(e))
		return false;
	if (lh203__make_chan(c->f, e))
		return true;
	if (gn_symbol(e) == GS->call_expression)
		return lh203__chan_call(c, fn, e);
	if (gn_symbol(e) == GS->selector_expression)
		return lh203__chan_field(c->p->pkg, c->f, e) ||
		       lh203__typed_member(c, fn, go_field(e, f_operand),
					   go_field(e, f_field), false);
	return false;
}

/* Is e (a range expression) a channel: a parameter or local declared with
 * a channel type, made with make(chan) or given a call's channel result,
 * a struct field declared as one (of a type of the package, or of another
 * package of the module when the operand's type is known), or a call
 * declared to return one? A range over a channel runs as long as its
 * senders. */
static bool lh203__is_chan(struct lh203_ctx *c, GNode loop, GNode e)
{
	GNode decl, p, l, r;
	struct eng_func *fn;
	struct eng_var *v;
	int idx;

	e = go_unparen(e);
	if (gn_is_null(e))
		return false;
	if (lh203__make_chan(c->f, e))
		return true;
	fn = lh203__func(c, loop);
	if (gn_symbol(e) != GS->identifier)
		return lh203__chan_expr(c, fn, e);
	if (!fn || !(v = eng_resolve(fn, e)))
		return false;
	decl = v->decl;
	p = gn_parent(decl);
	if (gn_is_null(p))
		return false;
	if (gn_symbol(p) == GS->parameter_declaration ||
	    gn_symbol(p) == GS->variadic_parameter_declaration)
		return gn_symbol(p) == GS->parameter_declaration &&
		       lh203__chan_type(go_field(p, f_type));
	if (gn_symbol(p) == GS->var_spec) {
		if (lh203__chan_type(go_field(p, f_type)))
			return true;
		r = go_field(p, f_value);
		idx = 0;
		for (uint32_t i = 0; i < gn_named_child_count(p); i++) {
			GNode k = gn_named_child(p, i);

			if (gn_eq(k, decl))
				break;
			if (gn_symbol(k) == GS->identifier)
				idx++;
		}
		return !gn_is_null(r) &&
		       (uint32_t)idx < gn_named_child_count(r) &&
		       lh203__chan_expr(c, fn, gn_named_child(r, idx));
	}
	if (gn_symbol(p) != GS->expression_list)
		return false;
	l = p;
	p = gn_parent(l);
	if (gn_is_null(p) ||
	    gn_symbol(p) != GS->short_var_declaration ||
	    !gn_eq(go_field(p, f_left), l))
		return false;
	idx = lh203__index_in(l, decl);
	r = go_field(p, f_right);
	if (idx == 0 && gn_named_child_count(r) == 1 &&
	    gn_named_child_count(l) > 1) /* ch, err := w.Subscribe() */
		return gn_symbol(go_unparen(gn_named_child(r, 0))) ==
			       GS->call_expression &&
		       lh203__chan_call(c, fn,
					go_unparen(gn_named_child(r, 0)));
	return idx >= 0 && (uint32_t)idx < gn_named_child_count(r) &&
	       gn_named_child_count(r) == gn_named_child_count(l) &&
	       lh203__chan_expr(c, fn, gn_named_child(r, idx));
}

/* Loop that can run for long: no condition, a plain condition, or a range
 * over a channel. */
static bool lh203__long_loop(struct lh203_ctx *ctx, GNode loop)
{
	GNode c = gn_named_child(loop, 0);

	if (gn_is_null(c) || gn_symbol(c) == GS->block)
		return true;
	if (gn_symbol(c) == GS->range_clause)
		return lh203__is_chan(ctx, loop, go_field(c, f_right));
	if (gn_symbol(c) == GS->for_clause)
		return gn_is_null(go_field(c, f_condition));
	return true; /* for cond { } */
}

/* Is there a continue in n (not inside a func literal or a nested loop,
 * unless labelled)? */
static bool lh203__continues(GNode n, bool nested, unsigned depth)
{
	uint32_t k = gn_named_child_count(n);

	if (depth > SYN_MAX_DEPTH)
		return true;
	for (uint32_t i = 0; i < k; i++) {
		GNode c = gn_named_child(n, i);
		TSSymbol s = gn_symbol(c);

		if (s == GS->func_literal)
			continue;
		if (s == GS->continue_statement &&
		    (!nested || gn_named_child_count(c) > 0))
			return true;
		if (lh203__continues(c, nested || s == GS->for_statement,
				     depth + 1))
			return true;
	}
	return false;
}

/* The statements after the select in the loop body leave the loop on
 * every path: one of them returns, panics or breaks the loop, and none
 * before it can continue. */
static bool lh203__after_leaves(const struct gofile *f, GNode sel,
				GNode loop)
{
	GNode body = go_field(loop, f_body);

	if (gn_is_null(body) || !gn_eq(gn_parent(sel), body))
		return false;
	for (GNode q = gn_next_named_sibling(sel); !gn_is_null(q);
	     q = gn_next_named_sibling(q)) {
		if (syn_terminating(f, q) ||
		    (gn_symbol(q) == GS->break_statement &&
		     gn_named_child_count(q) == 0))
			return true;
		if (lh203__continues(q, false, 0))
			return false;
	}
	return false;
}

/* The case body leaves the loop (or the function). */
static bool lh203__leaves(const struct gofile *f, GNode cas, GNode loop)
{
	GNode last = syn_last_stmt(cas);
	GNode sel = gn_parent(cas);

	/* falls through (or breaks the select) to what follows it */
	if ((gn_is_null(last) ||
	     gn_symbol(last) == GS->receive_statement ||
	     gn_symbol(last) == GS->send_statement ||
	     !lh203__continues(cas, false, 0)) &&
	    lh203__after_leaves(f, sel, loop))
		return true;
	if (gn_is_null(last) ||
	    gn_symbol(last) == GS->receive_statement ||
	    gn_symbol(last) == GS->send_statement)
		return false;
	if (syn_terminating(f, last))
		return true;
	if (gn_symbol(last) == GS->break_statement &&
	    gn_named_child_count(last) > 0) {
		/* break L: leaves when L labels the loop */
		GNode lp = gn_parent(loop);
		GNode lbl = gn_named_child(last, 0);

		if (!gn_is_null(lp) &&
		    gn_symbol(lp) == GS->labeled_statement) {
			size_t a, b;
			const char *x = go_text(f, go_field(lp, f_label), &a);
			const char *y = go_text(f, lbl, &b);

			return a == b && memcmp(x, y, a) == 0;
		}
	}
	return false;
}

struct lh203__recv {
	const struct gofile *f;
	const char *name;
	size_t len;
	GNode cas;
};

static bool lh203__recv_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh203__recv *r = ctx;

	LH_UNUSED(depth);
	if (!gn_is_null(r->cas) || gn_symbol(n) == GS->func_literal)
		return false;
	if (gn_symbol(n) == GS->unary_expression &&
	    go_text_is(r->f, go_field(n, f_operator), "<-")) {
		GNode op = go_unparen(go_field(n, f_operand));
		size_t len;
		const char *s = go_text(r->f, op, &len);

		if (gn_symbol(op) == GS->identifier && len == r->len &&
		    memcmp(s, r->name, len) == 0)
			r->cas = lh203__case_of(n);
	}
	return true;
}

/* `t := time.After(d)` (or `t = time.After(d)`) in a loop body, received
 * from in a select case of the same loop: that case; *stmt receives the
 * assignment. */
static GNode lh203__case_via_local(const struct gofile *f, GNode call,
				   GNode *stmt)
{
	GNode p = gn_parent(call), decl, loop = { 0 };
	struct lh203__recv r = { f, NULL, 0, { 0 } };
	struct syn_walker w = { lh203__recv_enter, NULL, &r };

	if (gn_is_null(p) || gn_symbol(p) != GS->expression_list)
		return (GNode){ 0 };
	decl = gn_parent(p);
	if (gn_is_null(decl) ||
	    (gn_symbol(decl) != GS->short_var_declaration &&
	     gn_symbol(decl) != GS->assignment_statement) ||
	    gn_named_child_count(go_field(decl, f_left)) != 1 ||
	    gn_symbol(gn_named_child(go_field(decl, f_left), 0)) !=
		    GS->identifier)
		return (GNode){ 0 };
	*stmt = decl;
	for (GNode q = gn_parent(decl); !gn_is_null(q);
	     q = gn_parent(q)) {
		if (syn_is_func(q))
			break;
		if (gn_symbol(q) == GS->for_statement) {
			loop = q;
			break;
		}
	}
	if (gn_is_null(loop))
		return (GNode){ 0 };
	r.name = go_text(f, gn_named_child(go_field(decl, f_left), 0),
			 &r.len);
	syn_walk(go_field(loop, f_body), &w);
	return r.cas;
}

static bool lh203__enter(void *ctx, GNode n, unsigned depth)
{
	struct lh203_ctx *c = ctx;
	GNode cas, sel, loop = { 0 };
	uint32_t k;
	bool all_leave = true;
	struct lh_finding *fd;
	GNode st = { 0 };

	LH_UNUSED(depth);
	if (gn_symbol(n) != GS->call_expression ||
	    !syn_call_pkg(c->f, n, "time", "After"))
		return true;
	cas = lh203__case_of(n);
	if (gn_is_null(cas)) {
		cas = lh203__case_via_local(c->f, n, &st);
		/* re-armed in the case that received the last one: that timer
		 * has fired, only the new one is pending */
		if (!gn_is_null(cas) &&
		    gn_start_byte(st) >= gn_start_byte(cas) &&
		    gn_end_byte(st) <= gn_end_byte(cas))
			return true;
	}
	if (gn_is_null(cas))
		return true;
	sel = gn_parent(cas);
	for (GNode q = gn_parent(sel); !gn_is_null(q);
	     q = gn_parent(q)) {
		if (syn_is_func(q))
			break;
		if (gn_symbol(q) == GS->for_statement) {
			loop = q;
			break;
		}
	}
	if (gn_is_null(loop) || !lh203__long_loop(c, loop))
		return true;
	/* `t := time.After(d)` made outside the select's own loop (in an
	 * enclosing loop, or a case of an outer select): one timer for all
	 * the rounds of this loop */
	if (!gn_is_null(st)) {
		GNode dl = { 0 };

		for (GNode q = gn_parent(st); !gn_is_null(q);
		     q = gn_parent(q)) {
			if (syn_is_func(q))
				break;
			if (gn_symbol(q) == GS->for_statement) {
				dl = q;
				break;
			}
		}
		if (!gn_eq(dl, loop))
			return true;
	}
	/* the loop ends on the first timeout: only timers of iterations
	 * that ended otherwise were ever pending, and the loop stops
	 * making them when one fires */
	if (lh203__leaves(c->f, cas, loop))
		return true;
	k = gn_named_child_count(sel);
	for (uint32_t i = 0; i < k; i++) {
		GNode o = gn_named_child(sel, i);

		if (gn_eq(o, cas) || (gn_symbol(o) != GS->communication_case &&
				       gn_symbol(o) != GS->default_case))
			continue;
		if (!lh203__leaves(c->f, o, loop))
			all_leave = false;
	}
	if (all_leave)
		return true;
	fd = pass_report(c->p, &lh_rule_lh203, c->f, n,
			 "time.After in a select loop starts a timer on every "
			 "iteration; each stays alive until it fires (%s)",
			 c->why);
	pass_step(c->p, fd, c->f, loop, "loop starts here");
	pass_fix(c->p, fd,
		 "make one timer before the loop (t := time.NewTimer(d); "
		 "defer t.Stop()) and Reset it each iteration, or move to Go "
		 "1.23 (go.mod) where unreferenced timers are collected");
	return true;
}

static void lh203_run(struct lh_pass *p)
{
	const TSSymbol kinds[] = { GS->call_expression, 0 };
	char why[64];

	if (pass_timers_collected(p, why, sizeof(why)))
		return;
	for (size_t i = 0; i < p->pkg->nfiles; i++) {
		struct lh203_ctx c = { p, p->pkg->files[i], why };
		struct syn_walker w = { lh203__enter, NULL, &c };

		/* a time.After call spells After in the file */
		if (syn_file_ignored(c.f) || !syn_imports(c.f, "time") ||
		    !memmem(c.f->src, c.f->len, "After", 5))
			continue;
		walk_file(c.f, kinds, SYN_MAX_DEPTH, &w);
	}
}

const struct lh_rule lh_rule_lh203 = {
	.id = "LH203",
	.name = "time-after-in-loop",
	.title = "time.After in a long-running select loop",
	.class = LH_CLASS_TIMER,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.run = lh203_run,
};
