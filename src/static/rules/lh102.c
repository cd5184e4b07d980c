/*
 * lh102.c - LH102: forgotten sender.
 *
 * A goroutine sends on a channel c made by the function that starts it,
 * more times than c's buffer holds, and the function can stop receiving
 * before it has taken them all:
 *   - it receives in a select that has another way out (ctx.Done(), a
 *     timeout, default) and takes that way;
 *   - it returns (an error check) between the go statement and the first
 *     receive;
 *   - it returns from inside its receive loop (first error wins);
 *   - it receives fewer values than N goroutines send (first result wins);
 *   - it never receives at all.
 * The finding is at the sender's `go` statement; its path names the send
 * and what the function did instead ("blocks sending at line 57 once fetch
 * returns at line 63"). When one goroutine sends once on an unbuffered
 * channel, an edit makes it `make(chan T, 1)`.
 *
 * Ignored: channels that escape or are assigned again, capacities that
 * are not constants, sends inside a select with another case (the sender
 * can leave), channels some other goroutine also receives from (a
 * pipeline), and functions that receive in a defer.
 */
#include "static/chanfacts.h"

extern const struct lh_rule lh_rule_lh102;

static uint32_t lh102__line(GNode n)
{
	return gn_start_point(n).row + 1;
}

static bool lh102__within(GNode inner, GNode outer)
{
	return gn_start_byte(inner) >= gn_start_byte(outer) &&
	       gn_end_byte(inner) <= gn_end_byte(outer);
}

/* What made the function stop receiving. */
struct lh102_why {
	GNode at;
	const char *what; /* "returns", "takes the <-ctx.Done() case", ... */
	char buf[96];
};

/* A receive of c by the function inside node n. */
static bool lh102__recv_in(const struct chan *c, GNode n)
{
	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if (op->gor == -1 && (op->kind == CHOP_RECV ||
				      op->kind == CHOP_RANGE) &&
		    lh102__within(op->node, n))
			return true;
	}
	return false;
}

/* A receive of c by the function after byte offset b. */
static bool lh102__recv_after(const struct chan *c, uint32_t b)
{
	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if (op->gor == -1 && (op->kind == CHOP_RECV ||
				      op->kind == CHOP_RANGE) &&
		    gn_start_byte(op->node) >= b)
			return true;
	}
	return false;
}

/* A return of the function inside n. */
static GNode lh102__ret_in(const struct chfunc *fn, GNode n)
{
	GNode none;

	for (size_t r = 0; r < fn->nrets; r++) {
		if (fn->rets[r].gor == -1 && lh102__within(fn->rets[r].node, n))
			return fn->rets[r].node;
	}
	memset(&none, 0, sizeof(none));
	return none;
}

/* A select case other than the one holding op after which the function
 * never receives from c again: the case does not receive from c, and it
 * returns, or (outside a loop) nothing after the select receives. */
/* A case that receives from another channel the same goroutine sends on
 * (a sibling result channel: `case err := <-errc` next to `case v :=
 * <-c`): taking it is not giving up, it is the other outcome. */
static bool lh102__sibling_case(const struct chfunc *fn, GNode cs, int gor)
{
	for (size_t k = 0; k < fn->nchans; k++) {
		const struct chan *o = fn->chans[k];
		bool recv_here = false, sent_by = false;

		for (size_t i = 0; i < o->nops; i++) {
			const struct chop *op = &o->ops[i];

			if (op->kind == CHOP_RECV && op->gor == -1 &&
			    lh102__within(op->node, cs))
				recv_here = true;
			if (op->kind == CHOP_SEND && op->gor == gor)
				sent_by = true;
		}
		if (recv_here && sent_by)
			return true;
	}
	return false;
}

static bool lh102__select_exit(const struct chfunc *fn, const struct chan *c,
			       const struct chop *op, int gor,
			       struct lh102_why *why)
{
	uint32_t n = gn_named_child_count(op->select);

