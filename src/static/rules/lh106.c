/*
 * lh106.c - LH106: sync.WaitGroup misuse that leaves Wait blocked.
 *
 * For every goroutine a function starts (func literals, and same-package
 * functions and methods run with `go`):
 *   - Done skipped on a path: the goroutine calls `wg.Done()` (not
 *     deferred) and the obligation engine (static/engine.h), run on the
 *     goroutine's body with "call wg.Done()" open at entry, finds a return
 *     that leaves it undone while another path does it. Wait then waits
 *     for a count that never reaches zero: the waiter leaks, and so does
 *     everything that waits on it.
 *   - Add inside the goroutine: a func literal goroutine calls `wg.Add()`
 *     on a WaitGroup its starter waits on after the go statement; the Wait
 *     can run before the Add, return early, and the accounting goes wrong
 *     from there (a later Wait blocks on a count nobody decrements).
 * A WaitGroup is recognised by its type when the engine knows it, else by
 * a WaitGroup-like name (wg, *Wg, *WG, *wait*, *group). Reported at the
 * go statement.
 */
#include <ctype.h>
#include <stdio.h>

#include "static/chanfacts.h"
#include "static/engine.h"
#include "static/syn.h"

extern const struct lh_rule lh_rule_lh106;

#define LH106_MAX_DEPTH 200

static const struct eng_kind lh106_done = {
	.rule = "LH106", .noun = "WaitGroup", .release = "Done",
	.still = "not marked done", .verb = "marked done",
	.flags = ENG_K_NO_TRANSFER,
	.rel_prefix = "", .rel_names = { "Done" },
};

static bool lh106__wg_name(const char *s, size_t len)
{
	char low[64];

	if (!len || len >= sizeof(low))
		return false;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	low[len] = '\0';
	return (len >= 2 && strcmp(low + len - 2, "wg") == 0) ||
	       strstr(low, "wait") != NULL ||
	       (len >= 5 && strcmp(low + len - 5, "group") == 0);
}

static bool lh106__is_wg(struct eng_func *fn, GNode x)
{
	const char *t = eng_type_of(fn, x);
	GNode last = x;
	const char *s;
	size_t len;

	if (t)
		return strcmp(t, "sync.WaitGroup") == 0;
	if (gn_symbol(x) == GS->selector_expression)
		last = go_field(x, f_field);
	s = go_text(fn->file, last, &len);
	return lh106__wg_name(s, len);
}

/* A statement-level call `X.<method>()` on a WaitGroup in body (not in
 * nested func literals); returns the call or a null node. */
static GNode lh106__find_call(struct eng_func *fn, GNode n,
			       const char *method, bool want_args,
			       unsigned depth)
{
	GNode none;
	uint32_t cnt;

	memset(&none, 0, sizeof(none));
	if (gn_is_null(n) || depth > LH106_MAX_DEPTH ||
	    gn_symbol(n) == GS->func_literal ||
	    gn_symbol(n) == GS->defer_statement)
		return none;
	if (gn_symbol(n) == GS->expression_statement) {
		GNode call = go_unparen(gn_named_child(n, 0));
		GNode fun, args;

		if (!gn_is_null(call) &&
		    gn_symbol(call) == GS->call_expression) {
			fun = go_unparen(go_field(call, f_function));
			args = go_field(call, f_arguments);
			if (gn_symbol(fun) == GS->selector_expression &&
			    go_text_is(fn->file, go_field(fun, f_field),
				       method) &&
			    (gn_named_child_count(args) > 0) ==
				    want_args &&
			    lh106__is_wg(fn, go_unparen(go_field(fun,
								 f_operand))))
				return call;
		}
		return none;
	}
	cnt = gn_named_child_count(n);
	for (uint32_t i = 0; i < cnt; i++) {
		GNode r = lh106__find_call(fn, gn_named_child(n, i),
					    method, want_args, depth + 1);

		if (!gn_is_null(r))
			return r;
	}
	return none;
}

