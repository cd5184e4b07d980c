/*
 * lh105.c - LH105: a mutex locked and not unlocked on some return path.
 *
 * Runs the obligation engine (static/engine.h) with `X.Lock()` /
 * `X.RLock()` as acquisitions on the object X and `X.Unlock()` /
 * `X.RUnlock()` (direct, deferred, or in a deferred closure) as their
 * release, over every function and method of the package and the func
 * literals started as goroutines. X must be a sync.Mutex or sync.RWMutex:
 * by its type when the engine knows it (declarations, struct fields,
 * a struct type embedding the mutex), else by a mutex-like name (mu,
 * mtx, *Mu, *mutex, *lock).
 *
 * Reported at the Lock, with every exit that leaves it locked, only when
 *   - some path does unlock it (a function that never unlocks is a
 *     "lock and return" helper, by design), and
 *   - the function's last exit unlocks it (a function that returns
 *     locked on its normal path and unlocks only on an error path hands
 *     the lock to its caller, also by design), and
 *   - the function's name does not say it locks (lockFoo, rlock, ...).
 * The next Lock on that mutex blocks forever: every goroutine that needs
 * it leaks.
 *
 * Also reported: `X.Lock()` again on a path where X is still locked (no
 * unlock in between, not in another goroutine's func literal) - that Lock
 * waits for itself. Two RLocks are not reported.
 */
#include <ctype.h>
#include <stdio.h>

#include "static/chanfacts.h"
#include "static/engine.h"
#include "static/syn.h"

extern const struct lh_rule lh_rule_lh105;

static const struct eng_kind lh105_lock = {
	.rule = "LH105", .noun = "mutex", .release = "Unlock",
	.still = "still locked", .verb = "unlocked",
	.flags = ENG_K_NO_TRANSFER,
	/* parsed release: the engine does not fill these for rule kinds */
	.rel_prefix = "", .rel_names = { "Unlock" },
};

static const struct eng_kind lh105_rlock = {
	.rule = "LH105", .noun = "read lock", .release = "RUnlock",
	.still = "still read-locked", .verb = "unlocked",
	.flags = ENG_K_NO_TRANSFER,
	.rel_prefix = "", .rel_names = { "RUnlock" },
};

static bool lh105__ieq_suffix(const char *s, size_t len, const char *suf)
{
	size_t n = strlen(suf);

	if (len < n)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (tolower((unsigned char)s[len - n + i]) != suf[i])
			return false;
	}
	return true;
}

/* A struct type of the package that embeds sync.Mutex or sync.RWMutex. */
static bool lh105__embeds_mutex(struct gopkg *pkg, const char *type)
{
	const char *dot = strrchr(type, '.');
	const struct godecl *d = gopkg_lookup(pkg, dot ? dot + 1 : type);
	GNode st, list;

	if (!d || d->kind != GODECL_TYPE)
		return false;
	st = go_field(d->node, f_type);
	if (gn_is_null(st) || gn_symbol(st) != GS->struct_type)
		return false;
	list = gn_named_child(st, 0);
	if (gn_is_null(list))
		return false;
	for (uint32_t i = 0; i < gn_named_child_count(list); i++) {
		GNode fd = gn_named_child(list, i);
		GNode t;

		if (gn_symbol(fd) != GS->field_declaration ||
		    !gn_is_null(go_field(fd, f_name)))
			continue;
		t = go_field(fd, f_type);
		if (go_text_is(d->file, t, "sync.Mutex") ||
		    go_text_is(d->file, t, "sync.RWMutex") ||
		    go_text_is(d->file, t, "*sync.Mutex") ||
		    go_text_is(d->file, t, "*sync.RWMutex"))
			return true;
	}
	return false;
}

/* Field fld of struct type `type` of the package is declared
 * sync.Mutex or sync.RWMutex (or a pointer to one). */
static bool lh105__field_is_mutex(struct gopkg *pkg, const char *type,
				  const struct gofile *ff, GNode fld)
{
	const char *dot = strrchr(type, '.');
	const struct godecl *d = gopkg_lookup(pkg, dot ? dot + 1 : type);
	GNode st, list;
	size_t fl;
	const char *fs = go_text(ff, fld, &fl);

	if (!d || d->kind != GODECL_TYPE)
		return false;
	st = go_field(d->node, f_type);
	if (gn_is_null(st) || gn_symbol(st) != GS->struct_type)
		return false;
	list = gn_named_child(st, 0);
	for (uint32_t i = 0; !gn_is_null(list) &&
			     i < gn_named_child_count(list); i++) {
		GNode fd = gn_named_child(list, i), t;
		bool named = false;

		if (gn_symbol(fd) != GS->field_declaration)
			continue;
		for (uint32_t k = 0; k < gn_named_child_count(fd); k++) {
			GNode nm = gn_named_child(fd, k);
			size_t nl;
			const char *ns;

			if (gn_symbol(nm) != GS->field_identifier)
				continue;
			ns = go_text(d->file, nm, &nl);
			if (nl == fl && !memcmp(ns, fs, fl))
				named = true;
		}
		if (!named)
			continue;
		t = go_field(fd, f_type);
		return go_text_is(d->file, t, "sync.Mutex") ||
		       go_text_is(d->file, t, "sync.RWMutex") ||
		       go_text_is(d->file, t, "*sync.Mutex") ||
		       go_text_is(d->file, t, "*sync.RWMutex");
	}
	return false;
}

static bool lh105__is_mutex(struct eng_func *fn, GNode x)
{
	const char *t = eng_type_of(fn, x);
	GNode last = x;
	const char *s;
	size_t len;

	if (t)
		return strcmp(t, "sync.Mutex") == 0 ||
		       strcmp(t, "sync.RWMutex") == 0 ||
		       lh105__embeds_mutex(fn->pkg, t);
	if (gn_symbol(x) == GS->selector_expression) {
		/* r.mut: the field's declared type in r's struct */
		const char *ot = eng_type_of(fn, go_unparen(go_field(x,
							f_operand)));

		last = go_field(x, f_field);
		if (ot && lh105__field_is_mutex(fn->pkg, ot, fn->file, last))
			return true;
	}
	s = go_text(fn->file, last, &len);
	return lh105__ieq_suffix(s, len, "mu") ||
	       lh105__ieq_suffix(s, len, "mtx") ||
	       lh105__ieq_suffix(s, len, "mutex") ||
	       lh105__ieq_suffix(s, len, "lock");
}