	for (uint32_t pass = 0; pass < 2; pass++)
	for (uint32_t i = 0; i < n; i++) {
		GNode cs = gn_named_child(op->select, i);
		GNode comm;
		size_t len;
		const char *t;

		if ((gn_symbol(cs) != GS->communication_case &&
		     gn_symbol(cs) != GS->default_case) ||
		    lh102__within(op->node, cs) || lh102__recv_in(c, cs))
			continue;
		if (pass == 0 && lh102__sibling_case(fn, cs, gor))
			continue;
		/* the loop comes back to this select - unless c is made
		 * in that loop: the next round waits on a new channel */
		if (gn_is_null(lh102__ret_in(fn, cs)) &&
		    ((op->in_loop && !lh102__within(c->ident, op->loop)) ||
		     lh102__recv_after(c, gn_end_byte(op->select))))
			continue;
		why->at = cs;
		if (gn_symbol(cs) == GS->default_case) {
			why->what = "takes the default case";
			return true;
		}
		comm = go_field(cs, f_communication);
		t = go_text(op->file, comm, &len);
		if (len > 48 || memchr(t, '\n', len))
			snprintf(why->buf, sizeof(why->buf),
				 "takes another select case");
		else
			snprintf(why->buf, sizeof(why->buf),
				 "takes the %.*s case", (int)len, t);
		why->what = why->buf;
		return true;
	}
	return false;
}

/* Names the receive at op binds (v in `v := <-c`, `v, ok = <-c`,
 * `for v := range c`); up to 2. */
static size_t lh102__recv_names(const struct chop *op, GNode *out)
{
	GNode p = op->node, left;
	size_t n = 0;

	if (op->kind == CHOP_RANGE) {
		left = go_field(gn_named_child(op->node, 0), f_left);
	} else {
		p = gn_parent(p);
		while (!gn_is_null(p) &&
		       gn_symbol(p) == GS->expression_list)
			p = gn_parent(p);
		if (gn_is_null(p))
			return 0;
		left = go_field(p, f_left);
	}
	if (gn_is_null(left))
		return 0;
	for (uint32_t i = 0; i < gn_named_child_count(left) && n < 2; i++)
		out[n++] = gn_named_child(left, i);
	return n;
}

static bool lh102__word(char ch)
{
	return ch == '_' || ch == '.' || (ch >= '0' && ch <= '9') ||
	       ((ch | 32) >= 'a' && (ch | 32) <= 'z');
}

/* True when identifier id occurs as a whole word in n's text. */
static bool lh102__mentions(const struct gofile *f, GNode n, GNode id)
{
	size_t il, nl;
	const char *is = go_text(f, id, &il);
	const char *ns = go_text(f, n, &nl);

	if (!il || (il == 1 && is[0] == '_'))
		return false;
	for (size_t i = 0; i + il <= nl; i++) {
		if (memcmp(ns + i, is, il) == 0 &&
		    (i == 0 || !lh102__word(ns[i - 1])) &&
		    (i + il == nl || ns[i + il] == '.' ||
		     !lh102__word(ns[i + il])))
			return true;
	}
	return false;
}

/* A return in the receive loop decided by the value received: an `if`
 * between the loop and the return tests what the receive bound, or the
 * receive itself; or a select case between them that takes another
 * channel (ctx.Done()) and leaves. */
static bool lh102__value_return(const struct chan *c, const struct chop *op,
				GNode ret, GNode loop)
{
	GNode names[2];
	size_t nn = lh102__recv_names(op, names);

	for (GNode x = gn_parent(ret); !gn_is_null(x) &&
	     !gn_eq(x, loop); x = gn_parent(x)) {
		GNode cond;

		/* a select case in the loop that waits on something else
		 * (ctx.Done(), a timer) and returns: giving up mid-stream
		 * (cockroach#18101) */
		if (gn_symbol(x) == GS->communication_case &&
		    !lh102__recv_in(c, go_field(x, f_communication)))
			return true;

		if (gn_symbol(x) != GS->if_statement)
			continue;
		cond = go_field(x, f_condition);
		if (!gn_is_null(cond) && lh102__within(op->node, cond))
			return true;
		for (size_t i = 0; i < nn; i++) {
			if (lh102__mentions(op->file, cond, names[i]))
				return true;
		}
	}
	return false;
}

