/*
 * engine.c - scopes, types and the path-sensitive obligation walk.
 *
 * Three layers, each usable alone (see engine.h for the contracts):
 *   1. resolution: every identifier of a top-level function (func literals
 *      included) is bound to its declaration through Go's block scopes;
 *   2. small type inference for receivers (`c.Do` where c is *http.Client);
 *   3. the walk: statements as a structured CFG, with per-obligation state
 *      sets (bit masks: "may be open", "may be done/nil") merged at joins.
 *
 * Everything is allocated in the package arena; recursion is bounded by
 * ENG_MAX_DEPTH and an analysis that hits a bound gives up silently.
 */
#include <limits.h>
#include <stdio.h>

#include "static/apis.h"
#include "static/xpkg.h"
#include "static/engine.h"
#include "static/walk.h"

/* ================================================================ small map */

/* An arena-backed hash map from (pointer, int, string) to a pointer. */
struct amap_ent {
	const void *p;
	long i;
	const char *s;
	void *value;
	struct amap_ent *next;
};

#define AMAP_BUCKETS 512

struct amap {
	struct amap_ent *b[AMAP_BUCKETS];
};

static size_t amap__hash(const void *p, long i, const char *s)
{
	uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull ^
		     (uint64_t)i * 0xC2B2AE3D27D4EB4Full;

	if (s)
		h ^= lh_hash(s, strlen(s));
	return (size_t)(h ^ (h >> 29)) % AMAP_BUCKETS;
}

static struct amap_ent *amap_find(struct amap *m, const void *p, long i,
				  const char *s)
{
	for (struct amap_ent *e = m->b[amap__hash(p, i, s)]; e; e = e->next) {
		if (e->p == p && e->i == i &&
		    (e->s == s || (e->s && s && strcmp(e->s, s) == 0)))
			return e;
	}
	return NULL;
}

static struct amap_ent *amap_add(struct arena *a, struct amap *m,
				 const void *p, long i, const char *s)
{
	struct amap_ent *e = amap_find(m, p, i, s);
	size_t h;

	if (e)
		return e;
	h = amap__hash(p, i, s);
	e = arena_alloc(a, sizeof(*e));
	e->p = p;
	e->i = i;
	e->s = s ? arena_strdup(a, s) : NULL;
	e->next = m->b[h];
	m->b[h] = e;
	return e;
}

/* ================================================================ package state */

struct eng_pkg {
	struct amap funcs;     /* (file, start byte) -> struct eng_func* */
	struct amap fields;    /* (NULL, 0, field name) -> type or "";
				  (NULL, 1, "Owner.field") -> type;
				  (NULL, 2, "Owner") -> the type of its only
				  embedded field, "" when it has several */
	bool fields_built;
	struct amap summaries; /* (decl, param, path) -> struct eng_sumstate* */
	struct amap ctors;     /* (decl, acquire hook) -> struct ctor* */
	unsigned sum_level;    /* summaries being computed, nested */
	unsigned sum_walks;    /* summary walks made (a budget) */
	struct amap passthru;  /* (decl, param) -> result index + 2, or 1:
				  the parameter is not handed back */
	struct amap noreturn;  /* (decl, 0) -> (void*)1 noreturn, 2 returns,
				  3 computing; (decl, 1) -> (void*)1 an error
				  predicate, 2 not (errpred_cached) */
	/* (NULL, 0, method name) -> struct decl_list *: the methods of that
	 * name whose results may hold a resource (ctor__results) */
	struct amap ctor_methods;
	bool ctor_methods_built;
	/* (decl, may_acquire hook) -> (void*)1 may hand out a resource, 2
	 * cannot, 3 computing (may_hand_out) */
	struct amap handout;
	unsigned handout_depth; /* nested may_hand_out computations */
};

struct decl_list {
	const struct godecl *d;
	struct decl_list *next;
};

static struct eng_pkg *eng__pkg(struct gopkg *pkg)
{
	if (!pkg->facts[LH_FACT_SUMMARIES])
		pkg->facts[LH_FACT_SUMMARIES] =
			arena_alloc(&pkg->arena, sizeof(struct eng_pkg));
	return pkg->facts[LH_FACT_SUMMARIES];
}

/* Null-safe child access (tree-sitter 0.20 does not check). */
static uint32_t nchild(GNode n)
{
	return gn_is_null(n) ? 0 : gn_named_child_count(n);
}

static GNode nth(GNode n, uint32_t i)
{
	GNode none = { 0 };

	return gn_is_null(n) ? none : gn_named_child(n, i);
}

static bool sym_is(GNode n, TSSymbol s)
{
	return !gn_is_null(n) && gn_symbol(n) == s;
}

static bool node_eq(GNode a, GNode b)
{
	return gn_eq(a, b);
}

/* Children of nodes, pushed on a stack by one cursor pass: nth(n, i) in a
 * loop walks i siblings each time, quadratic in long blocks, case bodies
 * and argument lists. A cursor step costs more than a sibling step, so
 * short lists are read with nth(). */
struct kids {
	VEC(GNode) v;
	GCursor cur;
	bool init;
};

#define KIDS_MIN 8 /* children: fewer are read with nth() */

/* An iteration over the children of one node. */
struct kid_iter {
	struct kids *k;
	GNode n;
	size_t base;
	uint32_t count;
	bool pushed, named;
};

/* Pushes the children of n (the named ones, or all) on k; returns how
 * many. */
static uint32_t kids_push(struct kids *k, GNode n, bool named)
{
	uint32_t c = 0;

	if (!k->init)
		k->cur = gc_new(n);
	else
		gc_reset(&k->cur, n);
	k->init = true;
	if (!gc_goto_first_child(&k->cur))
		return 0;
	do {
		GNode x = gc_current_node(&k->cur);

		if (!named || gn_is_named(x)) {
			VEC_PUSH(&k->v, x);
			c++;
		}
	} while (gc_goto_next_sibling(&k->cur));
	return c;
}

/* Starts an iteration over the children of n (the named ones, or all);
 * returns how many. Read child i with kids_at(), end with kids_close()
 * (iterations nest like a stack). */
static uint32_t kids_open(struct kid_iter *it, struct kids *k, GNode n,
			  bool named)
{
	it->k = k;
	it->n = n;
	it->base = k->v.len;
	it->named = named;
	it->count = gn_is_null(n) ? 0 : named ?
		    gn_named_child_count(n) : gn_child_count(n);
	it->pushed = it->count > KIDS_MIN;
	if (it->pushed)
		it->count = kids_push(k, n, named);
	return it->count;
}

static GNode kids_at(const struct kid_iter *it, uint32_t i)
{
	if (it->pushed)
		return it->k->v.items[it->base + i];
	return it->named ? gn_named_child(it->n, i) :
			   gn_child(it->n, i);
}

static void kids_close(struct kid_iter *it)
{
	it->k->v.len = it->base;
}

static void kids_release(struct kids *k)
{
	VEC_FREE(&k->v);
	if (k->init)
		gc_delete(&k->cur);
}

/* ================================================================ resolution */

struct scope_ent {
	const char *name;
	size_t len;
	struct eng_var *v;
};

struct resolver {
	struct eng_func *fn;
	struct gofile *f;
	VEC(struct scope_ent) stack;
	VEC(size_t) marks;
	VEC(struct eng_var *) vars;
	VEC(uint32_t) use_off;
	VEC(struct eng_var *) use_var;
	VEC(uint32_t) scope_ends; /* end byte of each open scope */
	VEC(uint32_t) scope_starts;
	struct kids kids;
	bool too_deep;
};

static void res__push(struct resolver *r, GNode n)
{
	VEC_PUSH(&r->marks, r->stack.len);
	VEC_PUSH(&r->scope_ends, gn_end_byte(n));
	VEC_PUSH(&r->scope_starts, gn_start_byte(n));
}

static void res__pop(struct resolver *r)
{
	r->stack.len = r->marks.items[--r->marks.len];
	r->scope_ends.len--;
	r->scope_starts.len--;
}

static struct eng_var *res__lookup(struct resolver *r, const char *s,
				   size_t len, bool current_only)
{
	size_t lo = current_only && r->marks.len ?
			    r->marks.items[r->marks.len - 1] : 0;

	for (size_t i = r->stack.len; i > lo; i--) {
		struct scope_ent *e = &r->stack.items[i - 1];

		if (e->len == len && memcmp(e->name, s, len) == 0)
			return e->v;
	}
	return NULL;
}

static void res__use(struct resolver *r, GNode id, struct eng_var *v)
{
	VEC_PUSH(&r->use_off, gn_start_byte(id));
	VEC_PUSH(&r->use_var, v);
}

/* Declares identifier id in the current scope (reusing a variable already
 * declared there when reuse is set, as `:=` does). */
static struct eng_var *res__declare(struct resolver *r, GNode id, bool reuse,
				    const char *type)
{
	size_t len;
	const char *s = go_text(r->f, id, &len);
	struct eng_var *v;
	struct scope_ent e;

	if (!sym_is(id, GS->identifier) || str_eqn(s, len, "_"))
		return NULL;
	if (reuse) {
		v = res__lookup(r, s, len, true);
		if (v) {
			res__use(r, id, v);
			return v;
		}
	}
	v = arena_alloc(&r->f->pkg->arena, sizeof(*v));
	v->name = arena_strndup(&r->f->pkg->arena, s, len);
	v->decl = id;
	v->type = type;
	v->id = (unsigned)r->vars.len;
	v->scope_end = r->scope_ends.len ?
			       r->scope_ends.items[r->scope_ends.len - 1] : 0;
	v->scope_start = r->scope_starts.len ?
				 r->scope_starts.items[r->scope_starts.len - 1] : 0;
	VEC_PUSH(&r->vars, v);
	e.name = v->name;
	e.len = len;
	e.v = v;
	VEC_PUSH(&r->stack, e);
	res__use(r, id, v);
	return v;
}

static const char *type_name(struct gofile *f, GNode t);

static void res__node(struct resolver *r, GNode n, unsigned depth);

static void res__children(struct resolver *r, GNode n, unsigned depth)
{
	struct kid_iter it;
	uint32_t c = kids_open(&it, &r->kids, n, true);

	for (uint32_t i = 0; i < c; i++)
		res__node(r, kids_at(&it, i), depth + 1);
	kids_close(&it);
}

/* Declares the names of a parameter_list. */
static void res__params(struct resolver *r, GNode list, bool result,
			bool receiver, unsigned depth)
{
	uint32_t c = nchild(list);

	if (!sym_is(list, GS->parameter_list))
		return;
	for (uint32_t i = 0; i < c; i++) {
		GNode pd = nth(list, i);
		GNode t = go_field(pd, f_type);
		const char *type = gn_is_null(t) ? NULL :
				   type_name(r->f, t);
		uint32_t k = nchild(pd);

		for (uint32_t j = 0; j < k; j++) {
			GNode id = nth(pd, j);
			struct eng_var *v;

			if (!sym_is(id, GS->identifier))
				continue;
			v = res__declare(r, id, false, type);
			if (v) {
				v->param = !result && !receiver;
				v->result = result;
				v->receiver = receiver;
			}
		}
		LH_UNUSED(depth);
	}
}

static bool has_token(GNode n, const char *tok)
{
	uint32_t c = gn_child_count(n);

	for (uint32_t i = 0; i < c; i++) {
		GNode k = gn_child(n, i);

		if (!gn_is_named(k) && strcmp(gn_type(k), tok) == 0)
			return true;
	}
	return false;
}

/* The type of a right-hand side, as far as declaration-time facts tell:
 * &T{}, T{}, pkg.Ctor() from the table, another typed variable. */
static const char *res__rhs_type(struct resolver *r, GNode e)
{
	const struct go_syms *g = GS;

	e = go_unparen(e);
	if (sym_is(e, g->unary_expression))
		e = go_unparen(go_field(e, f_operand));
	if (sym_is(e, g->composite_literal))
		return type_name(r->f, go_field(e, f_type));
	if (sym_is(e, g->identifier)) {
		size_t len;
		const char *t = go_text(r->f, e, &len);
		struct eng_var *v = res__lookup(r, t, len, false);

		return v ? v->type : NULL;
	}
	if (sym_is(e, g->call_expression)) {
		GNode fun = go_field(e, f_function);
		const char *path, *name;
		size_t len;

		if (sym_is(fun, g->selector_expression) &&
		    go_selector_import(r->f, fun, &path, &name, &len)) {
			size_t l2;
			const char *op = go_text(r->f, go_field(fun, f_operand),
						 &l2);

			if (!res__lookup(r, op, l2, false))
				return apis_type(path, name, len);
		}
		/* v.Method() where v's type is known: "Recv.Method" rows */
		if (sym_is(fun, g->selector_expression) &&
		    sym_is(go_field(fun, f_operand), g->identifier)) {
			size_t l2, l3;
			const char *op = go_text(r->f, go_field(fun, f_operand),
						 &l2);
			const char *m = go_text(r->f, go_field(fun, f_field), &l3);
			struct eng_var *v = res__lookup(r, op, l2, false);
			const char *dot = v && v->type ? strrchr(v->type, '.') :
							 NULL;

			if (dot) {
				char *pkg = arena_strndup(&r->f->pkg->arena,
					v->type, (size_t)(dot - v->type));
				char *key = arena_printf(&r->f->pkg->arena,
					"%s.%.*s", dot + 1, (int)l3, m);

				return apis_type(pkg, key, strlen(key));
			}
		}
	}
	return NULL;
}

/* Declares the identifiers of an expression_list (left of :=), typed from
 * the matching right-hand side when there is one per name. */
static void res__declare_list(struct resolver *r, GNode list, GNode rhs,
			      bool reuse)
{
	uint32_t c = nchild(list);
	uint32_t rc = sym_is(rhs, GS->expression_list) ?
			      nchild(rhs) : 0;

	if (!sym_is(list, GS->expression_list)) {
		res__declare(r, list, reuse, NULL);
		return;
	}
	for (uint32_t i = 0; i < c; i++) {
		const char *type = rc == c ? res__rhs_type(r, nth(rhs, i)) :
				   rc == 1 && i == 0 ?
				   res__rhs_type(r, nth(rhs, 0)) : NULL;
		struct eng_var *v = res__declare(r, nth(list, i),
						 reuse, type);

		if (v && !v->type)
			v->type = type;
	}
}

static void res__node(struct resolver *r, GNode n, unsigned depth)
{
	const struct go_syms *g = GS;
	TSSymbol s;

	if (gn_is_null(n))
		return;
	if (depth > ENG_MAX_DEPTH) {
		r->too_deep = true;
		return;
	}
	s = gn_symbol(n);
	if (s == g->identifier) {
		size_t len;
		const char *t = go_text(r->f, n, &len);
		struct eng_var *v = res__lookup(r, t, len, false);

		if (v)
			res__use(r, n, v);
	} else if (s == g->block) {
		res__push(r, n);
		res__children(r, n, depth);
		res__pop(r);
	} else if (s == g->func_literal || s == g->function_declaration ||
		   s == g->method_declaration) {
		res__push(r, n);
		res__params(r, go_field(n, f_receiver), false, true, depth);
		res__params(r, go_field(n, f_parameters), false, false, depth);
		res__params(r, go_field(n, f_result), true, false, depth);
		/* the body's block is the parameters' scope: `x, err :=` at
		 * its top level reuses a named result err (Go spec, short
		 * variable declarations) */
		if (sym_is(go_field(n, f_body), g->block))
			res__children(r, go_field(n, f_body), depth + 1);
		else
			res__node(r, go_field(n, f_body), depth + 1);
		res__pop(r);
	} else if (s == g->short_var_declaration) {
		res__node(r, go_field(n, f_right), depth + 1);
		res__declare_list(r, go_field(n, f_left), go_field(n, f_right),
				  true);
	} else if (s == g->var_spec || s == g->const_spec) {
		GNode t = go_field(n, f_type);
		const char *type = gn_is_null(t) ? NULL :
				   type_name(r->f, t);
		uint32_t c = nchild(n);

		GNode val = go_field(n, f_value);
		uint32_t vi = 0;

		res__node(r, val, depth + 1);
		for (uint32_t i = 0; i < c; i++) {
			GNode id = nth(n, i);
			struct eng_var *v;

			if (!sym_is(id, g->identifier))
				continue;
			v = res__declare(r, id, false, type);
			if (v && !v->type && !gn_is_null(val) &&
			    vi < nchild(val))
				v->type = res__rhs_type(r,
					nth(val, vi));
			vi++;
		}
	} else if (s == g->range_clause || s == g->receive_statement) {
		if (has_token(n, ":=")) {
			res__node(r, go_field(n, f_right), depth + 1);
			res__declare_list(r, go_field(n, f_left),
					  (GNode){ 0 }, false);
		} else {
			res__children(r, n, depth);
		}
	} else if (s == g->if_statement || s == g->for_statement ||
		   s == g->expression_switch_statement ||
		   s == g->select_statement || s == g->expression_case ||
		   s == g->default_case || s == g->type_case ||
		   s == g->communication_case) {
		res__push(r, n);
		res__children(r, n, depth);
		res__pop(r);
	} else if (s == g->type_switch_statement) {
		GNode alias = go_field(n, f_alias);
		uint32_t c = nchild(n);

		res__push(r, n);
		res__node(r, go_field(n, f_initializer), depth + 1);
		res__node(r, go_field(n, f_value), depth + 1);
		if (!gn_is_null(alias))
			res__declare_list(r, alias, (GNode){ 0 }, false);
		for (uint32_t i = 0; i < c; i++) {
			GNode k = nth(n, i);

			if (sym_is(k, g->type_case) || sym_is(k, g->default_case))
				res__node(r, k, depth + 1);
		}
		res__pop(r);
	} else if (s == g->selector_expression) {
		res__node(r, go_field(n, f_operand), depth + 1);
	} else if (s == g->keyed_element) {
		/* T{Field: v}: the key names a field, not a variable */
		GNode key = nth(n, 0);

		if (!(sym_is(key, g->literal_element) &&
		      sym_is(nth(key, 0), g->identifier)))
			res__node(r, key, depth + 1);
		for (uint32_t i = 1; i < nchild(n); i++)
			res__node(r, nth(n, i), depth + 1);
	} else if (s == g->type_identifier || s == g->field_identifier ||
		   s == g->package_identifier || s == g->label_name ||
		   s == g->comment || s == g->interpreted_string_literal ||
		   s == g->raw_string_literal || s == g->int_literal ||
		   s == g->type_declaration) {
		/* nothing to resolve */
	} else {
		res__children(r, n, depth);
	}
}

/* ------------------------------------------- resolution over records */

/* res__node over the shared walk's records of a function instead of its
 * every node: the kinds res__node acts on are recorded; a frame per
 * entered record with children stands for the recursion (the records
 * inside it visited all, none, all but one child's, or only one child's)
 * and declares what res__node declares after a child was walked. */
enum { RF_ALL, RF_NONE, RF_SKIP, RF_ONLY };
enum { RA_NONE, RA_SHORT, RA_NAMES, RA_SPEC };

struct res_frame {
	GNode node;
	uint32_t end;
	unsigned depth;
	unsigned char mode, act;
	bool scope;
	bool alias;	 /* a type switch's alias is still to declare */
	uint32_t lo, hi; /* RF_SKIP, RF_ONLY: the child's bytes */
	uint32_t at;	 /* alias: declared before the first record here */
};

typedef VEC(struct res_frame) res_frame_vec;

static void res__rec_kinds(TSSymbol *k)
{
	const struct go_syms *g = GS;
	size_t n = 0;

	k[n++] = g->identifier;
	k[n++] = g->block;
	k[n++] = g->func_literal;
	k[n++] = g->short_var_declaration;
	k[n++] = g->var_spec;
	k[n++] = g->const_spec;
	k[n++] = g->range_clause;
	k[n++] = g->receive_statement;
	k[n++] = g->if_statement;
	k[n++] = g->for_statement;
	k[n++] = g->expression_switch_statement;
	k[n++] = g->select_statement;
	k[n++] = g->expression_case;
	k[n++] = g->default_case;
	k[n++] = g->type_case;
	k[n++] = g->communication_case;
	k[n++] = g->type_switch_statement;
	k[n++] = g->keyed_element;
	k[n++] = g->type_declaration;
	k[n] = 0;
}
#define RES_NKINDS 19

static void res__frame_child(struct res_frame *F, int mode, GNode c)
{
	if (gn_is_null(c)) {
		F->mode = mode == RF_ONLY ? RF_NONE : RF_ALL;
		return;
	}
	F->mode = (unsigned char)mode;
	F->lo = gn_start_byte(c);
	F->hi = gn_end_byte(c);
}

/* The declarations res__node makes after walking a child. */
static void res__frame_done(struct resolver *r, struct res_frame *F)
{
	const struct go_syms *g = GS;
	GNode n = F->node;

	if (F->alias) {
		F->alias = false;
		res__declare_list(r, go_field(n, f_alias), (GNode){ 0 },
				  false);
	}
	if (F->act == RA_SHORT) {
		res__declare_list(r, go_field(n, f_left), go_field(n, f_right),
				  true);
	} else if (F->act == RA_NAMES) {
		res__declare_list(r, go_field(n, f_left), (GNode){ 0 }, false);
	} else if (F->act == RA_SPEC) {
		GNode t = go_field(n, f_type);
		const char *type = gn_is_null(t) ? NULL :
				   type_name(r->f, t);
		uint32_t c = nchild(n);
		GNode val = go_field(n, f_value);
		uint32_t vi = 0;

		for (uint32_t i = 0; i < c; i++) {
			GNode id = nth(n, i);
			struct eng_var *v;

			if (!sym_is(id, g->identifier))
				continue;
			v = res__declare(r, id, false, type);
			if (v && !v->type && !gn_is_null(val) &&
			    vi < nchild(val))
				v->type = res__rhs_type(r, nth(val, vi));
			vi++;
		}
	}
	if (F->scope)
		res__pop(r);
}

/* Enters record e (not an identifier); false: the function cannot be
 * resolved over records (res__node is used instead). */
static bool res__rec_enter(struct resolver *r, res_frame_vec *fr,
			   const struct gonode *e)
{
	const struct go_syms *g = GS;
	GNode n = e->node;
	TSSymbol s = e->sym;
	struct res_frame F;

	memset(&F, 0, sizeof(F));
	F.node = n;
	F.end = gn_end_byte(n);
	F.depth = e->depth;
	F.mode = RF_ALL;
	if (s == g->block && fr->len &&
	    sym_is(fr->items[fr->len - 1].node, g->func_literal) &&
	    e->depth == fr->items[fr->len - 1].depth + 1) {
		/* a literal's body: the parameters' scope (res__node) */
	} else if (s == g->block || s == g->if_statement ||
		   s == g->for_statement ||
		   s == g->expression_switch_statement ||
		   s == g->select_statement || s == g->expression_case ||
		   s == g->default_case || s == g->type_case ||
		   s == g->communication_case) {
		res__push(r, n);
		F.scope = true;
	} else if (s == g->func_literal) {
		res__push(r, n);
		F.scope = true;
		res__params(r, go_field(n, f_receiver), false, true, 0);
		res__params(r, go_field(n, f_parameters), false, false, 0);
		res__params(r, go_field(n, f_result), true, false, 0);
		res__frame_child(&F, RF_ONLY, go_field(n, f_body));
	} else if (s == g->short_var_declaration) {
		F.act = RA_SHORT;
		res__frame_child(&F, RF_ONLY, go_field(n, f_right));
	} else if (s == g->var_spec || s == g->const_spec) {
		F.act = RA_SPEC;
		res__frame_child(&F, RF_ONLY, go_field(n, f_value));
	} else if (s == g->range_clause || s == g->receive_statement) {
		if (has_token(n, ":=")) {
			F.act = RA_NAMES;
			res__frame_child(&F, RF_ONLY, go_field(n, f_right));
		}
	} else if (s == g->type_switch_statement) {
		GNode alias = go_field(n, f_alias);
		GNode value = go_field(n, f_value);

		res__push(r, n);
		F.scope = true;
		if (!gn_is_null(alias)) {
			if (gn_is_null(value))
				return false;
			F.alias = true;
			F.at = gn_end_byte(value);
			res__frame_child(&F, RF_SKIP, alias);
		}
	} else if (s == g->keyed_element) {
		GNode key = nth(n, 0);

		if (sym_is(key, g->literal_element) &&
		    sym_is(nth(key, 0), g->identifier))
			res__frame_child(&F, RF_SKIP, key);
	} else if (s == g->type_declaration) {
		F.mode = RF_NONE;
	}
	VEC_PUSH(fr, F);
	return true;
}

/* res__node(r, top, 0) over f's records; false when it cannot be (the
 * caller resolves with res__node then, from a fresh resolver). */
static bool res__records(struct resolver *r, GNode top)
{
	struct gofile *f = r->f;
	const struct go_syms *g = GS;
	TSSymbol kinds[RES_NKINDS + 1];
	res_frame_vec fr = VEC_INIT;
	unsigned char want[512];
	GNode body = go_field(top, f_body);
	size_t lo, hi, at;
	unsigned base;
	bool ok = true;

	res__rec_kinds(kinds);
	if (go_symbol_count() > sizeof(want))
		return false;
	walk_prepare(f, kinds);
	memset(want, 0, sizeof(want));
	for (size_t i = 0; kinds[i]; i++)
		want[kinds[i]] = 1;
	/* the record of top, for its depth */
	lo = 0;
	hi = f->nodes.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (gn_start_byte(f->nodes.items[mid].node) <
		    gn_start_byte(top))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (at = lo; at < f->nodes.len && !gn_eq(f->nodes.items[at].node,
						       top);
	     at++) {
		if (gn_start_byte(f->nodes.items[at].node) !=
		    gn_start_byte(top))
			return false;
	}
	if (at >= f->nodes.len)
		return false;
	base = f->nodes.items[at].depth;
	/* no node deeper than res__node follows: too_deep cannot be set */
	if (f->deepest > base + ENG_MAX_DEPTH)
		return false;
	res__push(r, top);
	res__params(r, go_field(top, f_receiver), false, true, 0);
	res__params(r, go_field(top, f_parameters), false, false, 0);
	res__params(r, go_field(top, f_result), true, false, 0);
	if (!gn_is_null(body)) {
		uint32_t bs = gn_start_byte(body);
		uint32_t be = gn_end_byte(body);

		/* the body's records: after top's, from its first byte */
		for (lo = at + 1; lo < f->nodes.len &&
				  gn_start_byte(f->nodes.items[lo].node) < bs;
		     lo++)
			;
		for (hi = lo; hi < f->nodes.len &&
			      gn_start_byte(f->nodes.items[hi].node) < be;
		     hi++)
			;
		for (size_t i = lo; i < hi && ok; i++) {
			const struct gonode *e = &f->nodes.items[i];
			uint32_t s;

			if (e->sym >= sizeof(want) || !want[e->sym])
				continue;
			/* the body is the parameters' scope (res__node) */
			if (i == lo && e->sym == g->block &&
			    gn_eq(e->node, body))
				continue;
			s = gn_start_byte(e->node);
			while (fr.len) {
				struct res_frame *F = &fr.items[fr.len - 1];

				if (e->depth > F->depth && s < F->end)
					break;
				res__frame_done(r, F);
				fr.len--;
			}
			if (fr.len) {
				struct res_frame *F = &fr.items[fr.len - 1];

				if (F->alias && s >= F->at) {
					F->alias = false;
					res__declare_list(r,
						go_field(F->node, f_alias),
						(GNode){ 0 }, false);
				}
				if (F->mode == RF_NONE ||
				    (F->mode == RF_ONLY &&
				     (s < F->lo || s >= F->hi)) ||
				    (F->mode == RF_SKIP && s >= F->lo &&
				     s < F->hi))
					continue;
			}
			if (e->sym == g->identifier) {
				size_t len;
				const char *t = go_text(f, e->node, &len);
				struct eng_var *v = res__lookup(r, t, len, false);

				if (v)
					res__use(r, e->node, v);
				continue;
			}
			ok = res__rec_enter(r, &fr, e);
		}
		while (ok && fr.len) {
			res__frame_done(r, &fr.items[fr.len - 1]);
			fr.len--;
		}
	}
	VEC_FREE(&fr);
	if (ok)
		res__pop(r);
	return ok;
}

static int res__cmp(const void *a, const void *b, void *ctx)
{
	const uint32_t *off = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return off[x] < off[y] ? -1 : off[x] > off[y];
}

/* The top-level function (or outermost func literal) holding n, a node
 * of f. */
static GNode top_func(const struct gofile *f, GNode n)
{
	const struct go_syms *g = GS;
	GNode top = { 0 };

	for (; !gn_is_null(n); n = gn_parent(n)) {
		TSSymbol s = gn_symbol(n);

		if (s == g->function_declaration || s == g->method_declaration)
			return n;
		if (s == g->func_literal)
			top = n;
	}
	return top;
}