#define LH105_MAX_LOCKS 32

/* The Lock calls the walk met, for the double-lock check. */
struct lh105_ctx {
	GNode decl; /* the function judged: only its own calls count (the
			engine also walks same-package callees, maybe in
			other files) */
	GNode calls[LH105_MAX_LOCKS];
	bool rlock[LH105_MAX_LOCKS];
	size_t n;
};

static void lh105__remember(struct lh105_ctx *c, GNode call, bool rlock)
{
	if (call.tree != c->decl.tree ||
	    gn_start_byte(call) < gn_start_byte(c->decl) ||
	    gn_end_byte(call) > gn_end_byte(c->decl))
		return;
	for (size_t i = 0; i < c->n; i++) {
		if (gn_eq(c->calls[i], call))
			return;
	}
	if (c->n < LH105_MAX_LOCKS) {
		c->calls[c->n] = call;
		c->rlock[c->n++] = rlock;
	}
}

static bool lh105__acquire(void *ctx, struct eng_func *fn, GNode call,
			   struct eng_acquire *a)
{
	GNode fun = go_unparen(go_field(call, f_function)), fld, op, args;
	bool rlock;

	if (gn_is_null(fun) ||
	    gn_symbol(fun) != GS->selector_expression)
		return false;
	fld = go_field(fun, f_field);
	rlock = go_text_is(fn->file, fld, "RLock");
	if (!rlock && !go_text_is(fn->file, fld, "Lock"))
		return false;
	args = go_field(call, f_arguments);
	if (!gn_is_null(args) && gn_named_child_count(args))
		return false;
	op = go_unparen(go_field(fun, f_operand));
	if (!lh105__is_mutex(fn, op))
		return false;
	a->kind = rlock ? &lh105_rlock : &lh105_lock;
	a->object = op;
	if (ctx)
		lh105__remember(ctx, call, rlock);
	return true;
}

static GNode lh105__operand(GNode call)
{
	return go_unparen(go_field(go_unparen(go_field(call, f_function)),
				   f_operand));
}

/* Inside a func literal that does not also hold `outer`. */
static bool lh105__in_other_literal(const struct gofile *f, GNode n,
				    GNode outer)
{
	for (GNode x = gn_parent(n); !gn_is_null(x);
	     x = gn_parent(x)) {
		if (gn_start_byte(x) <= gn_start_byte(outer) &&
		    gn_end_byte(x) >= gn_end_byte(outer))
			return false;
		if (gn_symbol(x) == GS->func_literal)
			return true;
	}
	return false;
}

/* The root identifier of x (`cache` of `cache.wait`) is assigned
 * (`cache =`, `cache :=`, `cache, err =`) in bytes [from, to) of f. */
static bool lh105__root_assigned(const struct gofile *f, const char *x,
				 size_t xl, uint32_t from, uint32_t to)
{
	size_t rl = 0;

	while (rl < xl && x[rl] != '.')
		rl++;
	if (!rl || to <= from)
		return false;
	for (uint32_t at = from; at + rl < to;) {
		const char *hit = memmem(f->src + at, to - at, x, rl);
		size_t k;

		if (!hit)
			break;
		k = (size_t)(hit - f->src);
		at = (uint32_t)k + 1;
		if ((k > 0 && (f->src[k - 1] == '_' || f->src[k - 1] == '.' ||
			       isalnum((unsigned char)f->src[k - 1]))) ||
		    f->src[k + rl] == '_' || isalnum((unsigned char)f->src[k + rl]))
			continue;
		k += rl;
		while (k < to && (f->src[k] == ' ' || f->src[k] == '\t'))
			k++;
		if (k < to && f->src[k] == ',')
			return true;
		if (k + 1 < to && f->src[k] == ':' && f->src[k + 1] == '=')
			return true;
		if (k + 1 < to && f->src[k] == '=' && f->src[k + 1] != '=')
			return true;
	}
	return false;
}

/* `X.Lock()` and later, on the same path, `X.Lock()` again with no unlock
 * in between: the second one waits for itself forever. Two RLocks are
 * allowed (and not reported). */
static void lh105__double(struct lh_pass *p, struct gofile *f,
			  const struct lh105_ctx *c)
{
	for (size_t j = 0; j < c->n; j++) {
		for (size_t i = 0; i < c->n; i++) {
			GNode li = c->calls[i], lj = c->calls[j];
			GNode stmt = gn_parent(li);
			size_t xl, yl, between;
			const char *x = go_text(f, lh105__operand(li), &xl);
			const char *y = go_text(f, lh105__operand(lj), &yl);
			char pat[160];
			struct lh_finding *fd;

			if (i == j || (c->rlock[i] && c->rlock[j]) ||
			    xl != yl || memcmp(x, y, xl) != 0 || xl > 100 ||
			    gn_start_byte(li) >= gn_start_byte(lj))
				continue;
			if (gn_symbol(stmt) != GS->expression_statement ||
			    !chanfacts_before(stmt, lj) ||
			    lh105__in_other_literal(f, lj, li))
				continue;
			between = gn_start_byte(lj) - gn_end_byte(li);
			if (lh105__root_assigned(f, x, xl, gn_end_byte(li),
						 gn_start_byte(lj)))
				continue; /* another object by then */
			snprintf(pat, sizeof(pat), "%.*s.Unlock()", (int)xl, x);
			if (memmem(f->src + gn_end_byte(li), between, pat,
				   strlen(pat)))
				continue;
			snprintf(pat, sizeof(pat), "%.*s.RUnlock()", (int)xl, x);
			if (memmem(f->src + gn_end_byte(li), between, pat,
				   strlen(pat)))
				continue;
			fd = pass_report(p, &lh_rule_lh105, f, lj,
				"%.*s is locked again while still locked: this "
				"%s blocks forever", (int)xl, x,
				c->rlock[j] ? "RLock" : "Lock");
			pass_step(p, fd, f, li, "locked at line %u",
				  gn_start_point(li).row + 1);
			pass_step(p, fd, f, lj, "locked again at line %u with "
				  "no unlock in between",
				  gn_start_point(lj).row + 1);
			pass_fix(p, fd, "unlock %.*s before locking it again, or "
				 "do not lock it twice on this path", (int)xl,
				 x);
			break;
		}
	}
}

/* ================================================================ held */

static bool lh105__word(char c)
{
	return c == '_' || isalnum((unsigned char)c);
}

