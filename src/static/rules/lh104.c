/*
 * lh104.c - LH104: a goroutine whose loop has no way out.
 *
 * Flags the `go` statement of a goroutine (a func literal, or a function
 * or method of the package) whose body reaches a `for { ... }` loop that
 * nothing leaves: no return, no break or goto out of it, no labeled
 * continue to an outer loop, no panic, os.Exit, log.Fatal or
 * runtime.Goexit - typically `for { select { ... } }` without a
 * ctx.Done() or quit case that returns. A `break` inside a select or
 * switch only leaves that statement; the path says so.
 *
 * Only when the starting function can run more than once: goroutines
 * started from main or init, from functions only ever called from them,
 * or inside a sync.Once's Do are meant to live as long as the process.
 */
#include "static/chanfacts.h"

extern const struct lh_rule lh_rule_lh104;

static uint32_t lh104__line(TSNode n)
{
	return ts_node_start_point(n).row + 1;
}

/* A goroutine started inside a closure passed to once.Do(...). */
static bool lh104__in_once(const struct gofile *f, TSNode go)
{
	for (TSNode n = ts_node_parent(go); !ts_node_is_null(n);
	     n = ts_node_parent(n)) {
		TSSymbol s = ts_node_symbol(n);

		if (s == GS->function_declaration ||
		    s == GS->method_declaration)
			return false;
		if (s == GS->func_literal) {
			TSNode args = ts_node_parent(n);
			TSNode call = ts_node_parent(args);
			TSNode fn;

			if (ts_node_is_null(args) ||
			    ts_node_symbol(args) != GS->argument_list)
				continue;
			fn = go_field(call, f_function);
			if (!ts_node_is_null(fn) &&
			    ts_node_symbol(fn) == GS->selector_expression &&
			    go_text_is(f, go_field(fn, f_field), "Do"))
				return true;
		}
	}
	return false;
}

static void lh104_run(struct lh_pass *p)
{
	const struct chfacts *cf = chanfacts_get(p->pkg);

	for (size_t i = 0; i < cf->nfuncs; i++) {
		const struct chfunc *fn = cf->funcs[i];
		int once = -1; /* computed on first need */

		if (fn->incomplete)
			continue;
		for (size_t g = 0; g < fn->ngors; g++) {
			const struct chgor *gr = &fn->gors[g];
			TSNode loop, brk;
			struct lh_finding *fd;

			if (ts_node_is_null(gr->body))
				continue;
			loop = chanfacts_forever_loop(gr->bfile, gr->body,
						      &brk);
			if (ts_node_is_null(loop))
				continue;
			if (once < 0)
				once = chanfacts_runs_once(p->pkg, fn);
			if (once || lh104__in_once(gr->file, gr->go))
				continue;
			fd = pass_report(p, &lh_rule_lh104, gr->file, gr->go,
				"goroutine never exits: its loop at line %u "
				"has no way out", lh104__line(loop));
			pass_step(p, fd, gr->bfile, loop,
				  "loops forever from line %u: no return, "
				  "break or done case", lh104__line(loop));
			if (!ts_node_is_null(brk))
				pass_step(p, fd, gr->bfile, brk,
					  "break at line %u leaves only the "
					  "select or switch, not the loop",
					  lh104__line(brk));
			pass_fix(p, fd, "give the loop a way out: a "
				 "`case <-ctx.Done(): return` (or a done "
				 "channel closed by whoever stops it) in its "
				 "select; %s can start it again and again",
				 chanfacts_func_name(fn));
		}
	}
}

const struct lh_rule lh_rule_lh104 = {
	.id = "LH104",
	.name = "goroutine-loop-no-exit",
	.title = "goroutine loops forever with no way out",
	.class = LH_CLASS_GOROUTINE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_CHANNELS,
	.run = lh104_run,
};