static struct eng_func *eng__resolve(struct gopkg *pkg, struct gofile *f,
				     GNode top)
{
	struct resolver r = { 0 };
	struct eng_func *fn = arena_alloc(&pkg->arena, sizeof(*fn));
	size_t *order;

	fn->pkg = pkg;
	fn->file = f;
	fn->decl = top;
	fn->body = go_field(top, f_body);
	r.fn = fn;
	r.f = f;
	if (!res__records(&r, top)) {
		/* from a fresh start */
		VEC_FREE(&r.stack);
		VEC_FREE(&r.marks);
		VEC_FREE(&r.vars);
		VEC_FREE(&r.use_off);
		VEC_FREE(&r.use_var);
		VEC_FREE(&r.scope_ends);
		VEC_FREE(&r.scope_starts);
		r.too_deep = false;
		res__node(&r, top, 0);
	}
	fn->too_deep = r.too_deep;
	fn->nvars = r.vars.len;
	fn->vars = arena_alloc(&pkg->arena, (r.vars.len + 1) * sizeof(void *));
	if (r.vars.len)
		memcpy(fn->vars, r.vars.items, r.vars.len * sizeof(void *));
	fn->nuses = r.use_off.len;
	fn->use_off = arena_alloc(&pkg->arena, (fn->nuses + 1) * 4);
	fn->use_var = arena_alloc(&pkg->arena, (fn->nuses + 1) * sizeof(void *));
	order = xmalloc((fn->nuses + 1) * sizeof(*order));
	for (size_t i = 0; i < fn->nuses; i++)
		order[i] = i;
	if (fn->nuses)
		qsort_r(order, fn->nuses, sizeof(*order), res__cmp,
			r.use_off.items);
	for (size_t i = 0; i < fn->nuses; i++) {
		fn->use_off[i] = r.use_off.items[order[i]];
		fn->use_var[i] = r.use_var.items[order[i]];
	}
	free(order);
	VEC_FREE(&r.stack);
	VEC_FREE(&r.marks);
	VEC_FREE(&r.vars);
	VEC_FREE(&r.use_off);
	VEC_FREE(&r.use_var);
	VEC_FREE(&r.scope_ends);
	VEC_FREE(&r.scope_starts);
	kids_release(&r.kids);
	return fn;
}

struct eng_func *eng_func_get(struct gopkg *pkg, struct gofile *f, GNode decl)
{
	struct eng_pkg *ep = eng__pkg(pkg);
	GNode top = top_func(f, decl);
	struct amap_ent *e;
	struct eng_func *res, *fn;

	if (gn_is_null(top))
		top = decl;
	e = amap_add(&pkg->arena, &ep->funcs, f, gn_start_byte(top), NULL);
	if (!e->value)
		e->value = eng__resolve(pkg, f, top);
	res = e->value;
	if (node_eq(top, decl))
		return res;
	e = amap_add(&pkg->arena, &ep->funcs, f, gn_start_byte(decl),
		     "lit");
	if (!e->value) {
		fn = arena_alloc(&pkg->arena, sizeof(*fn));
		*fn = *res;
		fn->decl = decl;
		fn->body = go_field(decl, f_body);
		e->value = fn;
	}
	return e->value;
}

struct eng_var *eng_resolve(const struct eng_func *fn, GNode id)
{
	uint32_t off = gn_start_byte(id);
	size_t lo = 0, hi = fn->nuses;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (fn->use_off[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < fn->nuses && fn->use_off[lo] == off)
		return fn->use_var[lo];
	return NULL;
}

/* ================================================================ types */

/* "importpath.Name" for a type node (pointers, parens dropped); local
 * types are "Name". NULL when not a named type. */
static const char *type_name(struct gofile *f, GNode t)
{
	const struct go_syms *g = GS;

	for (unsigned i = 0; i < 8 && !gn_is_null(t); i++) {
		TSSymbol s = gn_symbol(t);

		if (s == g->pointer_type || s == g->parenthesized_type) {
			t = nth(t, 0);
		} else if (s == g->generic_type) {
			t = go_field(t, f_type);
		} else if (s == g->type_identifier) {
			return go_text_dup(f, t);
		} else if (s == g->qualified_type) {
			GNode p = go_field(t, f_package), nm = go_field(t, f_name);
			size_t len;
			const char *ps = go_text(f, p, &len);
			const char *path = go_import_path(f, ps, len);

			if (!path)
				return NULL;
			return arena_printf(&f->pkg->arena, "%s.%s", path,
					    go_text_dup(f, nm));
		} else {
			return NULL;
		}
	}
	return NULL;
}

static void field_add(struct gopkg *pkg, struct eng_pkg *ep,
		      const char *owner, const char *nm, const char *tn)
{
	struct amap_ent *e;

	if (owner && tn)
		amap_add(&pkg->arena, &ep->fields, NULL, 1,
			 arena_printf(&pkg->arena, "%s.%s", owner, nm))
			->value = (void *)tn;
	e = amap_find(&ep->fields, NULL, 0, nm);
	if (e && (!tn || strcmp(e->value, tn) != 0))
		e->value = "";
	else if (!e)
		amap_add(&pkg->arena, &ep->fields, NULL, 0, nm)->value =
			(void *)(tn ? tn : "");
}

/* Struct field types: "Owner.field" -> type for every named struct type
 * of the package, and field name -> type when every struct of the
 * package declaring that field name gives it the same type. */
static void eng__fields(struct gopkg *pkg, struct eng_pkg *ep)
{
	const struct go_syms *g = GS;

	ep->fields_built = true;
	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct gofile *f = pkg->files[i];
		GNode root = go_root(f);
		GCursor c = gc_new(root);
		bool more = true;
		const char *owner = NULL;

		while (more) {
			GNode n = gc_current_node(&c);
			TSSymbol s = gn_symbol(n);

			if (s == g->type_spec)
				owner = go_text_dup(f, go_field(n, f_name));
			if (s == g->field_declaration) {
				GNode t = go_field(n, f_type);
				const char *tn = type_name(f, t);
				uint32_t k = nchild(n);
				bool named = false;

				for (uint32_t j = 0; j < k; j++) {
					GNode id = nth(n, j);

					if (!sym_is(id, g->field_identifier))
						continue;
					named = true;
					field_add(pkg, ep, owner,
						  go_text_dup(f, id), tn);
				}
				/* an embedded field is named by its type:
				 * `*sql.DB` declares the field DB */
				if (!named && owner && tn) {
					const char *dot = strrchr(tn, '.');
					struct amap_ent *e = amap_find(
						&ep->fields, NULL, 2, owner);

					if (e)
						e->value = "";
					else
						amap_add(&pkg->arena, &ep->fields,
							 NULL, 2, owner)->value =
							(void *)tn;
					field_add(pkg, ep, owner,
						  dot ? dot + 1 : tn, tn);
				}
			}
			/* descend only into declarations and types */
			if ((s == g->source_file || s == g->type_declaration ||
			     s == g->type_spec || s == g->struct_type ||
			     s == g->field_declaration_list) &&
			    gc_goto_first_child(&c))
				continue;
			while (!(more = gc_goto_next_sibling(&c))) {
				if (!gc_goto_parent(&c))
					break;
			}
		}
		gc_delete(&c);
	}
}

static const char *eng__type(struct eng_func *fn, GNode e, unsigned depth)
{
	const struct go_syms *g = GS;
	struct gofile *f = fn->file;
	TSSymbol s;

	if (depth > 8)
		return NULL;
	e = go_unparen(e);
	if (gn_is_null(e))
		return NULL;
	s = gn_symbol(e);
	if (s == g->unary_expression) {
		return eng__type(fn, go_field(e, f_operand), depth + 1);
	} else if (s == g->composite_literal) {
		return type_name(f, go_field(e, f_type));
	} else if (s == g->identifier) {
		struct eng_var *v = eng_resolve(fn, e);
		const struct godecl *d;
		size_t len;
		const char *t = go_text(f, e, &len);
		char *nm;

		if (v)
			return v->type;
		nm = arena_strndup(&fn->pkg->arena, t, len);
		d = gopkg_lookup(fn->pkg, nm);
		if (d && d->kind == GODECL_VAR) {
			GNode ty = go_field(d->node, f_type);
			GNode val = go_field(d->node, f_value);

			if (!gn_is_null(ty))
				return type_name(d->file, ty);
			if (!gn_is_null(val) &&
			    nchild(val) == 1 &&
			    d->file == f) {
				struct eng_func tmp = *fn;

				tmp.nuses = 0;
				return eng__type(&tmp,
					nth(val, 0), depth + 1);
			}
		}
		return NULL;
	} else if (s == g->selector_expression) {
		const char *path, *name;
		size_t len;
		GNode op = go_field(e, f_operand);
		struct eng_pkg *ep;
		struct amap_ent *ent;

		if (sym_is(op, g->identifier) && !eng_resolve(fn, op) &&
		    go_selector_import(f, e, &path, &name, &len))
			return apis_type(path, name, len);
		ep = eng__pkg(fn->pkg);
		if (!ep->fields_built)
			eng__fields(fn->pkg, ep);
		{
			/* the field of the operand's own struct type */
			const char *ot = eng__type(fn, op, depth + 1);

			if (ot && !strchr(ot, '.')) {
				ent = amap_find(&ep->fields, NULL, 1,
						arena_printf(&fn->pkg->arena,
							     "%s.%s", ot,
							     go_text_dup(f,
							     go_field(e,
							     f_field))));
				if (ent)
					return ent->value;
			}
		}
		ent = amap_find(&ep->fields, NULL, 0,
				go_text_dup(f, go_field(e, f_field)));
		if (ent && ((const char *)ent->value)[0])
			return ent->value;
		return NULL;
	} else if (s == g->call_expression) {
		GNode fun = go_field(e, f_function);
		const char *path, *name;
		size_t len;

		if (sym_is(fun, g->identifier) && go_text_is(f, fun, "new")) {
			GNode args = go_field(e, f_arguments);

			return type_name(f, nth(args, 0));
		}
		if (sym_is(fun, g->selector_expression) &&
		    sym_is(go_field(fun, f_operand), g->identifier) &&
		    !eng_resolve(fn, go_field(fun, f_operand)) &&
		    go_selector_import(f, fun, &path, &name, &len))
			return apis_type(path, name, len);
	}
	return NULL;
}

const char *eng_type_of(struct eng_func *fn, GNode e)
{
	return eng__type(fn, e, 0);
}

const char *eng_promoted(struct eng_func *fn, const char *t,
			 const char *name, size_t len)
{
	struct eng_pkg *ep = eng__pkg(fn->pkg);

	if (!ep->fields_built)
		eng__fields(fn->pkg, ep);
	for (unsigned depth = 0; depth < 4 && t && !strchr(t, '.');
	     depth++) {
		struct amap_ent *e;

		if (gopkg_lookup(fn->pkg, arena_printf(&fn->pkg->arena,
						       "%s.%.*s", t, (int)len,
						       name)))
			return NULL; /* its own method */
		e = amap_find(&ep->fields, NULL, 2, t);
		if (!e || !((const char *)e->value)[0])
			return NULL;
		t = e->value;
	}
	return t && strchr(t, '.') ? t : NULL;
}

/* ================================================================ walk state */

/* Per-path state: bit i is obligation i. open = it may be open here;
 * other = it may be not acquired, nil, released or handed over here;
 * link = its error result is still in its error variable. */
struct st {
	uint64_t open, other, link;
	bool dead;
	/* released only by a deferred func literal through its captured
	 * variable: a new value in that variable loses this one */
	uint64_t late;
	/* it may have been released or handed on here (unlike other, not
	 * set by "not acquired yet" nor by a nil or error test) */
	uint64_t rel;
	/* a call that releases it exactly when it fails
	 * (ENG_SUM_RELEASES_ON_ERR) left its error in errvar2 */
	uint64_t link2;
	/* open and its handle may have been used since it was acquired */
	uint64_t touched;
	/* open and its error (still the call's: link) may not have been
	 * handed to a call since: see failed_path() */
	uint64_t fresh;
	/* bit j: the variable of slot j (struct handle.slot) may hold its
	 * obligation here (hon), holds it on every path here (hall).
	 * Only meaningful where the obligation is live (open or late): a
	 * merge takes the bits of each side's live obligations, the other
	 * side's being neutral. A slot made on one branch is off on the
	 * others (`rc := resp.Body; if gz { rc = zr }`, `if gz { rc = zr }
	 * else { rc = resp.Body }`): its uses do not reach the obligation
	 * there. */
	uint64_t hon, hall;
	/* bit k: tracked variable w->trk[k] may be non-nil here */
	uint64_t vset;
	/* bit i: obligation i was acquired again (a loop's next round)
	 * while a handle other than the new one still held the previous,
	 * open value (ob.stale_var), and nothing was released since */
	uint64_t stale;
};

static bool st_eq(const struct st *a, const struct st *b)
{
	if (a->dead || b->dead)
		return a->dead == b->dead;
	return a->open == b->open && a->other == b->other &&
	       a->link == b->link && a->late == b->late && a->rel == b->rel &&
	       a->link2 == b->link2 && a->touched == b->touched &&
	       a->fresh == b->fresh && a->hon == b->hon &&
	       a->hall == b->hall && a->vset == b->vset &&
	       a->stale == b->stale;
}

static const struct st ST_DEAD = { 0, 0, 0, true, 0, 0, 0, 0, 0, 0, 0, 0,
				   0 };

struct handle {
	struct eng_var *var;   /* root variable, or NULL */
	const char *root;      /* root name when var is NULL (package var) */
	const char *prefix;    /* path from the root to the released object */
	/* its variable's bit in st.hon + 1 (one per variable and
	 * obligation), or 0 (none left) */
	unsigned slot;
	/* the dynamic type of var, a struct type of the package, when the
	 * handle is a field of a literal of it (`rc = &gzipBody{body: rc}`
	 * with rc an io.ReadCloser): its methods are the ones called */
	const char *dyn;
};

struct ob {
	const struct eng_kind *kind;
	const char *noun;
	GNode site, stmt;
	VEC(struct handle) h;
	struct eng_var *errvar;
	struct eng_var *errvar2; /* see st.link2 */
	uint32_t errlink_at;	 /* start of the call that set errvar2 */
	/* released by a deferred literal only under `if guard == nil`
	 * (guard a named error result): not at a return giving an error;
	 * with guard_ne, only under `if guard != nil` (guard a tracked
	 * variable, see walk.trk): not at an exit where guard is nil */
	struct eng_var *guard;
	bool guard_ne;
	struct eng_var *owner;	/* checkpoint receiver (cmd of StdoutPipe) */
	const char *require;	/* member the handle must be used with */
	VEC(struct eng_exit) exits;
	bool released, transferred, in_loop, entry;
	uint32_t loop_start; /* body of the innermost loop holding the site */
	const char *back_label; /* a label a later goto jumps back to, before
				   the site in its block, or NULL */
	bool deferred; /* a deferred call releases it: Reset cannot re-arm */
	/* acquired inside a func literal into a variable of the enclosing
	 * function: when the literal runs is not known, so it is reported
	 * only when no path releases or hands it on ("never closed") */
	bool never_only;
	GNode blank;	/* first `_ = h`, or null */
	/* variables that held a previous value when it was acquired again
	 * (see st.stale) */
	struct eng_var *stale_var[4];
	unsigned result;
	GNode errcheck;
};

struct loopctx {
	const char *label; /* or NULL */
	size_t label_len;
	bool is_loop;	   /* else switch/select: break only */
	struct st brk, cont;
	uint32_t body_start, body_end;
};

struct pending_goto {
	const char *label;
	size_t len;
	struct st st;
};

struct late_defer {
	GNode lit;
	uint32_t at;
};

/* A label some later goto jumps back to: the statements from it to the
 * end of its block are walked as a loop body. */
struct back_label {
	const char *label;
	size_t len;
	uint32_t start;	/* the labelled statement */
	struct st st;	/* merged state of the gotos jumping back */
};

struct walk {
	struct eng_func *fn;
	struct gofile *f;
	const struct eng_spec *spec;
	struct ob obs[ENG_MAX_OBLIGATIONS];
	size_t nobs;
	/* handle slots (st.hon): how many are given out, each
	 * obligation's, and those (re)aimed at their obligation by the
	 * right side of the assignment being walked */
	unsigned nslots;
	uint64_t ob_slots[ENG_MAX_OBLIGATIONS];
	struct eng_var *slot_var[64]; /* the variable of each */
	uint64_t aliased;
	VEC(struct loopctx) loops;
	VEC(struct pending_goto) gotos;
	VEC(struct back_label) backs;
	VEC(struct late_defer) late;
	VEC(struct eng_store) stores;
	VEC(struct late_defer) assigns; /* (statement, offset) of every plain
					   assignment, for loop overwrites */
	VEC(struct eng_var *) assigned;
	GNode anc[ENG_MAX_DEPTH + 8]; /* ancestors of the expression walk */
	unsigned nanc;
	bool gave_up;
	bool summary_mode;   /* computing a summary: no acquisitions */
	bool saw_return;     /* a reachable return (noreturn summaries) */
	/* summaries: index + 1 of the function's error result (0: none),
	 * and whether a return where the parameter was released may give
	 * a nil error there */
	unsigned sum_err1;
	bool sum_rel_nil;
	/* the outermost (lowest) level of the summaries still being
	 * computed that this walk used, or UINT_MAX */
	unsigned prov_level;
	/* computing a constructor summary: what the returns hand out */
	bool ctor_mode, ret_bad;
	bool ret_other;	     /* a pass-through walk saw the parameter go
				elsewhere than into a result */
	unsigned ctor_depth;
	unsigned ret_mask;
	unsigned ret_call_mask; /* results handing out the release func */
	const struct eng_kind *ret_kind;
	const char *ret_noun;
	const char *ret_prefix; /* path from the returned value to the
				   released object ("" for resp.Body) */
	bool any_use;	     /* closure scan: any use hands the value on */
	/* deferred literal scan: its releases, and whether each sits under
	 * `if R == nil` for a named error result R (guard_var[i]; state 1
	 * all guarded by it, 2 some not) */
	bool guard_scan;
	unsigned guard_base;
	struct eng_var *guard_var[ENG_MAX_OBLIGATIONS];
	unsigned char guard_state[ENG_MAX_OBLIGATIONS];
	bool guard_ne[ENG_MAX_OBLIGATIONS];
	/* variables a deferred literal tests `!= nil` before releasing
	 * (`defer func() { if err != nil { tx.Rollback() } }()`), whose
	 * nil-ness the walk follows (st.vset): only ones that are neither
	 * address-taken nor assigned inside a func literal */
	struct eng_var *trk[64];
	unsigned ntrk;
	/* closure scan of on_closure: acquisitions into variables of this
	 * function declared outside the literal lit count (their
	 * obligations are marked in lit_obs) */
	bool lit_acquire;
	GNode lit;
	uint64_t lit_obs;
	/* walking the body of a func literal called on the spot (see
	 * iife_open): its returns end here, merged, instead of being exits
	 * of the function */
	struct st *iife_ret;
	unsigned depth;
	uint32_t cur_loop_start, cur_loop_end; /* innermost loop body */
	const char *pending_label;
	size_t pending_label_len;
	struct kids kids;
};

/* The handle slots of the obligations in mask m. */
static uint64_t slots_of(const struct walk *w, uint64_t m)
{
	uint64_t r = 0;

	for (; m; m &= m - 1)
		r |= w->ob_slots[__builtin_ctzll(m)];
	return r;
}

static void st_merge(const struct walk *w, struct st *a, const struct st *b)
{
	if (b->dead)
		return;
	if (a->dead) {
		*a = *b;
		return;
	}
	if (a->hon != b->hon || a->hall != b->hall) {
		uint64_t ma = slots_of(w, a->open | a->late);
		uint64_t mb = slots_of(w, b->open | b->late);

		a->hon = (a->hon & ma) | (b->hon & mb);
		a->hall = (a->hall | ~ma) & (b->hall | ~mb);
	}
	a->open |= b->open;
	a->other |= b->other;
	a->link |= b->link;
	a->late |= b->late;
	a->rel |= b->rel;
	a->link2 |= b->link2;
	a->touched |= b->touched;
	a->fresh |= b->fresh;
	a->vset |= b->vset;
	a->stale |= b->stale;
}

static uint64_t bit(size_t i)
{
	return 1ull << i;
}

static void ob_release(struct walk *w, struct st *s, size_t i)
{
	LH_UNUSED(w);
	s->stale &= ~bit(i);
	s->open &= ~bit(i);
	s->other |= bit(i);
	s->late &= ~bit(i);
	s->rel |= bit(i);
	s->touched &= ~bit(i);
	s->fresh &= ~bit(i);
}

static void ob_add_exit(struct walk *w, struct ob *o, enum eng_exit_kind k,
			GNode n)
{
	struct eng_exit e;
	uint32_t line, col;

	for (size_t i = 0; i < o->exits.len; i++) {
		if (node_eq(o->exits.items[i].node, n) &&
		    o->exits.items[i].kind == k)
			return;
	}
	go_pos(n, &line, &col);
	if (k == ENG_EXIT_END ||
	    (k == ENG_EXIT_SCOPE && sym_is(n, GS->block)))
		line = gn_end_point(n).row + 1;
	e.kind = k;
	e.node = n;
	e.line = line;
	VEC_PUSH(&o->exits, e);
	LH_UNUSED(w);
}

/* Is the chain of field names [c, c+n) equal to the dotted path p? */
static bool chain_is(const char *const *c, size_t n, const char *p)
{
	size_t i = 0;

	if (!*p)
		return n == 0;
	while (*p) {
		size_t len = strcspn(p, ".");

		if (i >= n || strlen(c[i]) != len || memcmp(c[i], p, len) != 0)
			return false;
		i++;
		p += len;
		if (*p == '.')
			p++;
	}
	return i == n;
}

static size_t path_len(const char *p)
{
	size_t n = 0;

	if (!*p)
		return 0;
	for (n = 1; *p; p++)
		n += *p == '.';
	return n;
}

/* ================================================================ uses */

enum effect {
	EF_NONE,     /* borrowed: the duty stays */
	EF_RELEASE,
	EF_TRANSFER,
	EF_ALIAS,    /* copied into a local: another handle */
	EF_REARM,
	EF_BLANK,    /* `_ = h` */
	EF_PARTIAL,  /* passed to a function that releases it on some paths */
	EF_ERRLINK,  /* passed to one that releases it when it fails: still
			open where the call's error (errvar) is nil */
};

/* A prefix_left of "()" means the value is the release func itself: a
 * method value `resp.Body.Close` or a cancel func; calling it releases. */
#define PFX_CALL "()"

struct use {
	enum effect ef;
	struct eng_var *alias;
	const char *alias_prefix;
	const char *alias_type; /* EF_ALIAS into a struct literal: its type */
	unsigned ret;	 /* returned as result ret-1 (0: not returned) */
	const char *ret_prefix; /* the path still to go from what is returned */
	uint32_t after;	 /* EF_PARTIAL: end of the call */
	struct eng_var *errvar; /* EF_ERRLINK: the call's error variable */
	GNode node;	 /* EF_BLANK: the `_ = h` statement */
};

static enum eng_summary call_summary(struct walk *w, GNode call, int argi,
				     const char *rest, unsigned flags);
static enum eng_summary dyn_summary(struct walk *w, const char *type,
				    GNode sel, const char *rest,
				    unsigned flags);
static void errlink_use(struct walk *w, GNode call, struct use *u);

/* Sets u from a callee's summary for the handle used at `call`; a callee
 * the summaries do not know (ENG_SUM_UNKNOWN) gives `unknown`. */
static void summary_use(struct walk *w, enum eng_summary sum, GNode call,
			enum effect unknown, struct use *u)
{
	switch (sum) {
	case ENG_SUM_RELEASES:
		u->ef = EF_RELEASE;
		break;
	case ENG_SUM_BORROWS:
		u->ef = EF_NONE;
		break;
	case ENG_SUM_TRANSFERS:
		u->ef = EF_TRANSFER;
		break;
	case ENG_SUM_PARTIAL:
		u->ef = EF_PARTIAL;
		u->after = gn_end_byte(call);
		break;
	case ENG_SUM_RELEASES_ON_ERR:
		errlink_use(w, call, u);
		break;
	default:
		u->ef = unknown;
	}
}
static const struct godecl *method_decl(struct walk *w, GNode recv,
					const char *name, size_t len,
					bool *guessed);

static bool is_builtin(struct walk *w, GNode id, const char *name)
{
	return go_text_is(w->f, id, name) && !eng_resolve(w->fn, id) &&
	       !gopkg_lookup(w->fn->pkg, name);
}

static const char *join_path(struct walk *w, const char *prefix,
			     const char *name)
{
	if (!*prefix)
		return name;
	if (!*name)
		return prefix;
	return arena_printf(&w->fn->pkg->arena, "%s.%s", prefix, name);
}

/* The release path still to go from a value at the handle's object:
 * prefix left + release name. */
static const char *rest_path(struct walk *w, const struct ob *o,
			     const char *prefix_left)
{
	const char *name = o->kind->rel_names[0];

	const char *dot;

	if (strcmp(prefix_left, PFX_CALL) == 0)
		return PFX_CALL;
	if (!*name)
		return prefix_left[0] ? prefix_left : "()";
	/* every alternative: "Commit|Rollback" */
	dot = strrchr(o->kind->release, '.');
	return join_path(w, prefix_left, dot ? dot + 1 : o->kind->release);
}

/* Remembers that an obligation of a field-checked kind went into field
 * target (a selector expression) at statement at. */
static void field_store(struct walk *w, const struct eng_kind *k,
			const char *noun, GNode site, GNode target, GNode at)
{
	struct eng_store st;

	if (!(k->flags & ENG_K_FIELD_CHECK) ||
	    !sym_is(target, GS->selector_expression))
		return;
	st.kind = k;
	st.noun = noun;
	st.site = site;
	st.at = at;
	st.field = go_text_dup(w->f, go_field(target, f_field));
	st.owner = eng_type_of(w->fn, go_field(target, f_operand));
	st.func = false;
	VEC_PUSH(&w->stores, st);
}

/* Is return statement r one of fn's own (not a func literal's)? */
static bool own_return(struct walk *w, GNode r)
{
	for (GNode q = gn_parent(r); !gn_is_null(q);
	     q = gn_parent(q)) {
		TSSymbol s = gn_symbol(q);

		if (s == GS->func_literal || s == GS->function_declaration ||
		    s == GS->method_declaration)
			return node_eq(q, w->fn->decl);
	}
	return false;
}

static bool ctor_of(struct walk *w, GNode call, struct eng_acquire *out);

/* Constructor summaries: a returned obligation of kind k at results
 * mask m, reached from the returned value through prefix (NULL: the
 * kind's own, as for the resource itself). */
static void ret_record(struct walk *w, const struct eng_kind *k,
		       const char *noun, unsigned m, const char *prefix)
{
	if (!prefix || strcmp(prefix, k->rel_prefix) == 0)
		prefix = NULL;
	if (w->ret_kind && (w->ret_kind != k ||
			    (w->ret_prefix == NULL) != (prefix == NULL) ||
			    (prefix && strcmp(w->ret_prefix, prefix) != 0)))
		w->ret_bad = true;
	w->ret_kind = k;
	w->ret_prefix = prefix;
	if (!w->ret_noun)
		w->ret_noun = noun;
	w->ret_mask |= m;
}

/* Is fun (the function of a call) a type of this package, so that the
 * call converts its one argument (`myConn(c)`, `(*tracked)(c)`)? */
static bool local_conversion(struct walk *w, GNode fun)
{
	const struct go_syms *g = GS;
	const struct godecl *d;
	char *nm;
	size_t len;
	const char *t;

	fun = go_unparen(fun);
	if (sym_is(fun, g->unary_expression) || sym_is(fun, g->pointer_type)) {
		GNode op = go_field(fun, f_operand);

		if (gn_is_null(op))
			op = gn_named_child(fun, 0);
		if (sym_is(fun, g->unary_expression) &&
		    !go_text_is(w->f, go_field(fun, f_operator), "*"))
			return false;
		fun = go_unparen(op);
	}
	if (!sym_is(fun, g->identifier) && !sym_is(fun, g->type_identifier))
		return false;
	if (eng_resolve(w->fn, fun))
		return false;
	t = go_text(w->f, fun, &len);
	nm = arena_strndup(&w->fn->pkg->arena, t, len);
	d = gopkg_lookup(w->fn->pkg, nm);
	return d && d->kind == GODECL_TYPE;
}

/* Is type node t a struct type of another package of the module (whose
 * methods have summaries there)? Sets *path and *name (arena) when so. */
static bool xpkg_type(struct walk *w, GNode t, const char **path,
		      const char **name)
{
	const char *tn, *dot;
	char *ip;

	if (!sym_is(t, GS->qualified_type) ||
	    !(tn = type_name(w->f, t)) || !(dot = strrchr(tn, '.')))
		return false;
	ip = arena_strndup(&w->fn->pkg->arena, tn, (size_t)(dot - tn));
	if (xpkg_struct_field(w->fn->pkg, ip, dot + 1, NULL) != 1)
		return false;
	if (path)
		*path = ip;
	if (name)
		*name = dot + 1;
	return true;
}

/* The local variable that the keyed composite literal around the value
 * w->anc[i] (a literal_element) is assigned to, alone: `st := T{f: h}`,
 * `p := &T{f: h}` with T a type of this package (whose methods have
 * summaries); NULL for anything else (a positional element, a literal
 * returned, passed, nested or stored elsewhere). */
static struct eng_var *struct_local(struct walk *w, unsigned i)
{
	const struct go_syms *g = GS;
	GNode kv, key, lhs, stmt;
	struct eng_var *v;

	if (i < 5)
		return NULL;
	kv = w->anc[i - 1];
	if (!sym_is(kv, g->keyed_element) || !node_eq(nth(kv, 1), w->anc[i]))
		return NULL;
	key = nth(kv, 0);
	if (!sym_is(key, g->literal_element) ||
	    !sym_is(nth(key, 0), g->identifier) ||
	    !sym_is(w->anc[i - 2], g->literal_value) ||
	    !sym_is(w->anc[i - 3], g->composite_literal))
		return NULL;
	if (!sym_is(go_field(w->anc[i - 3], f_type), g->type_identifier) &&
	    !xpkg_type(w, go_field(w->anc[i - 3], f_type), NULL, NULL))
		return NULL; /* a type of a package outside the module: its
				methods may keep the field (a server's Run) */
	i -= 3;
	if (sym_is(w->anc[i - 1], g->unary_expression) &&
	    go_text_is(w->f, go_field(w->anc[i - 1], f_operator), "&"))
		i--;
	if (i < 2 || !sym_is(w->anc[i - 1], g->expression_list) ||
	    nchild(w->anc[i - 1]) != 1)
		return NULL;
	stmt = w->anc[i - 2];
	if ((!sym_is(stmt, g->short_var_declaration) &&
	     !sym_is(stmt, g->assignment_statement)) ||
	    !node_eq(go_field(stmt, f_right), w->anc[i - 1]))
		return NULL;
	lhs = go_field(stmt, f_left);
	if (nchild(lhs) != 1 || !sym_is(nth(lhs, 0), g->identifier))
		return NULL;
	v = eng_resolve(w->fn, nth(lhs, 0));
	return v && !v->result ? v : NULL;
}