/* The next occurrence of pat in the bytes [*at, to) that starts a word
 * (not after an identifier character or a '.'): its offset in *off, and
 * *at moves past it; false once there is none. */
static bool lh105__next_word(const struct gofile *f, const char *pat,
			     size_t pl, uint32_t *at, uint32_t to,
			     uint32_t *off)
{
	while (*at < to) {
		const char *hit = memmem(f->src + *at, to - *at, pat, pl);
		uint32_t o;

		if (!hit)
			break;
		o = (uint32_t)(hit - f->src);
		*at = o + 1;
		if (o > 0 && (lh105__word(f->src[o - 1]) || f->src[o - 1] == '.'))
			continue;
		*off = o;
		return true;
	}
	*at = to;
	return false;
}

/* True when n sits in a func literal, go or defer statement below top
 * (exclusive): it does not run here and now. */
static bool lh105__deferred_or_async(const struct gofile *f, GNode n,
				     GNode top)
{
	for (GNode x = gn_parent(n); !gn_is_null(x) &&
	     !gn_eq(x, top); x = gn_parent(x)) {
		TSSymbol s = gn_symbol(x);

		if (s == GS->func_literal || s == GS->go_statement ||
		    s == GS->defer_statement)
			return true;
	}
	return false;
}

/* Offset of the first `x.<method>()` at or after byte `from` and before
 * `to` in f that is not deferred, or `to`. */
static uint32_t lh105__next_call(struct gofile *f, GNode top, uint32_t from,
				 uint32_t to, const char *x, size_t xl,
				 const char *method)
{
	char pat[160];
	size_t pl;

	if (xl > 100)
		return to;
	pl = (size_t)snprintf(pat, sizeof(pat), "%.*s.%s(", (int)xl, x,
			      method);
	for (uint32_t at = from, off;
	     lh105__next_word(f, pat, pl, &at, to, &off);) {
		GNode id;

		id = gn_named_descendant_for_byte_range(top, off, off);
		if (gn_is_null(id) ||
		    lh105__deferred_or_async(f, id, top))
			continue;
		return off;
	}
	return to;
}

/* ======================================================= relock in loop */

/* `X.Lock()` as a statement of a loop's body and a `continue` of that loop
 * before any `X.Unlock()`: the next round's Lock waits for itself
 * (moby#7559). Returns true when reported. */
static bool lh105__loop_relock(struct lh_pass *p, struct gofile *f,
			       GNode body, GNode li)
{
	GNode stmt = gn_parent(li), loop = syn_enclosing_loop(li);
	GNode x = lh105__operand(li);
	size_t xl;
	const char *xs = go_text(f, x, &xl);
	uint32_t end, unlock;
	struct lh_finding *fd;

	/* every round must run the Lock: a statement of the loop body */
	if (gn_is_null(loop) ||
	    gn_symbol(stmt) != GS->expression_statement ||
	    !gn_eq(gn_parent(stmt), go_field(loop, f_body)))
		return false;
	end = gn_end_byte(loop);
	/* an unlock earlier in the round releases what the last round
	 * left locked (grpc's withRetry: unlock, call, lock again) */
	if (lh105__next_call(f, body, gn_start_byte(go_field(loop,
							     f_body)),
			     gn_start_byte(li), xs, xl, "Unlock") <
	    gn_start_byte(li))
		return false;
	unlock = lh105__next_call(f, body, gn_end_byte(li), end, xs, xl,
				  "Unlock");
	for (uint32_t at = gn_end_byte(li); at < unlock;) {
		const char *hit = memmem(f->src + at, unlock - at, "continue",
					 8);
		uint32_t off;
		GNode c, label;

		if (!hit)
			break;
		off = (uint32_t)(hit - f->src);
		at = off + 8;
		c = gn_descendant_for_byte_range(body, off, off + 8);
		while (!gn_is_null(c) &&
		       gn_symbol(c) != GS->continue_statement &&
		       gn_start_byte(c) == off)
			c = gn_parent(c);
		if (gn_is_null(c) ||
		    gn_symbol(c) != GS->continue_statement ||
		    !chanfacts_before(stmt, c))
			continue;
		label = gn_named_child(c, 0);
		if (!gn_is_null(label)) {
			GNode lp = gn_parent(loop);
			size_t ll, ml;
			const char *ls = go_text(f, label, &ll);
			const char *ms;

			if (gn_symbol(lp) != GS->labeled_statement)
				continue;
			ms = go_text(f, go_field(lp, f_label), &ml);
			if (ll != ml || memcmp(ls, ms, ll) != 0)
				continue;
		} else if (!gn_eq(syn_enclosing_loop(c), loop)) {
			continue;
		}
		fd = pass_report(p, &lh_rule_lh105, f, li,
			"%.*s is locked again while still locked: the next "
			"round's Lock blocks forever", (int)xl, xs);
		pass_step(p, fd, f, c, "continues at line %u with %.*s still "
			  "locked", gn_start_point(c).row + 1, (int)xl,
			  xs);
		pass_step(p, fd, f, li, "the next round locks it again at "
			  "line %u", gn_start_point(li).row + 1);
		pass_fix(p, fd, "unlock %.*s before continue", (int)xl, xs);
		return true;
	}
	return false;
}

/* The lock at li is taken once per round of its loop, and the loop body
 * unlocks it after li: leaving the loop locked is a slip, not a hand-off
 * to the caller (cockroach#584). */
static bool lh105__per_round(struct gofile *f, GNode body, GNode li,
			     bool rlock)
{
	GNode loop = syn_enclosing_loop(li);
	size_t xl;
	const char *xs = go_text(f, lh105__operand(li), &xl);
	uint32_t end;

	if (gn_is_null(loop))
		return false;
	end = gn_end_byte(loop);
	return lh105__next_call(f, body, gn_end_byte(li), end, xs, xl,
				rlock ? "RUnlock" : "Unlock") < end;
}

/* ================================================== relock through a call */

/* The receiver name of method declaration decl. */
static bool lh105__recv_name(struct gofile *f, GNode decl, const char **s,
			     size_t *len)
{
	GNode list, pd, name;

	if (gn_symbol(decl) != GS->method_declaration)
		return false;
	list = go_field(decl, f_receiver);
	pd = gn_named_child(list, 0);
	if (gn_is_null(pd))
		return false;
	name = go_field(pd, f_name);
	if (gn_is_null(name))
		return false;
	*s = go_text(f, name, len);
	return *len > 0 && !(*len == 1 && **s == '_');
}

