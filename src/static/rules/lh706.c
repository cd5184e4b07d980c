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
 * the defer is in a select case inside the loop on an event that
 * happens once (a timer firing, a context ending, the reply on a channel
 * the function makes itself); the defer is inside a func
 * literal called per iteration
 * (the literal is the function the defer belongs to); every enclosing loop
 * ends its first iteration with return, panic or an unconditional break
 * and has no continue.
 */
#include <stdio.h>
#include <string.h>

#include "static/engine.h"
#include "static/pass.h"
#include "static/syn.h"
#include "static/walk.h"

extern const struct lh_rule lh_rule_lh706;

static const char *const lh706_release[] = {
	"Close", "CloseSend", "Unlock", "RUnlock", "Stop", "Rollback",
	"Release", "Cancel", "Shutdown",
};

/* A call that releases something. */
static bool lh706__release_call(const struct gofile *f, GNode call)
{
	GNode m = syn_call_method(call, NULL), fn;

	if (!gn_is_null(m)) {
		for (size_t i = 0; i < ARRAY_SIZE(lh706_release); i++) {
			if (go_text_is(f, m, lh706_release[i]))
				return true;
		}
		return syn_call_pkg(f, call, "os", "Remove") ||
		       syn_call_pkg(f, call, "os", "RemoveAll");
	}
	fn = go_unparen(go_field(call, f_function));
	if (!gn_is_null(fn) && gn_symbol(fn) == GS->identifier) {
		size_t len;
		const char *s = go_text(f, fn, &len);

		/* cancel(), stopTimer := ...: cancel funcs by convention */
		return (len >= 6 && (memcmp(s + len - 6, "cancel", 6) == 0 ||
				     memcmp(s + len - 6, "Cancel", 6) == 0));
	}
	return false;
}

/* Is call `x.Unlock()` / `x.RUnlock()`? Sets *recv to x. */
static bool lh706__unlock(const struct gofile *f, GNode call, GNode *recv)
{
	GNode m = syn_call_method(call, recv);

	return !gn_is_null(m) &&
	       (go_text_is(f, m, "Unlock") || go_text_is(f, m, "RUnlock"));
}

/* Same source text? */
static bool lh706__same(const struct gofile *f, GNode x, GNode y)
{
	size_t a, b;
	const char *s = go_text(f, x, &a), *t = go_text(f, y, &b);

	return a == b && memcmp(s, t, a) == 0;
}

/* Is call `<x>.Lock()` / `<x>.RLock()` on the same operand text as x? */
static bool lh706__locks(const struct gofile *f, GNode call, GNode x)
{
	GNode r, m = syn_call_method(call, &r);

	if (gn_is_null(m) || gn_is_null(r) ||
	    !(go_text_is(f, m, "Lock") || go_text_is(f, m, "RLock")))
		return false;
	return lh706__same(f, r, x);
}

/* An Unlock of x whose Lock is one of the statements just before stmt in
 * its block (hand-over-hand locking). */
static bool lh706__paired(const struct gofile *f, GNode stmt, GNode x)
{
	GNode q = gn_prev_named_sibling(stmt);

	for (int i = 0; i < 4 && !gn_is_null(q);
	     i++, q = gn_prev_named_sibling(q)) {
		GNode e = gn_named_child(q, 0);

		if (gn_symbol(q) == GS->expression_statement &&
		    gn_symbol(e) == GS->call_expression &&
		    lh706__locks(f, e, x))
			return true;
	}
	return false;
}

/* Does n (an identifier's text) name a variable the loop's clause
 * declares or steps (`for p := x; ...; p = p.next`, `for _, p := range`)? */