static bool next_use(struct walk *w, const struct eng_var *v, size_t *k,
		     GNode *id);

/* Is type node t (a type_identifier) a struct type of the package? */
static bool local_struct(struct walk *w, GNode t)
{
	const struct godecl *d;
	GNode st;

	if (!sym_is(t, GS->type_identifier))
		return false;
	d = gopkg_lookup(w->fn->pkg, go_text_dup(w->f, t));
	if (!d || d->kind != GODECL_TYPE)
		return false;
	st = go_field(d->node, f_type);
	return sym_is(st, GS->struct_type);
}

/* Is local v declared holding a new struct of the package: `v := &T{...}`,
 * `v := T{...}`, `v := new(T)`, `var v T`? */
static bool fresh_decl(struct walk *w, const struct eng_var *v)
{
	const struct go_syms *g = GS;
	GNode p = gn_parent(v->decl), st, e = { 0 };

	if (sym_is(p, g->var_spec))
		return gn_is_null(go_field(p, f_value)) &&
		       local_struct(w, go_field(p, f_type));
	st = gn_parent(p);
	if (!sym_is(p, g->expression_list) ||
	    !sym_is(st, g->short_var_declaration) ||
	    !node_eq(go_field(st, f_left), p) ||
	    nchild(p) != nchild(go_field(st, f_right)))
		return false;
	for (uint32_t i = 0; i < nchild(p); i++) {
		if (node_eq(nth(p, i), v->decl))
			e = go_unparen(nth(go_field(st, f_right), i));
	}
	if (sym_is(e, g->unary_expression) &&
	    go_text_is(w->f, go_field(e, f_operator), "&"))
		e = go_unparen(go_field(e, f_operand));
	if (sym_is(e, g->composite_literal))
		return local_struct(w, go_field(e, f_type));
	if (sym_is(e, g->call_expression) &&
	    sym_is(go_field(e, f_function), g->identifier) &&
	    is_builtin(w, go_field(e, f_function), "new")) {
		GNode a = nth(go_field(e, f_arguments), 0);

		return local_struct(w, go_unparen(a));
	}
	return false;
}

/* Can nothing but the function hold v (a local or value parameter) at
 * statement stmt: before stmt every use of v reads or sets one of its
 * fields, outside any func literal, and v is never assigned again? */
static bool held_only_here(struct walk *w, struct eng_var *v, GNode stmt)
{
	const struct go_syms *g = GS;
	GNode id;
	uint32_t at = gn_start_byte(stmt);

	for (size_t k = 0; next_use(w, v, &k, &id); k++) {
		GNode p, q;

		if (node_eq(id, v->decl))
			continue;
		p = gn_parent(id);
		if (sym_is(p, g->expression_list) &&
		    (sym_is(gn_parent(p), g->assignment_statement) ||
		     sym_is(gn_parent(p), g->short_var_declaration)) &&
		    node_eq(go_field(gn_parent(p), f_left), p))
			return false; /* assigned again */
		if (gn_start_byte(id) >= at)
			continue;
		if (!sym_is(p, g->selector_expression) ||
		    !node_eq(go_field(p, f_operand), id))
			return false; /* v itself used: handed anywhere */
		q = gn_parent(p);
		if ((sym_is(q, g->call_expression) &&
		     node_eq(go_field(q, f_function), p)) ||
		    sym_is(q, g->unary_expression))
			return false; /* v.m(): a method may keep v */
		for (; !gn_is_null(q) && !node_eq(q, w->fn->decl);
		     q = gn_parent(q)) {
			if (sym_is(q, g->func_literal))
				return false; /* a closure holds v */
		}
	}
	return true;
}

/* Target l (`v.f`) of assignment stmt: is v a local holding a new struct
 * of the package (fresh_decl) that is never assigned again and that
 * nothing could hold yet (before stmt, every use of v reads or sets one
 * of its fields, outside any func literal)? Then v is where a resource
 * stored into v.f is kept: dropping v drops it (a constructor failing
 * after the store). Returns v, or NULL. */
static struct eng_var *fresh_struct(struct walk *w, GNode l, GNode stmt)
{
	const struct go_syms *g = GS;
	GNode x;
	struct eng_var *v;

	if (!sym_is(l, g->selector_expression))
		return NULL;
	x = go_unparen(go_field(l, f_operand));
	if (!sym_is(x, g->identifier) || !(v = eng_resolve(w->fn, x)) ||
	    v->param || v->result || v->receiver ||
	    gn_start_byte(v->decl) < gn_start_byte(w->fn->decl) ||
	    gn_start_byte(v->decl) >= gn_end_byte(w->fn->decl) ||
	    !fresh_decl(w, v))
		return NULL;
	return held_only_here(w, v, stmt) ? v : NULL;
}

/* Is type node t a struct type declared in this package, named as a value
 * (`T`, not `*T`)? */
static bool pkg_struct_value(struct walk *w, GNode t)
{
	const struct godecl *d;
	char *nm;
	size_t len;
	const char *txt;

	if (!sym_is(t, GS->type_identifier))
		return false;
	txt = go_text(w->f, t, &len);
	nm = arena_strndup(&w->fn->pkg->arena, txt, len);
	d = gopkg_lookup(w->fn->pkg, nm);
	return d && d->kind == GODECL_TYPE && sym_is(d->node, GS->type_spec) &&
	       sym_is(go_field(d->node, f_type), GS->struct_type);
}

/* The variable whose own struct value `x.f` (target) writes into, when
 * that value is a copy nobody else sees and dies with the function
 * unless it is handed on: a value receiver or parameter of a struct type
 * of this package (`func (s svc) start() { s.cancel = cancel }` stores
 * into the caller's copy of s, lost on return), or a local declared as
 * such a value (`var st T`, `st := T{...}`). A store there keeps the
 * duty with the function, held by x.f. NULL for anything else: a
 * pointer (the object is shared), a named result (a bare return hands
 * it on), a variable of an enclosing function, a type of another
 * package. */
static struct eng_var *copy_holder(struct walk *w, GNode target,
				   GNode stmt)
{
	const struct go_syms *g = GS;
	GNode op, decl, p, t = { 0 };
	struct eng_var *v;

	if (w->summary_mode || w->ctor_mode || w->lit_acquire ||
	    !sym_is(target, g->selector_expression))
		return NULL;
	op = go_unparen(go_field(target, f_operand));
	if (!sym_is(op, g->identifier))
		return NULL;
	v = eng_resolve(w->fn, op);
	if (!v || v->result)
		return NULL;
	decl = v->decl;
	if (gn_start_byte(decl) < gn_start_byte(w->fn->decl) ||
	    gn_end_byte(decl) > gn_end_byte(w->fn->decl))
		return NULL; /* captured: the enclosing function holds it */
	p = gn_parent(decl);
	if (sym_is(p, g->parameter_declaration)) {
		t = go_field(p, f_type);
	} else if (sym_is(p, g->var_spec)) {
		if (!gn_is_null(go_field(p, f_value)))
			return NULL;
		t = go_field(p, f_type);
	} else if (sym_is(p, g->expression_list) &&
		   sym_is(gn_parent(p), g->short_var_declaration) &&
		   node_eq(go_field(gn_parent(p), f_left), p)) {
		GNode rhs = go_field(gn_parent(p), f_right);
		uint32_t idx = 0;

		for (uint32_t j = 0; j < nchild(p); j++) {
			if (node_eq(nth(p, j), decl))
				idx = j;
		}
		if (nchild(rhs) != nchild(p))
			return NULL;
		rhs = go_unparen(nth(rhs, idx));
		if (!sym_is(rhs, g->composite_literal))
			return NULL;
		t = go_field(rhs, f_type);
	}
	return pkg_struct_value(w, t) && held_only_here(w, v, stmt) ? v
								    : NULL;
}

/* Is fun (a call's function) a package function whose result owns its
 * argument argi (OWNS rows)? */
static bool owns_arg(struct walk *w, GNode fun, int argi)
{
	GNode op = go_field(fun, f_operand);
	const char *path, *name;
	size_t len;

	return argi >= 0 && sym_is(fun, GS->selector_expression) &&
	       sym_is(op, GS->identifier) && !eng_resolve(w->fn, op) &&
	       go_selector_import(w->f, fun, &path, &name, &len) &&
	       apis_owns(path, name, len) == argi;
}

/* What happens to a value (node at ancestor index i) that carries the
 * obligation, with prefix_left still to go to the released object. */
/* Is l (`cmd.Stdout`) a field whose value only uses what is stored in
 * it (a FIELDUSE row of the operand's type)? */
static bool field_uses(struct walk *w, GNode l)
{
	const char *t, *dot, *nm;
	size_t len;

	if (!sym_is(l, GS->selector_expression))
		return false;
	t = eng_type_of(w->fn, go_field(l, f_operand));
	dot = t ? strrchr(t, '.') : NULL;
	if (!dot)
		return false;
	nm = go_text(w->f, go_field(l, f_field), &len);
	return apis_field_uses(arena_strndup(&w->fn->pkg->arena, t,
					     (size_t)(dot - t)),
			       dot + 1, nm, len);
}

static struct use value_use(struct walk *w, const struct ob *o, unsigned i,
			    const char *prefix_left)
{
	const struct go_syms *g = GS;
	struct use u = { .ef = EF_TRANSFER };
	GNode n = w->anc[i];

	while (i > 0) {
		GNode p = w->anc[i - 1];
		TSSymbol s = gn_symbol(p);

		if (s == g->parenthesized_expression) {
			n = p;
			i--;
			continue;
		}
		if (s == g->call_expression &&
		    node_eq(go_field(p, f_function), n)) {
			/* h() */
			if ((!*prefix_left && o->kind->rel_names[0] &&
			     !o->kind->rel_names[0][0]) ||
			    strcmp(prefix_left, PFX_CALL) == 0)
				u.ef = EF_RELEASE;
			else
				u.ef = EF_NONE;
			return u;
		}
		if (s == g->argument_list) {
			GNode call = i >= 2 ? w->anc[i - 2] : (GNode){ 0 };
			GNode fun = go_field(call, f_function);
			uint32_t c = nchild(p);
			int argi = -1, k = 0;

			for (uint32_t j = 0; j < c; j++) {
				GNode a = nth(p, j);

				if (sym_is(a, g->comment))
					continue;
				if (node_eq(a, n))
					argi = k;
				k++;
			}
			if (i >= 2 &&
			    ((argi == 0 && k == 1 && local_conversion(w, fun)) ||
			     owns_arg(w, fun, argi))) {
				/* ReadCloser(f): the same value, retyped;
				 * tls.Client(raw, cfg): the result owns raw,
				 * what happens to it happens to raw */
				n = call;
				i -= 2;
				continue;
			}
			if (sym_is(fun, g->identifier) &&
			    (is_builtin(w, fun, "len") ||
			     is_builtin(w, fun, "cap") ||
			     is_builtin(w, fun, "print") ||
			     is_builtin(w, fun, "println"))) {
				u.ef = EF_NONE;
				return u;
			}
			/* an argument to an unknown callee is handed on */
			summary_use(w, call_summary(w, call, argi,
						    rest_path(w, o, prefix_left),
						    o->kind->flags),
				    call, EF_TRANSFER, &u);
			return u;
		}
		if (s == g->expression_list && i >= 2) {
			GNode gp = w->anc[i - 2];
			TSSymbol gs = gn_symbol(gp);

			if (gs == g->return_statement) {
				uint32_t c = nchild(p);

				for (uint32_t j = 0; w->ctor_mode && j < c; j++) {
					if (node_eq(nth(p, j), n) &&
					    own_return(w, gp)) {
						u.ret = j + 1;
						u.ret_prefix = prefix_left;
					}
				}
				u.ef = EF_TRANSFER;
				return u;
			}
			if ((gs == g->assignment_statement ||
			     gs == g->short_var_declaration) &&
			    node_eq(go_field(gp, f_right), p)) {
				GNode lhs = go_field(gp, f_left);
				uint32_t c = nchild(p);
				uint32_t idx = 0;
				GNode l;

				for (uint32_t j = 0; j < c; j++) {
					if (node_eq(nth(p, j), n))
						idx = j;
				}
				if (nchild(lhs) != c)
					return u;
				l = nth(lhs, idx);
				if (sym_is(l, g->blank_identifier) ||
				    go_text_is(w->f, l, "_")) {
					u.ef = EF_BLANK;
					u.node = gp;
					return u;
				}
				if (sym_is(l, g->identifier)) {
					struct eng_var *v = eng_resolve(w->fn, l);

					if (v && !v->result) {
						u.ef = EF_ALIAS;
						u.alias = v;
						u.alias_prefix = prefix_left;
						if (gs == g->assignment_statement)
							u.node = gp;
						return u;
					}
				}
				if (!*prefix_left && field_uses(w, l)) {
					u.ef = EF_NONE;
					return u;
				}
				if (strcmp(prefix_left, PFX_CALL) != 0) {
					struct eng_var *cv = copy_holder(w, l, gp);

					if (cv) {
						/* s.f = h into a dying copy:
						 * s.f is h */
						u.ef = EF_ALIAS;
						u.alias = cv;
						u.alias_prefix = join_path(
							w,
							go_text_dup(w->f,
								    go_field(l, f_field)),
							prefix_left);
						return u;
					}
				}
				if (!w->summary_mode && !w->ctor_mode &&
				    !(o->kind->flags & ENG_K_FIELD_CHECK) &&
				    strcmp(prefix_left, PFX_CALL) != 0) {
					struct eng_var *v =
						fresh_struct(w, l, gp);

					if (v) {
						/* v := &T{}; v.f = h: v.f
						 * is h */
						u.ef = EF_ALIAS;
						u.alias = v;
						u.alias_prefix = join_path(
							w, go_text_dup(w->f,
							go_field(l, f_field)),
							prefix_left);
						return u;
					}
				}
				if (!*prefix_left)
					field_store(w, o->kind, o->noun, o->site,
						    l, gp);
				return u; /* field, global, element */
			}
			if (gs == g->assignment_statement ||
			    gs == g->short_var_declaration) {
				/* h is assigned to: the old value is lost */
				u.ef = EF_TRANSFER;
				return u;
			}
			if (gs == g->var_spec) {
				GNode id = nth(gp, 0);
				struct eng_var *v = eng_resolve(w->fn, id);

				if (v) {
					u.ef = EF_ALIAS;
					u.alias = v;
					u.alias_prefix = prefix_left;
				}
				return u;
			}
			return u;
		}
		if (s == g->literal_element && i >= 2 && !w->summary_mode &&
		    !w->ctor_mode &&
		    strcmp(prefix_left, PFX_CALL) != 0) {
			struct eng_var *v = struct_local(w, i - 1);

			if (v) {
				/* st := T{f: h}: st.f is h */
				GNode key = nth(w->anc[i - 2], 0);

				u.ef = EF_ALIAS;
				u.alias = v;
				u.alias_prefix = join_path(
					w, go_text_dup(w->f, nth(key, 0)),
					prefix_left);
				u.alias_type = type_name(w->f, go_field(
					w->anc[i - 4], f_type));
			}
			return u;
		}
		if (s == g->binary_expression) {
			u.ef = EF_NONE;
			return u;
		}
		if (s == g->type_assertion_expression ||
		    s == g->type_conversion_expression) {
			n = p;
			i--;
			continue;
		}
		if (s == g->range_clause && !*prefix_left &&
		    node_eq(go_field(p, f_right), n) &&
		    nchild(go_field(p, f_left)) == 2) {
			/* for _, x := range h: each element is a handle (a
			 * slice of closers, a variadic parameter) */
			GNode x = nth(go_field(p, f_left), 1);
			struct eng_var *v = sym_is(x, g->identifier) ?
						    eng_resolve(w->fn, x) : NULL;

			u.ef = EF_NONE;
			if (v) {
				u.ef = EF_ALIAS;
				u.alias = v;
				u.alias_prefix = "";
			}
			return u;
		}
		if (s == g->index_expression && i >= 2 &&
		    node_eq(go_field(p, f_index), n) &&
		    sym_is(w->anc[i - 2], g->assignment_statement) &&
		    node_eq(gn_parent(p), go_field(w->anc[i - 2], f_left)))
			return u; /* `m[h] = v`: the map keeps it as a key */
		if (s == g->expression_statement || s == g->range_clause ||
		    s == g->index_expression || s == g->if_statement ||
		    s == g->expression_switch_statement ||
		    s == g->type_switch_statement ||
		    s == g->inc_statement || s == g->dec_statement) {
			u.ef = EF_NONE;
			return u;
		}
		if (s == g->unary_expression) {
			GNode op = go_field(p, f_operator);

			if (!gn_is_null(op) && go_text_is(w->f, op, "&"))
				return u;
			u.ef = EF_NONE;
			return u;
		}
		/* composite literal, send, keyed element, go, ...: handed on */
		return u;
	}
	return u;
}

/* `x.m()` on the handle's variable x (the selector at ancestor index top),
 * m a method of this package: what m's summary says it does with its
 * receiver (`resp.closeBody()` in net/http releases the body). */
static struct use recv_use(struct walk *w, const struct ob *o,
			   const struct handle *h, unsigned top)
{
	struct use u = { .ef = EF_NONE };
	GNode p = top > 0 ? w->anc[top - 1] : (GNode){ 0 };

	if (!sym_is(p, GS->call_expression) ||
	    !node_eq(go_field(p, f_function), w->anc[top])) {
		/* a method value of the package (`return p.stop`,
		 * `reg(p.stop)`): it may release whenever it is called */
		GNode sel = w->anc[top];
		size_t len;
		const char *nm;
		bool guessed;

		if (!sym_is(sel, GS->selector_expression))
			return u;
		nm = go_text(w->f, go_field(sel, f_field), &len);
		if (h->dyn && strchr(h->dyn, '.')) {
			/* a struct of another package of the module: its
			 * own fields are read, anything else (a method
			 * value, a promoted member) may keep it */
			const char *dot = strrchr(h->dyn, '.');
			struct arena *a = &w->fn->pkg->arena;

			if (xpkg_struct_field(w->fn->pkg,
					      arena_strndup(a, h->dyn,
							    (size_t)(dot - h->dyn)),
					      dot + 1,
					      arena_strndup(a, nm, len)) != 1)
				u.ef = EF_TRANSFER;
			return u;
		}
		if (method_decl(w, go_field(sel, f_operand), nm, len,
				&guessed) && !guessed)
			u.ef = EF_TRANSFER; /* not a field read */
		return u;
	}
	/* an unknown method of the handle only uses it */
	summary_use(w, h->dyn ? dyn_summary(w, h->dyn, w->anc[top],
					    rest_path(w, o, h->prefix),
					    o->kind->flags) :
				call_summary(w, p, -1, rest_path(w, o, h->prefix),
					     o->kind->flags),
		    p, u.ef, &u);
	return u;
}

/* Classifies the use of obligation o through handle h at identifier
 * ancestor index i (w->anc[i] is the identifier). */
static struct use classify(struct walk *w, const struct ob *o,
			   const struct handle *h, unsigned i)
{
	const struct go_syms *g = GS;
	const char *chain[16] = { 0 };
	size_t n = 0, k = path_len(h->prefix);
	unsigned top = i;
	struct use u = { .ef = EF_NONE };

	if (strcmp(h->prefix, PFX_CALL) == 0) {
		/* the variable holds the release func itself */
		GNode p = i > 0 ? w->anc[i - 1] : (GNode){ 0 };

		if (sym_is(p, g->selector_expression) &&
		    node_eq(go_field(p, f_operand), w->anc[i]))
			return u;
		return value_use(w, o, i, PFX_CALL);
	}
	/* collect x.a.b going up */
	while (top > 0 && n < ARRAY_SIZE(chain)) {
		GNode p = w->anc[top - 1];

		if (!sym_is(p, g->selector_expression) ||
		    !node_eq(go_field(p, f_operand), w->anc[top]))
			break;
		chain[n++] = go_text_dup(w->f, go_field(p, f_field));
		top--;
		/* x.<prefix>.Process is the object itself (SELF rows) */
		if (n == k + 1 && o->kind->self_member &&
		    chain_is(chain, k, h->prefix) &&
		    strcmp(chain[k], o->kind->self_member) == 0)
			n--;
	}
	if (n == 1 && k > 0 &&
	    (strncmp(chain[0], h->prefix, strlen(chain[0])) != 0 ||
	     (h->prefix[strlen(chain[0])] &&
	      h->prefix[strlen(chain[0])] != '.')))
		return recv_use(w, o, h, top); /* resp.closeBody() */
	if (n < k) {
		/* the owner (resp) or part of the way to the object */
		const char *p = h->prefix;

		for (size_t j = 0; j < n; j++) {
			size_t len = strcspn(p, ".");

			if (strlen(chain[j]) != len ||
			    memcmp(chain[j], p, len) != 0)
				return u; /* another field: borrowed */
			p += len + (p[len] == '.');
		}
		return value_use(w, o, top, p);
	}
	if (!chain_is(chain, k, h->prefix))
		return u; /* another field of the owner */
	if (n == k) {
		/* `v.f = h` just made v.f a handle: setting it is no use
		 * (assign() evaluates the target under its statement) */
		if (h->slot && (w->aliased & bit(h->slot - 1)) && top >= 1 &&
		    sym_is(w->anc[top - 1], g->assignment_statement) &&
		    gn_start_byte(w->anc[top]) <
			    gn_end_byte(go_field(w->anc[top - 1], f_left)))
			return u;
		u = value_use(w, o, top, "");
		return u;
	}
	/* x.<prefix>.m... */
	if (n == k + 1) {
		GNode p = top > 0 ? w->anc[top - 1] : (GNode){ 0 };
		const char *m = chain[k];
		bool called = sym_is(p, g->call_expression) &&
			      node_eq(go_field(p, f_function), w->anc[top]);

		if (called) {
			for (size_t j = 0; j < ARRAY_SIZE(o->kind->rel_names) &&
					   o->kind->rel_names[j]; j++) {
				if (strcmp(m, o->kind->rel_names[j]) == 0) {
					u.ef = EF_RELEASE;
					return u;
				}
			}
			if (o->kind->rearm && strcmp(m, o->kind->rearm) == 0) {
				u.ef = EF_REARM;
				return u;
			}
			if (k == 0)
				return recv_use(w, o, h, top);
			return u;
		}
		/* a method value of the release (`f := resp.Body.Close`,
		 * `defer closeAll(&err, rows.Close)`): what happens to it */
		for (size_t j = 0; j < ARRAY_SIZE(o->kind->rel_names) &&
				   o->kind->rel_names[j]; j++) {
			if (o->kind->rel_names[j][0] &&
			    strcmp(m, o->kind->rel_names[j]) == 0)
				return value_use(w, o, top, PFX_CALL);
		}
		if (o->kind->recv_release && strcmp(m, o->kind->recv_release) == 0 &&
		    sym_is(p, g->unary_expression) &&
		    go_text_is(w->f, go_field(p, f_operator), "<-"))
			u.ef = EF_RELEASE;
		return u;
	}
	return u;
}

/* Adds a handle to o unless it is there already; returns its slot
 * (struct handle), noted in w->aliased (an assignment whose right side
 * made v a handle does not take v away from o), and held on every path
 * of s. */
static unsigned ob_handle(struct walk *w, struct st *s, struct ob *o,
			  struct eng_var *v, const char *root,
			  const char *prefix)
{
	struct handle h = { v, root, prefix, 0, NULL };

	for (size_t i = 0; i < o->h.len; i++) {
		struct handle *x = &o->h.items[i];

		if (x->var == v && strcmp(x->prefix, prefix) == 0 &&
		    (v || strcmp(x->root, root) == 0)) {
			if (x->slot) {
				w->aliased |= bit(x->slot - 1);
				s->hon |= bit(x->slot - 1);
				s->hall |= bit(x->slot - 1);
			}
			return x->slot;
		}
	}
	/* a slot is a variable's: what matters on a path is whether v
	 * holds the obligation there, whatever the way to it (rc, then
	 * rc.body of `rc = &gzipBody{body: rc}` on one branch only; a
	 * func at "" and "()"); acquired again (a loop's next round), the
	 * same slot as before */
	for (uint64_t m = v ? w->ob_slots[o - w->obs] : 0; m && !h.slot;
	     m &= m - 1) {
		unsigned j = (unsigned)__builtin_ctzll(m);

		if (w->slot_var[j] == v)
			h.slot = j + 1;
	}
	if (h.slot) {
		w->aliased |= bit(h.slot - 1);
		s->hon |= bit(h.slot - 1);
		s->hall |= bit(h.slot - 1);
	} else if (v && w->nslots < 64) {
		w->slot_var[w->nslots] = v;
		h.slot = ++w->nslots;
		w->ob_slots[o - w->obs] |= bit(h.slot - 1);
		w->aliased |= bit(h.slot - 1);
		s->hon |= bit(h.slot - 1);
		s->hall |= bit(h.slot - 1);
	}
	VEC_PUSH(&o->h, h);
	return h.slot;
}

/* Handle (v, prefix) of o is a field of a struct literal of type t. */
static void handle_type(struct ob *o, struct eng_var *v, const char *prefix,
			const char *t)
{
	for (size_t i = 0; i < o->h.len; i++) {
		if (o->h.items[i].var == v &&
		    strcmp(o->h.items[i].prefix, prefix) == 0)
			o->h.items[i].dyn = t;
	}
}

/* Does handle h (of an open obligation) hold it on every path here? */
static bool handle_on(const struct st *s, const struct handle *h)
{
	return !h->slot || (s->hall & bit(h->slot - 1));
}

/* Variable v gets a new value (the target of an assignment): on the
 * paths where an obligation it was a handle of is open, it no longer is
 * one, unless the right side just aimed it there again (w->aliased).
 * One that only a deferred literal releases, through the variables it
 * captured (st.late), may be open again: the exits ask the literal with
 * the handles of their own path (late_released). */
static void handle_rebind(struct walk *w, struct st *s, struct eng_var *v)
{
	if (s->dead)
		return;
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];

		if (!((s->open | s->late) & bit(i)))
			continue;
		for (size_t j = 0; j < o->h.len; j++) {
			unsigned sl = o->h.items[j].slot;

			if (o->h.items[j].var == v && sl &&
			    !(w->aliased & bit(sl - 1))) {
				s->open |= bit(i);
				s->hon &= ~bit(sl - 1);
				s->hall &= ~bit(sl - 1);
			}
		}
	}
}

/* Is a handle variable of o used after byte offset `after`? */
static bool used_after(struct walk *w, const struct ob *o, uint32_t after)
{
	for (size_t k = 0; k < w->fn->nuses; k++) {
		if (w->fn->use_off[k] < after)
			continue;
		for (size_t j = 0; j < o->h.len; j++) {
			if (o->h.items[j].var &&
			    o->h.items[j].var == w->fn->use_var[k])
				return true;
		}
	}
	return false;
}

/* The named error result v tested `v == nil` by if statement n, or
 * NULL. */
static struct eng_var *nil_test_result(struct walk *w, GNode n,
				       const char *op)
{
	GNode c = go_unparen(go_field(n, f_condition));
	GNode l, r;
	struct eng_var *v;

	if (!sym_is(c, GS->binary_expression) ||
	    !go_text_is(w->f, go_field(c, f_operator), op))
		return NULL;
	l = go_unparen(go_field(c, f_left));
	r = go_unparen(go_field(c, f_right));
	if (go_text_is(w->f, l, "nil")) {
		GNode t = l;

		l = r;
		r = t;
	}
	if (!sym_is(l, GS->identifier) || !go_text_is(w->f, r, "nil"))
		return NULL;
	v = eng_resolve(w->fn, l);
	return v;
}

/* The slot of v among the tracked variables, or -1. */
static int trk_slot(const struct walk *w, const struct eng_var *v)
{
	for (unsigned k = 0; v && k < w->ntrk; k++) {
		if (w->trk[k] == v)
			return (int)k;
	}
	return -1;
}

/* A deferred literal's scan releases obligation i at the identifier on
 * top of the ancestor stack: under `if R == nil` (R a named result), or
 * under `if V != nil` (V tracked)? */
static void guard_note(struct walk *w, size_t i)
{
	struct eng_var *g = NULL;
	bool ne = false;

	for (unsigned k = w->nanc - 1; k > w->guard_base && !g; k--) {
		GNode n = w->anc[k - 1];
		struct eng_var *v;

		if (!sym_is(n, GS->if_statement) ||
		    !node_eq(go_field(n, f_consequence), w->anc[k]))
			continue;
		v = nil_test_result(w, n, "==");
		if (v && v->result) {
			g = v;
			ne = false;
		} else if ((v = nil_test_result(w, n, "!=")) &&
			   trk_slot(w, v) >= 0) {
			g = v;
			ne = true;
		}
	}
	if (!g || (w->guard_state[i] &&
		   (w->guard_var[i] != g || w->guard_ne[i] != ne)))
		w->guard_state[i] = 2;
	else if (!w->guard_state[i]) {
		w->guard_state[i] = 1;
		w->guard_var[i] = g;
		w->guard_ne[i] = ne;
	}
}

