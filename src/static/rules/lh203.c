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
 * through a local assigned in the same loop body) when the select sits in
 * a long-running loop of the same function: `for {}`, `for ;; {}` or a
 * loop with a plain condition (`for !done {}`).
 *
 * Silent: go >= 1.23 (collected timers); counted loops (`for i := 0; i <
 * n; i++`) and range loops (bounded by their data); a loop that ends on
 * its first timeout (the time.After case returns or breaks out); selects
 * where every other case (default included) leaves the loop - then at
 * most one timer is ever pending, the one that fired. A case leaves when
 * its body returns, panics or breaks out of the loop, and also when it
 * falls off its end (or breaks out of the select) into statements after
 * the select that leave the loop unconditionally (`select {...}; return`).
 */
#include <stdio.h>

#include "static/pass.h"
#include "static/syn.h"
#include "static/walk.h"

extern const struct lh_rule lh_rule_lh203;

struct lh203_ctx {
	struct lh_pass *p;
	struct gofile *f;
};

/* The communication case receiving from the call (directly or through the
 * local it is assigned to in the same loop), or a null node. */
static TSNode lh203__case_of(TSNode n)
{
	for (TSNode q = ts_node_parent(n); !ts_node_is_null(q);
	     q = ts_node_parent(q)) {
		TSSymbol s = ts_node_symbol(q);

		if (s == GS->communication_case)
			return q;
		if (s == GS->block || syn_is_func(q) ||
		    s == GS->for_statement)
			break;
	}
	return (TSNode){ 0 };
}

/* Loop that can run for long: no condition, or a plain condition. */
static bool lh203__long_loop(TSNode loop)
{
	TSNode c = ts_node_named_child(loop, 0);

	if (ts_node_is_null(c) || ts_node_symbol(c) == GS->block)
		return true;
	if (ts_node_symbol(c) == GS->range_clause)
		return false;
	if (ts_node_symbol(c) == GS->for_clause)
		return ts_node_is_null(go_field(c, f_condition));
	return true; /* for cond { } */
}

/* Is there a continue in n (not inside a func literal or a nested loop,
 * unless labelled)? */
