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

static bool lh202__enter(void *ctx, GNode n, unsigned depth)
{
	struct lh202_ctx *c = ctx;
	GNode fn;
	struct lh_finding *fd;

	LH_UNUSED(depth);
	if (gn_symbol(n) != GS->call_expression ||
	    !syn_call_pkg(c->f, n, "time", "Tick"))
		return true;
	if (!syn_tick_chan_leaks(c->f, n, &fn))
		return true;
	fd = pass_report(c->p, &lh_rule_lh202, c->f, n,
			 "time.Tick leaks its ticker when %s returns (%s: the "
			 "ticker is never stopped or collected)",
			 gn_symbol(fn) == GS->func_literal
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

		/* a time.Tick call spells Tick in the file */
		if (c.f->is_test || syn_file_ignored(c.f) ||
		    !syn_imports(c.f, "time") ||
		    !memmem(c.f->src, c.f->len, "Tick", 4))
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