static void apply(struct walk *w, struct st *s, size_t i, struct use u)
{
	struct ob *o = &w->obs[i];

	/* Reset after Stop (or after the timer fired) arms it again; after
	 * a hand-over the new owner answers for it */
	if (u.ef == EF_REARM && !(s->open & bit(i)) && !o->transferred &&
	    !o->deferred && !s->dead) {
		s->open |= bit(i);
		s->other &= ~bit(i);
		return;
	}
	/* a constructor returning the release func beside the resource
	 * (`return f, cleanup, nil`): noted; the resource's own result
	 * (evaluated before or after it) is what hands it out */
	if (w->ctor_mode && u.ef == EF_TRANSFER && u.ret && u.ret <= 8 &&
	    u.ret_prefix && strcmp(u.ret_prefix, PFX_CALL) == 0) {
		w->ret_call_mask |= 1u << (u.ret - 1);
		return;
	}
	if ((s->late & bit(i)) &&
	    (u.ef == EF_RELEASE || u.ef == EF_TRANSFER))
		s->late &= ~bit(i);
	if (!(s->open & bit(i)) && u.ef != EF_ALIAS)
		return;
	if ((o->kind->flags & ENG_K_USE_RELEASES) && u.ef == EF_NONE)
		u.ef = EF_RELEASE;
	/* an escaping closure may do anything with what it captures, but
	 * what it acquires itself it only reads here */
	if (w->any_use && (u.ef == EF_NONE || u.ef == EF_BLANK) &&
	    !(w->lit_obs & bit(i)))
		u.ef = EF_TRANSFER;
	if (w->guard_scan && (u.ef == EF_RELEASE || u.ef == EF_TRANSFER))
		guard_note(w, i);
	switch (u.ef) {
	case EF_RELEASE:
		ob_release(w, s, i);
		o->released = true;
		for (unsigned k = 0; k < w->nanc && !o->deferred; k++)
			o->deferred = sym_is(w->anc[k], GS->defer_statement);
		break;
	case EF_ERRLINK:
		/* closed where the call failed: still open where its error
		 * is nil (or, returned as it is, at this exit) */
		o->released = true;
		o->errvar2 = u.errvar;
		o->errlink_at = u.after;
		if (u.errvar)
			s->link2 |= bit(i);
		break;
	case EF_PARTIAL:
		/* the caller checks and releases itself when it uses the value
		 * again; else the other paths of the callee leak */
		o->released = true;
		if (used_after(w, o, u.after))
			ob_release(w, s, i);
		break;
	case EF_TRANSFER:
		if (o->kind->flags & ENG_K_NO_TRANSFER)
			break;
		if (w->ctor_mode && u.ret && u.ret <= 8)
			ret_record(w, o->kind, o->noun, 1u << (u.ret - 1),
				   u.ret_prefix);
		else if (w->ctor_mode)
			w->ret_other = true;
		ob_release(w, s, i);
		o->transferred = true;
		break;
	case EF_ALIAS: {
		/* `last = c` in a loop: last held the previous round's
		 * value, still open */
		if ((s->stale & bit(i)) && (s->open & bit(i)) &&
		    !gn_is_null(u.node) && !o->never_only &&
		    !(o->kind->flags & ENG_K_CHECKPOINT_ONLY)) {
			bool held = false;

			for (size_t j = 0; j < ARRAY_SIZE(o->stale_var); j++)
				held |= o->stale_var[j] == u.alias;
			if (held) {
				ob_add_exit(w, o, ENG_EXIT_OVERWRITE, u.node);
				s->stale &= ~bit(i);
			}
		}
		ob_handle(w, s, o, u.alias, NULL, u.alias_prefix);
		if (u.alias_type)
			handle_type(o, u.alias, u.alias_prefix, u.alias_type);
		break;
	}
	case EF_REARM:
		s->open |= bit(i);
		s->other &= ~bit(i);
		break;
	case EF_BLANK:
		if (gn_is_null(o->blank))
			o->blank = u.node;
		break;
	case EF_NONE:
		break;
	}
}

/* The name a call expression calls (`f`, `x.f`, `pkg.f`), or NULL. */
static const char *callee_name(struct walk *w, GNode call, size_t *len)
{
	GNode fun;

	if (!sym_is(call, GS->call_expression))
		return NULL;
	fun = go_unparen(go_field(call, f_function));
	if (sym_is(fun, GS->selector_expression))
		fun = go_field(fun, f_field);
	if (!sym_is(fun, GS->identifier) && !sym_is(fun, GS->field_identifier))
		return NULL;
	return go_text(w->f, fun, len);
}

/* Argument k of argument list args (comments skipped), or null. */
static GNode arg_at(GNode args, uint32_t k)
{
	uint32_t c = nchild(args);

	for (uint32_t j = 0; j < c; j++) {
		GNode a = nth(args, j);

		if (sym_is(a, GS->comment))
			continue;
		if (k-- == 0)
			return a;
	}
	return (GNode){ 0 };
}

/* The identifier on top of the ancestor stack (an argument) asserted to
 * be an error by an ERRASSERT row: `c.Assert(err, NotNil)` (the first
 * argument, the checker second), or `Expect(err).To(HaveOccurred())`
 * (the last argument of a call whose result's method gets the checker's
 * call first). By shape: the frameworks come vendored and dot-imported. */
/* The name of checker expression e into buf (size bytes): `NotNil`,
 * `check.NotNil`, `HaveOccurred()` give their name, `Not(IsNil)` and
 * `Not(BeNil())` "Not(IsNil)", "Not(BeNil)". Returns its length, or 0. */
static size_t checker_name(struct walk *w, GNode e, char *buf, size_t size,
			   unsigned depth)
{
	const char *t;
	size_t len;
	GNode args;

	e = go_unparen(e);
	if (sym_is(e, GS->selector_expression))
		e = go_field(e, f_field);
	if (sym_is(e, GS->identifier) || sym_is(e, GS->field_identifier)) {
		t = go_text(w->f, e, &len);
	} else if ((t = callee_name(w, e, &len))) {
		args = go_field(e, f_arguments);
		if (depth == 0 && str_eqn(t, len, "Not") &&
		    !gn_is_null(arg_at(args, 0)) &&
		    gn_is_null(arg_at(args, 1))) {
			size_t k = checker_name(w, arg_at(args, 0), buf + 4,
						size > 5 ? size - 5 : 0, 1);

			if (!k || k + 5 >= size)
				return 0;
			memcpy(buf, "Not(", 4);
			buf[4 + k] = ')';
			buf[5 + k] = 0;
			return k + 5;
		}
	} else {
		return 0;
	}
	if (len + 1 > size)
		return 0;
	memcpy(buf, t, len);
	buf[len] = 0;
	return len;
}

static bool table_error_assert(struct walk *w)
{
	GNode id = w->anc[w->nanc - 1], args = w->anc[w->nanc - 2];
	GNode call = w->anc[w->nanc - 3];
	GNode fun = go_unparen(go_field(call, f_function));
	const char *m;
	char c[64];
	size_t mlen, clen;
	uint32_t n = 0;

	while (!gn_is_null(arg_at(args, n)))
		n++;
	if (sym_is(fun, GS->selector_expression) && n >= 2 &&
	    node_eq(arg_at(args, 0), id)) {
		GNode chk = arg_at(args, 1);

		m = go_text(w->f, go_field(fun, f_field), &mlen);
		if ((clen = checker_name(w, chk, c, sizeof(c), 0)) &&
		    apis_errassert(m, mlen, c, clen))
			return true;
	}
	if (w->nanc >= 5 && n >= 1 && node_eq(arg_at(args, n - 1), id)) {
		GNode sel = w->anc[w->nanc - 4], outer = w->anc[w->nanc - 5];

		if (!sym_is(sel, GS->selector_expression) ||
		    !node_eq(go_field(sel, f_operand), call) ||
		    !sym_is(outer, GS->call_expression) ||
		    !node_eq(go_field(outer, f_function), sel))
			return false;
		m = go_text(w->f, go_field(sel, f_field), &mlen);
		/* the matcher is a call: HaveOccurred(), Not(BeNil()) */
		if (!sym_is(go_unparen(arg_at(go_field(outer, f_arguments), 0)),
			    GS->call_expression))
			return false;
		clen = checker_name(w, arg_at(go_field(outer, f_arguments), 0),
				    c, sizeof(c), 0);
		return clen && apis_errassert(m, mlen, c, clen);
	}
	return false;
}

/* An identifier met by the expression walk (at w->anc[w->nanc - 1]). */
/* Is the identifier at the top of the ancestor stack the argument of an
 * assertion that it is an error: a call named like one (`Error`,
 * `ErrorContains`, `ErrorIs`, `EqualError` of testify, gotest.tools and
 * friends, also after assert/expect/require/want: `assertErrorContains`),
 * not one that it is none (`NoError`, `NilError`, `checkErr`)? Or
 * Gomega's and gocheck's forms (ERRASSERT rows, table_error_assert). */
static bool asserted_error(struct walk *w)
{
	GNode call, fun;
	size_t len;
	const char *name;

	if (w->nanc < 3 || !sym_is(w->anc[w->nanc - 2], GS->argument_list))
		return false;
	if (table_error_assert(w))
		return true;
	call = w->anc[w->nanc - 3];
	fun = go_unparen(go_field(call, f_function));
	if (sym_is(fun, GS->selector_expression))
		fun = go_field(fun, f_field);
	if (!sym_is(fun, GS->identifier) && !sym_is(fun, GS->field_identifier))
		return false;
	name = go_text(w->f, fun, &len);
	if (memmem(name, len, "Errorf", 6))
		return false; /* t.Errorf: a report, not an assertion */
	{
		static const char *const pre[] = { "assert", "Assert", "expect",
						   "Expect", "require",
						   "Require", "want", "Want" };
		static const char *const what[] = { "Error", "EqualError",
						    "IsError", "HasError" };

		for (size_t i = 0; i < ARRAY_SIZE(pre); i++) {
			size_t n = strlen(pre[i]);

			if (len > n && memcmp(name, pre[i], n) == 0) {
				name += n;
				len -= n;
				break;
			}
		}
		for (size_t i = 0; i < ARRAY_SIZE(what); i++) {
			size_t n = strlen(what[i]);

			if (len >= n && memcmp(name, what[i], n) == 0)
				return true;
		}
	}
	return false; /* checkErr(err), NoError, NilError: not an error */
}

/* Use u through a handle that holds obligation i on some paths only:
 * what it does happens there (a release makes the obligation "released
 * somewhere"), the state stays that of the paths where the handle holds
 * something else. A copy into another variable is a handle as partial. */
static void off_use(struct walk *w, struct st *s, size_t i, struct use u)
{
	struct st t = *s;

	if (w->ctor_mode)
		return;
	if (u.ef == EF_ALIAS) {
		unsigned sl = ob_handle(w, s, &w->obs[i], u.alias, NULL,
					u.alias_prefix);

		if (sl)
			s->hall &= ~bit(sl - 1); /* on some paths only */
		return;
	}
	apply(w, &t, i, u);
}

static void on_ident(struct walk *w, struct st *s, GNode id)
{
	struct eng_var *v = eng_resolve(w->fn, id);
	size_t len;
	const char *t = NULL;

	if (v && (s->fresh & s->open)) {
		for (size_t i = 0; i < w->nobs; i++) {
			if (w->obs[i].errvar == v && (s->fresh & bit(i)) &&
			    asserted_error(w))
				s->fresh &= ~bit(i);
		}
	}
	/* a use of what held the previous value (`if cur != nil {
	 * cur.Close() }`): it may be released there */
	for (size_t i = 0; v && s->stale && i < w->nobs; i++) {
		for (size_t k = 0; k < ARRAY_SIZE(w->obs[i].stale_var); k++) {
			if (w->obs[i].stale_var[k] == v)
				s->stale &= ~bit(i);
		}
	}
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];

		for (size_t j = 0; j < o->h.len; j++) {
			struct handle *h = &o->h.items[j];

			if (h->var != v)
				continue;
			if (!v) {
				if (!t)
					t = go_text(w->f, id, &len);
				if (!str_eqn(t, len, h->root))
					continue;
			}
			if (!handle_on(s, h)) {
				if (s->hon & bit(h->slot - 1))
					off_use(w, s, i,
						classify(w, o, h, w->nanc - 1));
				continue;
			}
			s->touched |= s->open & bit(i);
			apply(w, s, i, classify(w, o, h, w->nanc - 1));
			break;
		}
	}
}

/* ================================================================ closures */

static void scan_closure(struct walk *w, struct st *s, GNode n,
			 unsigned depth, uint64_t *hit);
static void acquire_results(struct walk *w, struct st *s, GNode call,
			    GNode lhs, GNode stmt);
static bool acquire_of(struct walk *w, GNode call, struct eng_acquire *a);
static void ob_open(struct walk *w, struct st *s, size_t i, bool linked);

/* Does the func literal at the top of the ancestor stack go where the
 * engine cannot follow it (passed to a function, returned, stored)?
 * Called at once, started as a goroutine or kept in a local: no. */
static bool lit_escapes(struct walk *w)
{
	unsigned n = w->nanc;
	GNode lit = w->anc[n - 1], p;

	if (n < 2)
		return true;
	p = w->anc[n - 2];
	/* called at once, or started as a goroutine: what the body does
	 * is what happens (a goroutine that only reads the resource does
	 * not take the duty over) */
	if (sym_is(p, GS->call_expression) &&
	    node_eq(go_field(p, f_function), lit))
		return false;
	if (sym_is(p, GS->expression_list) && n >= 3 &&
	    (sym_is(w->anc[n - 3], GS->short_var_declaration) ||
	     sym_is(w->anc[n - 3], GS->assignment_statement)) &&
	    node_eq(go_field(w->anc[n - 3], f_right), p)) {
		GNode lhs = go_field(w->anc[n - 3], f_left);

		return nchild(lhs) != 1 || !sym_is(nth(lhs, 0), GS->identifier) ||
		       !eng_resolve(w->fn, nth(lhs, 0));
	}
	return true;
}

static void walk_stmt(struct walk *w, struct st *s, GNode n, unsigned depth);

/* Is the func literal at the top of the ancestor stack called on the
 * spot as a plain call (`func() { ... }()`, not deferred, not started as
 * a goroutine)? */
static bool is_iife(struct walk *w)
{
	unsigned n = w->nanc;
	GNode call;

	if (n < 2)
		return false;
	call = w->anc[n - 2];
	if (!sym_is(call, GS->call_expression) ||
	    !node_eq(go_unparen(go_field(call, f_function)), w->anc[n - 1]))
		return false;
	return n < 3 || (!sym_is(w->anc[n - 3], GS->defer_statement) &&
			 !sym_is(w->anc[n - 3], GS->go_statement));
}

/* The obligations that may still be open when the func literal lit,
 * called on the spot, returns: its body walked path by path from state
 * s, its returns merged (a defer inside it has run by then). Nothing is
 * acquired on this walk (the literal's own obligations are its own
 * analysis's), and everything the walk records (exits, handles, stores,
 * deferred literals) is rolled back: only the answer is kept. */
static uint64_t iife_open(struct walk *w, const struct st *s, GNode lit)
{
	struct eng_spec sp = *w->spec;
	const struct eng_spec *spec = w->spec;
	struct st t = *s, acc = ST_DEAD, *ret = w->iife_ret;
	struct ob saved[ENG_MAX_OBLIGATIONS];
	size_t nobs = w->nobs, nloops = w->loops.len, ngotos = w->gotos.len;
	size_t nbacks = w->backs.len, nlate = w->late.len;
	size_t nstores = w->stores.len, nassigns = w->assigns.len;
	size_t nassigned = w->assigned.len;
	bool saw_return = w->saw_return;
	unsigned nanc = w->nanc;
	uint32_t ls = w->cur_loop_start, le = w->cur_loop_end;
	const char *pl = w->pending_label;
	size_t pll = w->pending_label_len;

	unsigned nslots = w->nslots;
	uint64_t slots[ENG_MAX_OBLIGATIONS], aliased = w->aliased;

	memcpy(saved, w->obs, nobs * sizeof(saved[0]));
	memcpy(slots, w->ob_slots, nobs * sizeof(slots[0]));
	sp.acquire = NULL;
	w->spec = &sp;
	w->iife_ret = &acc;
	w->pending_label = NULL;
	walk_stmt(w, &t, go_field(lit, f_body), w->nanc);
	st_merge(w, &acc, &t);
	w->spec = spec;
	w->iife_ret = ret;
	for (size_t i = 0; i < nobs; i++) {
		struct ob *o = &w->obs[i];

		saved[i].h.items = o->h.items;
		saved[i].h.cap = o->h.cap;
		saved[i].exits.items = o->exits.items;
		saved[i].exits.cap = o->exits.cap;
		*o = saved[i];
	}
	w->nobs = nobs;
	w->nslots = nslots;
	memcpy(w->ob_slots, slots, nobs * sizeof(slots[0]));
	w->aliased = aliased;
	w->loops.len = nloops;
	w->gotos.len = ngotos;
	w->backs.len = nbacks;
	w->late.len = nlate;
	w->stores.len = nstores;
	w->assigns.len = nassigns;
	w->assigned.len = nassigned;
	w->saw_return = saw_return;
	w->nanc = nanc;
	w->cur_loop_start = ls;
	w->cur_loop_end = le;
	w->pending_label = pl;
	w->pending_label_len = pll;
	return acc.dead ? 0 : acc.open;
}

/* A func literal met on the walk: what it does with the obligations it
 * captures. Releasing or handing one on discharges it (the closure owns
 * it now); only reading it does not. A deferred literal also releases
 * whatever its captured variables hold when it runs: remembered in
 * w->late and consulted at exits. */
static void on_closure(struct walk *w, struct st *s, GNode lit, bool deferred)
{
	struct st tmp = *s;
	uint64_t hit = 0;
	unsigned saved = w->nanc;

	GNode target = { 0 }, stmt = { 0 };
	struct eng_var *local = NULL;

	/* `x.f = func() {...}`: the closure goes into a field; `v := func()
	 * {...}`: into a local, whose calls run it */
	if (w->nanc >= 3 && sym_is(w->anc[w->nanc - 2], GS->expression_list) &&
	    (sym_is(w->anc[w->nanc - 3], GS->assignment_statement) ||
	     sym_is(w->anc[w->nanc - 3], GS->short_var_declaration)) &&
	    node_eq(go_field(w->anc[w->nanc - 3], f_right),
		    w->anc[w->nanc - 2])) {
		GNode lhs = go_field(w->anc[w->nanc - 3], f_left);

		if (nchild(lhs) == 1 && nchild(w->anc[w->nanc - 2]) == 1) {
			target = nth(lhs, 0);
			stmt = w->anc[w->nanc - 3];
		}
		if (!deferred && sym_is(target, GS->identifier)) {
			local = eng_resolve(w->fn, target);
			if (local && local->result)
				local = NULL;
		}
	}
	w->any_use = !deferred && lit_escapes(w);
	w->lit_acquire = !w->summary_mode && w->spec->acquire;
	w->lit = lit;
	w->lit_obs = 0;
	w->guard_scan = deferred && !w->summary_mode;
	w->guard_base = saved;
	memset(w->guard_state, 0, sizeof(w->guard_state));
	scan_closure(w, &tmp, go_field(lit, f_body), 0, &hit);
	w->guard_scan = false;
	w->any_use = false;
	w->lit_acquire = false;
	w->nanc = saved;
	/* what the literal acquired into our variables and still holds at
	 * its end is ours now */
	for (size_t i = 0; i < w->nobs; i++) {
		if ((w->lit_obs & bit(i)) && (tmp.open & bit(i)))
			ob_open(w, s, i, false);
	}
	w->lit_obs = 0;
	/* called on the spot: it releases what it releases on every path
	 * through its body, not what some statement of it releases */
	if (!deferred && !w->summary_mode && !w->ctor_mode &&
	    (s->open & ~tmp.open) && is_iife(w)) {
		uint64_t still = iife_open(w, s, lit) & s->open & ~tmp.open;

		for (size_t i = 0; i < w->nobs; i++) {
			if (still & bit(i)) {
				tmp.open |= bit(i);
				w->obs[i].released = true;
			}
		}
	}
	for (size_t i = 0; i < w->nobs; i++) {
		/* released later by a deferred literal only when a variable
		 * is non-nil (guard_ne): this closure may release it or
		 * take it over where that literal does not */
		if (!deferred && w->obs[i].guard_ne &&
		    !(s->open & bit(i)) && (s->late & bit(i)) &&
		    !(tmp.late & bit(i))) {
			if (local)
				ob_handle(w, s, &w->obs[i], local, NULL,
					  PFX_CALL);
			else
				s->late &= ~bit(i);
			continue;
		}
		if ((s->open & bit(i)) && !(tmp.open & bit(i))) {
			/* a closure kept in a local releases when it is called
			 * (`cleanup := func() { f.Close() }` called on the
			 * error paths only): the local holds the release func
			 * itself, as `closeFn := f.Close` does */
			if (local) {
				ob_handle(w, s, &w->obs[i], local, NULL,
					  PFX_CALL);
				continue;
			}
			ob_release(w, s, i);
			w->obs[i].released = true;
			/* a deferred literal releases what its variables hold
			 * when it runs: one overwritten before then is lost */
			if (deferred)
				s->late |= bit(i);
			if (deferred) {
				w->obs[i].guard = w->guard_state[i] == 1 ?
							  w->guard_var[i] : NULL;
				w->obs[i].guard_ne = w->obs[i].guard &&
						     w->guard_ne[i];
			}
			if (sym_is(target, GS->selector_expression)) {
				size_t before = w->stores.len;

				field_store(w, w->obs[i].kind, w->obs[i].noun,
					    w->obs[i].site, target, stmt);
				if (w->stores.len > before)
					w->stores.items[before].func = true;
			}
		}
	}
	if (deferred) {
		struct late_defer d = { lit, gn_start_byte(lit) };

		VEC_PUSH(&w->late, d);
	}
}

/* True when a deferred closure registered before offset `at` releases
 * obligation i. */
static bool late_released(struct walk *w, size_t i, uint32_t at,
			  const struct st *s)
{
	for (size_t k = 0; k < w->late.len; k++) {
		struct st tmp = { bit(i), 0, 0, false, 0, 0, 0, 0, 0, s->hon,
				  s->hall, 0, 0 };
		uint64_t hit = 0;
		unsigned saved = w->nanc;

		if (w->late.items[k].at > at)
			continue;
		scan_closure(w, &tmp, go_field(w->late.items[k].lit, f_body), 0,
			     &hit);
		w->nanc = saved;
		if (!(tmp.open & bit(i)))
			return true;
	}
	return false;
}

/* Is assignment n `x, err = <acquiring call>()`? */
static bool lit_acquires(struct walk *w, GNode n)
{
	GNode rhs = go_field(n, f_right);
	GNode e = nchild(rhs) == 1 ? go_unparen(nth(rhs, 0)) : (GNode){ 0 };
	struct eng_acquire a;

	return sym_is(e, GS->call_expression) && acquire_of(w, e, &a) &&
	       a.results;
}

static void scan_closure(struct walk *w, struct st *s, GNode n,
			 unsigned depth, uint64_t *hit)
{
	uint32_t c;

	if (gn_is_null(n))
		return;
	if (depth > ENG_MAX_DEPTH || w->nanc >= ENG_MAX_DEPTH) {
		w->gave_up = true;
		return;
	}
	w->anc[w->nanc++] = n;
	if (sym_is(n, GS->identifier)) {
		struct st before = *s;

		on_ident(w, s, n);
		*hit |= before.open & ~s->open;
	} else if (w->lit_acquire && sym_is(n, GS->assignment_statement) &&
		   lit_acquires(w, n)) {
		/* `f, err = os.Open(p)` into a captured variable: the value
		 * f held before is overwritten (acquire_results checks), not
		 * handed on */
		GNode lhs = go_field(n, f_left), rhs = go_field(n, f_right);

		w->aliased = 0;
		scan_closure(w, s, rhs, depth + 1, hit);
		for (uint32_t i = 0; i < nchild(lhs); i++) {
			if (!sym_is(nth(lhs, i), GS->identifier))
				scan_closure(w, s, nth(lhs, i), depth + 1, hit);
		}
		acquire_results(w, s, go_unparen(nth(rhs, 0)), lhs, n);
	} else {
		struct kid_iter it;

		c = kids_open(&it, &w->kids, n, true);
		for (uint32_t i = 0; i < c; i++)
			scan_closure(w, s, kids_at(&it, i), depth + 1, hit);
		kids_close(&it);
	}
	w->nanc--;
}

/* ================================================================ expressions */

static bool is_deferred_lit(struct walk *w)
{
	/* anc: ... defer_statement, call_expression, func_literal */
	unsigned n = w->nanc;

	return n >= 3 && sym_is(w->anc[n - 2], GS->call_expression) &&
	       node_eq(go_field(w->anc[n - 2], f_function), w->anc[n - 1]) &&
	       sym_is(w->anc[n - 3], GS->defer_statement);
}

static void acquire_object(struct walk *w, struct st *s, GNode call,
			   GNode stmt, struct eng_var *errvar);
static void checkpoint(struct walk *w, struct st *s, GNode call);

static void eval(struct walk *w, struct st *s, GNode n, GNode skip_call)
{
	const struct go_syms *g = GS;
	TSSymbol sym;

	if (gn_is_null(n) || w->gave_up)
		return;
	if (w->nanc >= ENG_MAX_DEPTH) {
		w->gave_up = true;
		return;
	}
	w->anc[w->nanc++] = n;
	sym = gn_symbol(n);
	if (sym == g->identifier) {
		on_ident(w, s, n);
	} else if (sym == g->func_literal) {
		on_closure(w, s, n, is_deferred_lit(w));
	} else if (sym == g->call_expression) {
		eval(w, s, go_field(n, f_function), skip_call);
		eval(w, s, go_field(n, f_arguments), skip_call);
		/* a deferred Wait runs at the exit, after the reads */
		if (!(w->nanc >= 2 && sym_is(w->anc[w->nanc - 2],
					     g->defer_statement)))
			checkpoint(w, s, n);
		if (!node_eq(n, skip_call))
			acquire_object(w, s, n, n, NULL);
	} else if (sym == g->selector_expression) {
		eval(w, s, go_field(n, f_operand), skip_call);
	} else if (sym == g->comment || sym == g->interpreted_string_literal ||
		   sym == g->raw_string_literal || sym == g->int_literal) {
		/* nothing */
	} else {
		struct kid_iter it;
		uint32_t c = kids_open(&it, &w->kids, n, true);

		for (uint32_t i = 0; i < c; i++)
			eval(w, s, kids_at(&it, i), skip_call);
		kids_close(&it);
	}
	w->nanc--;
}

/* Evaluates child with its statement on the ancestor stack, so a use can
 * see that it is returned, assigned or tested. */
static void eval_in(struct walk *w, struct st *s, GNode stmt, GNode child,
		    GNode skip_call)
{
	if (w->nanc >= ENG_MAX_DEPTH) {
		w->gave_up = true;
		return;
	}
	w->anc[w->nanc++] = stmt;
	eval(w, s, child, skip_call);
	w->nanc--;
}

/* ================================================================ acquisition */

static struct ob *ob_new(struct walk *w, GNode site, unsigned result,
			 size_t *idx)
{
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];

		if (!o->entry && node_eq(o->site, site) &&
		    o->result == result) {
			*idx = i;
			return o;
		}
	}
	if (w->nobs >= ENG_MAX_OBLIGATIONS) {
		w->gave_up = true;
		return NULL;
	}
	*idx = w->nobs;
	memset(&w->obs[w->nobs], 0, sizeof(w->obs[0]));
	w->obs[w->nobs].site = site;
	w->obs[w->nobs].result = result;
	return &w->obs[w->nobs++];
}

static void ob_open(struct walk *w, struct st *s, size_t i, bool linked)
{
	s->hon |= w->ob_slots[i];
	s->hall |= w->ob_slots[i];
	s->open |= bit(i);
	s->other &= ~bit(i);
	s->rel &= ~bit(i);
	s->touched &= ~bit(i);
	if (linked) {
		s->link |= bit(i);
		s->fresh |= bit(i);
	} else {
		s->link &= ~bit(i);
		s->fresh &= ~bit(i);
	}
}

/* Any obligation held (only) in v that may be open here is lost now on
 * the paths where it is: the state is path-sensitive (an error branch or
 * a nil test has already cleared the paths where v holds nothing), so
 * "may be open" means some path reaches this assignment with it open (the
 * retry loop's `resp, err = c.Do(req)` after a 5xx response). When the
 * function does release it on some path, a path on which it may still
 * be open here is often one the engine cannot rule out (a condition tied
 * to another variable: net/http's redirect loop closes the previous
 * body under `len(reqs) > 0`): then no path may bring it here released
 * (paths where it was not acquired yet, a loop's first round, do not
 * count). */
static void overwrite_check(struct walk *w, struct st *s, struct eng_var *v,
			    GNode stmt)
{
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];
		bool late = s->late & bit(i);

		if ((!late && (!(s->open & bit(i)) ||
			       ((s->rel & bit(i)) && o->released))) ||
		    o->h.len != 1 || o->h.items[0].var != v ||
		    (o->kind->flags & ENG_K_CHECKPOINT_ONLY) ||
		    o->never_only || /* how often its literal runs is unknown */
		    /* `c = tls.Client(c, cfg)`: the new value owns the old */
		    (o->h.items[0].slot &&
		     (w->aliased & bit(o->h.items[0].slot - 1))))
			continue;
		ob_add_exit(w, o, ENG_EXIT_OVERWRITE, stmt);
		ob_release(w, s, i);
	}
}

/* The next use of v at or after use *k (its identifier in *id), or false
 * when there is none: `for (size_t k = 0; next_use(w, v, &k, &id); k++)`
 * visits every use. */
static bool next_use(struct walk *w, const struct eng_var *v, size_t *k,
		     GNode *id)
{
	for (; *k < w->fn->nuses; (*k)++) {
		if (w->fn->use_var[*k] != v)
			continue;
		*id = gn_descendant_for_byte_range(
			go_root(w->f), w->fn->use_off[*k],
			w->fn->use_off[*k] + 1);
		return true;
	}
	return false;
}

