/*
 * lh107.c - LH107: sync.Cond.Wait with no Signal or Broadcast in the
 * package.
 *
 * One pass over the package finds the names that denote a sync.Cond -
 * struct fields and variables declared `sync.Cond` / `*sync.Cond`, and
 * whatever is assigned `sync.NewCond(...)` (import aliases resolved) -
 * and every `X.Wait()`, `X.Signal()`, `X.Broadcast()` call. A Wait on a
 * cond name is reported when no zero-argument Signal() or Broadcast()
 * call in the package is on that name, nor on a receiver that is not a
 * known cond name (aliases and wrappers are not tracked, so such a call
 * may wake anything). Two conds of one queue (notEmpty, notFull) are told
 * apart: signalling the wrong one is the bug.
 *
 * Ignored: exported cond names (another package may signal them) and
 * conds passed to a call (the callee may signal them).
 */
#include "static/chanfacts.h"
#include "static/walk.h"

extern const struct lh_rule lh_rule_lh107;

#define LH107_MAX_DEPTH 400
#define LH107_MAX_NAMES 64

struct lh107_name {
	const char *s;
	size_t len;
	bool escapes;
	bool signalled; /* X.Signal() or X.Broadcast() on this name */
};

struct lh107_wait {
	struct gofile *f;
	GNode call;
	const char *s;
	size_t len;
};

struct lh107_ctx {
	struct lh107_name names[LH107_MAX_NAMES];
	size_t nnames;
	VEC(struct lh107_wait) waits;
	bool signalled;
};

static bool lh107__is_cond_type(const struct gofile *f, GNode t)
{
	GNode pkg, name;
	size_t len;
	const char *s, *path;

	if (!gn_is_null(t) && gn_symbol(t) == GS->pointer_type)
		t = gn_named_child(t, 0);
	if (gn_is_null(t) || gn_symbol(t) != GS->qualified_type)
		return false;
	pkg = go_field(t, f_package);
	name = go_field(t, f_name);
	s = go_text(f, pkg, &len);
	path = go_import_path(f, s, len);
	return path && strcmp(path, "sync") == 0 &&
	       go_text_is(f, name, "Cond");
}

static bool lh107__is_newcond(const struct gofile *f, GNode e)
{
	const char *path, *name;
	size_t len;

	e = go_unparen(e);
	if (gn_is_null(e) || gn_symbol(e) != GS->call_expression)
		return false;
	return go_selector_import(f, go_field(e, f_function), &path, &name,
				  &len) &&
	       strcmp(path, "sync") == 0 && str_eqn(name, len, "NewCond");
}

/* The last name of an expression: x, s.cond, a.b.c -> c. */
static GNode lh107__last(GNode e)
{
	e = go_unparen(e);
	if (!gn_is_null(e) && gn_symbol(e) == GS->selector_expression)
		return go_field(e, f_field);
	if (!gn_is_null(e) && (gn_symbol(e) == GS->identifier ||
				    gn_symbol(e) == GS->field_identifier))
		return e;
	memset(&e, 0, sizeof(e));
	return e;
}

static void lh107__add(struct lh107_ctx *c, const struct gofile *f, GNode id)
{
	size_t len;
	const char *s;

	if (gn_is_null(id))
		return;
	s = go_text(f, id, &len);
	for (size_t i = 0; i < c->nnames; i++) {
		if (c->names[i].len == len && !memcmp(c->names[i].s, s, len))
			return;
	}
	if (c->nnames < LH107_MAX_NAMES) {
		c->names[c->nnames].s = s;
		c->names[c->nnames].len = len;
		c->names[c->nnames++].escapes = false;
	}
}

static struct lh107_name *lh107__find(struct lh107_ctx *c, const char *s,
				      size_t len)
{
	for (size_t i = 0; i < c->nnames; i++) {
		if (c->names[i].len == len && !memcmp(c->names[i].s, s, len))
			return &c->names[i];
	}
	return NULL;
}

/* Pass 1: declarations and NewCond assignments. */
static void lh107__decls(struct lh107_ctx *c, const struct gofile *f, GNode n)
{
	const struct go_syms *g = GS;
	TSSymbol s = gn_symbol(n);

	if (s == g->field_declaration || s == g->var_spec) {
		GNode type = go_field(n, f_type);

		if (lh107__is_cond_type(f, type)) {
			for (uint32_t i = 0; i < gn_named_child_count(n);
			     i++) {
				GNode ch = gn_named_child(n, i);

				if (gn_symbol(ch) == g->field_identifier ||
				    gn_symbol(ch) == g->identifier)
					lh107__add(c, f, ch);
			}
		}
	}
	if (s == g->short_var_declaration || s == g->assignment_statement ||
	    s == g->var_spec) {
		GNode left = s == g->var_spec ? n : go_field(n, f_left);
		GNode right = s == g->var_spec ? go_field(n, f_value) :
						  go_field(n, f_right);
		uint32_t nr = gn_is_null(right) ? 0 :
			      gn_named_child_count(right);

		for (uint32_t i = 0; i < nr; i++) {
			if (!lh107__is_newcond(f, gn_named_child(right, i)))
				continue;
			if (s == g->var_spec)
				lh107__add(c, f, go_field(n, f_name));
			else if (!gn_is_null(left) &&
				 i < gn_named_child_count(left))
				lh107__add(c, f, lh107__last(
					gn_named_child(left, i)));
		}
	}
	if (s == g->keyed_element && gn_named_child_count(n) == 2 &&
	    lh107__is_newcond(f, gn_named_child(gn_named_child(n, 1),
						     0)))
		lh107__add(c, f, gn_named_child(gn_named_child(n, 0),
						     0));
}

