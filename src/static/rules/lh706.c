/*
 * lh706.c - LH706: a release deferred inside a loop body.
 *
 * `defer f.Close()` (or Unlock, Stop, Rollback, Release, cancel(), ...)
 * inside a for loop runs when the function returns, not at the end of the
 * iteration: every iteration's resource stays open until then. Flags a
 * defer statement whose call is a release (or a func literal whose body
 * makes one) when some loop enclosing it in the same function can run more
 * than one iteration.
 *
 * Silent when: the release is an Unlock/RUnlock of a mutex the same
 * iteration locked just before, reached through the loop variable (`for
 * p := c.parent; p != nil; p = p.parent { p.mu.Lock(); defer
 * p.mu.Unlock() }`): lock coupling holds every lock until the
 * function returns on purpose, and a lock is not a resource that piles up;
 * likewise a deferred func literal whose Unlock pairs with its own Lock;
 * the defer is in a select case inside the loop (timer fired,
 * result arrived: usually once per call); the defer is inside a func
 * literal called per iteration
 * (the literal is the function the defer belongs to); every enclosing loop
 * ends its first iteration with return, panic or an unconditional break
 * and has no continue.
 */
#include "static/pass.h"
#include "static/syn.h"
#include "static/walk.h"

extern const struct lh_rule lh_rule_lh706;

static const char *const lh706_release[] = {
	"Close", "CloseSend", "Unlock", "RUnlock", "Stop", "Rollback",
	"Release", "Cancel", "Shutdown",
};

/* A call that releases something. */
static bool lh706__release_call(const struct gofile *f, TSNode call)
{
	TSNode m = syn_call_method(call, NULL), fn;

	if (!ts_node_is_null(m)) {
		for (size_t i = 0; i < ARRAY_SIZE(lh706_release); i++) {
			if (go_text_is(f, m, lh706_release[i]))
				return true;
		}
		return syn_call_pkg(f, call, "os", "Remove") ||
		       syn_call_pkg(f, call, "os", "RemoveAll");
	}
	fn = go_unparen(go_field(call, f_function));
	if (!ts_node_is_null(fn) && ts_node_symbol(fn) == GS->identifier) {
		size_t len;
		const char *s = go_text(f, fn, &len);

		/* cancel(), stopTimer := ...: cancel funcs by convention */
		return (len >= 6 && (memcmp(s + len - 6, "cancel", 6) == 0 ||
				     memcmp(s + len - 6, "Cancel", 6) == 0));
	}
	return false;
}

/* Is call `x.Unlock()` / `x.RUnlock()`? Sets *recv to x. */
static bool lh706__unlock(const struct gofile *f, TSNode call, TSNode *recv)
{
	TSNode m = syn_call_method(call, recv);

	return !ts_node_is_null(m) &&
	       (go_text_is(f, m, "Unlock") || go_text_is(f, m, "RUnlock"));
}

/* Same source text? */
static bool lh706__same(const struct gofile *f, TSNode x, TSNode y)
{
	size_t a, b;
	const char *s = go_text(f, x, &a), *t = go_text(f, y, &b);

	return a == b && memcmp(s, t, a) == 0;
}

/* Is call `<x>.Lock()` / `<x>.RLock()` on the same operand text as x? */
static bool lh706__locks(const struct gofile *f, TSNode call, TSNode x)
{
	TSNode r, m = syn_call_method(call, &r);

	if (ts_node_is_null(m) || ts_node_is_null(r) ||
	    !(go_text_is(f, m, "Lock") || go_text_is(f, m, "RLock")))
		return false;
	return lh706__same(f, r, x);
}

/* An Unlock of x whose Lock is one of the statements just before stmt in
 * its block (hand-over-hand locking). */
static bool lh706__paired(const struct gofile *f, TSNode stmt, TSNode x)
{
	TSNode q = ts_node_prev_named_sibling(stmt);

	for (int i = 0; i < 4 && !ts_node_is_null(q);
	     i++, q = ts_node_prev_named_sibling(q)) {
		TSNode e = ts_node_named_child(q, 0);

		if (ts_node_symbol(q) == GS->expression_statement &&
		    ts_node_symbol(e) == GS->call_expression &&
		    lh706__locks(f, e, x))
			return true;
	}
	return false;
}