/* Has v a use `v.member` anywhere in the function? */
static bool has_member_use(struct walk *w, struct eng_var *v,
			   const char *member)
{
	GNode id, p;

	for (size_t i = 0; next_use(w, v, &i, &id); i++) {
		p = gn_parent(id);
		if (sym_is(p, GS->selector_expression) &&
		    go_text_is(w->f, go_field(p, f_field), member))
			return true;
	}
	return false;
}

/* For an obligation acquired in a func literal (never_only): does any
 * use of its variable anywhere in the function release it (`v.Body.Close`
 * called or taken as a method value) or hand it on (an argument, a
 * returned or stored value, a send)? Literals run in an order the walk
 * does not know (a test's AfterEach closes what its It opened), so any
 * such use silences it. */
static bool lit_var_handled(struct walk *w, const struct ob *o)
{
	GNode id;
	const struct handle *h = o->h.len ? &o->h.items[0] : NULL;
	size_t k;

	if (!h || !h->var)
		return true;
	k = path_len(h->prefix);
	for (size_t i = 0; next_use(w, h->var, &i, &id); i++) {
		GNode x, p;
		size_t n = 0;
		const char *chain[8];

		x = id;
		for (p = gn_parent(x); sym_is(p, GS->selector_expression) &&
		     node_eq(go_field(p, f_operand), x) && n < 8;
		     x = p, p = gn_parent(p))
			chain[n++] = go_text_dup(w->f, go_field(p, f_field));
		if (n == k + 1 && chain_is(chain, k, h->prefix)) {
			for (size_t j = 0; j < ARRAY_SIZE(o->kind->rel_names) &&
					   o->kind->rel_names[j]; j++) {
				if (strcmp(chain[k], o->kind->rel_names[j]) == 0)
					return true; /* released there */
			}
		}
		if (n && (n != k || !chain_is(chain, k, h->prefix)))
			continue; /* a field or method of it */
		/* the value itself (or its released object) */
		p = gn_parent(x);
		while (sym_is(p, GS->parenthesized_expression))
			p = gn_parent(p);
		if (sym_is(p, GS->argument_list) || sym_is(p, GS->send_statement) ||
		    sym_is(p, GS->literal_element) ||
		    sym_is(p, GS->keyed_element))
			return true;
		if (sym_is(p, GS->expression_list)) {
			GNode gp = gn_parent(p);

			if (sym_is(gp, GS->return_statement) ||
			    ((sym_is(gp, GS->assignment_statement) ||
			      sym_is(gp, GS->short_var_declaration)) &&
			     node_eq(go_field(gp, f_right), p)))
				return true;
		}
	}
	return false;
}

/* Obligation idx is acquired again (a loop's next round) on state s:
 * where it may be open, a handle variable still on (not the one just
 * re-pointed to receive the new value, see handle_rebind) holds the
 * previous value. */
static void ob_stale(struct walk *w, struct st *s, size_t idx)
{
	struct ob *o = &w->obs[idx];

	if (s->dead || !(s->open & bit(idx)) || !o->kind)
		return;
	for (size_t j = 0; j < o->h.len; j++) {
		const struct handle *h = &o->h.items[j];

		if (!h->var || !h->slot || !(s->hall & bit(h->slot - 1)) ||
		    strcmp(h->prefix, o->kind->rel_prefix) != 0)
			continue;
		for (size_t k = 0; k < ARRAY_SIZE(o->stale_var); k++) {
			if (!o->stale_var[k] || o->stale_var[k] == h->var) {
				o->stale_var[k] = h->var;
				s->stale |= bit(idx);
				break;
			}
		}
	}
}

static void ob_init(struct walk *w, struct ob *o, const struct eng_acquire *a,
		    GNode stmt)
{
	o->kind = a->kind;
	o->noun = a->noun ? a->noun : a->kind->noun;
	o->stmt = stmt;
	o->h.len = 0;
	if (w->cur_loop_end) {
		o->in_loop = true;
		o->loop_start = w->cur_loop_start;
	}
	if (w->backs.len) {
		const struct back_label *bl = &w->backs.items[w->backs.len - 1];

		o->back_label = arena_strndup(&w->fn->pkg->arena, bl->label,
					      bl->len);
	}
}

/* ================================================================ constructors */

struct ctor {
	bool computing, valid;
	struct eng_acquire a;
};

static struct walk *walk_new(struct eng_func *fn, const struct eng_spec *spec);
static void walk_free(struct walk *w);
static struct st walk_body(struct walk *w);
static struct eng_var *param_var(struct eng_func *fn, int param);
static bool result_index(GNode decl, const struct eng_var *v, unsigned *idx);
static const struct godecl *method_decl(struct walk *w, GNode recv,
					const char *name, size_t len,
					bool *guessed);

/* The flattened result types of a function declaration: count, and the
 * index of an `error` result (-1 if none). False when no result could
 * hold a resource (none, or only error and basic types). */
static bool ctor__results(struct gofile *f, GNode decl, unsigned *n,
			  int *err)
{
	static const char *const basic[] = {
		"error", "bool", "string", "int", "int64", "uint64", "int32",
		"uint32", "byte", "rune", "float64", "uint", "uintptr",
	};
	GNode res = go_field(decl, f_result);
	bool maybe = false;
	unsigned k = 0;

	*n = 0;
	*err = -1;
	if (gn_is_null(res))
		return false;
	if (!sym_is(res, GS->parameter_list)) {
		*n = 1;
		for (size_t i = 0; i < ARRAY_SIZE(basic); i++) {
			if (go_text_is(f, res, basic[i]))
				return false;
		}
		return true;
	}
	for (uint32_t i = 0; i < nchild(res); i++) {
		GNode pd = nth(res, i);
		GNode t = go_field(pd, f_type);
		unsigned names = 0;
		bool is_basic = false;

		if (!sym_is(pd, GS->parameter_declaration))
			continue;
		for (uint32_t j = 0; j < nchild(pd); j++)
			names += sym_is(nth(pd, j), GS->identifier);
		if (!names)
			names = 1;
		for (size_t b = 0; b < ARRAY_SIZE(basic); b++)
			is_basic |= go_text_is(f, t, basic[b]);
		if (go_text_is(f, t, "error"))
			*err = (int)(k + names - 1);
		if (!is_basic)
			maybe = true;
		k += names;
	}
	*n = k;
	return maybe && k <= 8;
}

/* A returned call that acquires (`return db.Query(q)`): its results are
 * the function's. */
static void ctor_direct(struct walk *w, GNode ret)
{
	GNode list = nth(ret, 0);
	uint32_t c;

	if (!sym_is(list, GS->expression_list))
		return;
	c = nchild(list);
	for (uint32_t j = 0; j < c && j < 8; j++) {
		GNode e = go_unparen(nth(list, j));
		struct eng_acquire a = { 0 };

		a.err_result = -1;
		if (!sym_is(e, GS->call_expression))
			continue;
		if (!w->spec->acquire(w->spec->ctx, w->fn, e, &a)) {
			memset(&a, 0, sizeof(a));
			a.err_result = -1;
			if (!ctor_of(w, e, &a))
				continue;
		}
		/* a guess needs the result used as `x.member`: not here */
		if (!a.results || !a.kind || a.require)
			continue;
		if (c == 1)
			ret_record(w, a.kind, a.noun ? a.noun : a.kind->noun,
				   a.results, a.prefix);
		else if (a.results == 1)
			ret_record(w, a.kind, a.noun ? a.noun : a.kind->noun,
				   1u << j, a.prefix);
	}
}

/* The same-package function or method (of a known receiver type) call
 * calls, or NULL. */
static const struct godecl *callee__decl(struct walk *w, GNode call)
{
	const struct go_syms *g = GS;
	GNode fun = go_unparen(go_field(call, f_function));
	struct gopkg *pkg = w->fn->pkg;
	const struct godecl *d = NULL;

	if (sym_is(fun, g->identifier)) {
		size_t len;
		const char *t = go_text(w->f, fun, &len);

		if (eng_resolve(w->fn, fun))
			return NULL;
		d = gopkg_lookup(pkg, arena_strndup(&pkg->arena, t, len));
		if (d && d->kind != GODECL_FUNC)
			d = NULL;
	} else if (sym_is(fun, g->selector_expression)) {
		GNode op = go_field(fun, f_operand);
		size_t len;
		const char *nm;
		bool guessed;

		if (sym_is(op, g->identifier) && !eng_resolve(w->fn, op)) {
			const char *on = go_text(w->f, op, &len);

			if (go_import_path(w->f, on, len))
				return NULL; /* another package */
		}
		nm = go_text(w->f, go_field(fun, f_field), &len);
		d = method_decl(w, op, nm, len, &guessed);
		if (guessed)
			d = NULL;
	}
	return d;
}

/* The declaration ctor_of() would summarize for call (results *nres,
 * error result *err), or NULL. */
static const struct godecl *ctor__decl(struct walk *w, GNode call,
				       unsigned *nres, int *err)
{
	const struct godecl *d = callee__decl(w, call);

	if (!d || !ctor__results(d->file, d->node, nres, err))
		return NULL;
	return d;
}

/* The index of decl's `error` result among its *n results, or -1. */
static int results_err(struct gofile *f, GNode decl, unsigned *n)
{
	GNode res = go_field(decl, f_result);
	int err = -1;
	unsigned k = 0;

	*n = 0;
	if (gn_is_null(res))
		return -1;
	if (!sym_is(res, GS->parameter_list)) {
		*n = 1;
		return go_text_is(f, res, "error") ? 0 : -1;
	}
	for (uint32_t i = 0; i < nchild(res); i++) {
		GNode pd = nth(res, i);
		unsigned names = 0;

		if (!sym_is(pd, GS->parameter_declaration))
			continue;
		for (uint32_t j = 0; j < nchild(pd); j++)
			names += sym_is(nth(pd, j), GS->identifier);
		if (!names)
			names = 1;
		if (go_text_is(f, go_field(pd, f_type), "error"))
			err = (int)(k + names - 1);
		k += names;
	}
	*n = k;
	return err;
}

/* For a call whose summary releases on error: the variable its error
 * result is assigned to (`err := check(resp)`, `if err := check(resp);`),
 * or NULL; *returned when the call is returned as it is. */
static struct eng_var *call_errvar(struct walk *w, GNode call,
				   bool *returned)
{
	const struct godecl *d = callee__decl(w, call);
	GNode p = gn_parent(call), gp, lhs, t;
	unsigned n;
	int err;

	*returned = false;
	while (sym_is(p, GS->parenthesized_expression))
		p = gn_parent(p);
	if (!d || !sym_is(p, GS->expression_list) || nchild(p) != 1)
		return NULL;
	err = results_err(d->file, d->node, &n);
	gp = gn_parent(p);
	if (sym_is(gp, GS->return_statement)) {
		*returned = true;
		return NULL;
	}
	if (err < 0 || (!sym_is(gp, GS->assignment_statement) &&
			!sym_is(gp, GS->short_var_declaration)) ||
	    !node_eq(go_field(gp, f_right), p))
		return NULL;
	lhs = go_field(gp, f_left);
	if (nchild(lhs) != n)
		return NULL;
	t = nth(lhs, (uint32_t)err);
	if (!sym_is(t, GS->identifier) || go_text_is(w->f, t, "_"))
		return NULL;
	return eng_resolve(w->fn, t);
}

/* The effect of passing an obligation to a call whose summary is
 * ENG_SUM_RELEASES_ON_ERR. */
static void errlink_use(struct walk *w, GNode call, struct use *u)
{
	bool returned;
	struct eng_var *v = call_errvar(w, call, &returned);

	if (v || returned) {
		u->ef = EF_ERRLINK;
		u->errvar = v;
		u->after = gn_start_byte(call);
	} else {
		u->ef = EF_PARTIAL;
		u->after = gn_end_byte(call);
	}
}

/* A same-package function (or method of a known receiver type) that
 * returns a resource it acquired: calling it acquires that resource.
 * Computed once per function and hook (the walk of the callee with the
 * same spec), recursion-safe. */
struct may_names {
	struct gopkg *pkg;
	struct gofile *f;
	const struct eng_spec *spec;
	bool yes;
};

static bool may_names_enter(void *ctx, GNode call, unsigned depth)
{
	struct may_names *m = ctx;

	LH_UNUSED(depth);
	if (!m->yes &&
	    (m->spec->may_acquire(m->spec->ctx, m->f, call) ||
	     eng_may_construct(m->pkg, m->f, call, m->spec)))
		m->yes = true;
	return !m->yes;
}

bool eng_may_acquire_names(struct gofile *f, GNode decl,
			   const struct eng_spec *spec)
{
	const TSSymbol kinds[] = { GS->call_expression, 0 };
	struct may_names m = { f->pkg, f, spec, false };
	struct syn_walker sw = { may_names_enter, NULL, &m };

	walk_fn_body(f, decl, kinds, UINT32_MAX, &sw);
	return m.yes;
}

/* Can function d hand out a resource it acquired (be a constructor)?
 * Only when a call of its body may acquire, by names, directly or through
 * another such function. Once per function and hook; a function met again
 * while it is being computed (recursion) counts as yes, so an answer is
 * never smaller than the truth, and a no never rests on an assumption. */
static bool may_hand_out(struct gopkg *pkg, const struct godecl *d,
			 const struct eng_spec *spec)
{
	struct eng_pkg *ep = eng__pkg(pkg);
	struct amap_ent *e = amap_add(&pkg->arena, &ep->handout, gn_key(d->node),
				      (long)(uintptr_t)spec->may_acquire, NULL);
	bool yes;

	if (e->value)
		return e->value != (void *)2;
	if (ep->handout_depth >= ENG_MAX_DEPTH)
		return true; /* a chain too long to follow: may */
	e->value = (void *)3;
	ep->handout_depth++;
	yes = eng_may_acquire_names(d->file, d->node, spec);
	ep->handout_depth--;
	e->value = (void *)(uintptr_t)(yes ? 1 : 2);
	return yes;
}

static GNode local_lit(struct walk *w, const struct eng_var *v);

/* The function ctor_of() would summarize for call: a declaration of the
 * package (*dp set), or the func literal a local it calls is bound to
 * (`open := func() (f *os.File, err error) {...}`; *dp NULL), in file
 * *f at *node, with its results *nres and error result *err. */
static bool ctor__target(struct walk *w, GNode call, struct gofile **f,
			 GNode *node, const struct godecl **dp, unsigned *nres,
			 int *err)
{
	GNode fun = go_unparen(go_field(call, f_function));
	struct eng_var *v;

	*dp = ctor__decl(w, call, nres, err);
	if (*dp) {
		*f = (*dp)->file;
		*node = (*dp)->node;
		return true;
	}
	if (!sym_is(fun, GS->identifier) || !(v = eng_resolve(w->fn, fun)))
		return false;
	*node = local_lit(w, v);
	*f = w->f;
	return !gn_is_null(*node) && ctor__results(*f, *node, nres, err);
}

static bool ctor_of(struct walk *w, GNode call, struct eng_acquire *out)
{
	struct gopkg *pkg = w->fn->pkg;
	const struct godecl *d;
	struct gofile *df;
	GNode dn;
	struct amap_ent *e;
	struct ctor *c;
	unsigned nres;
	int err;

	if (w->ctor_depth >= 4)
		return false;
	if (!ctor__target(w, call, &df, &dn, &d, &nres, &err))
		return false;
	e = amap_add(&pkg->arena, &eng__pkg(pkg)->ctors, gn_key(dn),
		     (long)(uintptr_t)w->spec->acquire, NULL);
	c = e->value;
	if (!c) {
		struct eng_func *fn;
		struct walk *cw;

		c = arena_alloc(&pkg->arena, sizeof(*c));
		e->value = c;
		/* a resource it returns is acquired by one of its calls: a
		 * callee with none is no constructor, unwalked (and
		 * unresolved) */
		if (w->spec->may_acquire && !w->spec->nentries &&
		    !(d ? may_hand_out(pkg, d, w->spec) :
			  eng_may_acquire_names(df, dn, w->spec)))
			return false;
		fn = eng_func_get(pkg, df, dn);
		if (fn->too_deep || gn_is_null(fn->body))
			return false;
		c->computing = true;
		cw = walk_new(fn, w->spec);
		cw->ctor_mode = true;
		cw->ctor_depth = w->ctor_depth + 1;
		walk_body(cw);
		if (!cw->gave_up && !cw->ret_bad && cw->ret_mask &&
		    cw->ret_kind && !(cw->ret_kind->flags & ENG_K_NO_TRANSFER) &&
		    !(cw->ret_mask & (err >= 0 ? 1u << err : 0))) {
			c->valid = true;
			c->a.kind = cw->ret_kind;
			c->a.noun = cw->ret_noun;
			c->a.results = cw->ret_mask;
			c->a.rel_results = cw->ret_call_mask & ~cw->ret_mask;
			c->a.err_result = err;
			c->a.prefix = cw->ret_prefix;
		}
		walk_free(cw);
		c->computing = false;
	}
	if (!c->valid || c->computing)
		return false;
	*out = c->a;
	return true;
}

/* The result of same-package function d that hands back its parameter
 * `param` unchanged (`func must[T any](v T, err error) T`, a wrapper
 * adding context to the error): its index, or -1. The parameter must go
 * nowhere else: the walk follows it as an obligation of kind k (released
 * through prefix) and every hand-over must be a return at one result.
 * Cached per (d, param, prefix). */
static int passthru_result(struct walk *w, const struct godecl *d, int param,
			   const struct eng_kind *k, const char *prefix)
{
	struct gopkg *pkg = w->fn->pkg;
	struct amap_ent *e = amap_add(&pkg->arena, &eng__pkg(pkg)->passthru,
				      gn_key(d->node), param, prefix);
	struct eng_func *fn;
	struct eng_entry en = { 0 };
	struct eng_spec spec = { 0 };
	struct walk *pw;
	int r = -1;

	if (e->value)
		return (int)(intptr_t)e->value - 2;
	e->value = (void *)1; /* recursion: not a pass-through */
	fn = eng_func_get(pkg, d->file, d->node);
	if (fn->too_deep || gn_is_null(fn->body))
		return -1;
	en.var = param_var(fn, param);
	if (!en.var)
		return -1;
	en.prefix = prefix;
	en.kind = k;
	en.site = fn->decl;
	spec.entries = &en;
	spec.nentries = 1;
	pw = walk_new(fn, &spec);
	pw->summary_mode = true;
	pw->ctor_mode = true;
	walk_body(pw);
	if (!pw->gave_up && !pw->ret_other && !pw->ret_bad && pw->ret_mask &&
	    !(pw->ret_mask & (pw->ret_mask - 1))) {
		r = 0;
		while (!(pw->ret_mask & (1u << r)))
			r++;
	}
	walk_free(pw);
	e->value = (void *)(intptr_t)(r + 2);
	return r;
}

/* `x := must(os.Open(p))`: a same-package function called with the
 * results of an acquiring call (spread into its parameters) that hands
 * a resource parameter back as one of its results acquires it for the
 * caller. */
static bool passthru_of(struct walk *w, GNode call, struct eng_acquire *out)
{
	GNode fun = go_unparen(go_field(call, f_function));
	GNode args = go_field(call, f_arguments), inner = { 0 };
	struct gopkg *pkg = w->fn->pkg;
	const struct godecl *d;
	struct eng_acquire a = { 0 };
	unsigned nres, mask = 0;
	int err;
	size_t len;
	const char *t;

	if (!sym_is(fun, GS->identifier) || eng_resolve(w->fn, fun))
		return false;
	for (uint32_t i = 0; i < nchild(args); i++) {
		GNode x = nth(args, i);

		if (sym_is(x, GS->comment))
			continue;
		if (!gn_is_null(inner))
			return false; /* only the spread form f(g()) */
		inner = go_unparen(x);
	}
	if (!sym_is(inner, GS->call_expression))
		return false;
	t = go_text(w->f, fun, &len);
	d = gopkg_lookup(pkg, arena_strndup(&pkg->arena, t, len));
	if (!d || d->kind != GODECL_FUNC ||
	    !ctor__results(d->file, d->node, &nres, &err))
		return false;
	a.err_result = -1;
	if (!w->spec->acquire(w->spec->ctx, w->fn, inner, &a)) {
		memset(&a, 0, sizeof(a));
		a.err_result = -1;
		if (!ctor_of(w, inner, &a))
			return false;
	}
	if (!a.results || !a.kind || a.require)
		return false;
	for (unsigned r = 0; r < 8; r++) {
		int j;

		if (!(a.results & (1u << r)))
			continue;
		j = passthru_result(w, d, (int)r, a.kind,
				    a.prefix ? a.prefix :
				    a.kind->rel_prefix ? a.kind->rel_prefix : "");
		if (j < 0 || j == err)
			return false;
		mask |= 1u << j;
	}
	*out = a;
	out->results = mask;
	out->err_result = err;
	return true;
}

/* What call acquires: a row of the spec, a constructor summary or a
 * pass-through wrapper around one. */
static bool acquire_of(struct walk *w, GNode call, struct eng_acquire *a)
{
	memset(a, 0, sizeof(*a));
	a->err_result = -1;
	if (w->spec->acquire(w->spec->ctx, w->fn, call, a))
		return true;
	memset(a, 0, sizeof(*a));
	a->err_result = -1;
	return ctor_of(w, call, a) || passthru_of(w, call, a);
}

bool eng_may_construct(struct gopkg *pkg, struct gofile *f, GNode call,
		       const struct eng_spec *spec)
{
	const struct go_syms *g = GS;
	struct eng_pkg *ep = eng__pkg(pkg);
	GNode fun = go_unparen(go_field(call, f_function));
	const struct godecl *d;
	struct amap_ent *e;
	unsigned nres;
	int err;
	char tmp[128];
	size_t len;
	const char *t;

	if (sym_is(fun, g->selector_expression)) {
		if (!ep->ctor_methods_built) {
			ep->ctor_methods_built = true;
			for (size_t i = 0; i < pkg->funcs.len; i++) {
				const char *dot;
				struct decl_list *l;

				d = pkg->funcs.items[i];
				dot = strrchr(d->name, '.');
				if (d->kind != GODECL_METHOD || !dot ||
				    !ctor__results(d->file, d->node, &nres,
						   &err))
					continue;
				e = amap_add(&pkg->arena, &ep->ctor_methods,
					     NULL, 0, dot + 1);
				l = arena_alloc(&pkg->arena, sizeof(*l));
				l->d = d;
				l->next = e->value;
				e->value = l;
			}
		}
		fun = go_field(fun, f_field);
	} else if (!sym_is(fun, g->identifier)) {
		return false;
	}
	t = go_text(f, fun, &len);
	if (len >= sizeof(tmp))
		return true; /* not looked up: may be */
	memcpy(tmp, t, len);
	tmp[len] = '\0';
	if (sym_is(fun, g->field_identifier)) {
		/* any method of the name: the receiver's type is not known */
		e = amap_find(&ep->ctor_methods, NULL, 0, tmp);
		for (struct decl_list *l = e ? e->value : NULL; l;
		     l = l->next) {
			if (!spec || !spec->may_acquire ||
			    may_hand_out(pkg, l->d, spec))
				return true;
		}
		return false;
	}
	d = gopkg_lookup(pkg, tmp);
	return d && d->kind == GODECL_FUNC &&
	       ctor__results(d->file, d->node, &nres, &err) &&
	       (!spec || !spec->may_acquire || may_hand_out(pkg, d, spec));
}

struct may_acquire {
	struct walk *w;
	bool yes;
};

static bool may_acquire_enter(void *ctx, GNode call, unsigned depth)
{
	struct may_acquire *m = ctx;
	struct walk *w = m->w;
	struct eng_acquire a = { 0 };
	const struct godecl *d;
	struct amap_ent *e;
	unsigned nres;
	int err;

	LH_UNUSED(depth);
	if (m->yes)
		return false;
	a.err_result = -1;
	if (w->spec->acquire(w->spec->ctx, w->fn, call, &a)) {
		m->yes = true;
		return false;
	}
	d = ctor__decl(w, call, &nres, &err);
	if (!d)
		return true;
	/* a summary computed already that says no stays no */
	e = amap_find(&eng__pkg(w->fn->pkg)->ctors, gn_key(d->node),
		      (long)(uintptr_t)w->spec->acquire, NULL);
	if (!e || !e->value || ((struct ctor *)e->value)->valid ||
	    ((struct ctor *)e->value)->computing)
		m->yes = true;
	return !m->yes;
}

bool eng_may_acquire(struct eng_func *fn, const struct eng_spec *spec)
{
	const TSSymbol kinds[] = { GS->call_expression, 0 };
	struct may_acquire m = { NULL, false };
	struct syn_walker sw = { may_acquire_enter, NULL, &m };

	if (!spec->acquire || fn->too_deep || gn_is_null(fn->body))
		return false;
	m.w = walk_new(fn, spec);
	/* every depth: the walk may follow calls deeper than syn_walk */
	walk_fn_body(fn->file, fn->decl, kinds, UINT32_MAX, &sw);
	walk_free(m.w);
	return m.yes;
}

/* Obligations on the results of call, assigned to the targets of lhs (an
 * expression_list, or null when the results are dropped). */
/* The variables that receive a constructor's release func (a.rel_results)
 * hold the release of every obligation this call opened. */
static void rel_result_handles(struct walk *w, struct st *s, GNode call,
			       GNode lhs, const struct eng_acquire *a)
{
	for (unsigned r = 0; r < 8 && a->rel_results; r++) {
		GNode t;
		struct eng_var *v;

		if (!(a->rel_results & (1u << r)) || gn_is_null(lhs) ||
		    r >= nchild(lhs))
			continue;
		t = nth(lhs, r);
		if (!sym_is(t, GS->identifier))
			continue;
		v = eng_resolve(w->fn, t);
		if (!v || v->result)
			continue;
		for (size_t i = 0; i < w->nobs; i++) {
			if (!w->obs[i].entry && node_eq(w->obs[i].site, call))
				ob_handle(w, s, &w->obs[i], v, NULL, PFX_CALL);
		}
	}
}

static void acquire_results(struct walk *w, struct st *s, GNode call,
			    GNode lhs, GNode stmt)
{
	const struct go_syms *g = GS;
	struct eng_acquire a = { 0 };
	struct eng_var *errvar = NULL;
	uint32_t nl = 0;

	if (w->summary_mode || !w->spec->acquire || !acquire_of(w, call, &a))
		return;
	if (w->lit_acquire && (!a.results || gn_is_null(lhs)))
		return; /* the literal's own walk sees those */
	if (!a.results) {
		struct eng_var *ev = NULL;

		if (!gn_is_null(lhs) && a.err_result >= 0 &&
		    (uint32_t)a.err_result < nchild(lhs))
			ev = eng_resolve(w->fn, nth(
				lhs, (uint32_t)a.err_result));
		acquire_object(w, s, call, stmt, ev);
		return;
	}
	if (!gn_is_null(lhs)) {
		nl = nchild(lhs);
		if (a.err_result >= 0 && (uint32_t)a.err_result < nl) {
			GNode e = nth(lhs, (uint32_t)a.err_result);

			if (sym_is(e, g->identifier))
				errvar = eng_resolve(w->fn, e);
		}
	}
	for (unsigned r = 0; r < 8; r++) {
		GNode t;
		struct ob *o;
		struct eng_var *v;
		size_t idx;

		if (!(a.results & (1u << r)))
			continue;
		if (a.require && (gn_is_null(lhs) || r >= nl ||
				  !sym_is(nth(lhs, r), g->identifier) ||
				  go_text_is(w->f, nth(lhs, r), "_")))
			continue; /* a guess that cannot be confirmed */
		if ((gn_is_null(lhs) ||
		     (r < nl && go_text_is(w->f, nth(lhs, r), "_"))) &&
		    (a.kind->flags & ENG_K_CHECKPOINT_ONLY) &&
		    !(a.kind->flags & ENG_K_USE_RELEASES))
			continue; /* a stdin pipe thrown away was never meant
				     to carry input: nothing to close first */
		if (gn_is_null(lhs)) {
			/* dropped on the floor */
			o = ob_new(w, call, r, &idx);
			if (!o)
				return;
			ob_init(w, o, &a, stmt);
			ob_handle(w, s, o, NULL, "", a.prefix ? a.prefix :
						 a.kind->rel_prefix);
			ob_add_exit(w, o, ENG_EXIT_DISCARD, stmt);
			continue;
		}
		if (r >= nl)
			continue;
		t = nth(lhs, r);
		if (go_text_is(w->f, t, "_")) {
			o = ob_new(w, call, r, &idx);
			if (!o)
				return;
			ob_init(w, o, &a, stmt);
			ob_handle(w, s, o, NULL, "_", a.prefix ? a.prefix :
						  a.kind->rel_prefix);
			ob_add_exit(w, o, ENG_EXIT_DISCARD, t);
			continue;
		}
		if (w->lit_acquire && (!sym_is(t, g->identifier) ||
					go_text_is(w->f, t, "_")))
			continue; /* the literal's own walk sees those */
		if (!sym_is(t, g->identifier)) {
			struct eng_var *cv = copy_holder(w, t, stmt);

			if (cv) {
				/* into a field of a struct value that dies
				 * with the function: still ours, as s.f */
				o = ob_new(w, call, r, &idx);
				if (!o)
					return;
				ob_init(w, o, &a, stmt);
				o->errvar = errvar;
				ob_handle(w, s, o, cv, NULL,
					  join_path(w,
						    go_text_dup(w->f, go_field(
							    t, f_field)),
						    a.prefix ? a.prefix :
							     a.kind->rel_prefix));
				ob_open(w, s, idx, errvar != NULL);
				continue;
			}
			/* stored into a field, element, ...: handed on */
			field_store(w, a.kind, a.noun ? a.noun : a.kind->noun,
				    call, t, stmt);
			continue;
		}
		v = eng_resolve(w->fn, t);
		if (!v)
			continue; /* package-level variable */
		/* a named result: a bare return hands it to the caller, an
		 * explicit one that does not name it overwrites it (see
		 * walk_return); a literal's own results are not ours */
		if (v->result && (w->lit_acquire ||
				  !result_index(w->fn->decl, v, NULL)))
			continue;
		if (w->lit_acquire &&
		    gn_start_byte(v->decl) >= gn_start_byte(w->lit) &&
		    gn_start_byte(v->decl) < gn_end_byte(w->lit))
			continue; /* the literal's own variable */
		if (sym_is(w->fn->decl, g->func_literal) &&
		    (gn_start_byte(v->decl) <
			     gn_start_byte(w->fn->decl) ||
		     gn_start_byte(v->decl) >=
			     gn_end_byte(w->fn->decl)))
			continue; /* a captured variable: the enclosing
				     function holds it */
		if (a.require && !has_member_use(w, v, a.require))
			continue;
		overwrite_check(w, s, v, stmt);
		o = ob_new(w, call, r, &idx);
		if (!o)
			return;
		ob_stale(w, s, idx);
		ob_init(w, o, &a, stmt);
		o->errvar = errvar;
		if (w->lit_acquire) {
			o->never_only = true;
			w->lit_obs |= bit(idx);
		}
		ob_handle(w, s, o, v, NULL,
			  a.prefix ? a.prefix : a.kind->rel_prefix);
		if (a.kind->checkpoint) {
			GNode fun = go_field(call, f_function);
			GNode op = go_field(fun, f_operand);

			if (sym_is(op, g->identifier))
				o->owner = eng_resolve(w->fn, op);
		}
		ob_open(w, s, idx, errvar != NULL);
	}
	rel_result_handles(w, s, call, lhs, &a);
}