/* The root identifier and field path of X in `X.Done()`. */
static bool lh106__handle(struct eng_func *fn, GNode x, struct eng_entry *e)
{
	const char *chain[8];
	size_t n = 0;
	struct buf pre = BUF_INIT;

	x = go_unparen(x);
	while (gn_symbol(x) == GS->selector_expression &&
	       n < ARRAY_SIZE(chain)) {
		chain[n++] = go_text_dup(fn->file, go_field(x, f_field));
		x = go_unparen(go_field(x, f_operand));
	}
	if (gn_symbol(x) != GS->identifier)
		return false;
	for (size_t i = n; i > 0; i--) {
		buf_adds(&pre, chain[i - 1]);
		if (i > 1)
			buf_addc(&pre, '.');
	}
	e->var = eng_resolve(fn, x);
	e->root = e->var ? NULL : go_text_dup(fn->file, x);
	e->prefix = arena_strdup(&fn->pkg->arena, pre.data ? pre.data : "");
	buf_release(&pre);
	return true;
}

static void lh106__done(struct lh_pass *p, const struct chgor *gr)
{
	GNode decl = gn_parent(gr->body);
	struct eng_func *fn;
	struct eng_spec spec = { 0 };
	struct eng_entry e = { 0 };
	struct eng_result *r;
	GNode done;
	size_t len;
	const char *text = go_text(gr->bfile, gr->body, &len);
	size_t hlen;
	const char *htext;

	if (!memmem(text, len, ".Done()", 7))
		return;
	fn = eng_func_get(p->pkg, gr->bfile, decl);
	if (!fn || fn->too_deep || gn_is_null(fn->body))
		return;
	done = lh106__find_call(fn, fn->body, "Done", false, 0);
	if (gn_is_null(done))
		return;
	/* Done in a loop counts many, it is not one skipped duty */
	for (GNode x = gn_parent(done); !gn_is_null(x) &&
	     !gn_eq(x, fn->body); x = gn_parent(x)) {
		if (gn_symbol(x) == GS->for_statement)
			return;
	}
	if (!lh106__handle(fn, go_field(go_field(done, f_function), f_operand),
			   &e))
		return;
	e.kind = &lh106_done;
	e.site = done;
	spec.entries = &e;
	spec.nentries = 1;
	r = eng_run(fn, &spec);
	htext = go_text(gr->bfile, go_field(go_field(done, f_function),
					    f_operand), &hlen);
	for (size_t i = 0; r && i < r->nleaks; i++) {
		struct eng_leak *l = &r->leaks[i];
		struct lh_finding *fd = NULL;

		if (l->kind != &lh106_done || !l->released_somewhere)
			continue;
		for (size_t j = 0; j < l->nexits; j++) {
			const struct eng_exit *x = &l->exits[j];

			if (x->kind != ENG_EXIT_RETURN &&
			    x->kind != ENG_EXIT_END)
				continue;
			if (!fd)
				fd = pass_report(p, &lh_rule_lh106, gr->file,
					gr->go, "goroutine can return without "
					"%.*s.Done(): Wait blocks forever",
					(int)hlen, htext);
			pass_step(p, fd, gr->bfile, x->node,
				  "%s without calling %.*s.Done()",
				  eng_exit_text(p->pkg, x), (int)hlen, htext);
		}
		if (fd)
			pass_fix(p, fd, "call `defer %.*s.Done()` first thing "
				 "in the goroutine", (int)hlen, htext);
	}
}

/* For a goroutine `go obj.method(...)` running a method of the package:
 * the method's receiver name (*recv) and obj's text (*obj). */
static bool lh106__callee_recv(const struct chgor *gr, const char **recv,
			       size_t *rlen, const char **obj, size_t *olen)
{
	GNode decl = gn_parent(gr->body), call, fun, pd, name;

	if (gn_symbol(decl) != GS->method_declaration)
		return false;
	pd = gn_named_child(go_field(decl, f_receiver), 0);
	name = gn_is_null(pd) ? pd : go_field(pd, f_name);
	call = go_unparen(gn_named_child(gr->go, 0));
	if (gn_is_null(name) || gn_is_null(call) ||
	    gn_symbol(call) != GS->call_expression)
		return false;
	fun = go_unparen(go_field(call, f_function));
	if (gn_symbol(fun) != GS->selector_expression)
		return false;
	*recv = go_text(gr->bfile, name, rlen);
	*obj = go_text(gr->file, go_unparen(go_field(fun, f_operand)), olen);
	return *rlen > 0 && *olen > 0 && *olen < 100;
}

