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
	TSNode st, list;

	if (!d || d->kind != GODECL_TYPE)
		return false;
	st = go_field(d->node, f_type);
	if (ts_node_is_null(st) || ts_node_symbol(st) != GS->struct_type)
		return false;
	list = ts_node_named_child(st, 0);
	if (ts_node_is_null(list))
		return false;
	for (uint32_t i = 0; i < ts_node_named_child_count(list); i++) {
		TSNode fd = ts_node_named_child(list, i);
		TSNode t;

		if (ts_node_symbol(fd) != GS->field_declaration ||
		    !ts_node_is_null(go_field(fd, f_name)))
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

static bool lh105__is_mutex(struct eng_func *fn, TSNode x)
{
	const char *t = eng_type_of(fn, x);
	TSNode last = x;
	const char *s;
	size_t len;

	if (t)
		return strcmp(t, "sync.Mutex") == 0 ||
		       strcmp(t, "sync.RWMutex") == 0 ||
		       lh105__embeds_mutex(fn->pkg, t);
	if (ts_node_symbol(x) == GS->selector_expression)
		last = go_field(x, f_field);
	s = go_text(fn->file, last, &len);
	return lh105__ieq_suffix(s, len, "mu") ||
	       lh105__ieq_suffix(s, len, "mtx") ||
	       lh105__ieq_suffix(s, len, "mutex") ||
	       lh105__ieq_suffix(s, len, "lock");
}

#define LH105_MAX_LOCKS 32

/* The Lock calls the walk met, for the double-lock check. */
struct lh105_ctx {
	TSNode calls[LH105_MAX_LOCKS];
	bool rlock[LH105_MAX_LOCKS];
	size_t n;
};

static void lh105__remember(struct lh105_ctx *c, TSNode call, bool rlock)
{
	for (size_t i = 0; i < c->n; i++) {
		if (ts_node_eq(c->calls[i], call))
			return;
	}
	if (c->n < LH105_MAX_LOCKS) {
		c->calls[c->n] = call;
		c->rlock[c->n++] = rlock;
	}
}

static bool lh105__acquire(void *ctx, struct eng_func *fn, TSNode call,
			   struct eng_acquire *a)
{
	TSNode fun = go_unparen(go_field(call, f_function)), fld, op, args;
	bool rlock;

	if (ts_node_is_null(fun) ||
	    ts_node_symbol(fun) != GS->selector_expression)
		return false;
	fld = go_field(fun, f_field);
	rlock = go_text_is(fn->file, fld, "RLock");
	if (!rlock && !go_text_is(fn->file, fld, "Lock"))
		return false;
	args = go_field(call, f_arguments);
	if (!ts_node_is_null(args) && ts_node_named_child_count(args))
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

static TSNode lh105__operand(TSNode call)
{
	return go_unparen(go_field(go_unparen(go_field(call, f_function)),
				   f_operand));
}

/* Inside a func literal that does not also hold `outer`. */
static bool lh105__in_other_literal(TSNode n, TSNode outer)
{
	for (TSNode x = ts_node_parent(n); !ts_node_is_null(x);
	     x = ts_node_parent(x)) {
		if (ts_node_start_byte(x) <= ts_node_start_byte(outer) &&
		    ts_node_end_byte(x) >= ts_node_end_byte(outer))
			return false;
		if (ts_node_symbol(x) == GS->func_literal)
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
			TSNode li = c->calls[i], lj = c->calls[j];
			TSNode stmt = ts_node_parent(li);
			size_t xl, yl, between;
			const char *x = go_text(f, lh105__operand(li), &xl);
			const char *y = go_text(f, lh105__operand(lj), &yl);
			char pat[160];
			struct lh_finding *fd;

			if (i == j || (c->rlock[i] && c->rlock[j]) ||
			    xl != yl || memcmp(x, y, xl) != 0 || xl > 100 ||
			    ts_node_start_byte(li) >= ts_node_start_byte(lj))
				continue;
			if (ts_node_symbol(stmt) != GS->expression_statement ||
			    !chanfacts_before(stmt, lj) ||
			    lh105__in_other_literal(lj, li))
				continue;
			between = ts_node_start_byte(lj) - ts_node_end_byte(li);
			snprintf(pat, sizeof(pat), "%.*s.Unlock()", (int)xl, x);
			if (memmem(f->src + ts_node_end_byte(li), between, pat,
				   strlen(pat)))
				continue;
			snprintf(pat, sizeof(pat), "%.*s.RUnlock()", (int)xl, x);
			if (memmem(f->src + ts_node_end_byte(li), between, pat,
				   strlen(pat)))
				continue;
			fd = pass_report(p, &lh_rule_lh105, f, lj,
				"%.*s is locked again while still locked: this "
				"%s blocks forever", (int)xl, x,
				c->rlock[j] ? "RLock" : "Lock");
			pass_step(p, fd, f, li, "locked at line %u",
				  ts_node_start_point(li).row + 1);
			pass_step(p, fd, f, lj, "locked again at line %u with "
				  "no unlock in between",
				  ts_node_start_point(lj).row + 1);
			pass_fix(p, fd, "unlock %.*s before locking it again, or "
				 "do not lock it twice on this path", (int)xl,
				 x);
			break;
		}
	}
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
static bool lh105__is_last_exit(TSNode body, const struct eng_exit *e)
{
	uint32_t n = ts_node_named_child_count(body);
	TSNode last;

	if (e->kind == ENG_EXIT_END)
		return true;
	if (e->kind != ENG_EXIT_RETURN || !n)
		return false;
	last = ts_node_named_child(body, n - 1);
	return ts_node_eq(last, e->node);
}

static void lh105__func(struct lh_pass *p, struct gofile *f, TSNode decl,
			const char *name)
{
	struct eng_spec spec = { 0 };
	struct lh105_ctx locks;
	struct eng_func *fn;
	struct eng_result *r;
	size_t len;
	const char *text = go_text(f, decl, &len);

	if (!memmem(text, len, "Lock()", 6) || lh105__locker_name(name))
		return;
	fn = eng_func_get(p->pkg, f, decl);
	if (!fn || fn->too_deep || ts_node_is_null(fn->body))
		return;
	memset(&locks, 0, sizeof(locks));
	spec.acquire = lh105__acquire;
	spec.ctx = &locks;
	r = eng_run(fn, &spec);
	lh105__double(p, f, &locks);
	for (size_t i = 0; r && i < r->nleaks; i++) {
		struct eng_leak *l = &r->leaks[i];
		struct lh_finding *fd;
		size_t nret = 0;
		bool last = false;

		if (l->kind != &lh105_lock && l->kind != &lh105_rlock)
			continue;
		if (!l->released_somewhere)
			continue;
		for (size_t j = 0; j < l->nexits; j++) {
			if (l->exits[j].kind != ENG_EXIT_RETURN &&
			    l->exits[j].kind != ENG_EXIT_END)
				continue;
			nret++;
			if (lh105__is_last_exit(fn->body, &l->exits[j]))
				last = true;
		}
		if (!nret || last)
			continue;
		fd = pass_report(p, &lh_rule_lh105, f, l->site,
			"%s %s stays locked when %s returns early: the next "
			"Lock blocks forever", l->noun, l->handle, name);
		for (size_t j = 0; j < l->nexits; j++) {
			const struct eng_exit *e = &l->exits[j];

			if (e->kind != ENG_EXIT_RETURN &&
			    e->kind != ENG_EXIT_END)
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

static void lh105_run(struct lh_pass *p)
{
	const struct chfacts *cf;

	for (size_t i = 0; i < p->pkg->funcs.len; i++) {
		const struct godecl *d = p->pkg->funcs.items[i];

		lh105__func(p, d->file, d->node, d->name);
	}
	/* goroutine literals: their exits are their own */
	cf = chanfacts_get(p->pkg);
	for (size_t i = 0; i < cf->nfuncs; i++) {
		const struct chfunc *fn = cf->funcs[i];

		for (size_t g = 0; g < fn->ngors; g++) {
			const struct chgor *gr = &fn->gors[g];
			TSNode lit;

			if (gr->callee || ts_node_is_null(gr->body))
				continue;
			lit = ts_node_parent(gr->body);
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
	.needs = LH_NEED_OBLIGATIONS,
	.run = lh105_run,
};