static bool lh706__loop_var(const struct gofile *f, GNode loop, GNode id)
{
	GNode c = gn_named_child(loop, 0);
	GNode lists[3] = { { 0 }, { 0 },
			    { 0 } };

	if (gn_is_null(c))
		return false;
	if (gn_symbol(c) == GS->range_clause) {
		lists[0] = go_field(c, f_left);
	} else if (gn_symbol(c) == GS->for_clause) {
		lists[0] = go_field(go_field(c, f_initializer), f_left);
		lists[1] = go_field(go_field(c, f_update), f_left);
	}
	for (int i = 0; i < 3; i++) {
		uint32_t k = gn_is_null(lists[i]) ? 0 :
			     gn_named_child_count(lists[i]);

		for (uint32_t j = 0; j < k; j++) {
			if (lh706__same(f, gn_named_child(lists[i], j), id))
				return true;
		}
	}
	return false;
}

/* The leftmost identifier of x.a.b. */
static GNode lh706__root(GNode x)
{
	for (int i = 0; i < 16 && !gn_is_null(x) &&
			gn_symbol(x) == GS->selector_expression; i++)
		x = go_unparen(go_field(x, f_operand));
	return x;
}

struct lh706__find {
	const struct gofile *f;
	bool found;
	GNode locked[8]; /* receivers the literal locks itself */
	unsigned nlocked;
};