/* Is v put into a composite literal or stored into a field or element
 * anywhere in fn (`p := &proc{cmd: cmd}`, `s.cmd = cmd`)? Then the struct
 * holding it may answer for an obligation on v's object, acquired before
 * or after the store: the walk does not follow the object through it. */
static bool stored_in_struct(struct eng_func *fn, const struct eng_var *v)
{
	const struct go_syms *g = GS;

	for (size_t i = 0; i < fn->nuses; i++) {
		GNode id, p, gp;

		if (fn->use_var[i] != v)
			continue;
		id = gn_named_descendant_for_byte_range(
			fn->decl, fn->use_off[i], fn->use_off[i]);
		if (!sym_is(id, g->identifier))
			continue;
		p = gn_parent(id);
		if (sym_is(p, g->literal_element))
			return true;
		gp = gn_parent(p);
		if (sym_is(p, g->expression_list) &&
		    sym_is(gp, g->assignment_statement) &&
		    node_eq(go_field(gp, f_right), p)) {
			GNode lhs = go_field(gp, f_left);

			for (uint32_t k = 0; k < nchild(p) && k < nchild(lhs);
			     k++) {
				GNode l = nth(lhs, k);

				if (node_eq(nth(p, k), id) &&
				    (sym_is(l, g->selector_expression) ||
				     sym_is(l, g->index_expression)))
					return true;
			}
		}
	}
	return false;
}

/* An obligation on an existing object (`cmd.Start()`, `mu.Lock()`). */
static void acquire_object(struct walk *w, struct st *s, GNode call,
			   GNode stmt, struct eng_var *errvar)
{
	const struct go_syms *g = GS;
	struct eng_acquire a = { 0 };
	const char *chain[8];
	size_t n = 0;
	GNode x;
	struct ob *o;
	size_t idx;
	struct buf pre = BUF_INIT;

	a.err_result = -1;
	if (w->summary_mode || !w->spec->acquire ||
	    !w->spec->acquire(w->spec->ctx, w->fn, call, &a) || a.results ||
	    gn_is_null(a.object))
		return;
	x = go_unparen(a.object);
	while (sym_is(x, g->selector_expression) && n < ARRAY_SIZE(chain)) {
		chain[n++] = go_text_dup(w->f, go_field(x, f_field));
		x = go_unparen(go_field(x, f_operand));
	}
	if (!sym_is(x, g->identifier))
		return;
	if (a.kind->flags & ENG_K_LOCAL_OBJECT) {
		struct eng_var *lv = eng_resolve(w->fn, x);

		if (n || !lv || lv->param || lv->receiver || lv->result ||
		    stored_in_struct(w->fn, lv))
			return;
	}
	o = ob_new(w, call, 0, &idx);
	if (!o)
		return;
	ob_stale(w, s, idx);
	ob_init(w, o, &a, stmt);
	for (size_t i = n; i > 0; i--) {
		buf_adds(&pre, chain[i - 1]);
		if (i > 1)
			buf_addc(&pre, '.');
	}
	if (*a.kind->rel_prefix) {
		if (pre.len)
			buf_addc(&pre, '.');
		buf_adds(&pre, a.kind->rel_prefix);
	}
	{
		struct eng_var *v = eng_resolve(w->fn, x);
		const char *prefix = arena_strdup(&w->fn->pkg->arena,
						  pre.data ? pre.data : "");

		ob_handle(w, s, o, v, v ? NULL : go_text_dup(w->f, x), prefix);
	}
	buf_release(&pre);
	o->errvar = errvar;
	ob_open(w, s, idx, errvar != NULL);
}

/* Is m (len bytes) one of the '|'-separated names of alts? */
static bool name_in(const char *m, size_t len, const char *alts)
{
	while (*alts) {
		const char *bar = strchr(alts, '|');
		size_t n = bar ? (size_t)(bar - alts) : strlen(alts);

		if (n == len && memcmp(m, alts, n) == 0)
			return true;
		if (!bar)
			break;
		alts = bar + 1;
	}
	return false;
}

/* A call `owner.<checkpoint>()`: obligations that must be done by then.
 * A kind's checkpoint may name alternatives: "Wait|Run". */
static void checkpoint(struct walk *w, struct st *s, GNode call)
{
	GNode fun = go_field(call, f_function), op;
	struct eng_var *v;
	const char *m;
	size_t len;

	if (!sym_is(fun, GS->selector_expression) || !w->nobs)
		return;
	op = go_field(fun, f_operand);
	if (!sym_is(op, GS->identifier))
		return;
	v = eng_resolve(w->fn, op);
	if (!v)
		return;
	m = go_text(w->f, go_field(fun, f_field), &len);
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];

		if (o->owner == v && o->kind->checkpoint &&
		    (s->open & bit(i)) &&
		    name_in(m, len, o->kind->checkpoint))
			ob_add_exit(w, o, ENG_EXIT_CHECKPOINT, call);
	}
}

/* ================================================================ conditions */

/* Obligations that are nil when v is non-nil (v is their error) or when
 * v itself is nil (v is a handle): set on branch st. */
static void nilify(struct walk *w, struct st *st, struct eng_var *v,
		   bool as_err)
{
	if (!v || st->dead)
		return;
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];
		bool hit = false;

		if (as_err) {
			hit = (o->errvar == v && (st->link & bit(i))) ||
			      (o->errvar2 == v && (st->link2 & bit(i)));
		} else {
			for (size_t j = 0; j < o->h.len && !hit; j++)
				hit = o->h.items[j].var == v;
		}
		/* nil, not released: no rel bit (see overwrite_check) */
		if (hit && (st->open & bit(i))) {
			uint64_t rel = st->rel & bit(i);

			ob_release(w, st, i);
			st->rel = (st->rel & ~bit(i)) | rel;
		}
	}
}

/* `x.a.b == nil` where a handle of an obligation is x with prefix "a.b"
 * (`resp.Body`): the object to release is nil where it holds. */
static void nilify_path(struct walk *w, struct st *st, GNode sel)
{
	char path[128];
	size_t len = 0;
	GNode x = sel;
	struct eng_var *v;

	if (st->dead)
		return;
	path[0] = 0;
	for (int k = 0; k < 8 && sym_is(x, GS->selector_expression); k++) {
		size_t n;
		const char *t = go_text(w->f, go_field(x, f_field), &n);

		if (n + 1 + len >= sizeof(path))
			return;
		/* prepend ".t" */
		memmove(path + n + (len ? 1 : 0), path, len + 1);
		memcpy(path, t, n);
		if (len)
			path[n] = '.';
		len += n + (len ? 1 : 0);
		x = go_unparen(go_field(x, f_operand));
	}
	if (!sym_is(x, GS->identifier) || !len)
		return;
	v = eng_resolve(w->fn, x);
	if (!v)
		return;
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];

		for (size_t j = 0; j < o->h.len; j++) {
			if (o->h.items[j].var == v &&
			    strcmp(o->h.items[j].prefix, path) == 0 &&
			    (st->open & bit(i))) {
				uint64_t rel = st->rel & bit(i);

				/* nil, not released: no rel bit */
				ob_release(w, st, i);
				st->rel = (st->rel & ~bit(i)) | rel;
				break;
			}
		}
	}
}

static bool is_nil(struct walk *w, GNode n)
{
	n = go_unparen(n);
	return sym_is(n, GS->nil) ||
	       (sym_is(n, GS->identifier) && go_text_is(w->f, n, "nil"));
}

/* ---------------------------------------------------------------- error
 * predicates: a same-package `func isNoent(err error) bool` that is true
 * only when err is not nil (its true branch is an error branch, like the
 * ERRTEST rows of known_apis.def). Judged from its text: every return
 * reachable with err == nil returns false. */

static bool errpred_decl(struct gopkg *pkg, const struct godecl *d,
			 unsigned depth);

static bool node_text_eq(struct gofile *f, GNode a, GNode b)
{
	size_t la, lb;
	const char *x = go_text(f, a, &la), *y = go_text(f, b, &lb);

	return la == lb && memcmp(x, y, la) == 0;
}

/* Does e being true imply that the identifier p (the error) is not nil? */
static bool errpred_expr(struct gopkg *pkg, struct gofile *f, GNode e,
			 GNode p, unsigned depth)
{
	const struct go_syms *g = GS;

	e = go_unparen(e);
	if (gn_is_null(e) || depth > 16)
		return false;
	if (sym_is(e, g->false_))
		return true;
	if (sym_is(e, g->binary_expression)) {
		GNode op = go_field(e, f_operator);
		GNode l = go_unparen(go_field(e, f_left));
		GNode r = go_unparen(go_field(e, f_right));

		if (go_text_is(f, op, "&&"))
			return errpred_expr(pkg, f, l, p, depth + 1) ||
			       errpred_expr(pkg, f, r, p, depth + 1);
		if (go_text_is(f, op, "||"))
			return errpred_expr(pkg, f, l, p, depth + 1) &&
			       errpred_expr(pkg, f, r, p, depth + 1);
		if (go_text_is(f, op, "!=")) {
			GNode x = sym_is(r, g->nil) ? l : sym_is(l, g->nil) ?
				   r : (GNode){ 0 };

			return sym_is(x, g->identifier) &&
			       node_text_eq(f, x, p);
		}
		return false;
	}
	if (sym_is(e, g->call_expression)) {
		GNode fun = go_unparen(go_field(e, f_function));
		GNode a0 = go_unparen(nth(go_field(e, f_arguments), 0));
		const char *path, *name;
		size_t len;

		if (!sym_is(a0, g->identifier) || !node_text_eq(f, a0, p))
			return false;
		if (sym_is(fun, g->selector_expression) &&
		    sym_is(go_field(fun, f_operand), g->identifier) &&
		    go_selector_import(f, fun, &path, &name, &len))
			return apis_errtest(path, name, len);
		if (sym_is(fun, g->identifier)) {
			const char *t = go_text(f, fun, &len);
			const struct godecl *d = gopkg_lookup(
				pkg, arena_strndup(&pkg->arena, t, len));

			return d && errpred_decl(pkg, d, depth + 4);
		}
	}
	return false;
}

static bool errpred_has_return(GNode n, unsigned depth)
{
	if (depth > ENG_MAX_DEPTH || sym_is(n, GS->func_literal))
		return depth > ENG_MAX_DEPTH;
	if (sym_is(n, GS->return_statement))
		return true;
	for (uint32_t i = 0; i < nchild(n); i++) {
		if (errpred_has_return(nth(n, i), depth + 1))
			return true;
	}
	return false;
}

static bool errpred_block(struct gopkg *pkg, struct gofile *f, GNode b,
			  GNode p, unsigned depth);

/* Is c `p == nil`? */
static bool errpred_nil_test(struct gofile *f, GNode c, GNode p)
{
	GNode l, r;

	c = go_unparen(c);
	if (!sym_is(c, GS->binary_expression) ||
	    !go_text_is(f, go_field(c, f_operator), "=="))
		return false;
	l = go_unparen(go_field(c, f_left));
	r = go_unparen(go_field(c, f_right));
	if (sym_is(l, GS->nil)) {
		GNode t = l;

		l = r;
		r = t;
	}
	return sym_is(l, GS->identifier) && node_text_eq(f, l, p) &&
	       sym_is(r, GS->nil);
}

/* Every return statement st may run (with err possibly nil) returns
 * something implying err != nil. */
static bool errpred_stmt(struct gopkg *pkg, struct gofile *f, GNode st,
			 GNode p, unsigned depth)
{
	const struct go_syms *g = GS;

	if (depth > 16)
		return false;
	if (sym_is(st, g->return_statement)) {
		GNode l = nth(st, 0);

		return sym_is(l, g->expression_list) && nchild(l) == 1 &&
		       errpred_expr(pkg, f, nth(l, 0), p, depth + 1);
	}
	if (sym_is(st, g->if_statement) &&
	    gn_is_null(go_field(st, f_initializer))) {
		GNode c = go_field(st, f_condition);
		GNode alt = go_field(st, f_alternative);

		/* where c holds err is set: anything may be returned */
		if (!errpred_expr(pkg, f, c, p, depth + 1) &&
		    !errpred_block(pkg, f, go_field(st, f_consequence), p,
				   depth + 1))
			return false;
		if (gn_is_null(alt) || errpred_nil_test(f, c, p))
			return true; /* else: err is set */
		return sym_is(alt, g->if_statement) ?
			       errpred_stmt(pkg, f, alt, p, depth + 1) :
			       errpred_block(pkg, f, alt, p, depth + 1);
	}
	return !errpred_has_return(st, 0); /* a loop, a switch: not judged */
}

static bool errpred_block(struct gopkg *pkg, struct gofile *f, GNode b,
			  GNode p, unsigned depth)
{
	for (uint32_t i = 0; i < nchild(b); i++) {
		GNode st = nth(b, i);

		if (!sym_is(st, GS->comment) &&
		    !errpred_stmt(pkg, f, st, p, depth))
			return false;
	}
	return true;
}

static bool errpred_decl(struct gopkg *pkg, const struct godecl *d,
			 unsigned depth)
{
	const struct go_syms *g = GS;
	GNode params, pd, res, body, p = { 0 };

	if (!d || d->kind != GODECL_FUNC || depth > 12 ||
	    !sym_is(d->node, g->function_declaration))
		return false;
	params = go_field(d->node, f_parameters);
	res = go_field(d->node, f_result);
	body = go_field(d->node, f_body);
	if (nchild(params) < 1 || gn_is_null(body) ||
	    !go_text_is(d->file, res, "bool"))
		return false;
	pd = nth(params, 0);
	if (!sym_is(pd, g->parameter_declaration) ||
	    !go_text_is(d->file, go_field(pd, f_type), "error"))
		return false;
	for (uint32_t i = 0; i < nchild(pd); i++) {
		if (sym_is(nth(pd, i), g->identifier)) {
			if (!gn_is_null(p))
				return false; /* (a, b error): which one? */
			p = nth(pd, i);
		}
	}
	return !gn_is_null(p) &&
	       errpred_block(pkg, d->file, body, p, depth + 1);
}

/* errpred_decl, computed once per declaration. */
static bool errpred_cached(struct gopkg *pkg, const struct godecl *d)
{
	struct amap_ent *e;

	if (!d || d->kind != GODECL_FUNC)
		return false;
	e = amap_add(&pkg->arena, &eng__pkg(pkg)->noreturn, d, 1,
		     NULL);
	if (!e->value)
		e->value = (void *)(uintptr_t)(errpred_decl(pkg, d, 0) ? 1 : 2);
	return e->value == (void *)1;
}

/* Splits state in by condition c into the states where c holds (t) and
 * where it does not (f). */
static void next_releases(struct walk *w, GNode cond, struct st *s);

static void refine(struct walk *w, GNode c, const struct st *in,
		   struct st *t, struct st *f, unsigned depth)
{
	const struct go_syms *g = GS;

	*t = *in;
	*f = *in;
	c = go_unparen(c);
	if (gn_is_null(c) || depth > 32 || in->dead)
		return;
	if (sym_is(c, g->unary_expression) &&
	    go_text_is(w->f, go_field(c, f_operator), "!")) {
		refine(w, go_field(c, f_operand), in, f, t, depth + 1);
		return;
	}
	if (sym_is(c, g->call_expression)) {
		/* rows.Next() false closed the rows (`if !rows.Next() {
		 * return nil, sql.ErrNoRows }`) */
		next_releases(w, c, f);
		/* os.IsNotExist(err): err is set where it holds */
		GNode fun = go_field(c, f_function);
		GNode a0 = go_unparen(nth(go_field(c, f_arguments), 0));
		const char *path, *name;
		size_t len;

		if (sym_is(fun, g->selector_expression) &&
		    sym_is(go_field(fun, f_operand), g->identifier) &&
		    !eng_resolve(w->fn, go_field(fun, f_operand)) &&
		    go_selector_import(w->f, fun, &path, &name, &len) &&
		    apis_errtest(path, name, len) && sym_is(a0, g->identifier))
			nilify(w, t, eng_resolve(w->fn, a0), true);
		/* a same-package error predicate: isNoent(err) */
		if (sym_is(fun, g->identifier) && !eng_resolve(w->fn, fun) &&
		    sym_is(a0, g->identifier)) {
			const char *nm = go_text(w->f, fun, &len);
			struct gopkg *pkg = w->fn->pkg;

			if (errpred_cached(pkg, gopkg_lookup(pkg,
					arena_strndup(&pkg->arena, nm, len))))
				nilify(w, t, eng_resolve(w->fn, a0), true);
		}
		return;
	}
	if (sym_is(c, g->binary_expression)) {
		GNode op = go_field(c, f_operator);
		GNode l = go_unparen(go_field(c, f_left));
		GNode r = go_unparen(go_field(c, f_right));
		struct st ta, fa, tb, fb;

		if (go_text_is(w->f, op, "||")) {
			refine(w, l, in, &ta, &fa, depth + 1);
			refine(w, r, &fa, &tb, &fb, depth + 1);
			*t = ta;
			st_merge(w, t, &tb);
			*f = fb;
		} else if (go_text_is(w->f, op, "&&")) {
			refine(w, l, in, &ta, &fa, depth + 1);
			refine(w, r, &ta, &tb, &fb, depth + 1);
			*t = tb;
			*f = fa;
			st_merge(w, f, &fb);
		} else if (go_text_is(w->f, op, "!=") ||
			   go_text_is(w->f, op, "==")) {
			bool ne = go_text_is(w->f, op, "!=");
			GNode x = is_nil(w, r) ? l : is_nil(w, l) ? r :
				   (GNode){ 0 };
			struct eng_var *v;

			if (sym_is(x, g->selector_expression)) {
				/* resp.Body == nil: nothing to close */
				nilify_path(w, ne ? f : t, x);
				return;
			}
			if (!sym_is(x, g->identifier))
				return;
			v = eng_resolve(w->fn, x);
			{
				int k = trk_slot(w, v);

				if (k >= 0) {
					(ne ? t : f)->vset |= bit((size_t)k);
					(ne ? f : t)->vset &= ~bit((size_t)k);
				}
			}
			/* err != nil: the resource is nil where it holds */
			nilify(w, ne ? t : f, v, true);
			/* x == nil: x owes nothing where it holds */
			nilify(w, ne ? f : t, v, false);
		}
	}
}

/* `for h.Next()` on a kind whose exhausted iteration releases. */
static void next_releases(struct walk *w, GNode cond, struct st *s)
{
	GNode fun, op;
	struct eng_var *v;

	cond = go_unparen(cond);
	if (!sym_is(cond, GS->call_expression))
		return;
	fun = go_field(cond, f_function);
	if (!sym_is(fun, GS->selector_expression) ||
	    !go_text_is(w->f, go_field(fun, f_field), "Next"))
		return;
	op = go_field(fun, f_operand);
	v = sym_is(op, GS->identifier) ? eng_resolve(w->fn, op) : NULL;
	if (!v)
		return;
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];

		if (!(o->kind->flags & ENG_K_NEXT_RELEASES))
			continue;
		for (size_t j = 0; j < o->h.len; j++) {
			if (o->h.items[j].var == v && !o->h.items[j].prefix[0]) {
				ob_release(w, s, i);
				o->released = true;
			}
		}
	}
}

/* ================================================================ exits */

static bool held_by_result(const struct ob *o)
{
	for (size_t j = 0; j < o->h.len; j++) {
		if (o->h.items[j].var && o->h.items[j].var->result)
			return true;
	}
	return false;
}

/* Is v one of the named results of function decl? Sets *idx to its index
 * in the flattened result list. */
static bool result_index(GNode decl, const struct eng_var *v, unsigned *idx)
{
	GNode res = go_field(decl, f_result);
	unsigned k = 0;

	if (!sym_is(res, GS->parameter_list))
		return false;
	for (uint32_t i = 0; i < nchild(res); i++) {
		GNode pd = nth(res, i);
		bool named = false;

		if (!sym_is(pd, GS->parameter_declaration))
			continue;
		for (uint32_t j = 0; j < nchild(pd); j++) {
			GNode id = nth(pd, j);

			if (!sym_is(id, GS->identifier))
				continue;
			named = true;
			if (node_eq(id, v->decl)) {
				if (idx)
					*idx = k;
				return true;
			}
			k++;
		}
		if (!named)
			k++;
	}
	return false;
}

/* A bare return hands what the named results hold to the caller. */
static void return_results(struct walk *w, struct st *s)
{
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];

		if (!(s->open & bit(i)) || (o->kind->flags & ENG_K_NO_TRANSFER))
			continue;
		for (size_t j = 0; j < o->h.len; j++) {
			struct eng_var *v = o->h.items[j].var;
			unsigned idx;

			if (!v || !v->result ||
			    !result_index(w->fn->decl, v, &idx))
				continue;
			if (w->ctor_mode && idx < 8)
				ret_record(w, o->kind, o->noun, 1u << idx,
					   o->h.items[j].prefix);
			ob_release(w, s, i);
			o->transferred = true;
			break;
		}
	}
}

static GNode return_expr(GNode n, unsigned k);

/* Does return statement ret certainly give a non-nil error as named
 * result r: fmt.Errorf(...), errors.New(...), &T{...}, or a variable
 * the return sits under `if x != nil` for? */
static bool return_gives_error(struct walk *w, GNode ret,
			       const struct eng_var *r)
{
	unsigned idx;
	GNode e;
	const char *path, *name;
	size_t len;

	if (!sym_is(ret, GS->return_statement) ||
	    !result_index(w->fn->decl, r, &idx))
		return false;
	e = return_expr(ret, idx);
	if (gn_is_null(e))
		return false;
	if (sym_is(e, GS->unary_expression) ||
	    sym_is(e, GS->composite_literal))
		return true;
	if (sym_is(e, GS->call_expression)) {
		GNode fun = go_field(e, f_function);

		return sym_is(fun, GS->selector_expression) &&
		       go_selector_import(w->f, fun, &path, &name, &len) &&
		       ((strcmp(path, "fmt") == 0 &&
			 str_eqn(name, len, "Errorf")) ||
			(strcmp(path, "errors") == 0 &&
			 str_eqn(name, len, "New")));
	}
	if (sym_is(e, GS->identifier) && !go_text_is(w->f, e, "nil")) {
		struct eng_var *v = eng_resolve(w->fn, e);
		GNode kid = ret;

		for (GNode p = gn_parent(ret); v && !gn_is_null(p);
		     kid = p, p = gn_parent(p)) {
			if (node_eq(p, w->fn->decl))
				break;
			if (sym_is(p, GS->func_literal))
				return false;
			if (sym_is(p, GS->if_statement) &&
			    node_eq(go_field(p, f_consequence), kid) &&
			    nil_test_result(w, p, "!=") == v)
				return true;
		}
	}
	return false;
}

/* Is v compared with nil anywhere in fn? */
static bool nil_compared(struct eng_func *fn, const struct eng_var *v)
{
	for (size_t i = 0; i < fn->nuses; i++) {
		GNode id, p, other;

		if (fn->use_var[i] != v)
			continue;
		id = gn_named_descendant_for_byte_range(
			fn->decl, fn->use_off[i], fn->use_off[i]);
		p = gn_parent(id);
		if (!sym_is(p, GS->binary_expression))
			continue;
		other = node_eq(go_field(p, f_left), id) ? go_field(p, f_right)
							 : go_field(p, f_left);
		if (sym_is(other, GS->nil))
			return true;
	}
	return false;
}

/* Does every path that brings obligation i here treat its call as failed:
 * the handle untouched since, the call's error asserted to be one
 * (`assert.Check(t, is.ErrorContains(err, "..."))`, `require.Error(t,
 * err)`), in a function that checks this error only through such calls
 * (never `err != nil`)? A table test expecting the error goes there: the
 * response is nil when the assertion holds, and the test fails when it
 * does not. No exit. */
static bool failed_path(struct walk *w, const struct st *s, size_t i)
{
	const struct ob *o = &w->obs[i];

	return o->errvar && (s->link & bit(i)) &&
	       !((s->fresh | s->touched) & bit(i)) &&
	       !nil_compared(w->fn, o->errvar);
}

/* Is the variable tracked in slot k certainly nil in state s? */
static bool trk_nil(const struct st *s, int k)
{
	return k >= 0 && !(s->vset & bit((size_t)k));
}

/* At exit `at` (a return statement or the end of the body), is the
 * variable o's deferred release tests `!= nil` certainly nil? A named
 * result gets what an explicit return gives: `nil`, or a tracked
 * variable certainly nil. */
static bool guard_nil_at(struct walk *w, const struct st *s,
			 const struct ob *o, GNode at)
{
	const struct eng_var *g = o->guard;

	if (g->result && sym_is(at, GS->return_statement) &&
	    !gn_is_null(return_expr(at, 0))) {
		unsigned idx;
		GNode e;

		if (!result_index(w->fn->decl, g, &idx))
			return false;
		e = return_expr(at, idx);
		if (is_nil(w, e))
			return true;
		return sym_is(e, GS->identifier) &&
		       trk_nil(s, trk_slot(w, eng_resolve(w->fn, e)));
	}
	return trk_nil(s, trk_slot(w, g));
}

static void check_exit(struct walk *w, struct st *s, GNode at,
		       enum eng_exit_kind k)
{
	if (s->dead)
		return;
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];

		/* the deferred literal releasing it does so only when the
		 * error result is nil, and this return gives an error */
		if (!(s->open & bit(i)) && (s->late & bit(i)) && o->guard &&
		    !o->guard_ne && k == ENG_EXIT_RETURN &&
		    return_gives_error(w, at, o->guard)) {
			ob_add_exit(w, o, k, at);
			continue;
		}
		/* released by the deferred literal only when the variable
		 * it tests is non-nil, and it is nil here */
		if (!(s->open & bit(i)) && (s->late & bit(i)) && o->guard &&
		    o->guard_ne && (k == ENG_EXIT_RETURN || k == ENG_EXIT_END) &&
		    guard_nil_at(w, s, o, at)) {
			ob_add_exit(w, o, k, at);
			continue;
		}
		if (!(s->open & bit(i)))
			continue;
		/* a named result still holding it at an explicit return
		 * that does not name it is overwritten by the returned
		 * values; elsewhere (the end of a function that cannot
		 * return normally) the caller may see it */
		if ((o->kind->flags & ENG_K_CHECKPOINT_ONLY) ||
		    (held_by_result(o) && k != ENG_EXIT_RETURN)) {
			continue;
		}
		if (w->late.len &&
		    late_released(w, i, k == ENG_EXIT_END ?
				  gn_end_byte(at) : gn_start_byte(at), s))
			continue;
		if (failed_path(w, s, i))
			continue;
		ob_add_exit(w, o, k, at);
	}
}

/* Obligations only reachable through variables of the loop body
 * [start, end) are lost when an iteration ends (or the loop is left). */
static void scope_exit(struct walk *w, struct st *s, uint32_t start,
		       uint32_t end, GNode at)
{
	if (s->dead)
		return;
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];
		bool inner = o->h.len > 0;
		uint32_t site = gn_start_byte(o->site);

		if (!((s->open | s->late) & bit(i)) || site < start ||
		    site >= end || (o->kind->flags & ENG_K_CHECKPOINT_ONLY))
			continue;
		for (size_t j = 0; j < o->h.len && inner; j++) {
			struct eng_var *v = o->h.items[j].var;

			inner = v && v->scope_start >= start &&
				v->scope_end <= end;
		}
		if (!inner)
			continue;
		/* the next iteration's variables are new ones: a deferred
		 * literal keeps this iteration's */
		s->late &= ~bit(i);
		if (!(s->open & bit(i)))
			continue;
		if (failed_path(w, s, i)) {
			ob_release(w, s, i);
			continue;
		}
		if (w->late.len &&
		    late_released(w, i, sym_is(at, GS->block) ?
				  gn_end_byte(at) : gn_start_byte(at),
				  s)) {
			/* this iteration's deferred literal releases it when
			 * the function returns: the next round's `f, err :=`
			 * declares a new f, it overwrites nothing */
			ob_release(w, s, i);
			continue;
		}
		ob_add_exit(w, o, ENG_EXIT_SCOPE, at);
		ob_release(w, s, i);
	}
}

/* ================================================================ statements */

static void walk_stmt(struct walk *w, struct st *s, GNode n, unsigned depth);