/* `wg.Add` in a goroutine - a func literal, or a method of the package
 * adding to its receiver's group; Wait on the same wg after the go
 * statement in the starter. */
static void lh106__add(struct lh_pass *p, const struct chfunc *cf,
		       const struct chgor *gr)
{
	GNode decl = gn_parent(gr->body), add, wait, x;
	struct eng_func *fn, *outer;
	struct lh_finding *fd;
	size_t len, wlen, rlen = 0, olen = 0;
	const char *xs, *ws, *recv = NULL, *obj = NULL;
	char mapped[256];

	if (gr->parent != -1)
		return;
	if (gr->callee && !lh106__callee_recv(gr, &recv, &rlen, &obj, &olen))
		return;
	xs = go_text(gr->bfile, gr->body, &len);
	if (!memmem(xs, len, ".Add(", 5))
		return;
	fn = eng_func_get(p->pkg, gr->bfile, decl);
	if (!fn || fn->too_deep)
		return;
	add = lh106__find_call(fn, gr->body, "Add", true, 0);
	if (gn_is_null(add))
		return;
	x = go_unparen(go_field(go_field(add, f_function), f_operand));
	xs = go_text(gr->bfile, x, &len);
	if (recv) {
		/* ix.wg.Add in the method is obj.wg.Add for the starter */
		if (len <= rlen || memcmp(xs, recv, rlen) != 0 ||
		    xs[rlen] != '.' || olen + len - rlen >= sizeof(mapped))
			return;
		snprintf(mapped, sizeof(mapped), "%.*s%.*s", (int)olen, obj,
			 (int)(len - rlen), xs + rlen);
		xs = mapped;
		len = strlen(mapped);
	}
	outer = eng_func_get(p->pkg, cf->file, cf->node);
	if (!outer || outer->too_deep)
		return;
	wait = lh106__find_call(outer, outer->body, "Wait", false, 0);
	if (gn_is_null(wait) ||
	    gn_start_byte(wait) < gn_end_byte(gr->go))
		return;
	ws = go_text(cf->file, go_unparen(go_field(go_field(wait, f_function),
						   f_operand)), &wlen);
	if (wlen != len || memcmp(ws, xs, len) != 0)
		return;
	fd = pass_report(p, &lh_rule_lh106, gr->file, gr->go,
		"%.*s.Add runs inside the goroutine: %.*s.Wait can miss it",
		(int)len, xs, (int)len, xs);
	pass_step(p, fd, gr->bfile, add, "adds at line %u, inside the "
		  "goroutine", gn_start_point(add).row + 1);
	pass_step(p, fd, cf->file, wait, "%.*s.Wait at line %u may run "
		  "first and return early; a later Wait blocks on a count "
		  "nobody balances", (int)len, xs,
		  gn_start_point(wait).row + 1);
	pass_fix(p, fd, "call %.*s.Add(1) before the go statement",
		 (int)len, xs);
}

/* A loop that starts one goroutine per round, each marking wg done, and
 * waits on wg inside the same round, while the group was sized before
 * the loop with an Add that is not Add(1): the first round's Wait waits
 * for Done calls only later rounds would make (moby#25384). */