/* Does n (an identifier's text) name a variable the loop's clause
 * declares or steps (`for p := x; ...; p = p.next`, `for _, p := range`)? */
static bool lh706__loop_var(const struct gofile *f, TSNode loop, TSNode id)
{
	TSNode c = ts_node_named_child(loop, 0);
	TSNode lists[3] = { { { 0 }, 0, 0 }, { { 0 }, 0, 0 },
			    { { 0 }, 0, 0 } };

	if (ts_node_is_null(c))
		return false;
	if (ts_node_symbol(c) == GS->range_clause) {
		lists[0] = go_field(c, f_left);
	} else if (ts_node_symbol(c) == GS->for_clause) {
		lists[0] = go_field(go_field(c, f_initializer), f_left);
		lists[1] = go_field(go_field(c, f_update), f_left);
	}
	for (int i = 0; i < 3; i++) {
		uint32_t k = ts_node_is_null(lists[i]) ? 0 :
			     ts_node_named_child_count(lists[i]);

		for (uint32_t j = 0; j < k; j++) {
			if (lh706__same(f, ts_node_named_child(lists[i], j), id))
				return true;
		}
	}
	return false;
}

/* The leftmost identifier of x.a.b. */
static TSNode lh706__root(TSNode x)
{
	for (int i = 0; i < 16 && !ts_node_is_null(x) &&
			ts_node_symbol(x) == GS->selector_expression; i++)
		x = go_unparen(go_field(x, f_operand));
	return x;
}

struct lh706__find {
	const struct gofile *f;
	bool found;
	TSNode locked[8]; /* receivers the literal locks itself */
	unsigned nlocked;
};

static bool lh706__find_enter(void *ctx, TSNode n, unsigned depth)
{
	struct lh706__find *x = ctx;
	TSNode r;

	LH_UNUSED(depth);
	if (x->found)
		return false;
	if (ts_node_symbol(n) != GS->call_expression)
		return true;
	if (!ts_node_is_null(syn_call_method(n, &r)) && !ts_node_is_null(r) &&
	    x->nlocked < ARRAY_SIZE(x->locked) && lh706__locks(x->f, n, r)) {
		x->locked[x->nlocked++] = r;
		return true;
	}
	if (lh706__unlock(x->f, n, &r)) {
		for (unsigned i = 0; i < x->nlocked; i++) {
			if (lh706__same(x->f, r, x->locked[i]))
				return true; /* its own Lock/Unlock pair */
		}
	}
	if (lh706__release_call(x->f, n))
		x->found = true;
	return true;
}

/* The deferred call releases: directly, or in a deferred func literal. */
static bool lh706__releases(const struct gofile *f, TSNode call)
{
	TSNode fn = go_unparen(go_field(call, f_function));

	if (lh706__release_call(f, call))
		return true;
	if (!ts_node_is_null(fn) && ts_node_symbol(fn) == GS->func_literal) {
		struct lh706__find x = { f, false, { { { 0 }, 0, 0 } }, 0 };
		struct syn_walker w = { lh706__find_enter, NULL, &x };

		syn_walk(go_field(fn, f_body), &w);
		return x.found;
	}
	return false;
}

/* A continue in body that targets loop. */
static bool lh706__continues(const struct gofile *f, TSNode n, TSNode loop,
			     bool nested, unsigned depth)
{
	uint32_t k = ts_node_named_child_count(n);

	if (depth > SYN_MAX_DEPTH)
		return true;
	for (uint32_t i = 0; i < k; i++) {
		TSNode c = ts_node_named_child(n, i);
		TSSymbol s = ts_node_symbol(c);

		if (s == GS->func_literal)
			continue;
		if (s == GS->continue_statement) {
			if (!nested || ts_node_named_child_count(c) > 0)
				return true; /* labeled: assume it may be ours */
			continue;
		}
		if (lh706__continues(f, c, loop, nested || s == GS->for_statement,
				     depth + 1))
			return true;
	}
	return false;
}