/* Is there a `goto label` inside n (a statement after the label)? */
static bool has_goto(struct walk *w, GNode n, const char *l, size_t len,
		     unsigned depth)
{
	uint32_t c = nchild(n);

	if (depth > ENG_MAX_DEPTH)
		return false;
	if (sym_is(n, GS->goto_statement)) {
		size_t k;
		const char *t = go_text(w->f, nth(n, 0), &k);

		return k == len && memcmp(t, l, len) == 0;
	}
	if (sym_is(n, GS->func_literal))
		return false;
	for (uint32_t i = 0; i < c; i++) {
		if (has_goto(w, nth(n, i), l, len, depth + 1))
			return true;
	}
	return false;
}

/* Statements [from, c) of block b, the first of which is a label that a
 * later goto jumps back to: walked as a loop until the state at the label
 * is stable. */
static void walk_back_region(struct walk *w, struct st *s, GNode b,
			     uint32_t from, const char *l, size_t len,
			     unsigned depth)
{
	uint32_t c = nchild(b);
	struct st entry = *s, head = *s, out = ST_DEAD;
	struct back_label bl;
	size_t bi;

	bl.label = l;
	bl.len = len;
	bl.start = gn_start_byte(nth(b, from));
	bl.st = ST_DEAD;
	VEC_PUSH(&w->backs, bl);
	bi = w->backs.len - 1;
	for (int iter = 0; iter < 4 && !w->gave_up; iter++) {
		struct st x = head, next;

		w->backs.items[bi].st = ST_DEAD;
		for (uint32_t i = from; i < c && !w->gave_up; i++) {
			GNode k = nth(b, i);

			if (x.dead && !sym_is(k, GS->labeled_statement))
				continue;
			walk_stmt(w, &x, k, depth + 1);
		}
		out = x;
		next = entry;
		st_merge(w, &next, &w->backs.items[bi].st);
		if (st_eq(&next, &head))
			break;
		head = next;
	}
	w->backs.len = bi;
	*s = out;
}

static void walk_block(struct walk *w, struct st *s, GNode b, unsigned depth)
{
	struct kid_iter it;
	uint32_t c = kids_open(&it, &w->kids, b, true);

	for (uint32_t i = 0; i < c && !w->gave_up; i++) {
		GNode k = kids_at(&it, i);

		if (s->dead && !sym_is(k, GS->labeled_statement))
			continue;
		if (sym_is(k, GS->labeled_statement)) {
			size_t len;
			const char *l = go_text(w->f, go_field(k, f_label),
						&len);
			bool back = false;
			bool active = false;

			for (size_t j = 0; j < w->backs.len; j++)
				active |= w->backs.items[j].start ==
					  gn_start_byte(k);
			for (uint32_t j = i; j < c && !back && !active; j++)
				back = has_goto(w, kids_at(&it, j), l, len,
						0);
			if (back) {
				walk_back_region(w, s, b, i, l, len, depth);
				break;
			}
		}
		walk_stmt(w, s, k, depth + 1);
	}
	kids_close(&it);
}

/* A goto back to label region bl with state s: obligations surely open
 * in a variable the region assigns again are overwritten on the way
 * round. */
static void goto_back(struct walk *w, struct st *s, struct back_label *bl,
		      GNode at)
{
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];
		uint32_t site = gn_start_byte(o->site);

		if (!(s->open & bit(i)) || (s->other & bit(i)) ||
		    o->h.len != 1 || !o->h.items[0].var ||
		    (o->kind->flags & ENG_K_CHECKPOINT_ONLY) ||
		    site < bl->start || site >= gn_start_byte(at))
			continue;
		if (w->late.len && late_released(w, i, gn_start_byte(at), s))
			continue;
		ob_add_exit(w, o, ENG_EXIT_OVERWRITE, o->stmt);
		ob_release(w, s, i);
	}
	st_merge(w, &bl->st, s);
}

static bool label_is(struct walk *w, GNode lab, const char *l, size_t len)
{
	size_t n;
	const char *t = go_text(w->f, lab, &n);

	return l && n == len && memcmp(t, l, n) == 0;
}

/* The target of break/continue with optional label. */
static struct loopctx *target(struct walk *w, GNode lab, bool cont)
{
	for (size_t i = w->loops.len; i > 0; i--) {
		struct loopctx *c = &w->loops.items[i - 1];

		if (cont && !c->is_loop)
			continue;
		if (gn_is_null(lab) || label_is(w, lab, c->label,
						     c->label_len))
			return c;
	}
	return NULL;
}

static void push_ctx(struct walk *w, bool is_loop, uint32_t bs, uint32_t be)
{
	struct loopctx c = { 0 };

	c.label = w->pending_label;
	c.label_len = w->pending_label_len;
	w->pending_label = NULL;
	c.is_loop = is_loop;
	c.brk = ST_DEAD;
	c.cont = ST_DEAD;
	c.body_start = bs;
	c.body_end = be;
	VEC_PUSH(&w->loops, c);
}

/* Tracked variable v gets value e (null: its zero value). */
static void trk_set(struct walk *w, struct st *s, const struct eng_var *v,
		    GNode e)
{
	int k = trk_slot(w, v);

	if (k < 0)
		return;
	if (gn_is_null(e) || is_nil(w, go_unparen(e)))
		s->vset &= ~bit((size_t)k);
	else
		s->vset |= bit((size_t)k);
}

static void assign(struct walk *w, struct st *s, GNode n)
{
	const struct go_syms *g = GS;
	GNode lhs = go_field(n, f_left), rhs = go_field(n, f_right);
	GNode call = { 0 };
	uint32_t nl = nchild(lhs);

	if (sym_is(rhs, g->expression_list) &&
	    nchild(rhs) == 1 &&
	    sym_is(go_unparen(nth(rhs, 0)),
		   g->call_expression))
		call = go_unparen(nth(rhs, 0));
	/* a field of a struct value that dies with the function (see
	 * copy_holder) is overwritten before the right side lands in it:
	 * what the right side puts there is held by it afterwards */
	for (uint32_t i = 0; i < nl; i++) {
		if (copy_holder(w, nth(lhs, i), n))
			eval_in(w, s, n, nth(lhs, i), call);
	}
	w->aliased = 0;
	eval_in(w, s, n, rhs, call);
	/* targets that are not plain names are evaluated (x.f, m[k]) */
	for (uint32_t i = 0; i < nl; i++) {
		GNode t = nth(lhs, i);
		struct eng_var *v;

		if (!sym_is(t, g->identifier)) {
			if (!copy_holder(w, t, n))
				eval_in(w, s, n, t, call);
			continue;
		}
		v = eng_resolve(w->fn, t);
		if (!v)
			continue;
		trk_set(w, s, v, nl == nchild(rhs) ? nth(rhs, i) : rhs);
		overwrite_check(w, s, v, n);
		handle_rebind(w, s, v);
		{
			struct late_defer a = { n, gn_start_byte(n) };

			VEC_PUSH(&w->assigns, a);
			VEC_PUSH(&w->assigned, v);
		}
		/* the error variable gets another value */
		for (size_t k = 0; k < w->nobs; k++) {
			if (w->obs[k].errvar == v) {
				s->link &= ~bit(k);
				s->fresh &= ~bit(k);
			}
			if (w->obs[k].errvar2 == v &&
			    (w->obs[k].errlink_at < gn_start_byte(n) ||
			     w->obs[k].errlink_at >= gn_end_byte(n)))
				s->link2 &= ~bit(k); /* not by this call */
		}
	}
	if (!gn_is_null(call))
		acquire_results(w, s, call, lhs, n);
}

static void var_decl(struct walk *w, struct st *s, GNode n, unsigned depth)
{
	const struct go_syms *g = GS;
	uint32_t c = nchild(n);

	if (depth > ENG_MAX_DEPTH)
		return;
	for (uint32_t i = 0; i < c; i++) {
		GNode k = nth(n, i);

		if (sym_is(k, g->var_spec_list)) {
			var_decl(w, s, k, depth + 1);
		} else if (sym_is(k, g->var_spec)) {
			GNode val = go_field(k, f_value);
			GNode call = { 0 };
			struct eng_var *tmp[8];
			uint32_t nn = 0, kc = nchild(k);

			if (sym_is(val, g->expression_list) &&
			    nchild(val) == 1 &&
			    sym_is(go_unparen(nth(val, 0)),
				   g->call_expression))
				call = go_unparen(nth(val, 0));
			w->aliased = 0;
			eval_in(w, s, k, val, call);
			for (uint32_t j = 0; j < kc && nn < 8; j++) {
				GNode id = nth(k, j);

				if (sym_is(id, g->identifier)) {
					tmp[nn] = eng_resolve(w->fn, id);
					trk_set(w, s, tmp[nn],
						gn_is_null(val) ? val :
						nchild(val) == 1 ?
						nth(val, 0) : val);
					nn++;
				}
			}
			LH_UNUSED(tmp);
			if (!gn_is_null(call)) {
				/* the names are the targets: a var_spec works
				 * as an expression_list of identifiers */
				acquire_results(w, s, call, k, k);
			}
		}
	}
}

static void walk_if(struct walk *w, struct st *s, GNode n, unsigned depth)
{
	GNode init = go_field(n, f_initializer);
	GNode cond = go_field(n, f_condition);
	GNode alt = go_field(n, f_alternative);
	struct st t, f;

	if (!gn_is_null(init))
		walk_stmt(w, s, init, depth + 1);
	eval_in(w, s, n, cond, (GNode){ 0 });
	refine(w, cond, s, &t, &f, 0);
	walk_stmt(w, &t, go_field(n, f_consequence), depth + 1);
	if (!gn_is_null(alt))
		walk_stmt(w, &f, alt, depth + 1);
	*s = t;
	st_merge(w, s, &f);
}

static bool endless_range(struct walk *w, GNode right)
{
	/* for range ticker.C: a ticker's channel is never closed */
	GNode op;
	struct eng_var *v;

	right = go_unparen(right);
	if (!sym_is(right, GS->selector_expression) ||
	    !go_text_is(w->f, go_field(right, f_field), "C"))
		return false;
	op = go_field(right, f_operand);
	v = sym_is(op, GS->identifier) ? eng_resolve(w->fn, op) : NULL;
	for (size_t i = 0; i < w->nobs && v; i++) {
		const struct ob *o = &w->obs[i];

		if (!(o->kind->flags & ENG_K_ENDLESS_C))
			continue;
		for (size_t j = 0; j < o->h.len; j++) {
			if (o->h.items[j].var == v)
				return true;
		}
	}
	return false;
}

static void walk_for(struct walk *w, struct st *s, GNode n, unsigned depth)
{
	const struct go_syms *g = GS;
	GNode body = go_field(n, f_body), clause = { 0 }, cond = { 0 };
	GNode update = { 0 }, range = { 0 };
	uint32_t c = nchild(n);
	struct st entry, head, exitc = ST_DEAD;
	uint32_t bs = gn_start_byte(body), be = gn_end_byte(body);
	uint32_t saved_ls = w->cur_loop_start, saved_le = w->cur_loop_end;
	size_t ci;
	uint64_t ranged = 0;	/* obligations whose elements are ranged */
	struct st last = ST_DEAD;

	for (uint32_t i = 0; i < c; i++) {
		GNode k = nth(n, i);

		if (sym_is(k, g->for_clause))
			clause = k;
		else if (sym_is(k, g->range_clause))
			range = k;
		else if (!node_eq(k, body) && !sym_is(k, g->comment))
			cond = k;
	}
	if (!gn_is_null(clause)) {
		GNode init = go_field(clause, f_initializer);

		if (!gn_is_null(init))
			walk_stmt(w, s, init, depth + 1);
		cond = go_field(clause, f_condition);
		update = go_field(clause, f_update);
	}
	if (!gn_is_null(range)) {
		GNode left = go_field(range, f_left);
		GNode right = go_unparen(go_field(range, f_right));
		struct eng_var *rv = sym_is(right, g->identifier) ?
					     eng_resolve(w->fn, right) : NULL;

		eval_in(w, s, range, go_field(range, f_right), (GNode){ 0 });
		for (size_t i = 0; rv && nchild(left) == 2 && i < w->nobs; i++) {
			for (size_t j = 0; j < w->obs[i].h.len; j++) {
				if (w->obs[i].h.items[j].var == rv &&
				    !w->obs[i].h.items[j].prefix[0])
					ranged |= bit(i);
			}
		}
	}
	entry = *s;
	head = *s;
	push_ctx(w, true, bs, be);
	ci = w->loops.len - 1;
	w->cur_loop_start = bs;
	w->cur_loop_end = be;
	for (int iter = 0; iter < 4 && !w->gave_up; iter++) {
		struct st b = head, next;

		if (!gn_is_null(cond)) {
			struct st t, f;

			eval(w, &b, cond, (GNode){ 0 });
			refine(w, cond, &b, &t, &f, 0);
			next_releases(w, cond, &f);
			exitc = f;
			b = t;
		} else if (!gn_is_null(range)) {
			if (!endless_range(w, go_field(range, f_right)))
				exitc = b;
		}
		walk_stmt(w, &b, body, depth + 1);
		st_merge(w, &b, &w->loops.items[ci].cont);
		scope_exit(w, &b, bs, be, body);
		if (!gn_is_null(update))
			walk_stmt(w, &b, update, depth + 1);
		last = b;
		next = entry;
		st_merge(w, &next, &b);
		if (st_eq(&next, &head))
			break;
		head = next;
	}
	/* a loop over all the elements that releases each one releases
	 * them all (none at all: nothing to release) */
	if (ranged && !exitc.dead && !last.dead) {
		exitc.open = (exitc.open & ~ranged) | (last.open & ranged);
		exitc.other |= ranged & ~last.open;
	}
	*s = exitc;
	st_merge(w, s, &w->loops.items[ci].brk);
	w->loops.len--;
	w->cur_loop_start = saved_ls;
	w->cur_loop_end = saved_le;
}

/* Statements of a case clause: its named children after the ':' (the
 * header holds case values, types or the communication). */
static void walk_case_body(struct walk *w, struct st *s, GNode k,
			   unsigned depth, bool *falls)
{
	const struct go_syms *g = GS;
	struct kid_iter it;
	uint32_t c = kids_open(&it, &w->kids, k, false);
	bool body = false;

	*falls = false;
	for (uint32_t i = 0; i < c && !w->gave_up; i++) {
		GNode x = kids_at(&it, i);

		if (!gn_is_named(x)) {
			if (strcmp(gn_type(x), ":") == 0)
				body = true;
			continue;
		}
		if (!body)
			continue;
		if (sym_is(x, g->fallthrough_statement)) {
			*falls = true;
			continue;
		}
		if (s->dead && !sym_is(x, g->labeled_statement))
			continue;
		walk_stmt(w, s, x, depth + 1);
	}
	kids_close(&it);
}

static void walk_switch(struct walk *w, struct st *s, GNode n, unsigned depth)
{
	const struct go_syms *g = GS;
	GNode init = go_field(n, f_initializer), value = go_field(n, f_value);
	uint32_t c = nchild(n);
	struct st out = ST_DEAD, fall = ST_DEAD, rest;
	bool has_default = false, tagless;
	size_t ci;

	if (!gn_is_null(init))
		walk_stmt(w, s, init, depth + 1);
	eval_in(w, s, n, value, (GNode){ 0 });
	tagless = gn_is_null(value) &&
		  sym_is(n, g->expression_switch_statement);
	rest = *s;
	push_ctx(w, false, 0, 0);
	ci = w->loops.len - 1;
	for (uint32_t i = 0; i < c && !w->gave_up; i++) {
		GNode k = nth(n, i);
		struct st b;
		bool falls;

		if (!sym_is(k, g->expression_case) && !sym_is(k, g->type_case) &&
		    !sym_is(k, g->default_case))
			continue;
		if (sym_is(k, g->default_case)) {
			has_default = true;
			b = *s;
		} else if (tagless) {
			GNode v = go_field(k, f_value);
			struct st t, f;

			eval(w, &rest, v, (GNode){ 0 });
			if (nchild(v) == 1) {
				refine(w, nth(v, 0), &rest, &t,
				       &f, 0);
			} else {
				t = rest;
				f = rest;
			}
			b = t;
			rest = f;
		} else {
			eval(w, s, go_field(k, f_value), (GNode){ 0 });
			b = *s;
		}
		st_merge(w, &b, &fall);
		fall = ST_DEAD;
		walk_case_body(w, &b, k, depth, &falls);
		if (falls)
			fall = b;
		else
			st_merge(w, &out, &b);
	}
	st_merge(w, &out, &fall);
	if (!has_default)
		st_merge(w, &out, tagless ? &rest : s);
	st_merge(w, &out, &w->loops.items[ci].brk);
	w->loops.len--;
	*s = out;
}

static void walk_select(struct walk *w, struct st *s, GNode n,
			unsigned depth)
{
	const struct go_syms *g = GS;
	uint32_t c = nchild(n);
	struct st out = ST_DEAD;
	size_t ci;

	push_ctx(w, false, 0, 0);
	ci = w->loops.len - 1;
	for (uint32_t i = 0; i < c && !w->gave_up; i++) {
		GNode k = nth(n, i);
		struct st b = *s;
		bool falls;

		if (sym_is(k, g->communication_case)) {
			GNode comm = go_field(k, f_communication);

			if (sym_is(comm, g->receive_statement) &&
			    !gn_is_null(go_field(comm, f_left)))
				eval(w, &b, comm, (GNode){ 0 });
			else
				walk_stmt(w, &b, comm, depth + 1);
		} else if (!sym_is(k, g->default_case)) {
			continue;
		}
		walk_case_body(w, &b, k, depth, &falls);
		st_merge(w, &out, &b);
	}
	st_merge(w, &out, &w->loops.items[ci].brk);
	w->loops.len--;
	*s = out;
}

/* The results list of return statement ret: the results that are not
 * plain variables first, so that `return cmd, cmd.Start()` hands over
 * what the call acquired on cmd (the variable's value is the same object
 * whichever is read first). */
static void eval_results(struct walk *w, struct st *s, GNode ret,
			 GNode list)
{
	uint32_t c = nchild(list);

	if (w->nanc + 2 >= ENG_MAX_DEPTH) {
		w->gave_up = true;
		return;
	}
	w->anc[w->nanc++] = ret;
	w->anc[w->nanc++] = list;
	for (int pass = 0; pass < 2; pass++) {
		for (uint32_t i = 0; i < c; i++) {
			GNode e = nth(list, i);

			if (sym_is(e, GS->identifier) == (pass == 1))
				eval(w, s, e, (GNode){ 0 });
		}
	}
	w->nanc -= 2;
}

/* The expression return statement n gives for result index k, or a null
 * node (a bare return, a call spread over the results). */
static GNode return_expr(GNode n, unsigned k)
{
	GNode list = { 0 };

	for (uint32_t i = 0; i < nchild(n); i++) {
		if (sym_is(nth(n, i), GS->expression_list))
			list = nth(n, i);
	}
	if (gn_is_null(list) || k >= nchild(list))
		return (GNode){ 0 };
	return go_unparen(nth(list, k));
}

/* Does return statement n give a non-nil error (a call, a variable other
 * than nil) at the summarized function's error result? */
static bool return_err_nonnil(struct walk *w, GNode n)
{
	GNode e = return_expr(n, w->sum_err1 - 1);
	GNode fun = go_field(e, f_function);

	/* `return rows.Err()` after Next returned false: nil when the rows
	 * simply ran out */
	if (sym_is(e, GS->call_expression) &&
	    sym_is(fun, GS->selector_expression) &&
	    go_text_is(w->f, go_field(fun, f_field), "Err"))
		return false;
	return !gn_is_null(e) && !go_text_is(w->f, e, "nil");
}

/* Does return statement n give the nil literal at the error result? */
static bool return_err_nil(struct walk *w, GNode n)
{
	GNode e = return_expr(n, w->sum_err1 - 1);

	return !gn_is_null(e) && go_text_is(w->f, e, "nil");
}

static void walk_return(struct walk *w, struct st *s, GNode n)
{
	uint32_t c = nchild(n);

	if (w->ctor_mode && !w->summary_mode && !s->dead)
		ctor_direct(w, n);

	for (uint32_t i = 0; i < c; i++) {
		GNode e = nth(n, i);

		if (sym_is(e, GS->expression_list))
			eval_results(w, s, n, e);
		else
			eval_in(w, s, n, e, (GNode){ 0 });
	}
	if (s->dead)
		return;
	if (w->iife_ret) {
		/* the literal called on the spot returns to its caller */
		st_merge(w, w->iife_ret, s);
		*s = ST_DEAD;
		return;
	}
	if (w->sum_err1 && w->nobs && !(s->open & bit(0)) &&
	    (s->rel & bit(0)) && !return_err_nonnil(w, n))
		w->sum_rel_nil = true;
	w->saw_return = true;
	if (!c || (c == 1 && sym_is(nth(n, 0), GS->comment)))
		return_results(w, s);
	check_exit(w, s, n, ENG_EXIT_RETURN);
	*s = ST_DEAD;
}

/* Does n (not entering nested func literals) call the builtin name
 * (recover, panic)? */
static bool calls_builtin(struct walk *w, GNode n, const char *name,
			  unsigned depth)
{
	if (gn_is_null(n) || depth > ENG_MAX_DEPTH ||
	    sym_is(n, GS->func_literal))
		return false;
	if (sym_is(n, GS->call_expression)) {
		GNode fun = go_unparen(go_field(n, f_function));

		if (sym_is(fun, GS->identifier) &&
		    go_text_is(w->f, fun, name) && is_builtin(w, fun, name))
			return true;
	}
	for (uint32_t i = 0; i < gn_named_child_count(n); i++) {
		if (calls_builtin(w, gn_named_child(n, i), name, depth + 1))
			return true;
	}
	return false;
}

/* Does call (an expression statement's) panic in a way a recover
 * deferred earlier in the function's own body stops, so that the
 * function returns to its caller from there: `panic(...)` or
 * log.Panic*, after a `defer func() { ... recover() ... }()` that is a
 * statement of the body's top block? Such a path is an exit. */
static bool recovered_panic(struct walk *w, GNode call)
{
	const struct go_syms *g = GS;
	GNode fun = go_unparen(go_field(call, f_function));
	GNode body = w->fn->body;
	const char *path, *name;
	size_t len;

	if (w->summary_mode || w->ctor_mode || w->iife_ret || w->lit_acquire)
		return false;
	if (sym_is(fun, g->identifier)) {
		if (!go_text_is(w->f, fun, "panic") || !is_builtin(w, fun, "panic"))
			return false;
	} else if (!sym_is(fun, g->selector_expression) ||
		   !sym_is(go_field(fun, f_operand), g->identifier) ||
		   eng_resolve(w->fn, go_field(fun, f_operand)) ||
		   !go_selector_import(w->f, fun, &path, &name, &len) ||
		   strcmp(path, "log") != 0 || len < 5 ||
		   memcmp(name, "Panic", 5) != 0) {
		return false;
	}
	for (uint32_t i = 0; i < nchild(body); i++) {
		GNode st = nth(body, i), dc, lit;

		if (gn_start_byte(st) >= gn_start_byte(call))
			break;
		if (!sym_is(st, g->defer_statement))
			continue;
		dc = go_unparen(nth(st, 0));
		if (!sym_is(dc, g->call_expression))
			continue;
		lit = go_unparen(go_field(dc, f_function));
		/* one that panics again (`if r := recover(); r != nil {
		 * log(r); panic(r) }`) does not stop it */
		if (sym_is(lit, g->func_literal) &&
		    calls_builtin(w, go_field(lit, f_body), "recover", 0) &&
		    !calls_builtin(w, go_field(lit, f_body), "panic", 0))
			return true;
	}
	return false;
}

static void walk_stmt(struct walk *w, struct st *s, GNode n, unsigned depth)
{
	const struct go_syms *g = GS;
	TSSymbol sym;

	if (gn_is_null(n) || w->gave_up)
		return;
	if (depth > ENG_MAX_DEPTH) {
		w->gave_up = true;
		return;
	}
	sym = gn_symbol(n);
	if (sym == g->block) {
		walk_block(w, s, n, depth);
	} else if (sym == g->expression_statement) {
		GNode e = go_unparen(nth(n, 0));

		if (sym_is(e, g->call_expression)) {
			eval_in(w, s, n, e, e);
			acquire_results(w, s, e, (GNode){ 0 }, n);
			if (!s->dead && eng_call_noreturn(w->fn, e)) {
				/* recovered: the function returns from here,
				 * its named results as they are */
				if (recovered_panic(w, e)) {
					return_results(w, s);
					check_exit(w, s, n, ENG_EXIT_RETURN);
				}
				*s = ST_DEAD;
			}
		} else {
			eval(w, s, e, (GNode){ 0 });
		}
	} else if (sym == g->short_var_declaration ||
		   sym == g->assignment_statement) {
		assign(w, s, n);
	} else if (sym == g->var_declaration) {
		var_decl(w, s, n, depth);
	} else if (sym == g->return_statement) {
		walk_return(w, s, n);
	} else if (sym == g->if_statement) {
		walk_if(w, s, n, depth);
	} else if (sym == g->for_statement) {
		walk_for(w, s, n, depth);
	} else if (sym == g->expression_switch_statement ||
		   sym == g->type_switch_statement) {
		walk_switch(w, s, n, depth);
	} else if (sym == g->select_statement) {
		walk_select(w, s, n, depth);
	} else if (sym == g->labeled_statement) {
		GNode lab = go_field(n, f_label);
		size_t len;
		const char *l = go_text(w->f, lab, &len);
		uint32_t c = nchild(n);

		for (size_t i = 0; i < w->gotos.len; i++) {
			struct pending_goto *pg = &w->gotos.items[i];

			if (pg->len == len && memcmp(pg->label, l, len) == 0) {
				st_merge(w, s, &pg->st);
				pg->st = ST_DEAD;
			}
		}
		for (uint32_t i = 0; i < c; i++) {
			GNode k = nth(n, i);

			if (node_eq(k, lab))
				continue;
			w->pending_label = l;
			w->pending_label_len = len;
			walk_stmt(w, s, k, depth + 1);
			w->pending_label = NULL;
		}
	} else if (sym == g->break_statement || sym == g->continue_statement) {
		GNode lab = nth(n, 0);
		bool cont = sym == g->continue_statement;
		struct loopctx *t = target(w, lab, cont);

		if (t && !s->dead) {
			if (t->is_loop)
				scope_exit(w, s, t->body_start, t->body_end, n);
			st_merge(w, cont ? &t->cont : &t->brk, s);
		}
		*s = ST_DEAD;
	} else if (sym == g->goto_statement) {
		GNode lab = nth(n, 0);
		struct pending_goto pg;

		pg.label = go_text(w->f, lab, &pg.len);
		pg.st = *s;
		for (size_t i = w->backs.len; i > 0 && !s->dead; i--) {
			struct back_label *bl = &w->backs.items[i - 1];

			if (bl->len == pg.len &&
			    memcmp(bl->label, pg.label, pg.len) == 0 &&
			    bl->start < gn_start_byte(n)) {
				goto_back(w, s, bl, n);
				*s = ST_DEAD;
				break;
			}
		}
		if (!s->dead)
			VEC_PUSH(&w->gotos, pg);
		*s = ST_DEAD;
	} else if (sym == g->defer_statement || sym == g->go_statement ||
		   sym == g->send_statement || sym == g->inc_statement ||
		   sym == g->dec_statement) {
		eval(w, s, n, (GNode){ 0 });
	} else if (sym == g->receive_statement) {
		eval(w, s, n, (GNode){ 0 });
	} else if (sym == g->fallthrough_statement || sym == g->comment ||
		   sym == g->empty_statement ||
		   sym == g->const_declaration ||
		   sym == g->type_declaration) {
		/* nothing */
	} else {
		eval(w, s, n, (GNode){ 0 });
	}
}

/* ================================================================ running */

static struct walk *walk_new(struct eng_func *fn, const struct eng_spec *spec)
{
	struct walk *w = xcalloc(1, sizeof(*w));

	w->fn = fn;
	w->f = fn->file;
	w->spec = spec;
	w->prov_level = UINT_MAX;
	return w;
}

static void walk_free(struct walk *w)
{
	for (size_t i = 0; i < w->nobs; i++) {
		VEC_FREE(&w->obs[i].h);
		VEC_FREE(&w->obs[i].exits);
	}
	VEC_FREE(&w->loops);
	VEC_FREE(&w->gotos);
	VEC_FREE(&w->backs);
	VEC_FREE(&w->late);
	VEC_FREE(&w->stores);
	VEC_FREE(&w->assigns);
	VEC_FREE(&w->assigned);
	kids_release(&w->kids);
	free(w);
}

/* Can the walk follow v's nil-ness (see walk.trk)? Every use of v in
 * the function must be a read, or a plain assignment outside func
 * literals: no `&v`, no `for v = range`, no `case v = <-ch`. */
static bool trk_ok(struct walk *w, const struct eng_var *v)
{
	const struct go_syms *g = GS;
	GCursor c = gc_new(w->fn->body);
	bool ok = true, more = true;

	while (more && ok) {
		GNode n = gc_current_node(&c);

		if (sym_is(n, g->identifier) && eng_resolve(w->fn, n) == v &&
		    !node_eq(n, v->decl)) {
			GNode p = gn_parent(n), gp = gn_parent(p);

			if (sym_is(p, g->unary_expression) &&
			    go_text_is(w->f, go_field(p, f_operator), "&"))
				ok = false;
			else if (sym_is(p, g->expression_list) &&
				 node_eq(go_field(gp, f_left), p)) {
				if (!sym_is(gp, g->assignment_statement) &&
				    !sym_is(gp, g->short_var_declaration))
					ok = false;
				for (GNode a = gp; ok && !gn_is_null(a) &&
				     !node_eq(a, w->fn->decl); a = gn_parent(a))
					ok = !sym_is(a, g->func_literal);
			}
		}
		if (gc_goto_first_child(&c))
			continue;
		while (!(more = gc_goto_next_sibling(&c))) {
			if (!gc_goto_parent(&c))
				break;
		}
	}
	gc_delete(&c);
	return ok;
}