static bool lh102__why(const struct chfunc *fn, const struct chan *c,
		       const struct chgor *gr, int sends, struct lh102_why *why)
{
	uint32_t first = UINT32_MAX;
	size_t nrecv = 0, total = 0;
	bool looped = false;
	GNode ret;

	memset(why, 0, sizeof(*why));
	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if (op->gor != -1 || (op->kind != CHOP_RECV &&
				      op->kind != CHOP_RANGE))
			continue;
		total++;
		if (gn_start_byte(op->node) < gn_start_byte(gr->go) &&
		    !op->in_loop)
			continue;
		if (op->kind == CHOP_RECV && !gn_is_null(op->select) &&
		    op->select_alt &&
		    lh102__select_exit(fn, c, op, (int)(gr - fn->gors), why))
			return true;
		if (gn_start_byte(op->node) > gn_start_byte(gr->go)) {
			first = LH_MIN(first, gn_start_byte(op->node));
			nrecv++;
		}
		if (op->in_loop || op->kind == CHOP_RANGE) {
			/* a receive loop: does it return before the end? */
			GNode loop = op->kind == CHOP_RANGE ? op->node :
							       op->loop;

			looped = true;
			if (sends != CH_MANY && sends <= c->cap + 1)
				continue;
			for (size_t r = 0; r < fn->nrets; r++) {
				GNode rn = fn->rets[r].node;

				if (fn->rets[r].gor == -1 &&
				    lh102__within(rn, loop) &&
				    gn_start_byte(rn) >
					    gn_start_byte(op->node) &&
				    lh102__value_return(c, op, rn, loop)) {
					why->at = rn;
					why->what = "returns from its receive "
						    "loop";
					return true;
				}
			}
		}
	}
	if (!total) {
		why->what = "never receives";
		return true;
	}
	if (!nrecv)
		return false;
	ret = chanfacts_early_return(fn, -1, gr->go, first);
	if (!gn_is_null(ret)) {
		why->at = ret;
		why->what = "returns";
		return true;
	}
	if (!looped && (sends == CH_MANY || (size_t)sends > c->cap + nrecv)) {
		for (size_t i = 0; i < c->nops; i++) {
			const struct chop *op = &c->ops[i];

			if (op->gor == -1 && op->kind == CHOP_RECV &&
			    gn_start_byte(op->node) == first) {
				why->at = op->node;
				break;
			}
		}
		why->what = nrecv == 1 ? "takes the first value" :
					 "takes the values it waits for";
		return true;
	}
	return false;
}