/* The next selector `r.X` in the bytes [*at, to) of body whose operand is
 * the receiver r itself (not s.r.X, not rr.X): sets *sel and moves *at
 * past it; false once there is none. */
static bool lh105__next_recv_sel(struct gofile *f, GNode body, const char *r,
				 size_t rl, uint32_t *at, uint32_t to,
				 GNode *sel)
{
	uint32_t off;

	while (lh105__next_word(f, r, rl, at, to, &off)) {
		GNode id;

		if (f->src[off + rl] != '.')
			continue;
		id = gn_named_descendant_for_byte_range(body, off,
							     off + rl);
		*sel = gn_parent(id);
		if (gn_symbol(id) == GS->identifier &&
		    gn_symbol(*sel) == GS->selector_expression)
			return true;
	}
	return false;
}

/* True when the node at byte off of body runs on entry: only blocks and
 * ifs between it and body - no loop, select, switch or literal. */
static bool lh105__straight(const struct gofile *f, GNode body,
			    uint32_t off)
{
	GNode n = gn_named_descendant_for_byte_range(body, off, off);

	for (unsigned d = 0; !gn_is_null(n) && d < 400; d++) {
		TSSymbol s;

		if (gn_eq(n, body))
			return true;
		s = gn_symbol(n);
		if (s == GS->for_statement || s == GS->func_literal ||
		    s == GS->select_statement ||
		    s == GS->expression_switch_statement ||
		    s == GS->type_switch_statement)
			return false;
		n = gn_parent(n);
	}
	return false;
}

/* The mutex at x (length xl) is used in decl other than by direct
 * Lock/Unlock/RLock/RUnlock calls: passed (`&s.mu`, unlockOnce(&mu)),
 * or its Unlock taken as a method value (`once.Do(s.mu.Unlock)`). Who
 * unlocks it when is then out of sight. */
static bool lh105__mutex_escapes(struct gofile *f, GNode decl,
				 const char *x, size_t xl, bool field)
{
	static const char *const ok[] = { ".Lock(", ".Unlock(", ".RLock(",
					   ".RUnlock(" };
	size_t len;
	const char *t = go_text(f, decl, &len);

	for (size_t at = 0; at + xl <= len;) {
		const char *hit = memmem(t + at, len - at, x, xl);
		size_t off, rest;
		bool fine = false;

		if (!hit)
			break;
		off = (size_t)(hit - t);
		at = off + 1;
		if ((off > 0 && (lh105__word(t[off - 1]) || t[off - 1] == '.')) ||
		    (off + xl < len && lh105__word(t[off + xl])))
			continue;
		rest = len - off - xl;
		for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
			size_t ol = strlen(ok[i]);

			if (rest >= ol && !memcmp(t + off + xl, ok[i], ol))
				fine = true;
		}
		if (fine || gn_symbol(gn_descendant_for_byte_range(
				    decl, gn_start_byte(decl) + (uint32_t)off,
				    gn_start_byte(decl) + (uint32_t)off)) ==
				    GS->comment)
			continue;
		/* a bare receiver is used everywhere: only its Unlock
		 * method value matters */
		if (!field && !(rest >= 7 && !memcmp(t + off + xl, ".Unlock", 7)) &&
		    !(rest >= 8 && !memcmp(t + off + xl, ".RUnlock", 8)))
			continue;
		return true;
	}
	return false;
}

/* What method decl m first does with its receiver's mutex at `path`
 * ("" for an embedded one, ".mu" for a field): 1 Lock, 2 RLock, 0
 * anything else (unlocks first, or never locks here and now). */
static int lh105__callee_locks(const struct godecl *m, const char *path,
			       size_t plen)
{
	static const char *const ops[] = { "Lock", "RLock", "Unlock",
					   "RUnlock" };
	GNode body = go_field(m->node, f_body);
	const char *r;
	size_t rl;
	uint32_t best = UINT32_MAX;
	int what = 0;

	if (gn_is_null(body) || !lh105__recv_name(m->file, m->node, &r,
						       &rl))
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(ops); i++) {
		char x[200];
		size_t xl = (size_t)snprintf(x, sizeof(x), "%.*s%.*s",
					     (int)rl, r, (int)plen, path);
		uint32_t at;

		if (xl >= sizeof(x) - 1)
			return 0;
		at = lh105__next_call(m->file, body, gn_start_byte(body),
				      gn_end_byte(body), x, xl,
				      ops[i]);
		if (at < gn_end_byte(body) && at < best) {
			best = at;
			what = i == 0 ? 1 : i == 1 ? 2 : 0;
		}
	}
	if (what && !lh105__straight(m->file, body, best))
		return 0;
	return what;
}

/* Some method of type recv write-locks its receiver's mutex at path: a
 * writer can queue between two read locks. */
static bool lh105__has_writer(struct gopkg *pkg, const char *recv,
			      const char *path, size_t plen)
{
	for (size_t i = 0; i < pkg->funcs.len; i++) {
		const struct godecl *d = pkg->funcs.items[i];

		if (d->recv && strcmp(d->recv, recv) == 0 &&
		    lh105__callee_locks(d, path, plen) == 1)
			return true;
	}
	return false;
}

/* Between `X.Lock()` (X the receiver or a field path of it) and its
 * unlock, a call of another method of the same type that locks X again
 * first thing: it waits for its own caller (moby#36114, syncthing#4829,
 * cockroach#9935). A read lock held across a method that read-locks
 * again is reported when some method write-locks X: a queued writer
 * blocks the second RLock (kubernetes#62464). */