/* Pass 2: Wait/Signal/Broadcast calls and escapes. */
static void lh107__uses(struct lh107_ctx *c, struct gofile *f, GNode n)
{
	const struct go_syms *g = GS;
	TSSymbol s = gn_symbol(n);

	if (s == g->call_expression) {
		GNode fn = go_unparen(go_field(n, f_function));
		GNode args = go_field(n, f_arguments);
		uint32_t na = gn_named_child_count(args);

		if (gn_symbol(fn) == g->selector_expression) {
			GNode fld = go_field(fn, f_field);

			if (na == 0 && (go_text_is(f, fld, "Signal") ||
					go_text_is(f, fld, "Broadcast"))) {
				GNode last = lh107__last(go_field(fn,
								   f_operand));
				size_t len = 0;
				const char *t = gn_is_null(last) ? NULL :
						go_text(f, last, &len);
				struct lh107_name *nm =
					t ? lh107__find(c, t, len) : NULL;

				/* a known cond wakes its own waiters; any
				 * other receiver may be an alias of any */
				if (nm)
					nm->signalled = true;
				else
					c->signalled = true;
			}
			if (na == 0 && go_text_is(f, fld, "Wait")) {
				GNode last = lh107__last(go_field(fn,
								   f_operand));
				size_t len;
				const char *t = go_text(f, last, &len);

				if (!gn_is_null(last) &&
				    lh107__find(c, t, len)) {
					struct lh107_wait w = { f, n, t, len };

					VEC_PUSH(&c->waits, w);
				}
			}
		}
		for (uint32_t i = 0; i < na; i++) {
			GNode a = go_unparen(gn_named_child(args, i));
			GNode last;
			size_t len;
			const char *t;
			struct lh107_name *nm;

			if (gn_symbol(a) == g->unary_expression)
				a = go_unparen(go_field(a, f_operand));
			last = lh107__last(a);
			if (gn_is_null(last))
				continue;
			t = go_text(f, last, &len);
			nm = lh107__find(c, t, len);
			if (nm)
				nm->escapes = true;
		}
	}
}

/* Visits f's records of the kinds pass reads (walk.c registers them),
 * down to LH107_MAX_DEPTH levels. */
static void lh107__walk(struct lh107_ctx *c, struct gofile *f, int pass)
{
	const struct go_syms *g = GS;
	const TSSymbol decls[] = { g->field_declaration, g->var_spec,
				   g->short_var_declaration,
				   g->assignment_statement, g->keyed_element,
				   0 };
	const TSSymbol uses[] = { g->call_expression, 0 };
	struct walk_iter it;
	const struct gonode *e;

	walk_iter_file(&it, f, pass == 1 ? decls : uses);
	while ((e = walk_next(&it))) {
		if (e->depth > LH107_MAX_DEPTH)
			continue;
		if (pass == 1)
			lh107__decls(c, f, e->node);
		else
			lh107__uses(c, f, e->node);
	}
}

/* Cheap filter: does any file import sync and mention Cond? */
static bool lh107__imports_sync(const struct gopkg *pkg)
{
	for (size_t i = 0; i < pkg->nfiles; i++) {
		const struct gofile *f = pkg->files[i];

		for (size_t j = 0; j < f->nimports; j++) {
			if (strcmp(f->imports[j].path, "sync") == 0 &&
			    memmem(f->src, f->len, "Cond", 4))
				return true;
		}
	}
	return false;
}

static void lh107_run(struct lh_pass *p)
{
	struct lh107_ctx c;

	if (!lh107__imports_sync(p->pkg))
		return;
	memset(&c, 0, sizeof(c));
	for (size_t i = 0; i < p->pkg->nfiles; i++)
		lh107__walk(&c, p->pkg->files[i], 1);
	if (!c.nnames)
		return;
	for (size_t i = 0; i < p->pkg->nfiles; i++)
		lh107__walk(&c, p->pkg->files[i], 2);
	for (size_t i = 0; i < c.waits.len && !c.signalled; i++) {
		struct lh107_wait *w = &c.waits.items[i];
		struct lh107_name *nm = lh107__find(&c, w->s, w->len);
		struct lh_finding *fd;

		if (!nm || nm->escapes || nm->signalled ||
		    (w->s[0] >= 'A' && w->s[0] <= 'Z'))
			continue;
		fd = pass_report(p, &lh_rule_lh107, w->f, w->call,
			"%.*s.Wait() blocks forever: nothing in the package "
			"calls %.*s.Signal or %.*s.Broadcast", (int)w->len,
			w->s, (int)w->len, w->s, (int)w->len, w->s);
		pass_step(p, fd, w->f, w->call,
			  "waits at line %u for a Signal or Broadcast that "
			  "never comes", gn_start_point(w->call).row + 1);
		pass_fix(p, fd, "call %.*s.Signal() or %.*s.Broadcast() "
			 "(holding its lock) wherever the condition it waits "
			 "for changes", (int)w->len, w->s, (int)w->len, w->s);
	}
	VEC_FREE(&c.waits);
}

const struct lh_rule lh_rule_lh107 = {
	.id = "LH107",
	.name = "cond-wait-never-signalled",
	.title = "sync.Cond.Wait with no Signal or Broadcast in the package",
	.class = LH_CLASS_GOROUTINE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = 0,
	.run = lh107_run,
};
