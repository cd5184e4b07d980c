/*
 * lh103.c - LH103: a goroutine ranges over a channel that no path closes.
 *
 * Flags the `go` statement of a goroutine running `for v := range c` on a
 * channel c made in the function that starts it, when nothing in scope
 * ever closes c, or when the only close is in the function itself or in
 * another goroutine (not deferred) and that code can return before
 * reaching it ("blocks in range at line 9 once load returns at line 14
 * before close at line 17").
 *
 * The function's own `for v := range c` over such a channel is reported at
 * the range when its body has no way out (break, return, goto, panic).
 *
 * Ignored: channels that escape or are assigned again; a range with a way
 * out of its own (return, break) does not save it - the range still waits
 * for the next value - so it is not treated specially.
 */
#include "static/chanfacts.h"

extern const struct lh_rule lh_rule_lh103;

static uint32_t lh103__line(GNode n)
{
	return gn_start_point(n).row + 1;
}

/* The function itself ranges over c, which nothing closes, and the range
 * body has no way out of its own (no break, return, goto or panic): once
 * the goroutines it started have sent their values, the range waits
 * forever, and so does the function's caller. */
static void lh103__own_range(struct lh_pass *p, const struct chfunc *fn,
			     const struct chan *c)
{
	static const char *const outs[] = { "break", "return", "goto",
					    "panic(", "os.Exit", "Fatal" };

	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *rg = &c->ops[i];
		struct lh_finding *fd;
		size_t len;
		const char *body;
		bool out = false;

		if (rg->kind != CHOP_RANGE || rg->gor != -1 || rg->deferred)
			continue;
		body = go_text(rg->file, go_field(rg->node, f_body), &len);
		for (size_t k = 0; k < ARRAY_SIZE(outs); k++) {
			if (memmem(body, len, outs[k], strlen(outs[k])))
				out = true;
		}
		if (out)
			continue;
		fd = pass_report(p, &lh_rule_lh103, rg->file, rg->node,
			"%s ranges over %s, which nothing closes: the range "
			"never ends", chanfacts_func_name(fn), c->name);
		pass_step(p, fd, rg->file, rg->node,
			  "blocks in range at line %u once the last value is "
			  "received: nothing closes %s", lh103__line(rg->node),
			  c->name);
		pass_fix(p, fd, "close %s after the last send (a goroutine "
			 "that waits for the senders, then closes it), or "
			 "receive a counted number of values", c->name);
	}
}

static void lh103__chan(struct lh_pass *p, const struct chfunc *fn,
			const struct chan *c)
{
	const struct chop *close_op = NULL;
	size_t ncloses = 0;

	for (size_t i = 0; i < c->nops; i++) {
		if (c->ops[i].kind == CHOP_CLOSE) {
			ncloses++;
			if (!close_op)
				close_op = &c->ops[i];
		}
	}
	if (!ncloses)
		lh103__own_range(p, fn, c);
	for (size_t g = 0; g < fn->ngors; g++) {
		const struct chgor *gr = &fn->gors[g];
		const struct chop *rg = NULL;
		struct lh_finding *fd;
		GNode ret, after;

		for (size_t i = 0; i < c->nops && !rg; i++) {
			if (c->ops[i].kind == CHOP_RANGE &&
			    c->ops[i].gor == (int)g)
				rg = &c->ops[i];
		}
		if (!rg)
			continue;
		if (!ncloses) {
			fd = pass_report(p, &lh_rule_lh103, gr->file, gr->go,
				"goroutine ranges over %s, which is never "
				"closed", c->name);
			pass_step(p, fd, rg->file, rg->node,
				  "blocks in range at line %u once the last "
				  "value is received: nothing closes %s",
				  lh103__line(rg->node), c->name);
			pass_fix(p, fd, "close %s when the last value is "
				 "sent (defer close(%s) in the producer)",
				 c->name, c->name);
			continue;
		}
		/* one close, not deferred: can its owner return first? */
		if (ncloses != 1 || close_op->deferred ||
		    close_op->gor == (int)g || close_op->in_loop)
			continue;
		if (close_op->gor == -1) {
			if (gr->parent != -1 || gn_start_byte(
				    close_op->node) <= gn_start_byte(gr->go))
				continue;
			after = gr->go;
		} else {
			memset(&after, 0, sizeof(after));
		}
		ret = chanfacts_early_return(fn, close_op->gor, after,
					     gn_start_byte(close_op->node));
		if (gn_is_null(ret))
			continue;
		fd = pass_report(p, &lh_rule_lh103, gr->file, gr->go,
			"goroutine ranges over %s, which is not closed when "
			"%s returns early", c->name,
			close_op->gor == -1 ? chanfacts_func_name(fn) :
					      "its producer");
		pass_step(p, fd, rg->file, rg->node,
			  "blocks in range at line %u once %s returns at line "
			  "%u", lh103__line(rg->node),
			  close_op->gor == -1 ? chanfacts_func_name(fn) :
						"the producer",
			  lh103__line(ret));
		pass_step(p, fd, close_op->file, ret,
			  "returns at line %u before close(%s) at line %u",
			  lh103__line(ret), c->name,
			  lh103__line(close_op->node));
		pass_fix(p, fd, "close %s on every path: defer close(%s) "
			 "where the sending side starts", c->name, c->name);
	}
}

/* Goroutines ranging over a channel field that nothing in the package
 * closes (unexported, never escaping), started from a function that can
 * run more than once. */
static void lh103__fields(struct lh_pass *p, const struct chfunc *fn)
{
	int once = -1;

	for (size_t i = 0; i < fn->nfops; i++) {
		const struct chfop *op = &fn->fops[i];
		const struct chfield *f = op->field;
		const struct chgor *gr;
		struct lh_finding *fd;

		if (op->kind != CHOP_RANGE || op->gor < 0 || f->exported ||
		    f->escapes || f->nclose || !f->assigned)
			continue;
		if (once < 0)
			once = chanfacts_runs_once(p->pkg, fn);
		if (once)
			return;
		gr = &fn->gors[op->gor];
		fd = pass_report(p, &lh_rule_lh103, gr->file, gr->go,
			"goroutine ranges over %s, which nothing in the package "
			"closes", f->name);
		pass_step(p, fd, op->file, op->node,
			  "blocks in range at line %u once the last value is "
			  "received: no close of %s anywhere",
			  lh103__line(op->node), f->name);
		pass_fix(p, fd, "close %s when its owner stops (a Close or "
			 "Stop method), after the last send", f->name);
	}
}

static void lh103_run(struct lh_pass *p)
{
	chanfacts_each_local(p, lh103__fields, lh103__chan);
}

const struct lh_rule lh_rule_lh103 = {
	.id = "LH103",
	.name = "goroutine-range-never-closed",
	.title = "goroutine ranges over a channel that no path closes",
	.class = LH_CLASS_GOROUTINE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_CHANNELS,
	.run = lh103_run,
};