static bool lh203__continues(TSNode n, bool nested, unsigned depth)
{
	uint32_t k = ts_node_named_child_count(n);

	if (depth > SYN_MAX_DEPTH)
		return true;
	for (uint32_t i = 0; i < k; i++) {
		TSNode c = ts_node_named_child(n, i);
		TSSymbol s = ts_node_symbol(c);

		if (s == GS->func_literal)
			continue;
		if (s == GS->continue_statement &&
		    (!nested || ts_node_named_child_count(c) > 0))
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
static bool lh203__after_leaves(const struct gofile *f, TSNode sel,
				TSNode loop)
{
	TSNode body = go_field(loop, f_body);

	if (ts_node_is_null(body) || !ts_node_eq(ts_node_parent(sel), body))
		return false;
	for (TSNode q = ts_node_next_named_sibling(sel); !ts_node_is_null(q);
	     q = ts_node_next_named_sibling(q)) {
		if (syn_terminating(f, q) ||
		    (ts_node_symbol(q) == GS->break_statement &&
		     ts_node_named_child_count(q) == 0))
			return true;
		if (lh203__continues(q, false, 0))
			return false;
	}
	return false;
}

/* The case body leaves the loop (or the function). */
static bool lh203__leaves(const struct gofile *f, TSNode cas, TSNode loop)
{
	TSNode last = syn_last_stmt(cas);
	TSNode sel = ts_node_parent(cas);

	/* falls through (or breaks the select) to what follows it */
	if ((ts_node_is_null(last) ||
	     ts_node_symbol(last) == GS->receive_statement ||
	     ts_node_symbol(last) == GS->send_statement ||
	     !lh203__continues(cas, false, 0)) &&
	    lh203__after_leaves(f, sel, loop))
		return true;
	if (ts_node_is_null(last) ||
	    ts_node_symbol(last) == GS->receive_statement ||
	    ts_node_symbol(last) == GS->send_statement)
		return false;
	if (syn_terminating(f, last))
		return true;
	if (ts_node_symbol(last) == GS->break_statement &&
	    ts_node_named_child_count(last) > 0) {
		/* break L: leaves when L labels the loop */
		TSNode lp = ts_node_parent(loop);
		TSNode lbl = ts_node_named_child(last, 0);

		if (!ts_node_is_null(lp) &&
		    ts_node_symbol(lp) == GS->labeled_statement) {
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
	TSNode cas;
};

static bool lh203__recv_enter(void *ctx, TSNode n, unsigned depth)
{
	struct lh203__recv *r = ctx;

	LH_UNUSED(depth);
	if (!ts_node_is_null(r->cas) || ts_node_symbol(n) == GS->func_literal)
		return false;
	if (ts_node_symbol(n) == GS->unary_expression &&
	    go_text_is(r->f, go_field(n, f_operator), "<-")) {
		TSNode op = go_unparen(go_field(n, f_operand));
		size_t len;
		const char *s = go_text(r->f, op, &len);

		if (ts_node_symbol(op) == GS->identifier && len == r->len &&
		    memcmp(s, r->name, len) == 0)
			r->cas = lh203__case_of(n);
	}
	return true;
}

/* `t := time.After(d)` in a loop body, received from in a select case of
 * the same loop: that case. */
static TSNode lh203__case_via_local(const struct gofile *f, TSNode call)
{
	TSNode p = ts_node_parent(call), decl, loop = { 0 };
	struct lh203__recv r = { f, NULL, 0, { { 0 }, 0, 0 } };
	struct syn_walker w = { lh203__recv_enter, NULL, &r };

	if (ts_node_is_null(p) || ts_node_symbol(p) != GS->expression_list)
		return (TSNode){ 0 };
	decl = ts_node_parent(p);
	if (ts_node_is_null(decl) ||
	    ts_node_symbol(decl) != GS->short_var_declaration ||
	    ts_node_named_child_count(go_field(decl, f_left)) != 1)
		return (TSNode){ 0 };
	for (TSNode q = ts_node_parent(decl); !ts_node_is_null(q);
	     q = ts_node_parent(q)) {
		if (syn_is_func(q))
			break;
		if (ts_node_symbol(q) == GS->for_statement) {
			loop = q;
			break;
		}
	}
	if (ts_node_is_null(loop))
		return (TSNode){ 0 };
	r.name = go_text(f, ts_node_named_child(go_field(decl, f_left), 0),
			 &r.len);
	syn_walk(go_field(loop, f_body), &w);
	return r.cas;
}

static bool lh203__enter(void *ctx, TSNode n, unsigned depth)
{
	struct lh203_ctx *c = ctx;
	TSNode cas, sel, loop = { 0 };
	uint32_t k;
	bool all_leave = true;
	struct lh_finding *fd;

	LH_UNUSED(depth);
	if (ts_node_symbol(n) != GS->call_expression ||
	    !syn_call_pkg(c->f, n, "time", "After"))
		return true;
	cas = lh203__case_of(n);
	if (ts_node_is_null(cas))
		cas = lh203__case_via_local(c->f, n);
	if (ts_node_is_null(cas))
		return true;
	sel = ts_node_parent(cas);
	for (TSNode q = ts_node_parent(sel); !ts_node_is_null(q);
	     q = ts_node_parent(q)) {
		if (syn_is_func(q))
			break;
		if (ts_node_symbol(q) == GS->for_statement) {
			loop = q;
			break;
		}
	}
	if (ts_node_is_null(loop) || !lh203__long_loop(loop))
		return true;
	/* the loop ends on the first timeout: only timers of iterations
	 * that ended otherwise were ever pending, and the loop stops
	 * making them when one fires */
	if (lh203__leaves(c->f, cas, loop))
		return true;
	k = ts_node_named_child_count(sel);
	for (uint32_t i = 0; i < k; i++) {
		TSNode o = ts_node_named_child(sel, i);

		if (o.id == cas.id || (ts_node_symbol(o) != GS->communication_case &&
				       ts_node_symbol(o) != GS->default_case))
			continue;
		if (!lh203__leaves(c->f, o, loop))
			all_leave = false;
	}
	if (all_leave)
		return true;
	fd = pass_report(c->p, &lh_rule_lh203, c->f, n,
			 "time.After in a select loop starts a timer on every "
			 "iteration; each stays alive until it fires (%s)",
			 c->p->pkg->mod->asynctimerchan
				 ? "godebug asynctimerchan=1"
				 : "go < 1.23");
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

	if (gomod_timers_collected(p->pkg->mod))
		return;
	for (size_t i = 0; i < p->pkg->nfiles; i++) {
		struct lh203_ctx c = { p, p->pkg->files[i] };
		struct syn_walker w = { lh203__enter, NULL, &c };

		if (syn_file_ignored(c.f) || !syn_imports(c.f, "time"))
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