static void lh106__wait_in_loop(struct lh_pass *p, const struct chfunc *cf,
				const struct chgor *gr)
{
	GNode loop = syn_enclosing_loop(gr->go), wait, add, args;
	struct eng_func *outer;
	struct lh_finding *fd;
	size_t wl, al, bl;
	const char *ws, *as, *bs;
	char pat[160];

	if (gn_is_null(loop) || gr->callee || gr->parent != -1)
		return;
	outer = eng_func_get(p->pkg, cf->file, cf->node);
	if (!outer || outer->too_deep)
		return;
	wait = lh106__find_call(outer, go_field(loop, f_body), "Wait", false,
				0);
	if (gn_is_null(wait) || !chanfacts_before(gr->go, wait))
		return;
	ws = go_text(cf->file, go_unparen(go_field(go_field(wait, f_function),
						   f_operand)), &wl);
	if (wl > 100)
		return;
	/* the goroutine marks this group done */
	bs = go_text(gr->bfile, gr->body, &bl);
	snprintf(pat, sizeof(pat), "%.*s.Done()", (int)wl, ws);
	if (!memmem(bs, bl, pat, strlen(pat)))
		return;
	/* no Add in the loop; the Add before it sizes for more than one */
	add = lh106__find_call(outer, go_field(loop, f_body), "Add", true, 0);
	if (!gn_is_null(add))
		return;
	add = lh106__find_call(outer, outer->body, "Add", true, 0);
	if (gn_is_null(add) ||
	    gn_start_byte(add) >= gn_start_byte(loop))
		return;
	as = go_text(cf->file, go_unparen(go_field(go_field(add, f_function),
						   f_operand)), &al);
	args = go_field(add, f_arguments);
	if (al != wl || memcmp(as, ws, wl) != 0 ||
	    go_text_is(cf->file, gn_named_child(args, 0), "1"))
		return;
	fd = pass_report(p, &lh_rule_lh106, cf->file, wait,
		"%.*s.Wait() inside the loop waits for goroutines later "
		"rounds start: it blocks forever", (int)wl, ws);
	pass_step(p, fd, cf->file, add, "%.*s sized for every round at "
		  "line %u", (int)wl, ws, gn_start_point(add).row + 1);
	pass_step(p, fd, gr->file, gr->go, "one goroutine started at line "
		  "%u per round", gn_start_point(gr->go).row + 1);
	pass_step(p, fd, cf->file, wait, "waits at line %u in the first "
		  "round", gn_start_point(wait).row + 1);
	pass_fix(p, fd, "move %.*s.Wait() after the loop, or Add(1) in "
		 "each round", (int)wl, ws);
}

/* A decimal integer literal's value, or -1. */
static long lh106__int(const struct gofile *f, GNode n)
{
	size_t len;
	const char *t;
	long v = 0;

	n = go_unparen(n);
	if (gn_is_null(n) || gn_symbol(n) != GS->int_literal)
		return -1;
	t = go_text(f, n, &len);
	if (!len || len > 6)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (t[i] < '0' || t[i] > '9')
			return -1;
		v = v * 10 + (t[i] - '0');
	}
	return v;
}

struct lh106_count {
	const char *x; /* the group's text: "wg" */
	size_t xl;
	long adds, dones;
	bool unknown;  /* a count the analysis cannot tell */
	GNode first_add;
};

/* Adds and Dones on the group in n, outside func literals: Add(k) with a
 * literal k outside loops counts k; anything else is unknown. */
static void lh106__tally(const struct gofile *f, GNode n, unsigned loops,
			 unsigned depth, struct lh106_count *k)
{
	TSSymbol s;
	uint32_t cnt;

	if (gn_is_null(n) || k->unknown)
		return;
	if (depth > LH106_MAX_DEPTH) {
		k->unknown = true;
		return;
	}
	s = gn_symbol(n);
	if (s == GS->func_literal || s == GS->go_statement)
		return; /* goroutines are counted by their starts */
	if (s == GS->for_statement)
		loops++;
	if (s == GS->call_expression) {
		GNode fun = go_unparen(go_field(n, f_function)), op, fld;
		size_t ol;
		const char *os;

		if (gn_symbol(fun) == GS->selector_expression) {
			op = go_unparen(go_field(fun, f_operand));
			fld = go_field(fun, f_field);
			os = go_text(f, op, &ol);
			if (ol == k->xl && !memcmp(os, k->x, ol)) {
				if (go_text_is(f, fld, "Add")) {
					long v = lh106__int(f,
						gn_named_child(go_field(n,
							f_arguments), 0));

					if (v < 0 || loops)
						k->unknown = true;
					else
						k->adds += v;
					if (gn_is_null(k->first_add))
						k->first_add = n;
				} else if (go_text_is(f, fld, "Done")) {
					if (loops)
						k->unknown = true;
					k->dones++;
				}
			}
		}
	}
	cnt = gn_named_child_count(n);
	for (uint32_t i = 0; i < cnt; i++)
		lh106__tally(f, gn_named_child(n, i), loops, depth + 1,
			     k);
}

