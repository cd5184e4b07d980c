/*
 * lh101.c - LH101: a goroutine receives on a channel nothing sends to or
 * closes.
 *
 * Flags the `go` statement of a goroutine that blocks in `<-c` (not in a
 * select that has another way out) on a channel c made in the function
 * that starts it, when nothing in scope - the function, its deferred
 * calls, the goroutines it starts - ever sends to or closes c, or when the
 * only sends/closes are in the function itself and it can return before
 * reaching them ("blocks receiving at line 12 once run returns at line
 * 15").
 *
 * Ignored: channels that escape (returned, stored, passed to a call other
 * than a summarized goroutine, captured by an escaping closure) or that are
 * assigned again; ranges (LH103); receives in a select with another case.
 */
#include "static/chanfacts.h"

extern const struct lh_rule lh_rule_lh101;

static uint32_t lh101__line(TSNode n)
{
	return ts_node_start_point(n).row + 1;
}

static const struct chop *lh101__blocking_recv(const struct chan *c, int g)
{
	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if (op->kind == CHOP_RECV && op->gor == g && !op->select_alt)
			return op;
	}
	return NULL;
}

static void lh101__chan(struct lh_pass *p, const struct chfunc *fn,
			const struct chan *c)
{
	bool any = false, outside = false;
	uint32_t first = UINT32_MAX;
	TSNode first_op = { 0 };

	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if (op->kind != CHOP_SEND && op->kind != CHOP_CLOSE)
			continue;
		any = true;
		if (op->gor != -1 || op->deferred)
			outside = true;
		else if (ts_node_start_byte(op->node) < first) {
			first = ts_node_start_byte(op->node);
			first_op = op->node;
		}
	}
	for (size_t g = 0; g < fn->ngors; g++) {
		const struct chgor *gr = &fn->gors[g];
		const struct chop *rv = lh101__blocking_recv(c, (int)g);
		struct lh_finding *fd;
		TSNode ret;

		if (!rv)
			continue;
		if (!any) {
			fd = pass_report(p, &lh_rule_lh101, gr->file, gr->go,
				"goroutine blocks forever receiving from %s: "
				"nothing sends to or closes it", c->name);
			pass_step(p, fd, rv->file, rv->node,
				  "blocks receiving at line %u: nothing sends "
				  "to or closes %s", lh101__line(rv->node),
				  c->name);
			pass_fix(p, fd, "send to %s or close it on every path "
				 "(defer close(%s)), or let the goroutine "
				 "select on a done channel or ctx.Done()",
				 c->name, c->name);
			continue;
		}
		if (outside || gr->parent != -1 ||
		    first <= ts_node_start_byte(gr->go))
			continue;
		ret = chanfacts_early_return(fn, -1, gr->go, first);
		if (ts_node_is_null(ret))
			continue;
		fd = pass_report(p, &lh_rule_lh101, gr->file, gr->go,
			"goroutine blocks forever receiving from %s when %s "
			"returns early", c->name, chanfacts_func_name(fn));
		pass_step(p, fd, rv->file, rv->node,
			  "blocks receiving at line %u once %s returns at "
			  "line %u", lh101__line(rv->node),
			  chanfacts_func_name(fn), lh101__line(ret));
		pass_step(p, fd, fn->file, ret,
			  "returns at line %u before sending to or closing "
			  "%s at line %u", lh101__line(ret), c->name,
			  lh101__line(first_op));
		pass_fix(p, fd, "close %s with defer right after making it, "
			 "or select on ctx.Done() in the goroutine", c->name);
	}
}

static void lh101_run(struct lh_pass *p)
{
	const struct chfacts *cf = chanfacts_get(p->pkg);

	for (size_t i = 0; i < cf->nfuncs; i++) {
		const struct chfunc *fn = cf->funcs[i];

		if (fn->incomplete)
			continue;
		for (size_t j = 0; j < fn->nchans; j++) {
			const struct chan *c = fn->chans[j];

			if (c->escapes || c->assigned || c->cap == CHCAP_NIL)
				continue;
			lh101__chan(p, fn, c);
		}
	}
}

const struct lh_rule lh_rule_lh101 = {
	.id = "LH101",
	.name = "goroutine-recv-no-sender",
	.title = "goroutine receives on a channel nothing sends to or closes",
	.class = LH_CLASS_GOROUTINE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_CHANNELS,
	.run = lh101_run,
};