static void lh102__chan(struct lh_pass *p, const struct chfunc *fn,
			const struct chan *c)
{
	const struct chgor *gr = NULL;
	const struct chop *send = NULL;
	struct lh102_why why;
	struct lh_finding *fd;
	const char *name = chanfacts_func_name(fn);
	int sends;

	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if ((op->kind == CHOP_RECV || op->kind == CHOP_RANGE) &&
		    (op->gor != -1 || op->deferred))
			return; /* someone else drains it */
		if (op->kind == CHOP_SEND && op->gor == -1)
			return;
		if (op->kind == CHOP_SEND && !send && !op->select_alt &&
		    !op->deferred && fn->gors[op->gor].parent == -1)
			send = op;
	}
	if (!send)
		return;
	gr = &fn->gors[send->gor];
	sends = chanfacts_goroutine_sends(fn, c);
	if (sends != CH_MANY && sends <= c->cap)
		return;
	if (!lh102__why(fn, c, gr, sends, &why))
		return;
	if (gn_is_null(why.at))
		fd = pass_report(p, &lh_rule_lh102, gr->file, gr->go,
			"goroutine can block forever sending on %s: nothing "
			"receives from it", c->name);
	else
		fd = pass_report(p, &lh_rule_lh102, gr->file, gr->go,
			"goroutine can block forever sending on %s after %s "
			"%s", c->name, name, why.what);
	if (gn_is_null(why.at))
		pass_step(p, fd, send->file, send->node,
			  "blocks sending at line %u: %s never receives "
			  "from %s", lh102__line(send->node), name, c->name);
	else
		pass_step(p, fd, send->file, send->node,
			  "blocks sending at line %u once %s %s at line %u",
			  lh102__line(send->node), name, why.what,
			  lh102__line(why.at));
	if (!gn_is_null(why.at))
		pass_step(p, fd, fn->file, why.at,
			  "%s at line %u without receiving from %s", why.what,
			  lh102__line(why.at), c->name);
	if (sends != CH_MANY && c->cap == 0 && sends == 1) {
		GNode args = go_field(c->make, f_arguments);
		GNode type = gn_named_child(args, 0);

		pass_fix(p, fd, "make %s buffered (make(chan T, 1)) so the "
			 "one send never waits, or let the sender select on "
			 "ctx.Done()", c->name);
		pass_edit(p, fd, c->file, gn_end_byte(type),
			  gn_end_byte(type), ", 1");
	} else if (sends != CH_MANY) {
		pass_fix(p, fd, "give %s a buffer of %d, one per send, or let "
			 "the senders select on ctx.Done()", c->name, sends);
	} else {
		pass_fix(p, fd, "give %s a buffer as large as the number of "
			 "sends, or let the senders select on ctx.Done()",
			 c->name);
	}
}

/* The function itself sends on its unbuffered channel before anything
 * could receive: no goroutine that uses the channel has been started yet,
 * and the channel has not escaped. The send can never complete. */
static void lh102__self_send(struct lh_pass *p, const struct chfunc *fn,
			     const struct chan *c)
{
	const struct chop *s = NULL;
	struct lh_finding *fd;
	uint32_t at;

	if (c->cap != 0)
		return;
	for (size_t i = 0; i < c->nops && !s; i++) {
		const struct chop *op = &c->ops[i];

		if (op->kind == CHOP_SEND && op->gor == -1 &&
		    !op->select_alt && !op->deferred)
			s = op;
	}
	if (!s)
		return;
	at = gn_start_byte(s->node);
	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if (op->gor >= 0 && (s->in_loop || gn_start_byte(
			    fn->gors[op->gor].go) < at))
			return;
		if (op->gor == -1 && op->kind != CHOP_SEND &&
		    gn_start_byte(op->node) < at)
			return;
	}
	if (c->escapes && (s->in_loop || gn_start_byte(c->escape) < at))
		return;
	fd = pass_report(p, &lh_rule_lh102, s->file, s->node,
		"send on %s blocks forever: nothing can receive from it yet",
		c->name);
	pass_step(p, fd, s->file, s->node,
		  "blocks sending at line %u: %s is unbuffered and no "
		  "goroutine has it", lh102__line(s->node), c->name);
	pass_fix(p, fd, "make %s buffered (make(chan T, 1)), or start the "
		 "receiver before sending", c->name);
	if (c->nops && !gn_is_null(c->make)) {
		GNode args = go_field(c->make, f_arguments);
		GNode type = gn_named_child(args, 0);
		size_t nsend = 0;

		for (size_t i = 0; i < c->nops; i++)
			nsend += c->ops[i].kind == CHOP_SEND;
		if (nsend == 1 && !s->in_loop)
			pass_edit(p, fd, c->file, gn_end_byte(type),
				  gn_end_byte(type), ", 1");
	}
}