/* The loop cannot start a second iteration. */
static bool lh706__single_iteration(const struct gofile *f, TSNode loop)
{
	TSNode body = go_field(loop, f_body), last;

	if (ts_node_is_null(body))
		return false;
	last = syn_last_stmt(body);
	if (ts_node_is_null(last))
		return false;
	if (!syn_terminating(f, last) &&
	    !(ts_node_symbol(last) == GS->break_statement &&
	      ts_node_named_child_count(last) == 0))
		return false;
	return !lh706__continues(f, body, loop, false, 0);
}

struct lh706_ctx {
	struct lh_pass *p;
	struct gofile *f;
};

static bool lh706__enter(void *ctx, TSNode n, unsigned depth)
{
	struct lh706_ctx *c = ctx;
	TSNode call, loop = { 0 };
	struct lh_finding *fd;
	size_t len;
	const char *txt;

	LH_UNUSED(depth);
	if (ts_node_symbol(n) != GS->defer_statement)
		return true;
	call = go_unparen(ts_node_named_child(n, 0));
	if (ts_node_is_null(call) || ts_node_symbol(call) != GS->call_expression ||
	    !lh706__releases(c->f, call))
		return false;
	{
		TSNode x, q;

		/* hand-over-hand: a different lock each iteration */
		if (lh706__unlock(c->f, call, &x) && !ts_node_is_null(x) &&
		    lh706__paired(c->f, n, x)) {
			for (q = ts_node_parent(n); !ts_node_is_null(q) &&
			     ts_node_symbol(q) != GS->for_statement &&
			     !syn_is_func(q); q = ts_node_parent(q))
				;
			if (!ts_node_is_null(q) &&
			    ts_node_symbol(q) == GS->for_statement &&
			    lh706__loop_var(c->f, q, lh706__root(x)))
				return false;
		}
	}
	for (TSNode q = ts_node_parent(n); !ts_node_is_null(q);
	     q = ts_node_parent(q)) {
		if (syn_is_func(q))
			break;
		/* a select case in the loop: an event that usually happens
		 * once (a timer firing, a result arriving) */
		if (ts_node_symbol(q) == GS->communication_case)
			break;
		if (ts_node_symbol(q) == GS->for_statement &&
		    !lh706__single_iteration(c->f, q)) {
			loop = q;
			break;
		}
	}
	if (ts_node_is_null(loop))
		return false;
	txt = go_text(c->f, call, &len);
	if (ts_node_symbol(go_unparen(go_field(call, f_function))) ==
	    GS->func_literal) {
		txt = "func() {...}()";
		len = strlen(txt);
	} else if (len > 60) {
		len = 60;
	}
	for (size_t i = 0; i < len; i++) {
		if (txt[i] == '\n')
			len = i;
	}
	fd = pass_report(c->p, &lh_rule_lh706, c->f, n,
			 "defer %.*s inside a loop: each iteration's release "
			 "waits until the function returns", (int)len, txt);
	pass_step(c->p, fd, c->f, loop, "loop starts here");
	pass_fix(c->p, fd,
		 "move the loop body into a function (or a func literal "
		 "called per iteration) so the defer runs at the end of each "
		 "iteration, or release explicitly before the next iteration");
	return false;
}

static void lh706_run(struct lh_pass *p)
{
	const TSSymbol kinds[] = { GS->defer_statement, 0 };

	for (size_t i = 0; i < p->pkg->nfiles; i++) {
		struct lh706_ctx c = { p, p->pkg->files[i] };
		struct syn_walker w = { lh706__enter, NULL, &c };

		if (syn_file_ignored(c.f) || !memmem(c.f->src, c.f->len, "defer", 5))
			continue;
		walk_file(c.f, kinds, SYN_MAX_DEPTH, &w);
	}
}

const struct lh_rule lh_rule_lh706 = {
	.id = "LH706",
	.name = "defer-in-loop",
	.title = "release deferred inside a loop body",
	.class = LH_CLASS_RESOURCE,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.run = lh706_run,
};