static void lh105__call_relock(struct lh_pass *p, struct gofile *f,
			       GNode decl, GNode body, GNode li, bool rlock)
{
	const char *r, *xs, *type;
	size_t rl, xl;
	uint32_t from, to;
	GNode sel;
	char key[256];

	if (!lh105__recv_name(f, decl, &r, &rl))
		return;
	xs = go_text(f, lh105__operand(li), &xl);
	if (xl < rl || memcmp(xs, r, rl) != 0 ||
	    (xl > rl && xs[rl] != '.') || xl > 120)
		return;
	type = pass_func_name(f, body);
	if (!type || !strchr(type, '.'))
		return;
	if (lh105__mutex_escapes(f, decl, xs, xl, xl > rl))
		return;
	from = gn_end_byte(li);
	/* held to its unlock, and at most to the end of the block the Lock
	 * is in: a deferred unlock in an if that returns ends there */
	to = gn_end_byte(gn_parent(gn_parent(li)));
	to = lh105__next_call(f, body, from, LH_MIN(to, gn_end_byte(body)),
			      xs, xl, rlock ? "RUnlock" : "Unlock");
	for (uint32_t at = from; lh105__next_recv_sel(f, body, r, rl, &at, to,
						      &sel);) {
		GNode call, fld;
		const struct godecl *m;
		const char *ms;
		size_t ml;
		int how;
		struct lh_finding *fd;

		call = gn_parent(sel);
		if (gn_symbol(call) != GS->call_expression ||
		    !gn_eq(go_field(call, f_function), sel) ||
		    lh105__deferred_or_async(f, call, body))
			continue;
		fld = go_field(sel, f_field);
		ms = go_text(f, fld, &ml);
		snprintf(key, sizeof(key), "%.*s.%.*s",
			 (int)(strchr(type, '.') - type), type, (int)ml, ms);
		m = gopkg_lookup(p->pkg, key);
		if (!m || m->kind != GODECL_METHOD || !m->recv ||
		    gn_eq(m->node, decl))
			continue;
		how = lh105__callee_locks(m, xs + rl, xl - rl);
		if (!how || (rlock && how == 2 &&
			     !lh105__has_writer(p->pkg, m->recv, xs + rl,
						xl - rl)))
			continue;
		fd = pass_report(p, &lh_rule_lh105, f, call,
			"%.*s.%.*s locks %.*s again while it is %s here: %s",
			(int)rl, r, (int)ml, ms, (int)xl, xs,
			rlock ? "read-locked" : "locked",
			rlock && how == 2 ? "the second RLock blocks forever "
					    "once a writer waits" :
					    "it blocks forever");
		pass_step(p, fd, f, li, "%s at line %u",
			  rlock ? "read-locked" : "locked",
			  gn_start_point(li).row + 1);
		pass_step(p, fd, m->file, m->node, "%s locks it again at the "
			  "start, at line %u", key,
			  gn_start_point(m->node).row + 1);
		pass_fix(p, fd, "call a variant that expects %.*s held "
			 "(fooLocked), or unlock before the call", (int)xl,
			 xs);
	}
}

/* ===================================================== channel under lock */

/* What the selector sel (`x.F`) is used for. */
enum lh105_use { U_IGNORE, U_SEND, U_RECV, U_CLOSE, U_RANGE, U_UNKNOWN };

static enum lh105_use lh105__chan_use(struct gofile *f, GNode sel)
{
	GNode x = sel, p = gn_parent(sel);

	while (!gn_is_null(p) &&
	       gn_symbol(p) == GS->parenthesized_expression) {
		x = p;
		p = gn_parent(p);
	}
	if (gn_is_null(p))
		return U_UNKNOWN;
	if (gn_symbol(p) == GS->send_statement)
		return gn_eq(go_field(p, f_channel), x) ? U_SEND :
							     U_UNKNOWN;
	if (gn_symbol(p) == GS->unary_expression)
		return go_text_is(f, go_field(p, f_operator), "<-") ? U_RECV :
								   U_UNKNOWN;
	if (gn_symbol(p) == GS->range_clause)
		return gn_eq(go_field(p, f_right), x) ? U_RANGE :
							   U_UNKNOWN;
	if (gn_symbol(p) == GS->binary_expression ||
	    gn_symbol(p) == GS->keyed_element)
		return U_IGNORE;
	if (gn_symbol(p) == GS->expression_list) {
		GNode pp = gn_parent(p);

		if ((gn_symbol(pp) == GS->assignment_statement) &&
		    gn_eq(go_field(pp, f_left), p))
			return U_IGNORE;
		return U_UNKNOWN;
	}
	if (gn_symbol(p) == GS->argument_list) {
		GNode fn = go_field(gn_parent(p), f_function);

		if (go_text_is(f, fn, "close"))
			return U_CLOSE;
		if (go_text_is(f, fn, "len") || go_text_is(f, fn, "cap"))
			return U_IGNORE;
	}
	return U_UNKNOWN;
}

/* The statement-level node of a channel op at selector sel. */
static GNode lh105__op_node(const struct gofile *f, GNode sel)
{
	GNode n = sel;

	for (unsigned d = 0; d < 8 && !gn_is_null(n); d++) {
		TSSymbol s = gn_symbol(n);

		if (s == GS->send_statement || s == GS->unary_expression ||
		    s == GS->call_expression || s == GS->for_statement)
			return n;
		n = gn_parent(n);
	}
	return sel;
}

/* The op at n is under `r.P.Lock()`/`RLock()` in its own function, with
 * no unlock of it in between. */
static bool lh105__under_lock(struct gofile *f, GNode n, const char *x,
			      size_t xl)
{
	GNode fnode = n;
	uint32_t lo, at = gn_start_byte(n);

	for (; !gn_is_null(fnode); fnode = gn_parent(fnode)) {
		TSSymbol s = gn_symbol(fnode);

		if (s == GS->func_literal || s == GS->function_declaration ||
		    s == GS->method_declaration)
			break;
	}
	if (gn_is_null(fnode))
		return false;
	lo = gn_start_byte(fnode);
	for (int k = 0; k < 2; k++) {
		const char *m = k ? "RLock" : "Lock";
		uint32_t best = UINT32_MAX;

		for (uint32_t from = lo; from < at;) {
			uint32_t l = lh105__next_call(f, fnode, from, at, x, xl,
						      m);
			GNode id, stmt;

			if (l >= at)
				break;
			from = l + 1;
			id = gn_named_descendant_for_byte_range(fnode, l,
								     l);
			stmt = id;
			while (!gn_is_null(stmt) &&
			       gn_symbol(stmt) != GS->expression_statement)
				stmt = gn_parent(stmt);
			if (!gn_is_null(stmt) && chanfacts_before(stmt, n))
				best = l;
		}
		if (best != UINT32_MAX &&
		    lh105__next_call(f, fnode, best, at, x, xl,
				     k ? "RUnlock" : "Unlock") >= at)
			return true;
	}
	return false;
}

/* The receiver name of the method around n (through func literals). */
static bool lh105__method_recv(struct gofile *f, GNode n, const char **r,
			       size_t *rl)
{
	for (; !gn_is_null(n); n = gn_parent(n)) {
		if (gn_symbol(n) == GS->method_declaration)
			return lh105__recv_name(f, n, r, rl);
		if (gn_symbol(n) == GS->function_declaration)
			return false;
	}
	return false;
}