/* An `if` condition that tests an error: `err != nil`, `werr != nil`. */
static bool lh102__error_test(const struct gofile *f, GNode cond)
{
	GNode l, r, op;
	size_t len;
	const char *t;

	cond = go_unparen(cond);
	if (gn_is_null(cond) ||
	    gn_symbol(cond) != GS->binary_expression)
		return false;
	l = go_unparen(go_field(cond, f_left));
	r = go_unparen(go_field(cond, f_right));
	op = go_field(cond, f_operator);
	if (!go_text_is(f, op, "!=") || !go_text_is(f, r, "nil") ||
	    gn_symbol(l) != GS->identifier)
		return false;
	t = go_text(f, l, &len);
	return len >= 3 && (t[len - 3] | 32) == 'e' &&
	       (t[len - 2] | 32) == 'r' && (t[len - 1] | 32) == 'r';
}

/* A return of goroutine gor inside `loop` under an `if err != nil`: the
 * consumer quits on an error. */
static GNode lh102__quits_on_error(const struct chfunc *fn, int gor,
				    GNode loop)
{
	GNode none = { 0 };

	for (size_t r = 0; r < fn->nrets; r++) {
		GNode rn = fn->rets[r].node;

		if (fn->rets[r].gor != gor || !lh102__within(rn, loop))
			continue;
		for (GNode x = gn_parent(rn); !gn_is_null(x) &&
		     !gn_eq(x, loop); x = gn_parent(x)) {
			if (gn_symbol(x) == GS->if_statement &&
			    lh102__error_test(fn->gors[gor].bfile,
					      go_field(x, f_condition)))
				return rn;
		}
	}
	return none;
}

/* The function feeds c to one consumer goroutine that receives in a loop
 * and returns from it on an error: the function's next send blocks
 * forever (moby#21233: the progress consumer quits, the producers hang).
 * Reported at the function's send. */
static void lh102__consumer_quits(struct lh_pass *p, const struct chfunc *fn,
				  const struct chan *c)
{
	const struct chop *loop_op = NULL, *send = NULL;
	size_t nsend = 0;
	GNode loop, ret;
	struct lh_finding *fd;
	const struct chgor *gr;

	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if (op->kind == CHOP_CLOSE)
			continue;
		if (op->kind == CHOP_SEND) {
			if (op->gor != -1)
				return; /* other senders: not this shape */
			if (op->select_alt || op->deferred)
				continue;
			nsend += op->in_loop ? 1000 : 1;
			if (!send)
				send = op;
			continue;
		}
		/* receives: all in one goroutine's loop */
		if (op->gor < 0 || op->deferred || op->select_alt ||
		    (loop_op && loop_op->gor != op->gor))
			return;
		if (op->kind != CHOP_RANGE && !op->in_loop)
			return;
		loop_op = op;
	}
	if (!loop_op || !send || nsend <= (size_t)c->cap + 1)
		return;
	gr = &fn->gors[loop_op->gor];
	if (gr->parent != -1 || gr->trips != 1 ||
	    !chanfacts_before(gr->go, send->node))
		return;
	loop = loop_op->kind == CHOP_RANGE ? loop_op->node : loop_op->loop;
	ret = lh102__quits_on_error(fn, loop_op->gor, loop);
	if (gn_is_null(ret))
		return;
	fd = pass_report(p, &lh_rule_lh102, send->file, send->node,
		"send on %s blocks forever once its consumer goroutine "
		"returns on an error at line %u", c->name, lh102__line(ret));
	pass_step(p, fd, gr->bfile, ret, "the consumer started at line %u "
		  "returns at line %u and stops receiving from %s",
		  lh102__line(gr->go), lh102__line(ret), c->name);
	pass_step(p, fd, send->file, send->node, "the next send at line %u "
		  "waits for a receiver that is gone",
		  lh102__line(send->node));
	pass_fix(p, fd, "let the consumer drain %s after an error (keep "
		 "ranging, skip the work), or have the sender select on a "
		 "done channel the consumer closes", c->name);
}

