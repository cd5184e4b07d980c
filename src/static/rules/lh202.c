/*
 * lh202.c - LH202: time.Tick in a function that can return (Go < 1.23).
 *
 * Before Go 1.23 (or with GODEBUG asynctimerchan=1) the ticker behind
 * time.Tick is never stopped and never collected: once the function that
 * used the channel returns, the ticker keeps firing into a channel nobody
 * reads, for the life of the process. Every call leaks one.
 *
 * Flags time.Tick(d) whose channel is used only inside its function (ranged
 * over, received from, or kept in a local that does not escape) when that
 * function can return after the call: a return after it, a return inside a
 * loop around it, or a body that can finish normally.
 *
 * Silent: go.mod says go >= 1.23 without asynctimerchan=1 (or no go.mod:
 * the newest Go is assumed); main() of package main; test files; endless
 * functions (`for range time.Tick(d) {}` with no return or break, `for {}`);
 * a channel handed elsewhere (a goroutine, a return value, a field).
 */
#include <stdio.h>

#include "static/pass.h"
#include "static/syn.h"
#include "static/walk.h"

extern const struct lh_rule lh_rule_lh202;

struct lh202_ctx {
	struct lh_pass *p;
	struct gofile *f;
	const char *why; /* "go 1.19 < 1.23" */
};

/* The local the tick channel is stored in (`c := time.Tick(d)`), or a
 * null node when used in place; *ok false when it goes elsewhere. */
static TSNode lh202__holder(TSNode call, bool *ok)
{
	TSNode p = ts_node_parent(call), gp;

	*ok = false;
	while (!ts_node_is_null(p) &&
	       ts_node_symbol(p) == GS->parenthesized_expression)
		p = ts_node_parent(p);
	if (ts_node_is_null(p))
		return p;
	if (ts_node_symbol(p) == GS->range_clause ||
	    (ts_node_symbol(p) == GS->unary_expression)) {
		*ok = true;
		return (TSNode){ 0 };
	}
	if (ts_node_symbol(p) != GS->expression_list)
		return (TSNode){ 0 };
	gp = ts_node_parent(p);
	if (ts_node_is_null(gp) ||
	    (ts_node_symbol(gp) != GS->short_var_declaration &&
	     ts_node_symbol(gp) != GS->var_spec) ||
	    ts_node_named_child_count(p) != 1)
		return (TSNode){ 0 };
	{
		TSNode l = ts_node_symbol(gp) == GS->var_spec
				   ? go_field(gp, f_name)
				   : ts_node_named_child(go_field(gp, f_left), 0);

		if (ts_node_is_null(l) || ts_node_symbol(l) != GS->identifier)
			return (TSNode){ 0 };
		*ok = true;
		return l;
	}
}

struct lh202__uses {
	const struct gofile *f;
	const char *name;
	size_t len;
	TSNode decl;
	bool escapes;
	unsigned in_go; /* inside a go statement */
};

static bool lh202__uses_enter(void *ctx, TSNode n, unsigned depth)
{
	struct lh202__uses *u = ctx;
	TSNode p;
	size_t len;
	const char *s;
	TSSymbol ps;

	LH_UNUSED(depth);
	if (u->escapes)
		return false;
	if (ts_node_symbol(n) == GS->go_statement)
		u->in_go++;
	if (ts_node_symbol(n) != GS->identifier || n.id == u->decl.id)
		return true;
	s = go_text(u->f, n, &len);
	if (len != u->len || memcmp(s, u->name, len) != 0)
		return true;
	if (u->in_go) {
		u->escapes = true;
		return false;
	}
	p = ts_node_parent(n);
	ps = ts_node_symbol(p);
	/* local uses: <-c, range c, case <-c */
	if (ps == GS->unary_expression || ps == GS->range_clause)
		return true;
	u->escapes = true;
	return false;
}

static void lh202__uses_leave(void *ctx, TSNode n)
{
	struct lh202__uses *u = ctx;

	if (ts_node_symbol(n) == GS->go_statement && u->in_go)
		u->in_go--;
}

/* A return after `at`, or inside a loop enclosing `at`, in fn. */
struct lh202__ret {
	TSNode at;
	bool found;
};