/* wg.Add(k) with literal counts, goroutines started a constant number of
 * times that each call wg.Done() once, and fewer Done calls in all than
 * the Adds: wg.Wait() waits for a count that never reaches zero. */
static void lh106__count_mismatch(struct lh_pass *p, const struct chfunc *cf)
{
	struct eng_func *outer;
	struct lh106_count k;
	struct lh_finding *fd;
	GNode wait;
	char pat[128];
	size_t pl;

	outer = eng_func_get(p->pkg, cf->file, cf->node);
	if (!outer || outer->too_deep || gn_is_null(outer->body))
		return;
	wait = lh106__find_call(outer, outer->body, "Wait", false, 0);
	if (gn_is_null(wait) || !gn_is_null(syn_enclosing_loop(wait)))
		return;
	memset(&k, 0, sizeof(k));
	k.x = go_text(cf->file, go_unparen(go_field(go_field(wait,
					f_function), f_operand)), &k.xl);
	if (!k.xl || k.xl > 100)
		return;
	lh106__tally(cf->file, outer->body, 0, 0, &k);
	if (k.unknown || !k.adds)
		return;
	pl = (size_t)snprintf(pat, sizeof(pat), "%.*s.", (int)k.xl, k.x);
	for (size_t g = 0; g < cf->ngors; g++) {
		const struct chgor *gr = &cf->gors[g];
		size_t bl, n = 0;
		const char *b;

		if (gn_is_null(gr->body))
			return;
		b = go_text(gr->bfile, gr->body, &bl);
		if (gr->callee) {
			/* a named goroutine: only one that never mentions
			 * a group is understood */
			if (memmem(b, bl, ".Done()", 7) || memmem(b, bl, ".Add(", 5))
				return;
			continue;
		}
		for (size_t at = 0; at + pl <= bl;) {
			const char *hit = memmem(b + at, bl - at, pat, pl);

			if (!hit)
				break;
			at = (size_t)(hit - b) + pl;
			if (at + 6 <= bl && !memcmp(b + at, "Done()", 6))
				n++;
			else if (at + 4 <= bl && !memcmp(b + at, "Add(", 4))
				return; /* LH106's Add-inside check */
		}
		if (n > 1 || gr->parent != -1 || gr->in_closure ||
		    (n && gr->trips < 1))
			return;
		k.dones += (long)n * gr->trips;
	}
	if (k.dones >= k.adds)
		return;
	fd = pass_report(p, &lh_rule_lh106, cf->file, wait,
		"%.*s.Wait() blocks forever: %.*s.Add counts %ld, but only "
		"%ld Done call%s can happen", (int)k.xl, k.x, (int)k.xl, k.x,
		k.adds, k.dones, k.dones == 1 ? "" : "s");
	pass_step(p, fd, cf->file, k.first_add, "adds %ld in all, from line "
		  "%u", k.adds, gn_start_point(k.first_add).row + 1);
	pass_step(p, fd, cf->file, wait, "waits at line %u for %ld more Done "
		  "calls than any goroutine makes",
		  gn_start_point(wait).row + 1, k.adds - k.dones);
	pass_fix(p, fd, "make the Add count match the goroutines started "
		 "(Add(1) right before each go statement)");
}

static void lh106_run(struct lh_pass *p)
{
	const struct chfacts *cf = chanfacts_get(p->pkg);

	for (size_t i = 0; i < cf->nfuncs; i++) {
		const struct chfunc *fn = cf->funcs[i];

		if (fn->incomplete)
			continue;
		for (size_t g = 0; g < fn->ngors; g++) {
			const struct chgor *gr = &fn->gors[g];

			if (gn_is_null(gr->body))
				continue;
			lh106__done(p, gr);
			lh106__add(p, fn, gr);
			lh106__wait_in_loop(p, fn, gr);
		}
		if (fn->ngors)
			lh106__count_mismatch(p, fn);
	}
}

const struct lh_rule lh_rule_lh106 = {
	.id = "LH106",
	.name = "waitgroup-done-skipped",
	.title = "WaitGroup Done skipped on a path, or Add inside the goroutine",
	.class = LH_CLASS_GOROUTINE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_OBLIGATIONS | LH_NEED_CHANNELS,
	.run = lh106_run,
};
