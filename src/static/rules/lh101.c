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

static uint32_t lh101__line(GNode n)
{
	return gn_start_point(n).row + 1;
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

static void lh101__own_recv(struct lh_pass *p, const struct chfunc *fn,
			    const struct chan *c, bool any);

static void lh101__chan(struct lh_pass *p, const struct chfunc *fn,
			const struct chan *c)
{
	bool any = false, outside = false;
	uint32_t first = UINT32_MAX;
	GNode first_op = { 0 };

	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if (op->kind != CHOP_SEND && op->kind != CHOP_CLOSE)
			continue;
		any = true;
		if (op->gor != -1 || op->deferred)
			outside = true;
		else if (gn_start_byte(op->node) < first) {
			first = gn_start_byte(op->node);
			first_op = op->node;
		}
	}
	lh101__own_recv(p, fn, c, any);
	for (size_t g = 0; g < fn->ngors; g++) {
		const struct chgor *gr = &fn->gors[g];
		const struct chop *rv = lh101__blocking_recv(c, (int)g);
		struct lh_finding *fd;
		GNode ret;

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
		    first <= gn_start_byte(gr->go))
			continue;
		ret = chanfacts_early_return(fn, -1, gr->go, first);
		if (gn_is_null(ret))
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

/* The goroutine gor is the only one that sends to or closes c, none of
 * it deferred, and it can return before its first send or close: that
 * return. Null node otherwise. */
static GNode lh101__signal_skipped(const struct chfunc *fn,
				    const struct chan *c, int gor)
{
	uint32_t first = UINT32_MAX;
	GNode none = { 0 };

	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *op = &c->ops[i];

		if (op->kind != CHOP_SEND && op->kind != CHOP_CLOSE)
			continue;
		if (op->gor != gor || op->deferred)
			return none;
		first = LH_MIN(first, gn_start_byte(op->node));
	}
	if (first == UINT32_MAX)
		return none;
	return chanfacts_early_return(fn, gor, none, first);
}

/* The function itself waits in `<-c` (not in a select with another way
 * out, not in a loop) after starting its goroutines, and either nothing
 * sends to or closes c, or the one goroutine that does can return before
 * it: the function's own goroutine blocks forever. */
static void lh101__own_recv(struct lh_pass *p, const struct chfunc *fn,
			    const struct chan *c, bool any)
{
	for (size_t i = 0; i < c->nops; i++) {
		const struct chop *rv = &c->ops[i];
		struct lh_finding *fd;
		int sig = -1;
		GNode ret = { 0 };

		if (rv->kind != CHOP_RECV || rv->gor != -1 || rv->select_alt ||
		    rv->deferred || (any && rv->in_loop))
			continue;
		if (any) {
			for (size_t k = 0; k < c->nops && sig < 0; k++) {
				if (c->ops[k].kind == CHOP_SEND ||
				    c->ops[k].kind == CHOP_CLOSE)
					sig = c->ops[k].gor;
			}
			if (sig < 0 || fn->gors[sig].parent != -1 ||
			    fn->gors[sig].trips != 1 ||
			    !chanfacts_before(fn->gors[sig].go, rv->node))
				return;
			ret = lh101__signal_skipped(fn, c, sig);
			if (gn_is_null(ret))
				return;
		}
		if (!any) {
			fd = pass_report(p, &lh_rule_lh101, rv->file, rv->node,
				"receive from %s blocks forever: nothing sends "
				"to or closes it", c->name);
			pass_step(p, fd, rv->file, rv->node,
				  "blocks receiving at line %u: nothing sends "
				  "to or closes %s", lh101__line(rv->node),
				  c->name);
			pass_fix(p, fd, "send to or close %s where the work it "
				 "waits for ends", c->name);
			return;
		}
		fd = pass_report(p, &lh_rule_lh101, rv->file, rv->node,
			"receive from %s blocks forever when the goroutine "
			"returns at line %u", c->name, lh101__line(ret));
		pass_step(p, fd, fn->file, ret,
			  "the goroutine started at line %u returns at line %u "
			  "before sending to or closing %s",
			  lh101__line(fn->gors[sig].go), lh101__line(ret),
			  c->name);
		pass_step(p, fd, rv->file, rv->node,
			  "blocks receiving at line %u", lh101__line(rv->node));
		pass_fix(p, fd, "close %s with defer at the top of the "
			 "goroutine, or send on every path", c->name);
		return;
	}
}

/* Goroutines blocked in `<-s.quit` on a channel field that nothing in the
 * package sends to or closes (unexported, never escaping, made somewhere:
 * a never-made field is LH108's). Started from a function that can run
 * more than once. */
static void lh101__fields(struct lh_pass *p, const struct chfunc *fn)
{
	int once = -1;

	for (size_t i = 0; i < fn->nfops; i++) {
		const struct chfop *op = &fn->fops[i];
		const struct chgor *gr;
		struct lh_finding *fd;
		bool seen = false;

		if (op->kind != CHOP_RECV || op->gor < 0 || op->select_alt ||
		    !chanfacts_field_dead(op->field) || !op->field->assigned)
			continue;
		for (size_t j = 0; j < i; j++) {
			const struct chfop *o = &fn->fops[j];

			if (o->gor == op->gor && o->field == op->field &&
			    o->kind == CHOP_RECV && !o->select_alt)
				seen = true;
		}
		if (seen)
			continue;
		if (once < 0)
			once = chanfacts_runs_once(p->pkg, fn);
		if (once)
			return;
		gr = &fn->gors[op->gor];
		fd = pass_report(p, &lh_rule_lh101, gr->file, gr->go,
			"goroutine blocks forever receiving from %s: nothing in "
			"the package sends to or closes it", op->field->name);
		pass_step(p, fd, op->file, op->node,
			  "blocks receiving at line %u: no send on and no "
			  "close of %s anywhere", lh101__line(op->node),
			  op->field->name);
		pass_fix(p, fd, "close %s where its owner stops (a Close or "
			 "Stop method), or select on ctx.Done() as well",
			 op->field->name);
	}
}

static void lh101_run(struct lh_pass *p)
{
	chanfacts_each_local(p, lh101__fields, lh101__chan);
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