static bool lh202__ret_enter(void *ctx, TSNode n, unsigned depth)
{
	struct lh202__ret *r = ctx;

	LH_UNUSED(depth);
	if (r->found || ts_node_symbol(n) == GS->func_literal)
		return false;
	if (ts_node_symbol(n) == GS->return_statement) {
		if (ts_node_start_byte(n) > ts_node_start_byte(r->at)) {
			r->found = true;
		} else {
			for (TSNode q = ts_node_parent(n); !ts_node_is_null(q);
			     q = ts_node_parent(q)) {
				if (syn_is_func(q))
					break;
				if (ts_node_symbol(q) == GS->for_statement &&
				    ts_node_start_byte(q) <=
					    ts_node_start_byte(r->at) &&
				    ts_node_end_byte(q) >= ts_node_end_byte(r->at))
					r->found = true;
			}
		}
		return false;
	}
	return true;
}

/* The statement ends the function for good: terminating, or ranging over
 * the tick channel with no break. */
static bool lh202__endless(const struct gofile *f, TSNode last)
{
	TSNode rc;

	if (ts_node_is_null(last))
		return false;
	if (syn_terminating(f, last))
		return true;
	if (ts_node_symbol(last) != GS->for_statement)
		return false;
	rc = ts_node_named_child(last, 0);
	if (ts_node_is_null(rc) || ts_node_symbol(rc) != GS->range_clause)
		return false;
	{
		TSNode r = go_unparen(go_field(rc, f_right));

		if (!syn_call_pkg(f, r, "time", "Tick") &&
		    ts_node_symbol(r) != GS->identifier)
			return false;
	}
	return !syn_loop_has_break(f, last);
}

static bool lh202__can_return(const struct gofile *f, TSNode fn, TSNode call)
{
	struct lh202__ret r = { call, false };
	struct syn_walker w = { lh202__ret_enter, NULL, &r };
	TSNode body = go_field(fn, f_body);

	syn_walk(body, &w);
	if (r.found)
		return true;
	return !lh202__endless(f, syn_last_stmt(body));
}

static bool lh202__enter(void *ctx, TSNode n, unsigned depth)
{
	struct lh202_ctx *c = ctx;
	TSNode fn, holder;
	bool ok;
	struct lh_finding *fd;

	LH_UNUSED(depth);
	if (ts_node_symbol(n) != GS->call_expression ||
	    !syn_call_pkg(c->f, n, "time", "Tick"))
		return true;
	fn = syn_enclosing_func(n);
	if (ts_node_is_null(fn))
		return true; /* package-level: lives for the process */
	if (ts_node_symbol(fn) == GS->function_declaration &&
	    go_text_is(c->f, go_field(fn, f_name), "main") &&
	    strcmp(c->f->pkgname, "main") == 0)
		return true;
	holder = lh202__holder(n, &ok);
	if (!ok)
		return true;
	if (!ts_node_is_null(holder)) {
		struct lh202__uses u = { c->f, NULL, 0, holder, false, 0 };
		struct syn_walker w = { lh202__uses_enter, lh202__uses_leave, &u };

		u.name = go_text(c->f, holder, &u.len);
		syn_walk(go_field(fn, f_body), &w);
		if (u.escapes)
			return true;
	}
	if (!lh202__can_return(c->f, fn, n))
		return true;
	fd = pass_report(c->p, &lh_rule_lh202, c->f, n,
			 "time.Tick leaks its ticker when %s returns (%s: the "
			 "ticker is never stopped or collected)",
			 ts_node_symbol(fn) == GS->func_literal
				 ? "the func literal"
				 : pass_func_name(c->f, n),
			 c->why);
	pass_fix(c->p, fd,
		 "use t := time.NewTicker(d) with defer t.Stop() and range "
		 "over t.C, or move to Go 1.23 (go.mod) where an unreferenced "
		 "ticker is collected");
	return true;
}

static void lh202_run(struct lh_pass *p)
{
	const TSSymbol kinds[] = { GS->call_expression, 0 };
	char why[64];

	if (pass_timers_collected(p, why, sizeof(why)))
		return;
	for (size_t i = 0; i < p->pkg->nfiles; i++) {
		struct lh202_ctx c = { p, p->pkg->files[i], why };
		struct syn_walker w = { lh202__enter, NULL, &c };

		if (c.f->is_test || syn_file_ignored(c.f) ||
		    !syn_imports(c.f, "time"))
			continue;
		walk_file(c.f, kinds, SYN_MAX_DEPTH, &w);
	}
}

const struct lh_rule lh_rule_lh202 = {
	.id = "LH202",
	.name = "time-tick-leak",
	.title = "time.Tick in a function that returns leaks its ticker",
	.class = LH_CLASS_TIMER,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.run = lh202_run,
};