/* Every op of the other side of field fld (sends and closes for a
 * receive, receives and ranges for a send) in the package runs under
 * the same receiver mutex path: returns the first of them, or a null node
 * when any use of the field is out of sight or there is none. */
static GNode lh105__other_side(struct gopkg *pkg, const char *fld,
				size_t fl, bool recv, const char *path,
				size_t pl, GNode self)
{
	GNode none = { 0 }, first = { 0 };
	char pat[130];
	size_t pn;

	if (fl + 2 >= sizeof(pat))
		return none;
	pn = (size_t)snprintf(pat, sizeof(pat), ".%.*s", (int)fl, fld);
	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct gofile *f = pkg->files[i];
		GNode root = go_root(f);

		for (size_t at = 0; at < f->len;) {
			const char *hit = memmem(f->src + at, f->len - at, pat,
						 pn);
			size_t off;
			GNode id, sel, op;
			enum lh105_use u;
			const char *r;
			size_t rl;
			char x[200];
			size_t xl;

			if (!hit)
				break;
			off = (size_t)(hit - f->src);
			at = off + pn;
			if (off + pn < f->len && lh105__word(f->src[off + pn]))
				continue;
			id = gn_named_descendant_for_byte_range(
				root, (uint32_t)off + 1, (uint32_t)off + 1);
			sel = gn_parent(id);
			if (gn_symbol(id) == GS->comment)
				continue;
			if (gn_symbol(id) != GS->field_identifier ||
			    gn_symbol(sel) != GS->selector_expression)
				return none; /* a method value, a literal key.. */
			u = lh105__chan_use(f, sel);
			if (u == U_UNKNOWN)
				return none;
			op = lh105__op_node(f, sel);
			if (u == U_IGNORE || gn_eq(op, self) ||
			    (recv && (u == U_RECV || u == U_RANGE)) ||
			    (!recv && (u == U_SEND || u == U_CLOSE)))
				continue;
			{
				size_t ol;
				const char *os = go_text(f, go_unparen(go_field(
					sel, f_operand)), &ol);

				/* only ops on the method's own receiver:
				 * their lock is the same path */
				if (!lh105__method_recv(f, sel, &r, &rl) ||
				    ol != rl || memcmp(os, r, rl) != 0 ||
				    rl + pl >= sizeof(x))
					return none;
			}
			xl = (size_t)snprintf(x, sizeof(x), "%.*s%.*s", (int)rl,
					      r, (int)pl, path);
			if (!lh105__under_lock(f, op, x, xl))
				return none;
			if (gn_is_null(first))
				first = op;
		}
	}
	return first;
}

/* Between `r.mu.Lock()` and its unlock, a blocking receive from (or send
 * on) an unexported channel field r.F, when every send and close (or
 * receive) of F in the package also runs under r.mu: the other side can
 * never get the lock, and both goroutines hang (grpc-go#1460). */
static void lh105__chan_under_lock(struct lh_pass *p, struct gofile *f,
				   GNode decl, GNode body, GNode li)
{
	const char *r, *xs;
	size_t rl, xl;
	uint32_t from, to;
	GNode sel;

	if (!lh105__recv_name(f, decl, &r, &rl))
		return;
	xs = go_text(f, lh105__operand(li), &xl);
	if (xl <= rl || memcmp(xs, r, rl) != 0 || xs[rl] != '.' || xl > 120)
		return;
	if (lh105__mutex_escapes(f, decl, xs, xl, true))
		return;
	from = gn_end_byte(li);
	to = gn_end_byte(gn_parent(gn_parent(li)));
	to = lh105__next_call(f, body, from, LH_MIN(to, gn_end_byte(body)),
			      xs, xl, "Unlock");
	for (uint32_t at = from; lh105__next_recv_sel(f, body, r, rl, &at, to,
						      &sel);) {
		GNode op, other, fld, sp;
		enum lh105_use u;
		const char *fs, *ss;
		size_t fl, sl;
		struct lh_finding *fd;

		if (lh105__deferred_or_async(f, sel, body))
			continue;
		u = lh105__chan_use(f, sel);
		if (u != U_SEND && u != U_RECV)
			continue;
		op = lh105__op_node(f, sel);
		/* a select with another case or a default does not block */
		sp = gn_parent(op);
		if (u == U_RECV && !gn_is_null(sp) &&
		    (gn_symbol(sp) == GS->expression_list ||
		     gn_symbol(sp) == GS->receive_statement))
			sp = gn_parent(sp);
		if (!gn_is_null(sp) &&
		    (gn_symbol(sp) == GS->receive_statement))
			sp = gn_parent(sp);
		if (!gn_is_null(sp) &&
		    gn_symbol(sp) == GS->communication_case &&
		    gn_named_child_count(gn_parent(sp)) > 1)
			continue;
		fld = go_field(sel, f_field);
		fs = go_text(f, fld, &fl);
		if (!fl || (fs[0] >= 'A' && fs[0] <= 'Z'))
			continue;
		other = lh105__other_side(p->pkg, fs, fl, u == U_RECV, xs + rl,
					  xl - rl, op);
		if (gn_is_null(other))
			continue;
		ss = go_text(f, sel, &sl);
		fd = pass_report(p, &lh_rule_lh105, f, op,
			"%s %.*s while holding %.*s blocks forever: every %s "
			"on %.*s needs %.*s too",
			u == U_RECV ? "receive from" : "send on", (int)sl, ss,
			(int)xl, xs, u == U_RECV ? "send" : "receive",
			(int)fl, fs, (int)xl, xs);
		pass_step(p, fd, f, other, "the other side at line %u runs "
			  "with %.*s held", gn_start_point(other).row + 1,
			  (int)xl, xs);
		pass_step(p, fd, f, li, "locks %.*s at line %u", (int)xl, xs,
			  gn_start_point(li).row + 1);
		pass_step(p, fd, f, op, "waits at line %u with %.*s held",
			  gn_start_point(op).row + 1, (int)xl, xs);
		pass_fix(p, fd, "unlock %.*s before waiting on the channel, or "
			 "select on the channel together with a done channel",
			 (int)xl, xs);
		return;
	}
}

/* A `defer X.Unlock()` (or a deferred closure calling it) registered in
 * body before site: whatever the lock at site holds at exit, that defer
 * releases it (autocert's stop: unlock, wait, lock again in a loop under
 * one deferred Unlock). */