/* The variables deferred func literals of the function test `!= nil`
 * (declared outside the literal) and trk_ok() accepts: w->trk. */
static void trk_find(struct walk *w)
{
	const struct go_syms *g = GS;
	GCursor c;
	bool more = true;
	GNode lit = { 0 };

	w->ntrk = 0;
	if (gn_is_null(w->fn->body))
		return;
	c = gc_new(w->fn->body);
	while (more) {
		GNode n = gc_current_node(&c);
		struct eng_var *v;

		if (sym_is(n, g->defer_statement)) {
			GNode call = go_unparen(nth(n, 0));
			GNode fun = go_unparen(go_field(call, f_function));

			if (sym_is(call, g->call_expression) &&
			    sym_is(fun, g->func_literal))
				lit = fun;
		}
		if (!gn_is_null(lit) && sym_is(n, g->if_statement) &&
		    gn_start_byte(n) < gn_end_byte(lit) &&
		    (v = nil_test_result(w, n, "!=")) &&
		    (gn_start_byte(v->decl) < gn_start_byte(lit) ||
		     gn_start_byte(v->decl) >= gn_end_byte(lit)) &&
		    trk_slot(w, v) < 0 && w->ntrk < ARRAY_SIZE(w->trk))
			w->trk[w->ntrk++] = v;
		if (gc_goto_first_child(&c))
			continue;
		while (!(more = gc_goto_next_sibling(&c))) {
			if (!gc_goto_parent(&c))
				break;
		}
	}
	gc_delete(&c);
	for (unsigned k = 0; k < w->ntrk;) {
		if (trk_ok(w, w->trk[k])) {
			k++;
			continue;
		}
		w->trk[k] = w->trk[--w->ntrk];
	}
}

/* Walks the body; returns the state at its end. */
static struct st walk_body(struct walk *w)
{
	/* every obligation starts "not acquired" */
	struct st s = { 0, ~0ull, 0, false, 0, 0, 0, 0, 0, 0, 0, ~0ull, 0 };

	for (size_t i = 0; i < w->spec->nentries; i++) {
		const struct eng_entry *e = &w->spec->entries[i];
		struct ob *o;

		if (w->nobs >= ENG_MAX_OBLIGATIONS)
			break;
		o = &w->obs[w->nobs];
		memset(o, 0, sizeof(*o));
		o->entry = true;
		o->kind = e->kind;
		o->noun = e->kind->noun;
		o->site = e->site;
		o->stmt = e->site;
		ob_handle(w, &s, o, e->var, e->root ? e->root : "", e->prefix);
		ob_open(w, &s, w->nobs, false);
		w->nobs++;
	}
	if (!w->summary_mode && !w->ctor_mode)
		trk_find(w);
	walk_stmt(w, &s, w->fn->body, 0);
	if (!s.dead)
		check_exit(w, &s, w->fn->body, ENG_EXIT_END);
	return s;
}

static const char *handle_text(struct walk *w, const struct ob *o)
{
	const struct handle *h;

	if (!o->h.len)
		return "";
	h = &o->h.items[0];
	if (!h->var && !h->root[0])
		return o->noun;
	return join_path(w, h->var ? h->var->name : h->root, h->prefix);
}

/* The `if err != nil { ... }` right after the statement of o, if any. */
static GNode errcheck_after(struct walk *w, const struct ob *o)
{
	GNode next = gn_next_named_sibling(o->stmt), cond;

	while (sym_is(next, GS->comment))
		next = gn_next_named_sibling(next);
	if (!sym_is(next, GS->if_statement) || !o->errvar)
		return (GNode){ 0 };
	cond = go_unparen(go_field(next, f_condition));
	if (!sym_is(cond, GS->binary_expression))
		return (GNode){ 0 };
	if (go_text_is(w->f, go_field(cond, f_left), o->errvar->name) &&
	    go_text_is(w->f, go_field(cond, f_operator), "!=") &&
	    is_nil(w, go_field(cond, f_right)))
		return next;
	return (GNode){ 0 };
}

struct eng_result *eng_run(struct eng_func *fn, const struct eng_spec *spec)
{
	struct arena *a = &fn->pkg->arena;
	struct eng_result *r = arena_alloc(a, sizeof(*r));
	struct walk *w;
	size_t n = 0;

	if (fn->too_deep || gn_is_null(fn->body))
		return r;
	w = walk_new(fn, spec);
	walk_body(w);
	if (w->gave_up) {
		walk_free(w);
		return r;
	}
	r->nstores = w->stores.len;
	r->stores = arena_alloc(a, (w->stores.len + 1) * sizeof(*r->stores));
	if (w->stores.len)
		memcpy(r->stores, w->stores.items,
		       w->stores.len * sizeof(*r->stores));
	for (size_t i = 0; i < w->nobs; i++)
		n += w->obs[i].exits.len > 0;
	r->leaks = arena_alloc(a, (n + 1) * sizeof(*r->leaks));
	for (size_t i = 0; i < w->nobs; i++) {
		struct ob *o = &w->obs[i];
		struct eng_leak *l;

		if (!o->exits.len ||
		    (o->never_only && (o->released || o->transferred ||
				       lit_var_handled(w, o))))
			continue;
		l = &r->leaks[r->nleaks++];
		l->kind = o->kind;
		l->noun = o->noun;
		l->site = o->site;
		l->stmt = o->stmt;
		l->handle = handle_text(w, o);
		l->var = o->h.len && o->h.items[0].var ?
				 o->h.items[0].var->name : NULL;
		l->released_somewhere = o->released || o->transferred;
		l->handed_on = o->transferred;
		l->outlives_loop = o->in_loop && o->h.len && o->h.items[0].var &&
				   gn_start_byte(o->h.items[0].var->decl) <
					   o->loop_start;
		l->in_loop = o->in_loop;
		l->back_label = o->back_label;
		l->errcheck = errcheck_after(w, o);
		l->has_err = o->errvar != NULL;
		l->blank = o->blank;
		l->nexits = o->exits.len;
		l->exits = arena_alloc(a, o->exits.len * sizeof(*l->exits));
		memcpy(l->exits, o->exits.items,
		       o->exits.len * sizeof(*l->exits));
	}
	walk_free(w);
	return r;
}

const char *eng_exit_text(struct gopkg *pkg, const struct eng_exit *e)
{
	switch (e->kind) {
	case ENG_EXIT_RETURN:
		if (!sym_is(e->node, GS->return_statement) &&
		    sym_is(e->node, GS->expression_statement))
			return arena_printf(&pkg->arena,
					    "panics at line %u (the deferred "
					    "recover returns)", e->line);
		return arena_printf(&pkg->arena, "returns at line %u", e->line);
	case ENG_EXIT_END:
		return arena_printf(&pkg->arena,
				    "reaches the end of the function at line %u",
				    e->line);
	case ENG_EXIT_OVERWRITE:
		return arena_printf(&pkg->arena, "is overwritten at line %u",
				    e->line);
	case ENG_EXIT_DISCARD:
		return arena_printf(&pkg->arena, "is discarded at line %u",
				    e->line);
	case ENG_EXIT_SCOPE:
		if (sym_is(e->node, GS->continue_statement))
			return arena_printf(&pkg->arena,
					    "continues at line %u", e->line);
		if (sym_is(e->node, GS->break_statement))
			return arena_printf(&pkg->arena,
					    "breaks out of the loop at line %u",
					    e->line);
		return arena_printf(&pkg->arena,
				    "ends the loop iteration at line %u",
				    e->line);
	case ENG_EXIT_CHECKPOINT:
		return arena_printf(&pkg->arena, "is waited for at line %u",
				    e->line);
	case ENG_EXIT_BLANK:
		return arena_printf(&pkg->arena, "is assigned to _ at line %u",
				    e->line);
	}
	return "";
}

/* ================================================================ summaries */

struct sumstate {
	enum eng_summary value;
	bool computing;
	bool stale;	/* computed from a caller's summary still being
			   computed: recomputed when asked again */
	unsigned level; /* nesting level while computing */
	struct eng_kind kind;
	const char *names[4];
};

/* The parameter variable at flattened index param (-1: receiver). */
static struct eng_var *param_var(struct eng_func *fn, int param)
{
	GNode list = param < 0 ? go_field(fn->decl, f_receiver) :
				 go_field(fn->decl, f_parameters);
	uint32_t c = nchild(list);
	int k = 0;

	for (uint32_t i = 0; i < c; i++) {
		GNode pd = nth(list, i);
		uint32_t m = nchild(pd);
		bool named = false;

		if (!sym_is(pd, GS->parameter_declaration) &&
		    !sym_is(pd, GS->variadic_parameter_declaration))
			continue;
		for (uint32_t j = 0; j < m; j++) {
			GNode id = nth(pd, j);

			if (!sym_is(id, GS->identifier))
				continue;
			named = true;
			if (param < 0 || k == param)
				return eng_resolve(fn, id);
			k++;
		}
		if (!named) {
			if (k == param)
				return NULL;
			k++;
		}
		/* a variadic parameter takes every argument from its index */
		if (sym_is(pd, GS->variadic_parameter_declaration) &&
		    i + 1 == c && param >= k - 1 && named)
			return eng_resolve(fn, nth(pd, m - 1));
	}
	return NULL;
}

/* A summary walk whose parameter is released exactly on the returns
 * giving an error: every exit leaving it open returns nil there, every
 * return that released it returns something else. */
static bool errlinked(struct walk *w)
{
	const struct ob *o = &w->obs[0];

	if (!w->sum_err1 || w->sum_rel_nil || !o->exits.len)
		return false;
	for (size_t i = 0; i < o->exits.len; i++) {
		if (o->exits.items[i].kind != ENG_EXIT_RETURN ||
		    !return_err_nil(w, o->exits.items[i].node))
			return false;
	}
	return true;
}

static enum eng_summary summarize(struct eng_func *fn, int param,
				  struct sumstate *ss, unsigned *prov_level)
{
	struct eng_entry e = { 0 };
	struct eng_spec spec = { 0 };
	struct walk *w;
	enum eng_summary v;
	struct eng_var *pv = param_var(fn, param);

	if (!pv || fn->too_deep || gn_is_null(fn->body))
		return ENG_SUM_UNKNOWN;
	e.var = pv;
	e.prefix = ss->kind.rel_prefix;
	e.kind = &ss->kind;
	e.site = fn->decl;
	spec.entries = &e;
	spec.nentries = 1;
	w = walk_new(fn, &spec);
	w->summary_mode = true;
	{
		unsigned nres;
		int err = results_err(fn->file, fn->decl, &nres);

		w->sum_err1 = err >= 0 ? (unsigned)err + 1 : 0;
	}
	walk_body(w);
	if (w->gave_up || !w->nobs)
		v = ENG_SUM_UNKNOWN;
	else if (!w->obs[0].released && !w->obs[0].transferred)
		v = ENG_SUM_BORROWS;
	else if (!w->obs[0].exits.len && !w->obs[0].transferred)
		v = ENG_SUM_RELEASES;
	else if (!w->obs[0].transferred)
		v = errlinked(w) ? ENG_SUM_RELEASES_ON_ERR : ENG_SUM_PARTIAL;
	else
		v = ENG_SUM_TRANSFERS;
	*prov_level = w->prov_level;
	walk_free(w);
	return v;
}

/* Budget of summary walks per package: past it, summaries that depend on
 * others still being computed are kept as they are (mutual recursion in
 * long cycles). */
#define ENG_SUM_WALKS 4096

static enum eng_summary summary_fn(struct gopkg *pkg, struct eng_func *fn,
				   const void *key, int param,
				   const char *path, unsigned flags,
				   unsigned *used_level)
{
	struct eng_pkg *ep = eng__pkg(pkg);
	struct amap_ent *e;
	unsigned dep = UINT_MAX;

	flags &= ENG_K_NEXT_RELEASES | ENG_K_NO_TRANSFER | ENG_K_USE_RELEASES |
		 ENG_K_CB_BORROW;
	e = amap_add(&pkg->arena, &ep->summaries, key,
		     (long)param * 4096 + (long)flags, path);
	struct sumstate *ss = e->value;

	if (ss && !ss->stale) {
		if (ss->computing && used_level && ss->level < *used_level)
			*used_level = ss->level;
		return ss->value;
	}
	if (!ss) {
		ss = arena_alloc(&pkg->arena, sizeof(*ss));
		e->value = ss;
		ss->kind.rule = "";
		ss->kind.noun = "";
		ss->kind.release = path;
		ss->kind.flags = flags;
		if (strcmp(path, "()") == 0) {
			ss->kind.rel_prefix = "";
			ss->kind.rel_names[0] = "";
		} else {
			const char *dot = strrchr(path, '.');
			const char *nm = dot ? dot + 1 : path;
			size_t k = 0;

			ss->kind.rel_prefix = dot ?
				arena_strndup(&pkg->arena, path,
					      (size_t)(dot - path)) : "";
			while (*nm && k + 1 < ARRAY_SIZE(ss->kind.rel_names)) {
				size_t len = strcspn(nm, "|");

				ss->kind.rel_names[k++] =
					arena_strndup(&pkg->arena, nm, len);
				nm += len + (nm[len] == '|');
			}
		}
		/* a recursive call starts out trusted to release (the
		 * greatest fixed point: a path that only recurses releases
		 * if the paths that end do) */
		ss->value = ENG_SUM_RELEASES;
	}
	ss->stale = false;
	ss->computing = true;
	ss->level = ep->sum_level++;
	/* iterate to a fixed point: a recursive use sees the previous
	 * round's value */
	for (int round = 0; round < 4; round++) {
		unsigned lv = UINT_MAX;
		enum eng_summary v;

		ep->sum_walks++;
		v = summarize(fn, param, ss, &lv);
		dep = lv < ss->level ? lv : UINT_MAX;
		if (v == ss->value && round > 0)
			break;
		ss->value = v;
		if (lv == UINT_MAX)
			break;
	}
	ep->sum_level--;
	ss->computing = false;
	/* it used the provisional summary of a function that called it
	 * (mutual recursion): that caller iterates, and this one must be
	 * computed again with the caller's next value */
	if (dep != UINT_MAX && ep->sum_walks < ENG_SUM_WALKS) {
		ss->stale = true;
		if (used_level && dep < *used_level)
			*used_level = dep;
	}
	return ss->value;
}

enum eng_summary eng_summary_of(struct gopkg *pkg, const struct godecl *d,
				int param, const char *release_path,
				unsigned flags)
{
	struct eng_func *fn;

	if (!d || (d->kind != GODECL_FUNC && d->kind != GODECL_METHOD))
		return ENG_SUM_UNKNOWN;
	fn = eng_func_get(pkg, d->file, d->node);
	return summary_fn(pkg, fn, gn_key(d->node), param, release_path, flags,
			  NULL);
}

/* The same-package method named name for a receiver expression: by its
 * type when known, else the only method with that name. */
static const struct godecl *method_decl(struct walk *w, GNode recv,
					const char *name, size_t len,
					bool *guessed)
{
	const char *t = eng_type_of(w->fn, recv);
	const struct godecl *found = NULL;

	*guessed = false;
	if (t && !strchr(t, '.')) {
		char *key = arena_printf(&w->fn->pkg->arena, "%s.%.*s", t,
					 (int)len, name);

		return gopkg_lookup(w->fn->pkg, key);
	}
	if (t)
		return NULL; /* a type of another package */
	*guessed = true;
	for (size_t i = 0; i < w->fn->pkg->funcs.len; i++) {
		const struct godecl *d = w->fn->pkg->funcs.items[i];
		const char *dot;

		if (d->kind != GODECL_METHOD)
			continue;
		dot = strrchr(d->name, '.');
		if (dot && str_eqn(name, len, dot + 1)) {
			if (found)
				return NULL;
			found = d;
		}
	}
	return found;
}

/* The func literal local v is bound to by its declaration `v := func...`
 * when nothing assigns v again; else a null node. */
static GNode local_lit(struct walk *w, const struct eng_var *v)
{
	const struct go_syms *g = GS;
	GNode none = { 0 }, lhs, stmt, rhs, id;
	uint32_t idx = UINT32_MAX;

	if (!v || v->param || v->result || v->receiver)
		return none;
	lhs = gn_parent(v->decl);
	stmt = gn_parent(lhs);
	if (!sym_is(lhs, g->expression_list) ||
	    !sym_is(stmt, g->short_var_declaration) ||
	    !node_eq(go_field(stmt, f_left), lhs))
		return none;
	rhs = go_field(stmt, f_right);
	for (uint32_t j = 0; j < nchild(lhs); j++) {
		if (node_eq(nth(lhs, j), v->decl))
			idx = j;
	}
	if (idx == UINT32_MAX || nchild(rhs) != nchild(lhs) ||
	    !sym_is(nth(rhs, idx), g->func_literal))
		return none;
	for (size_t k = 0; next_use(w, v, &k, &id); k++) {
		GNode p, gp;

		if (node_eq(id, v->decl))
			continue;
		p = gn_parent(id);
		gp = gn_parent(p);
		if (sym_is(p, g->unary_expression) ||
		    (sym_is(p, g->expression_list) &&
		     sym_is(gp, g->assignment_statement) &&
		     node_eq(go_field(gp, f_left), p)))
			return none; /* assigned again, or its address taken */
	}
	return nth(rhs, idx);
}

/* Is local v called somewhere in the function (so it holds a func)? */
static bool var_called(struct walk *w, const struct eng_var *v)
{
	GNode id, p;

	for (size_t k = 0; next_use(w, v, &k, &id); k++) {
		p = gn_parent(id);
		if (sym_is(p, GS->call_expression) &&
		    node_eq(go_field(p, f_function), id))
			return true;
	}
	return false;
}

/* Is parameter declaration id (an identifier of a parameter list) of a
 * func type? */
static bool param_is_func(struct gofile *f, GNode id)
{
	GNode pd = gn_parent(id);
	GNode t = go_field(pd, f_type);
	size_t len;
	const char *s;

	if (!sym_is(pd, GS->parameter_declaration) || gn_is_null(t))
		return true; /* unknown: assume the worst */
	s = go_text(f, t, &len);
	return len >= 4 && memcmp(s, "func", 4) == 0;
}

/* Does every func value passed to call (other than argument argi, the
 * resource) only borrow whatever it is given: a func literal or a
 * function of the package whose every parameter borrows (for release
 * path rest)? A parameter of the caller of func type, or a func value
 * the engine cannot see, says no. */
static bool callbacks_borrow(struct walk *w, GNode call, int argi,
			     const char *rest, unsigned flags)
{
	struct gopkg *pkg = w->fn->pkg;
	GNode args = go_field(call, f_arguments);
	int k = -1;
	bool any = false;

	for (uint32_t i = 0; i < nchild(args); i++) {
		GNode a = go_unparen(nth(args, i)), fd = { 0 };
		struct eng_func *cf = NULL;
		const void *key = NULL;
		GNode params;

		if (sym_is(a, GS->comment))
			continue;
		if (++k == argi)
			continue;
		if (sym_is(a, GS->func_literal)) {
			cf = eng_func_get(pkg, w->f, a);
			key = gn_key(a);
			fd = a;
		} else if (sym_is(a, GS->identifier)) {
			struct eng_var *v = eng_resolve(w->fn, a);

			if (v) {
				GNode lit = local_lit(w, v);

				if (!gn_is_null(lit)) {
					cf = eng_func_get(pkg, w->f, lit);
					key = gn_key(lit);
					fd = lit;
				} else if (v->param ?
						   param_is_func(w->f, v->decl) :
						   var_called(w, v)) {
					return false; /* a func we cannot see */
				}
			} else {
				size_t len;
				const char *t = go_text(w->f, a, &len);
				const struct godecl *d = gopkg_lookup(
					pkg, arena_strndup(&pkg->arena, t, len));

				if (d && d->kind == GODECL_FUNC) {
					cf = eng_func_get(pkg, d->file, d->node);
					key = gn_key(d->node);
					fd = d->node;
				}
			}
		} else if (sym_is(a, GS->selector_expression)) {
			return false; /* a method value or a func of another
					 package: unknown */
		}
		if (!cf)
			continue;
		any = true;
		params = go_field(fd, f_parameters);
		for (int j = 0; j < 8; j++) {
			enum eng_summary v;

			if (!param_var(cf, j))
				break;
			v = summary_fn(pkg, cf, key, j, rest,
				       flags & ~ENG_K_CB_BORROW, &w->prov_level);
			if (v != ENG_SUM_BORROWS)
				return false;
		}
		LH_UNUSED(params);
	}
	return any;
}

/* xpkg_summary() of the module's function (or "Type.Method") name that
 * call calls, for its argument argi; a function handing it to a func
 * parameter borrows it when every func the caller passes only borrows
 * (as for the package's own, see call_summary). */
static enum eng_summary xpkg_cb_summary(struct walk *w, GNode call,
					const char *path, const char *name,
					size_t len, int argi, const char *rest,
					unsigned flags)
{
	enum eng_summary v = xpkg_summary(w->fn->pkg, path, name, len, argi,
					  rest, flags);

	if (v == ENG_SUM_TRANSFERS && argi >= 0 &&
	    !(flags & ENG_K_CB_BORROW) &&
	    callbacks_borrow(w, call, argi, rest, flags)) {
		enum eng_summary v2 = xpkg_summary(w->fn->pkg, path, name, len,
						   argi, rest,
						   flags | ENG_K_CB_BORROW);

		if (v2 == ENG_SUM_BORROWS || v2 == ENG_SUM_RELEASES ||
		    v2 == ENG_SUM_RELEASES_ON_ERR)
			v = v2;
	}
	return v;
}

static enum eng_summary call_summary(struct walk *w, GNode call, int argi,
				     const char *rest, unsigned flags)
{
	const struct go_syms *g = GS;
	GNode fun = go_unparen(go_field(call, f_function));
	struct gopkg *pkg = w->fn->pkg;

	if (argi < -1 || (argi < 0 && !sym_is(fun, g->selector_expression)))
		return ENG_SUM_UNKNOWN;
	if (sym_is(fun, g->func_literal)) {
		struct eng_func *lit = eng_func_get(pkg, w->f, fun);

		return summary_fn(pkg, lit, gn_key(fun), argi, rest, flags,
				  &w->prov_level);
	}
	if (sym_is(fun, g->identifier)) {
		size_t len;
		const char *t = go_text(w->f, fun, &len);
		char *nm;
		const struct godecl *d;

		if (eng_resolve(w->fn, fun)) {
			/* a func value: known when it is a local bound once
			 * to a literal (`wl := func(f *os.File, s string)
			 * {...}`), or a parameter whose every argument the
			 * caller checked (ENG_K_CB_BORROW) */
			GNode lit = local_lit(w, eng_resolve(w->fn, fun));

			if ((flags & ENG_K_CB_BORROW) &&
			    eng_resolve(w->fn, fun)->param)
				return ENG_SUM_BORROWS;
			if (gn_is_null(lit))
				return ENG_SUM_UNKNOWN;
			return summary_fn(pkg, eng_func_get(pkg, w->f, lit),
					  gn_key(lit), argi, rest, flags,
					  &w->prov_level);
		}
		nm = arena_strndup(&pkg->arena, t, len);
		d = gopkg_lookup(pkg, nm);
		if (d && d->kind == GODECL_FUNC) {
			struct eng_func *cf = eng_func_get(pkg, d->file,
							   d->node);
			enum eng_summary v = summary_fn(pkg, cf, gn_key(d->node),
							argi, rest, flags,
							&w->prov_level);

			/* it hands the value to a func it was given: known
			 * when every func passed here only borrows */
			if ((v == ENG_SUM_TRANSFERS || v == ENG_SUM_UNKNOWN) &&
			    argi >= 0 && !(flags & ENG_K_CB_BORROW) &&
			    callbacks_borrow(w, call, argi, rest, flags)) {
				enum eng_summary v2 = summary_fn(
					pkg, cf, gn_key(d->node), argi, rest,
					flags | ENG_K_CB_BORROW,
					&w->prov_level);

				if (v2 == ENG_SUM_BORROWS ||
				    v2 == ENG_SUM_RELEASES ||
				    v2 == ENG_SUM_RELEASES_ON_ERR ||
				    v2 == ENG_SUM_PARTIAL)
					v = v2;
			}
			return v;
		}
		if (!d && (strcmp(nm, "copy") == 0 || strcmp(nm, "delete") == 0))
			return ENG_SUM_BORROWS;
		return ENG_SUM_UNKNOWN;
	}
	if (sym_is(fun, g->selector_expression)) {
		GNode op = go_field(fun, f_operand);
		const char *path, *name;
		size_t len;
		const struct godecl *d;
		bool guessed;

		if (sym_is(op, g->identifier) && !eng_resolve(w->fn, op) &&
		    go_selector_import(w->f, fun, &path, &name, &len)) {
			if (apis_borrows(path, NULL, name, len))
				return ENG_SUM_BORROWS;
			/* another package of the module: its summary */
			return xpkg_cb_summary(w, call, path, name, len, argi,
					       rest, flags);
		}
		name = go_text(w->f, go_field(fun, f_field), &len);
		d = method_decl(w, op, name, len, &guessed);
		if (d) {
			enum eng_summary v = summary_fn(pkg,
				eng_func_get(pkg, d->file, d->node), gn_key(d->node),
				argi, rest, flags, &w->prov_level);

			/* a method guessed by its name may be an interface
			 * call with other implementations: trust it only to
			 * silence */
			if (guessed && (v == ENG_SUM_BORROWS ||
					(argi < 0 && v != ENG_SUM_RELEASES)))
				return ENG_SUM_UNKNOWN;
			return v;
		}
		if (apis_borrows(NULL, "*", name, len))
			return ENG_SUM_BORROWS;
		if (!d && !guessed && argi >= 0 && name[0] >= 'A' &&
		    name[0] <= 'Z') {
			/* a method of a type of another package of the
			 * module: `db.CloseRows(rows)` with db a *dbutil.DB */
			const char *t = eng_type_of(w->fn, op);
			const char *dot = t ? strrchr(t, '.') : NULL;

			if (dot) {
				char *ip = arena_strndup(&pkg->arena, t,
							 (size_t)(dot - t));
				char *m = arena_printf(&pkg->arena, "%s.%.*s",
						       dot + 1, (int)len, name);

				return xpkg_cb_summary(w, call, ip, m,
						       strlen(m), argi, rest,
						       flags);
			}
		}
	}
	return ENG_SUM_UNKNOWN;
}

/* What the method sel (`rc.Close`) of the package's type `type` does
 * with its receiver through release path rest. */
static enum eng_summary dyn_summary(struct walk *w, const char *type,
				    GNode sel, const char *rest,
				    unsigned flags)
{
	struct gopkg *pkg = w->fn->pkg;
	size_t len;
	const char *nm = go_text(w->f, go_field(sel, f_field), &len);
	const char *dot = strrchr(type, '.');
	const struct godecl *d;

	if (dot) {
		/* a struct of another package of the module: its method's
		 * summary there; one it cannot give may keep the field */
		char *ip = arena_strndup(&pkg->arena, type,
					 (size_t)(dot - type));
		char *m = arena_printf(&pkg->arena, "%s.%.*s", dot + 1,
				       (int)len, nm);
		enum eng_summary v = xpkg_summary(pkg, ip, m, strlen(m), -1,
						  rest, flags);

		return v == ENG_SUM_UNKNOWN ? ENG_SUM_TRANSFERS : v;
	}
	d = gopkg_lookup(pkg, arena_printf(&pkg->arena, "%s.%.*s", type,
					   (int)len, nm));
	if (!d || d->kind != GODECL_METHOD)
		return ENG_SUM_UNKNOWN;
	return summary_fn(pkg, eng_func_get(pkg, d->file, d->node),
			  gn_key(d->node), -1, rest, flags, &w->prov_level);
}

/* ================================================================ noreturn */

static bool decl_noreturn(struct gopkg *pkg, const struct godecl *d)
{
	struct eng_pkg *ep = eng__pkg(pkg);
	struct amap_ent *e = amap_add(&pkg->arena, &ep->noreturn, d, 0, NULL);
	struct eng_spec spec = { 0 };
	struct eng_func *fn;
	struct walk *w;
	struct st end;
	bool nr;

	if (e->value)
		return (uintptr_t)e->value == 1;
	e->value = (void *)3; /* recursion: assume it returns */
	fn = eng_func_get(pkg, d->file, d->node);
	if (fn->too_deep || gn_is_null(fn->body)) {
		e->value = (void *)2;
		return false;
	}
	w = walk_new(fn, &spec);
	w->summary_mode = true;
	end = walk_body(w);
	nr = !w->gave_up && !w->saw_return && end.dead;
	walk_free(w);
	e->value = (void *)(uintptr_t)(nr ? 1 : 2);
	return nr;
}

bool eng_call_noreturn(struct eng_func *fn, GNode call)
{
	const struct go_syms *g = GS;
	GNode fun = go_unparen(go_field(call, f_function));
	struct gofile *f = fn->file;

	if (sym_is(fun, g->identifier)) {
		size_t len;
		const char *t = go_text(f, fun, &len);
		const struct godecl *d;
		char *nm;

		if (eng_resolve(fn, fun))
			return false;
		nm = arena_strndup(&fn->pkg->arena, t, len);
		d = gopkg_lookup(fn->pkg, nm);
		if (!d)
			return strcmp(nm, "panic") == 0;
		return d->kind == GODECL_FUNC && decl_noreturn(fn->pkg, d);
	}
	if (sym_is(fun, g->selector_expression)) {
		GNode op = go_field(fun, f_operand);
		const char *path, *name;
		size_t len;

		if (sym_is(op, g->identifier) && !eng_resolve(fn, op) &&
		    go_selector_import(f, fun, &path, &name, &len))
			return apis_noreturn(path, name, len);
		name = go_text(f, go_field(fun, f_field), &len);
		return apis_noreturn(NULL, name, len);
	}
	return false;
}