/* Every use of c's name in the function is c's declaration, one of its
 * recorded operations, or a result of a return statement of the
 * function itself: returning it is the only way it leaves. */
static bool lh102__only_returned(const struct chfunc *fn, const struct chan *c)
{
	GNode body = go_field(fn->node, f_body);
	size_t nl = strlen(c->name), len;
	const char *t;
	uint32_t base;

	if (gn_is_null(body) || c->file != fn->file || !nl)
		return false;
	t = go_text(fn->file, body, &len);
	base = gn_start_byte(body);
	for (size_t at = 0; at + nl <= len;) {
		const char *hit = memmem(t + at, len - at, c->name, nl);
		size_t off;
		GNode id, x;
		bool ok = false;

		if (!hit)
			break;
		off = (size_t)(hit - t);
		at = off + nl;
		if ((off > 0 && (lh102__word(t[off - 1]))) ||
		    (off + nl < len && lh102__word(t[off + nl])))
			continue;
		id = gn_named_descendant_for_byte_range(
			body, base + (uint32_t)off, base + (uint32_t)off);
		if (gn_symbol(id) == GS->comment ||
		    gn_symbol(id) != GS->identifier)
			continue;
		if (gn_eq(id, c->ident))
			continue;
		for (size_t i = 0; i < c->nops && !ok; i++)
			ok = lh102__within(id, c->ops[i].node);
		for (x = gn_parent(id); !ok && !gn_is_null(x);
		     x = gn_parent(x)) {
			TSSymbol sym = gn_symbol(x);

			if (sym == GS->func_literal)
				break;
			if (sym == GS->return_statement) {
				GNode list = gn_named_child(x, 0);

				/* the bare name as a result, not inside
				 * another expression */
				ok = gn_eq(gn_parent(id), list) ||
				     gn_eq(id, list);
				break;
			}
		}
		if (!ok)
			return false;
	}
	return true;
}

/* A call of the function named bare (the only function or method of the
 * package with that name) whose result is dropped: a statement of its
 * own, `go`/`defer`, or assigned to _. The first one, or a null node. */
static GNode lh102__dropped_call(struct gopkg *pkg, const char *bare,
				  struct gofile **in)
{
	GNode none = { 0 };
	char pat[128];
	size_t pl, same = 0;

	for (size_t i = 0; i < pkg->funcs.len; i++) {
		const char *n = pkg->funcs.items[i]->name, *dot = strrchr(n, '.');

		if (strcmp(dot ? dot + 1 : n, bare) == 0)
			same++;
	}
	if (same != 1 || strlen(bare) + 2 >= sizeof(pat))
		return none;
	pl = (size_t)snprintf(pat, sizeof(pat), "%s(", bare);
	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct gofile *f = pkg->files[i];
		GNode root = go_root(f);

		for (size_t at = 0; at < f->len;) {
			const char *hit = memmem(f->src + at, f->len - at, pat,
						 pl);
			size_t off;
			GNode id, fun, call, st;

			if (!hit)
				break;
			off = (size_t)(hit - f->src);
			at = off + pl;
			if (off > 0 && lh102__word(f->src[off - 1]) &&
			    f->src[off - 1] != '.')
				continue;
			id = gn_named_descendant_for_byte_range(
				root, (uint32_t)off, (uint32_t)off);
			fun = gn_parent(id);
			if (gn_symbol(fun) == GS->selector_expression) {
				if (!gn_eq(go_field(fun, f_field), id))
					continue;
				call = gn_parent(fun);
			} else {
				call = fun;
				fun = id;
			}
			if (gn_symbol(call) != GS->call_expression ||
			    !gn_eq(go_field(call, f_function), fun))
				continue;
			st = gn_parent(call);
			if (gn_symbol(st) == GS->expression_statement ||
			    gn_symbol(st) == GS->go_statement ||
			    gn_symbol(st) == GS->defer_statement) {
				*in = f;
				return call;
			}
			if (gn_symbol(st) == GS->expression_list &&
			    gn_symbol(gn_parent(st)) ==
				    GS->assignment_statement &&
			    gn_named_child_count(st) == 1) {
				GNode left = go_field(gn_parent(st),
						       f_left);

				if (gn_named_child_count(left) == 1 &&
				    go_text_is(f, gn_named_child(left, 0),
					       "_")) {
					*in = f;
					return call;
				}
			}
		}
	}
	return none;
}