static bool lh105__deferred_release(struct gofile *f, GNode body, GNode site,
				    const char *x, size_t xl, bool rlock)
{
	char pat[160];
	size_t pl;
	uint32_t from = gn_start_byte(body), to = gn_start_byte(site);

	if (xl > 100)
		return false;
	pl = (size_t)snprintf(pat, sizeof(pat), "%.*s.%s(", (int)xl, x,
			      rlock ? "RUnlock" : "Unlock");
	for (uint32_t at = from, off;
	     lh105__next_word(f, pat, pl, &at, to, &off);) {
		GNode n;

		n = gn_named_descendant_for_byte_range(body, off, off);
		for (; !gn_is_null(n) && !gn_eq(n, body);
		     n = gn_parent(n)) {
			if (gn_symbol(n) == GS->defer_statement)
				return chanfacts_before(n, site);
		}
	}
	return false;
}

/* The function unlocks X before it first locks it: it runs with X held
 * on entry ("t.lock must be held"), and a lock taken again after a
 * temporary unlock belongs to its caller. */
static bool lh105__held_on_entry(struct gofile *f, GNode body, GNode site,
				 const char *x, size_t xl, bool rlock)
{
	uint32_t from = gn_start_byte(body), to = gn_start_byte(site);
	uint32_t u = lh105__next_call(f, body, from, to, x, xl,
				      rlock ? "RUnlock" : "Unlock");
	uint32_t l = lh105__next_call(f, body, from, to, x, xl,
				      rlock ? "RLock" : "Lock");

	return u < to && u < l;
}

/* A return that hands the lock on: `return r.run(...)` where run, a
 * method of the same type, unlocks the receiver's mutex at the same path
 * ("p.mu must be locked" helpers). */
static bool lh105__handoff(struct lh_pass *p, struct gofile *f, GNode decl,
			   GNode ret, const char *x, size_t xl)
{
	const char *r, *type, *dot;
	size_t rl;
	GNode list = gn_named_child(ret, 0);

	if (gn_is_null(list) || !lh105__recv_name(f, decl, &r, &rl) ||
	    xl < rl || memcmp(x, r, rl) != 0 || (xl > rl && x[rl] != '.'))
		return false;
	type = pass_func_name(f, go_field(decl, f_body));
	dot = type ? strchr(type, '.') : NULL;
	if (!dot)
		return false;
	if (gn_symbol(list) != GS->expression_list)
		list = gn_parent(list);
	for (uint32_t i = 0; i < gn_named_child_count(list); i++) {
		GNode call = go_unparen(gn_named_child(list, i));
		GNode fun, op;
		const struct godecl *m;
		const char *ms, *r2;
		size_t ml, r2l;
		char key[256], pat[200];

		if (gn_symbol(call) != GS->call_expression)
			continue;
		fun = go_unparen(go_field(call, f_function));
		if (gn_symbol(fun) != GS->selector_expression)
			continue;
		op = go_unparen(go_field(fun, f_operand));
		if (gn_symbol(op) != GS->identifier ||
		    gn_end_byte(op) - gn_start_byte(op) != rl ||
		    memcmp(f->src + gn_start_byte(op), r, rl) != 0)
			continue;
		ms = go_text(f, go_field(fun, f_field), &ml);
		snprintf(key, sizeof(key), "%.*s.%.*s", (int)(dot - type), type,
			 (int)ml, ms);
		m = gopkg_lookup(p->pkg, key);
		if (!m || m->kind != GODECL_METHOD ||
		    !lh105__recv_name(m->file, m->node, &r2, &r2l) ||
		    r2l + xl - rl + 8 >= sizeof(pat))
			continue;
		snprintf(pat, sizeof(pat), "%.*s%.*s.Unlock()", (int)r2l, r2,
			 (int)(xl - rl), x + rl);
		ms = go_text(m->file, m->node, &ml);
		if (memmem(ms, ml, pat, strlen(pat)))
			return true;
		snprintf(pat, sizeof(pat), "%.*s%.*s.RUnlock()", (int)r2l, r2,
			 (int)(xl - rl), x + rl);
		if (memmem(ms, ml, pat, strlen(pat)))
			return true;
	}
	return false;
}

/* The function says it locks: lockX, xLocked, rlock, Lock. */
static bool lh105__locker_name(const char *name)
{
	for (const char *s = name; *s; s++) {
		if (tolower((unsigned char)s[0]) == 'l' &&
		    strncmp(s + 1, "ock", 3) == 0)
			return true;
	}
	return false;
}

/* The last exit of the body: its final return, or its end. */
static bool lh105__is_last_exit(GNode body, const struct eng_exit *e)
{
	uint32_t n = gn_named_child_count(body);
	GNode last;

	if (e->kind == ENG_EXIT_END)
		return true;
	if (e->kind != ENG_EXIT_RETURN || !n)
		return false;
	last = gn_named_child(body, n - 1);
	return gn_eq(last, e->node);
}

