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

static uint32_t lh104__line(GNode n)
{
	return gn_start_point(n).row + 1;
}

/* A goroutine started inside a closure passed to once.Do(...). */
static bool lh104__in_once(const struct gofile *f, GNode go)
{
	for (GNode n = gn_parent(go); !gn_is_null(n);
	     n = gn_parent(n)) {
		TSSymbol s = gn_symbol(n);

		if (s == GS->function_declaration ||
		    s == GS->method_declaration)
			return false;
		if (s == GS->func_literal) {
			GNode args = gn_parent(n);
			GNode call = gn_parent(args);
			GNode fn;

			if (gn_is_null(args) ||
			    gn_symbol(args) != GS->argument_list)
				continue;
			fn = go_field(call, f_function);
			if (!gn_is_null(fn) &&
			    gn_symbol(fn) == GS->selector_expression &&
			    go_text_is(f, go_field(fn, f_field), "Do"))
				return true;
		}
	}
	return false;
}

/* True when n modifies the variable called name: assigns it, increments
 * it, or takes its address (atomic.CompareAndSwap(&v, ...)). */
static bool lh104__modifies(const struct gofile *f, GNode n, const char *name,
			    uint32_t before, unsigned depth)
{
	TSSymbol s;
	uint32_t cnt;

	if (gn_is_null(n) || depth > 200 ||
	    gn_start_byte(n) >= before)
		return false;
	s = gn_symbol(n);
	if (s == GS->assignment_statement) {
		GNode left = go_field(n, f_left);

		for (uint32_t i = 0; i < gn_named_child_count(left); i++) {
			if (go_text_is(f, gn_named_child(left, i), name))
				return true;
		}
	} else if (s == GS->inc_statement || s == GS->dec_statement) {
		if (go_text_is(f, gn_named_child(n, 0), name))
			return true;
	} else if (s == GS->unary_expression &&
		   go_text_is(f, go_field(n, f_operator), "&") &&
		   go_text_is(f, go_field(n, f_operand), name)) {
		return true;
	} else if (s == GS->func_literal) {
		return false;
	}
	cnt = gn_named_child_count(n);
	for (uint32_t i = 0; i < cnt; i++) {
		if (lh104__modifies(f, gn_named_child(n, i), name, before,
				    depth + 1))
			return true;
	}
	return false;
}

/* A package-level variable named in cond that region modifies before
 * byte `before`: the start is guarded by a flag or counter. */
static bool lh104__flag(struct gopkg *pkg, const struct gofile *f,
			GNode cond, GNode region, uint32_t before,
			unsigned depth)
{
	uint32_t cnt;

	if (gn_is_null(cond) || depth > 64)
		return false;
	if (gn_symbol(cond) == GS->identifier) {
		char name[128];
		size_t len;
		const char *t = go_text(f, cond, &len);
		const struct godecl *d;

		if (len >= sizeof(name))
			return false;
		memcpy(name, t, len);
		name[len] = '\0';
		d = gopkg_lookup(pkg, name);
		return d && d->kind == GODECL_VAR &&
		       lh104__modifies(f, region, name, before, 0);
	}
	cnt = gn_named_child_count(cond);
	for (uint32_t i = 0; i < cnt; i++) {
		if (lh104__flag(pkg, f, gn_named_child(cond, i), region,
				before, depth + 1))
			return true;
	}
	return false;
}

/* A start guarded to happen once (or a bounded number of times) by a
 * package-level flag: `if !started { started = true; go loop() }`,
 * `if x == 0 && atomic.CompareAndSwap(&x, 0, 1) { go ... }`, `if ch !=
 * nil { return }; ch = make(...); go ...`, `for n < max { go w(); n++ }`. */
static bool lh104__guarded(struct gopkg *pkg, const struct gofile *f,
			   GNode go)
{
	uint32_t at = gn_start_byte(go), end = UINT32_MAX;

	for (GNode x = go, a = gn_parent(go); !gn_is_null(a);
	     x = a, a = gn_parent(a)) {
		TSSymbol s = gn_symbol(a);

		if (s == GS->function_declaration ||
		    s == GS->method_declaration || s == GS->func_literal)
			break;
		if (s == GS->if_statement && !gn_eq(x,
			go_field(a, f_alternative)) &&
		    lh104__flag(pkg, f, go_field(a, f_condition), a, end, 0))
			return true;
		if (s == GS->for_statement) {
			GNode h = gn_named_child(a, 0);
			GNode cond = gn_symbol(h) == GS->for_clause ?
				go_field(h, f_condition) : h;

			if (gn_symbol(h) != GS->block &&
			    gn_symbol(h) != GS->range_clause &&
			    lh104__flag(pkg, f, cond, a, end, 0))
				return true;
		}
		if (s == GS->block) {
			/* an earlier `if flag { return }` */
			for (GNode y = gn_prev_named_sibling(x);
			     !gn_is_null(y);
			     y = gn_prev_named_sibling(y)) {
				GNode cons;

				if (gn_symbol(y) != GS->if_statement)
					continue;
				cons = go_field(y, f_consequence);
				if (gn_named_child_count(cons) &&
				    gn_symbol(gn_named_child(cons,
					gn_named_child_count(cons) - 1)) ==
					    GS->return_statement &&
				    lh104__flag(pkg, f, go_field(y, f_condition),
						a, at, 0))
					return true;
			}
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
			GNode loop, brk;
			struct lh_finding *fd;

			if (gn_is_null(gr->body))
				continue;
			loop = chanfacts_forever_loop(gr->bfile, gr->body,
						      &brk);
			if (gn_is_null(loop))
				continue;
			if (once < 0)
				once = chanfacts_runs_once(p->pkg, fn);
			if (once || lh104__in_once(gr->file, gr->go) ||
			    lh104__guarded(p->pkg, gr->file, gr->go))
				continue;
			fd = pass_report(p, &lh_rule_lh104, gr->file, gr->go,
				"goroutine never exits: its loop at line %u "
				"has no way out", lh104__line(loop));
			pass_step(p, fd, gr->bfile, loop,
				  "loops forever from line %u: no return, "
				  "break or done case", lh104__line(loop));
			if (!gn_is_null(brk) &&
			    gn_symbol(brk) == GS->communication_case)
				pass_step(p, fd, gr->bfile, brk,
					  "the case at line %u waits on a "
					  "channel nothing in the package "
					  "sends to or closes",
					  lh104__line(brk));
			else if (!gn_is_null(brk))
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