static bool lh706__find_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh706__find *x = ctx;
	GNode r;

	LH_UNUSED(depth);
	if (x->found)
		return false;
	if (gn_symbol(n) != GS->call_expression)
		return true;
	if (!gn_is_null(syn_call_method(n, &r)) && !gn_is_null(r) &&
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
static bool lh706__releases(const struct gofile *f, GNode call)
{
	GNode fn = go_unparen(go_field(call, f_function));

	if (lh706__release_call(f, call))
		return true;
	if (!gn_is_null(fn) && gn_symbol(fn) == GS->func_literal) {
		struct lh706__find x = { f, false, { { 0 } }, 0 };
		struct syn_walker w = { lh706__find_enter, NULL, &x };

		syn_walk(go_field(fn, f_body), &w);
		return x.found;
	}
	return false;
}

/* A continue in body that targets loop. */
static bool lh706__continues(const struct gofile *f, GNode n, GNode loop,
			     bool nested, unsigned depth)
{
	uint32_t k = gn_named_child_count(n);

	if (depth > SYN_MAX_DEPTH)
		return true;
	for (uint32_t i = 0; i < k; i++) {
		GNode c = gn_named_child(n, i);
		TSSymbol s = gn_symbol(c);

		if (s == GS->func_literal)
			continue;
		if (s == GS->continue_statement) {
			if (!nested || gn_named_child_count(c) > 0)
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
static bool lh706__single_iteration(const struct gofile *f, GNode loop)
{
	GNode body = go_field(loop, f_body), last;

	if (gn_is_null(body))
		return false;
	last = syn_last_stmt(body);
	if (gn_is_null(last))
		return false;
	if (!syn_terminating(f, last) &&
	    !(gn_symbol(last) == GS->break_statement &&
	      gn_named_child_count(last) == 0))
		return false;
	return !lh706__continues(f, body, loop, false, 0);
}

/* ---------------------------------------------------------------- once */

/* A statement in n that hands control back towards the enclosing loop:
 * continue (unlabeled outside a nested for, or labeled), break (unlabeled
 * outside a nested for/switch/select, or labeled), goto, fallthrough.
 * Func literals are other functions. */
static bool lh706__escapes(GNode n, bool in_for, bool in_brk, unsigned depth)
{
	TSSymbol s = gn_symbol(n);
	uint32_t k;

	if (depth > SYN_MAX_DEPTH)
		return true;
	if (s == GS->func_literal)
		return false;
	if (s == GS->goto_statement || s == GS->fallthrough_statement)
		return true;
	if (s == GS->continue_statement)
		return !in_for || gn_named_child_count(n) > 0;
	if (s == GS->break_statement)
		return !in_brk || gn_named_child_count(n) > 0;
	if (s == GS->for_statement)
		in_for = in_brk = true;
	else if (s == GS->expression_switch_statement ||
		 s == GS->type_switch_statement || s == GS->select_statement)
		in_brk = true;
	k = gn_named_child_count(n);
	for (uint32_t i = 0; i < k; i++) {
		if (lh706__escapes(gn_named_child(n, i), in_for, in_brk,
				   depth + 1))
			return true;
	}
	return false;
}

/* Every path from the defer statement n leaves the function before the
 * loop's next iteration: the statements after it (in its block, then in
 * the blocks enclosing it, up to the loop body) reach a terminating
 * statement with nothing in between that continues, breaks out or jumps.
 * The defer then runs at most once per call. */
static bool lh706__leaves_after(const struct gofile *f, GNode n, GNode loop)
{
	GNode cur = n, body = go_field(loop, f_body);

	for (unsigned lvl = 0; lvl < 64; lvl++) {
		GNode p = gn_parent(cur);
		TSSymbol ps;

		if (gn_is_null(p))
			return false;
		ps = gn_symbol(p);
		if (ps == GS->block || ps == GS->expression_case ||
		    ps == GS->default_case || ps == GS->type_case ||
		    ps == GS->communication_case) {
			for (GNode q = gn_next_named_sibling(cur);
			     !gn_is_null(q);
			     q = gn_next_named_sibling(q)) {
				if (gn_symbol(q) == GS->comment)
					continue;
				if (lh706__escapes(q, false, false, 0))
					return false;
				if (syn_terminating(f, q))
					return true;
			}
			if (gn_eq(p, body))
				return false; /* falls into the next iteration */
			if (ps == GS->block) {
				GNode pp = gn_parent(p);
				TSSymbol s = gn_symbol(pp);

				if (gn_is_null(pp))
					return false;
				if (s == GS->if_statement) {
					/* after a branch (of an else-if
					 * chain too): the statement after the
					 * outermost if */
					cur = pp;
					while (gn_symbol(gn_parent(
						       cur)) == GS->if_statement)
						cur = gn_parent(cur);
				} else if (s == GS->block) {
					cur = p; /* a bare block */
				} else {
					return false; /* a loop, a function */
				}
			} else {
				cur = gn_parent(p); /* the switch/select */
			}
			continue;
		}
		if (ps == GS->labeled_statement) {
			cur = p;
			continue;
		}
		return false;
	}
	return false;
}

/* ---------------------------------------------------------------- stores */

/* Is identifier text id declared (:=, var, range :=) inside n? */
static bool lh706__declares(const struct gofile *f, GNode n, GNode id,
			    unsigned depth)
{
	TSSymbol s = gn_symbol(n);
	uint32_t k;

	if (depth > SYN_MAX_DEPTH)
		return true;
	if (s == GS->short_var_declaration || s == GS->var_spec ||
	    (s == GS->range_clause && syn_has_token(n, ":="))) {
		GNode l = s == GS->var_spec ? n : go_field(n, f_left);
		uint32_t m = gn_named_child_count(l);

		for (uint32_t i = 0; i < m; i++) {
			GNode c = gn_named_child(l, i);

			if (gn_symbol(c) == GS->identifier &&
			    lh706__same(f, c, id))
				return true;
		}
	}
	k = gn_named_child_count(n);
	for (uint32_t i = 0; i < k; i++) {
		if (lh706__declares(f, gn_named_child(n, i), id, depth + 1))
			return true;
	}
	return false;
}

/* Is e the identifier x, `&x`, `append(..., x, ...)` or a composite
 * literal holding x? */
static bool lh706__holds(const struct gofile *f, GNode e, GNode x,
			 unsigned depth)
{
	TSSymbol s;

	e = go_unparen(e);
	if (gn_is_null(e) || depth > 16)
		return false;
	s = gn_symbol(e);
	if (s == GS->identifier)
		return lh706__same(f, e, x);
	if (s == GS->unary_expression)
		return lh706__holds(f, go_field(e, f_operand), x, depth + 1);
	if (s == GS->call_expression && syn_call_ident(f, e, "append")) {
		for (uint32_t i = 1; i < syn_nargs(e); i++) {
			if (lh706__holds(f, syn_arg(e, i), x, depth + 1))
				return true;
		}
		return false;
	}
	if (s == GS->composite_literal || s == GS->literal_value ||
	    s == GS->keyed_element || s == GS->literal_element) {
		GNode v = s == GS->composite_literal ? go_field(e, f_body) : e;
		uint32_t k = gn_named_child_count(v);

		for (uint32_t i = 0; i < k; i++) {
			GNode c = gn_named_child(v, i);

			if (s == GS->keyed_element && i == 0)
				continue; /* the key */
			if (lh706__holds(f, c, x, depth + 1))
				return true;
		}
	}
	return false;
}

struct lh706__store {
	const struct gofile *f;
	GNode x, body;
	bool found;
};

static bool lh706__store_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh706__store *st = ctx;
	GNode l, r;
	uint32_t nl, nr;

	LH_UNUSED(depth);
	if (st->found)
		return false;
	if (gn_symbol(n) != GS->assignment_statement)
		return true;
	l = go_field(n, f_left);
	r = go_field(n, f_right);
	nl = gn_named_child_count(l);
	nr = gn_named_child_count(r);
	for (uint32_t i = 0; i < nl && i < nr; i++) {
		GNode lhs = go_unparen(gn_named_child(l, i));

		if (!lh706__holds(st->f, gn_named_child(r, i), st->x, 0))
			continue;
		/* a field, an element, a pointer target, or a variable
		 * declared before the loop: it outlives the iteration */
		if (gn_symbol(lhs) != GS->identifier ||
		    !lh706__declares(st->f, st->body, lhs, 0)) {
			st->found = true;
			return false;
		}
	}
	return false;
}

/* The released handle x is kept beyond the iteration (`files =
 * append(files, f)`, `*dst = f`, `s.conn = c`): it is used after the
 * loop, so the release must wait for the function to end. */
static bool lh706__kept(const struct gofile *f, GNode loop, GNode x)
{
	struct lh706__store st = { f, x, go_field(loop, f_body), false };
	struct syn_walker w = { lh706__store_enter, NULL, &st };

	if (gn_is_null(x) || gn_symbol(x) != GS->identifier ||
	    gn_is_null(st.body))
		return false;
	syn_walk(st.body, &w);
	return st.found;
}

/* Is the identifier x assigned anywhere in n, outside the subtree skip
 * (a null node: nowhere skipped)? */
static bool lh706__assigned(const struct gofile *f, GNode n, GNode x,
			    GNode skip, unsigned depth)
{
	TSSymbol s = gn_symbol(n);
	uint32_t k;

	if (depth > SYN_MAX_DEPTH)
		return true;
	if (!gn_is_null(skip) && gn_eq(n, skip))
		return false;
	if (s == GS->assignment_statement || s == GS->short_var_declaration) {
		GNode l = go_field(n, f_left);
		uint32_t m = gn_named_child_count(l);

		for (uint32_t i = 0; i < m; i++) {
			GNode c = go_unparen(gn_named_child(l, i));

			if (gn_symbol(c) == GS->identifier &&
			    lh706__same(f, c, x))
				return true;
		}
	}
	k = gn_named_child_count(n);
	for (uint32_t i = 0; i < k; i++) {
		if (lh706__assigned(f, gn_named_child(n, i), x, skip,
				    depth + 1))
			return true;
	}
	return false;
}

/* ---------------------------------------------------------------- guards */

/* `x == ""`, `x == nil`, `x == 0`, `!x` (either operand order): sets *x. */
static bool lh706__zero_test(const struct gofile *f, GNode c, GNode *x)
{
	c = go_unparen(c);
	if (gn_symbol(c) == GS->unary_expression) {
		GNode o = go_unparen(go_field(c, f_operand));
		size_t len;
		const char *op = go_text(f, go_field(c, f_operator), &len);

		if (len == 1 && op[0] == '!' &&
		    gn_symbol(o) == GS->identifier) {
			*x = o;
			return true;
		}
		return false;
	}
	if (gn_symbol(c) == GS->binary_expression &&
	    go_text_is(f, go_field(c, f_operator), "==")) {
		GNode a = go_unparen(go_field(c, f_left));
		GNode b = go_unparen(go_field(c, f_right));

		if (gn_symbol(a) != GS->identifier) {
			GNode t = a;

			a = b;
			b = t;
		}
		if (gn_symbol(a) != GS->identifier)
			return false;
		if (gn_symbol(b) == GS->nil ||
		    gn_symbol(b) == GS->false_ ||
		    go_text_is(f, b, "\"\"") || go_text_is(f, b, "0")) {
			*x = a;
			return true;
		}
	}
	return false;
}

/* The defer sits in the body of `if x == <zero> { ... }` inside the loop,
 * the body assigns x, x lives outside the loop and nothing else in the
 * loop assigns it: a set-once guard, so the defer runs at most once
 * (`if tmpdir == "" { tmpdir, err = os.MkdirTemp(...); defer
 * os.RemoveAll(tmpdir) }`). */
static bool lh706__guarded_once(const struct gofile *f, GNode n, GNode loop)
{
	GNode body = go_field(loop, f_body), null = { 0 };

	for (GNode q = gn_parent(n); !gn_is_null(q) &&
	     !gn_eq(q, body); q = gn_parent(q)) {
		GNode cons, x = { 0 };

		if (syn_is_func(q) || gn_symbol(q) == GS->for_statement)
			return false;
		if (gn_symbol(q) != GS->if_statement)
			continue;
		cons = go_field(q, f_consequence);
		if (gn_start_byte(n) < gn_start_byte(cons) ||
		    gn_end_byte(n) > gn_end_byte(cons) ||
		    !lh706__zero_test(f, go_field(q, f_condition), &x))
			continue;
		if (lh706__assigned(f, cons, x, null, 0) &&
		    !lh706__declares(f, body, x, 0) &&
		    !lh706__assigned(f, body, x, cons, 0))
			return true;
	}
	return false;
}

/* ---------------------------------------------------------------- rollback */

/* Is c `<name> OP nil` (or `nil OP <name>`) with name one of the named
 * results of decl? */
static bool lh706__result_nil_test(const struct gofile *f, GNode decl,
				   GNode c, const char *op)
{
	GNode a, b, res = go_field(decl, f_result);
	uint32_t k;

	c = go_unparen(c);
	if (gn_symbol(c) != GS->binary_expression ||
	    !go_text_is(f, go_field(c, f_operator), op))
		return false;
	a = go_unparen(go_field(c, f_left));
	b = go_unparen(go_field(c, f_right));
	if (gn_symbol(a) == GS->nil) {
		GNode t = a;

		a = b;
		b = t;
	}
	if (gn_symbol(a) != GS->identifier || gn_symbol(b) != GS->nil ||
	    gn_is_null(res) || gn_symbol(res) != GS->parameter_list)
		return false;
	k = gn_named_child_count(res);
	for (uint32_t i = 0; i < k; i++) {
		GNode pd = gn_named_child(res, i);
		uint32_t m = gn_named_child_count(pd);

		for (uint32_t j = 0; j < m; j++) {
			GNode id = gn_named_child(pd, j);

			if (gn_symbol(id) == GS->identifier &&
			    lh706__same(f, id, a))
				return true;
		}
	}
	return false;
}

/* A deferred func literal that acts only when the function fails: its
 * body starts with `if err == nil { return }`, or is made of `if err !=
 * nil { ... }` statements, err a named result (a rollback of what the
 * iterations set up: on success it is kept). */
static bool lh706__rollback(const struct gofile *f, GNode stmt, GNode call)
{
	GNode lit = go_unparen(go_field(call, f_function));
	GNode decl = syn_enclosing_func(stmt), body;
	uint32_t k, n = 0;

	if (gn_is_null(lit) || gn_symbol(lit) != GS->func_literal ||
	    gn_is_null(decl))
		return false;
	body = go_field(lit, f_body);
	k = gn_named_child_count(body);
	for (uint32_t i = 0; i < k; i++) {
		GNode s = gn_named_child(body, i);
		GNode cond = go_field(s, f_condition);

		if (gn_symbol(s) == GS->comment)
			continue;
		if (gn_symbol(s) != GS->if_statement ||
		    !gn_is_null(go_field(s, f_initializer)))
			return false;
		if (n == 0 && lh706__result_nil_test(f, decl, cond, "==")) {
			GNode r = syn_last_stmt(go_field(s, f_consequence));

			return !gn_is_null(r) &&
			       gn_symbol(r) == GS->return_statement;
		}
		if (!lh706__result_nil_test(f, decl, cond, "!="))
			return false;
		n++;
	}
	return n > 0;
}

/* Does select case k receive from a timer (`<-t.C`, `<-time.After(d)`),
 * a context (`<-ctx.Done()`) or a channel the enclosing function makes
 * itself (`reply := make(chan error, 1)`: answered once)? */
static bool lh706__case_once(const struct gofile *f, GNode k)
{
	GNode r = go_field(k, f_communication), fn = syn_enclosing_func(k);
	size_t len, flen;
	const char *name, *body;
	char pat[80];

	if (gn_symbol(r) == GS->receive_statement)
		r = go_field(r, f_right);
	else if (gn_symbol(r) == GS->expression_statement)
		r = gn_named_child(r, 0);
	r = go_unparen(r);
	if (gn_is_null(r) || gn_symbol(r) != GS->unary_expression)
		return false; /* a send: once per round */
	r = go_unparen(go_field(r, f_operand));
	if (gn_symbol(r) == GS->call_expression)
		return true; /* time.After(d), ctx.Done(), a func's channel */
	if (gn_symbol(r) == GS->selector_expression &&
	    go_text_is(f, go_field(r, f_field), "C"))
		return true; /* a timer's or ticker's channel */
	if (gn_symbol(r) != GS->identifier || gn_is_null(fn))
		return false;
	name = go_text(f, r, &len);
	body = go_text(f, fn, &flen);
	if (len > 60)
		return false;
	snprintf(pat, sizeof(pat), "%.*s := make(chan", (int)len, name);
	if (memmem(body, flen, pat, strlen(pat)))
		return true;
	snprintf(pat, sizeof(pat), "%.*s = make(chan", (int)len, name);
	return memmem(body, flen, pat, strlen(pat)) != NULL;
}

struct lh706_ctx {
	struct lh_pass *p;
	struct gofile *f;
};

/* The first call `x.M()` in n (the body of a deferred literal, depth
 * levels down) whose x is a variable of fn declared before loop and
 * assigned in it, or a null node. */
static GNode lh706__capture_in(struct lh706_ctx *c, struct eng_func *fn,
				GNode n, GNode loop, unsigned depth)
{
	GNode none = { 0 }, x;
	struct eng_var *v;

	if (gn_is_null(n) || depth > SYN_MAX_DEPTH)
		return none;
	if (gn_symbol(n) == GS->call_expression &&
	    !gn_is_null(syn_call_method(n, &x)) &&
	    gn_symbol(x = go_unparen(x)) == GS->identifier &&
	    (v = eng_resolve(fn, x)) &&
	    gn_start_byte(v->decl) < gn_start_byte(loop) &&
	    !lh706__loop_var(c->f, loop, x) &&
	    lh706__assigned(c->f, go_field(loop, f_body), x, none, 0))
		return x;
	for (uint32_t i = 0; i < gn_named_child_count(n); i++) {
		x = lh706__capture_in(c, fn, gn_named_child(n, i), loop,
				      depth + 1);
		if (!gn_is_null(x))
			return x;
	}
	return none;
}

/* In the deferred literal lit (of a defer in loop), the first variable
 * released as `x.M()` that is declared before the loop and assigned in
 * it: the literal reads x when the function returns, when it holds the
 * last round's value only. A null node when there is none. */
static GNode lh706__shared_capture(struct lh706_ctx *c, GNode lit,
				    GNode loop)
{
	GNode top = { 0 }, none = top;
	struct eng_func *fn;

	for (GNode q = gn_parent(loop); !gn_is_null(q);
	     q = gn_parent(q)) {
		if (gn_symbol(q) == GS->function_declaration ||
		    gn_symbol(q) == GS->method_declaration)
			top = q;
	}
	if (gn_is_null(top))
		return none;
	fn = eng_func_get(c->p->pkg, c->f, top);
	if (!fn || fn->too_deep)
		return none;
	return lh706__capture_in(c, fn, go_field(lit, f_body), loop, 0);
}


static bool lh706__enter(void *ctx, GNode n, unsigned depth)
{
	struct lh706_ctx *c = ctx;
	GNode call, loop = { 0 };
	struct lh_finding *fd;
	size_t len;
	const char *txt;

	LH_UNUSED(depth);
	if (gn_symbol(n) != GS->defer_statement)
		return true;
	call = go_unparen(gn_named_child(n, 0));
	if (gn_is_null(call) || gn_symbol(call) != GS->call_expression ||
	    !lh706__releases(c->f, call))
		return false;
	{
		GNode x, q;

		/* hand-over-hand: a different lock each iteration */
		if (lh706__unlock(c->f, call, &x) && !gn_is_null(x) &&
		    lh706__paired(c->f, n, x)) {
			for (q = gn_parent(n); !gn_is_null(q) &&
			     gn_symbol(q) != GS->for_statement &&
			     !syn_is_func(q); q = gn_parent(q))
				;
			if (!gn_is_null(q) &&
			    gn_symbol(q) == GS->for_statement &&
			    lh706__loop_var(c->f, q, lh706__root(x)))
				return false;
		}
	}
	for (GNode q = gn_parent(n); !gn_is_null(q);
	     q = gn_parent(q)) {
		if (syn_is_func(q))
			break;
		/* a select case in the loop on an event that happens once
		 * (a timer firing, a context ending, the reply on a channel
		 * the function made); a case on a stream (a channel passed
		 * in, a field) defers once per event */
		if (gn_symbol(q) == GS->communication_case &&
		    lh706__case_once(c->f, q))
			break;
		if (gn_symbol(q) == GS->for_statement &&
		    !lh706__single_iteration(c->f, q)) {
			loop = q;
			break;
		}
	}
	if (gn_is_null(loop))
		return false;
	if (lh706__leaves_after(c->f, n, loop) ||
	    lh706__rollback(c->f, n, call) ||
	    lh706__guarded_once(c->f, n, loop))
		return false;
	{
		GNode x = { 0 };

		if (!gn_is_null(syn_call_method(call, &x)))
			x = lh706__root(x);
		/* handed on beyond the iteration, or a resource the loop
		 * only visits (`for _, c := range closers`) */
		if (!gn_is_null(x) &&
		    gn_symbol(x) == GS->identifier &&
		    (lh706__kept(c->f, loop, x) ||
		     (gn_symbol(gn_named_child(loop, 0)) ==
			      GS->range_clause &&
		      lh706__loop_var(c->f, loop, x) &&
		      !lh706__assigned(c->f, go_field(loop, f_body), x,
				       (GNode){ 0 }, 0))))
			return false;
	}
	txt = go_text(c->f, call, &len);
	if (gn_symbol(go_unparen(go_field(call, f_function))) ==
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
	if (gn_symbol(go_unparen(go_field(call, f_function))) ==
	    GS->func_literal) {
		GNode lit = go_unparen(go_field(call, f_function));
		GNode x = lh706__shared_capture(c, lit, loop);

		if (!gn_is_null(x))
			pass_step(c->p, fd, c->f, x,
				  "the literal reads %s when the function "
				  "returns: declared before the loop, it then "
				  "holds the last round's value, so the "
				  "earlier ones are never released",
				  go_text_dup(c->f, x));
	}
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

		/* no text pre-filter: a file without defer has no records of
		 * the kind to visit (a memmem of each file cost more) */
		if (syn_file_ignored(c.f))
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