static void lh105__func(struct lh_pass *p, struct gofile *f, GNode decl,
			const char *name)
{
	struct eng_spec spec = { 0 };
	struct lh105_ctx locks;
	struct eng_func *fn;
	struct eng_result *r;
	GNode relocked[LH105_MAX_LOCKS];
	size_t len, nrelocked = 0;
	const char *text = go_text(f, decl, &len);

	if (!name || !memmem(text, len, "Lock()", 6) ||
	    lh105__locker_name(name))
		return;
	fn = eng_func_get(p->pkg, f, decl);
	if (!fn || fn->too_deep || gn_is_null(fn->body))
		return;
	memset(&locks, 0, sizeof(locks));
	locks.decl = decl;
	spec.acquire = lh105__acquire;
	spec.ctx = &locks;
	r = eng_run(fn, &spec);
	lh105__double(p, f, &locks);
	for (size_t i = 0; i < locks.n; i++) {
		if (!locks.rlock[i] &&
		    lh105__loop_relock(p, f, fn->body, locks.calls[i]))
			relocked[nrelocked < LH105_MAX_LOCKS ? nrelocked++ :
				 nrelocked - 1] = locks.calls[i];
		lh105__call_relock(p, f, decl, fn->body, locks.calls[i],
				   locks.rlock[i]);
		if (!locks.rlock[i])
			lh105__chan_under_lock(p, f, decl, fn->body,
					       locks.calls[i]);
	}
	for (size_t i = 0; r && i < r->nleaks; i++) {
		struct eng_leak *l = &r->leaks[i];
		struct lh_finding *fd;
		size_t nret = 0;
		bool last = false;

		if (l->kind != &lh105_lock && l->kind != &lh105_rlock)
			continue;
		if (!l->released_somewhere)
			continue;
		for (size_t j = 0; j < nrelocked; j++) {
			if (gn_eq(relocked[j], l->site))
				nret = SIZE_MAX;
		}
		if (nret == SIZE_MAX)
			continue; /* reported as a relock */
		for (size_t j = 0; j < l->nexits; j++) {
			if (l->exits[j].kind != ENG_EXIT_RETURN &&
			    l->exits[j].kind != ENG_EXIT_END)
				continue;
			nret++;
			if (lh105__is_last_exit(fn->body, &l->exits[j]))
				last = true;
		}
		if (lh105__deferred_release(f, fn->body, l->site, l->handle,
					    strlen(l->handle),
					    l->kind == &lh105_rlock) ||
		    lh105__held_on_entry(f, fn->body, l->site, l->handle,
					 strlen(l->handle),
					 l->kind == &lh105_rlock))
			continue;
		nret = 0;
		for (size_t j = 0; j < l->nexits; j++) {
			const struct eng_exit *e = &l->exits[j];

			if (e->kind == ENG_EXIT_END ||
			    (e->kind == ENG_EXIT_RETURN &&
			     !lh105__handoff(p, f, decl, e->node, l->handle,
					     strlen(l->handle))))
				nret++;
		}
		if (!nret)
			continue;
		/* a lock taken and released per loop round that leaves
		 * the loop held is no hand-off to the caller */
		if (last && lh105__per_round(f, fn->body, l->site,
					     l->kind == &lh105_rlock))
			last = false;
		if (!nret || last)
			continue;
		fd = pass_report(p, &lh_rule_lh105, f, l->site,
			"%s %s stays locked when %s returns early: the next "
			"Lock blocks forever", l->noun, l->handle, name);
		for (size_t j = 0; j < l->nexits; j++) {
			const struct eng_exit *e = &l->exits[j];

			if ((e->kind != ENG_EXIT_RETURN &&
			     e->kind != ENG_EXIT_END) ||
			    (e->kind == ENG_EXIT_RETURN &&
			     lh105__handoff(p, f, decl, e->node, l->handle,
					    strlen(l->handle))))
				continue;
			pass_step(p, fd, f, e->node, "%s with %s %s",
				  eng_exit_text(p->pkg, e), l->handle,
				  l->kind->still);
		}
		pass_fix(p, fd, "unlock %s on that path too - simplest with "
			 "`defer %s.%s()` right after the lock",
			 l->handle, l->handle, l->kind->release);
	}
}

/* A func literal that is an argument of a call (not a go or defer
 * statement's call: those are judged elsewhere or run at exit). */
static bool lh105__is_argument(GNode lit)
{
	GNode args = gn_parent(lit), call;

	if (gn_symbol(args) != GS->argument_list)
		return false;
	call = gn_parent(args);
	return !gn_is_null(call) &&
	       gn_symbol(gn_parent(call)) != GS->go_statement &&
	       gn_symbol(gn_parent(call)) != GS->defer_statement;
}

/* Func literals passed as arguments in decl (time.AfterFunc callbacks,
 * handlers, Once.Do bodies): their returns are their own exits, so each
 * is judged as a function of its own (grpc-go#3017). Found by a text
 * scan of the declaration, only when it mentions Lock(). */
static void lh105__callbacks(struct lh_pass *p, const struct godecl *d)
{
	size_t len;
	const char *text = go_text(d->file, d->node, &len);
	uint32_t base = gn_start_byte(d->node);
	const char *name;

	if (!memmem(text, len, "Lock()", 6))
		return;
	for (size_t at = 0; at < len;) {
		const char *hit = memmem(text + at, len - at, "func(", 5);
		uint32_t off;
		GNode lit;

		if (!hit)
			break;
		off = base + (uint32_t)(hit - text);
		at = (size_t)(hit - text) + 5;
		lit = gn_descendant_for_byte_range(d->node, off, off + 4);
		while (!gn_is_null(lit) &&
		       gn_symbol(lit) != GS->func_literal &&
		       gn_start_byte(lit) == off)
			lit = gn_parent(lit);
		if (gn_is_null(lit) ||
		    gn_symbol(lit) != GS->func_literal ||
		    gn_start_byte(lit) != off ||
		    !lh105__is_argument(lit))
			continue;
		name = pass_func_name(d->file, go_field(lit, f_body));
		if (name)
			lh105__func(p, d->file, lit, name);
	}
}

/* s[0..n) holds "Lock()" (also "RLock()"): one memchr pass for the
 * rare 'L' (memmem's setup costs more than its search on short bodies). */
static bool lh105__mentions_lock(const char *s, size_t n)
{
	const char *e = s + n;

	for (const char *q = s; (q = memchr(q, 'L', (size_t)(e - q))); q++) {
		if ((size_t)(e - q) >= 6 && memcmp(q, "Lock()", 6) == 0)
			return true;
	}
	return false;
}

static void lh105_run(struct lh_pass *p)
{
	const struct chfacts *cf;

	for (size_t i = 0; i < p->pkg->funcs.len; i++) {
		const struct godecl *d = p->pkg->funcs.items[i];
		size_t len;
		const char *text = go_text(d->file, d->node, &len);

		/* both lh105__func and lh105__callbacks look for it first */
		if (!lh105__mentions_lock(text, len))
			continue;
		lh105__func(p, d->file, d->node, d->name);
		lh105__callbacks(p, d);
	}
	/* goroutine literals: their exits are their own */
	cf = chanfacts_get(p->pkg);
	for (size_t i = 0; i < cf->nfuncs; i++) {
		const struct chfunc *fn = cf->funcs[i];

		for (size_t g = 0; g < fn->ngors; g++) {
			const struct chgor *gr = &fn->gors[g];
			GNode lit;

			if (gr->callee || gn_is_null(gr->body))
				continue;
			lit = gn_parent(gr->body);
			lh105__func(p, gr->bfile, lit,
				    pass_func_name(gr->bfile, gr->body));
		}
	}
}

const struct lh_rule lh_rule_lh105 = {
	.id = "LH105",
	.name = "mutex-not-unlocked",
	.title = "mutex locked and not unlocked on some return path",
	.class = LH_CLASS_GOROUTINE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_OBLIGATIONS | LH_NEED_CHANNELS,
	.run = lh105_run,
};