/* The function returns a channel its goroutine sends on, more times than
 * it holds, and a call in the package drops the result: nobody can ever
 * receive, the goroutine blocks forever (moby#4395). */
static void lh102__returned_dropped(struct lh_pass *p, const struct chfunc *fn,
				    const struct chan *c)
{
	const char *name = chanfacts_func_name(fn), *dot = strrchr(name, '.');
	const struct chop *send = NULL;
	struct gofile *cf = NULL;
	GNode call, esc;
	struct lh_finding *fd;
	const struct chgor *gr;
	int sends;

	if (!c->escapes || c->cap < 0)
		return;
	for (esc = c->escape; !gn_is_null(esc) &&
	     gn_symbol(esc) != GS->return_statement;
	     esc = gn_parent(esc)) {
		if (gn_symbol(esc) == GS->func_literal)
			return;
	}
	if (gn_is_null(esc))
		return;
	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if (op->kind == CHOP_RECV || op->kind == CHOP_RANGE ||
		    (op->kind == CHOP_SEND && op->gor == -1))
			return;
		if (op->kind == CHOP_SEND && !send && !op->select_alt &&
		    !op->deferred && fn->gors[op->gor].parent == -1)
			send = op;
	}
	if (!send)
		return;
	sends = chanfacts_goroutine_sends(fn, c);
	if (sends != CH_MANY && sends <= c->cap)
		return;
	if (!lh102__only_returned(fn, c))
		return;
	call = lh102__dropped_call(p->pkg, dot ? dot + 1 : name, &cf);
	if (gn_is_null(call))
		return;
	gr = &fn->gors[send->gor];
	fd = pass_report(p, &lh_rule_lh102, gr->file, gr->go,
		"goroutine can block forever sending on %s: %s returns it and "
		"the call at line %u drops it", c->name, name,
		lh102__line(call));
	pass_step(p, fd, send->file, send->node, "blocks sending at line %u: "
		  "nothing holds %s to receive from it",
		  lh102__line(send->node), c->name);
	pass_step(p, fd, cf, call, "the result of %s is dropped at line %u",
		  name, lh102__line(call));
	pass_fix(p, fd, "make %s buffered (make(chan T, %d)) so the "
		 "goroutine can always finish, or receive from the result",
		 c->name, sends == CH_MANY ? 1 : sends);
}

static void lh102_run(struct lh_pass *p)
{
	const struct chfacts *cf = chanfacts_get(p->pkg);

	for (size_t i = 0; i < cf->nfuncs; i++) {
		const struct chfunc *fn = cf->funcs[i];

		if (fn->incomplete)
			continue;
		for (size_t j = 0; j < fn->nchans; j++) {
			const struct chan *c = fn->chans[j];

			if (c->assigned || c->cap < 0)
				continue;
			lh102__self_send(p, fn, c);
			lh102__returned_dropped(p, fn, c);
			if (!c->escapes) {
				lh102__chan(p, fn, c);
				lh102__consumer_quits(p, fn, c);
			}
		}
	}
}

const struct lh_rule lh_rule_lh102 = {
	.id = "LH102",
	.name = "goroutine-forgotten-sender",
	.title = "goroutine sends on a channel nobody receives from any more",
	.class = LH_CLASS_GOROUTINE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_CHANNELS,
	.run = lh102_run,
};
