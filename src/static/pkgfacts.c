/*
 * pkgfacts.c - package-level collections, their writes and shrinks (see
 * pkgfacts.h).
 *
 * One pass over every file of the package:
 *  1. collect package-level vars whose type (declared or inferred from the
 *     initializer) is a map, a slice, a sync.Map, or a struct of the package
 *     (whose map/slice fields become targets "var.field");
 *  2. walk every function and var initializer with a scope stack holding only
 *     the names that matter (so a local `m` shadowing the global is not the
 *     global), recording writes, shrinks, escapes, calls of package
 *     functions (to find functions only called from init) and instances of
 *     struct types (to find singletons);
 *  3. resolve: accesses in functions only called from init count as init;
 *     receiver writes in methods of a singleton type go to its instance;
 *     any `x.f = ...`/`delete(x.f, k)` counts as a shrink of every field
 *     target named f (over-approximating shrinks keeps the rules silent
 *     when in doubt).
 *
 * Known limits: aliases (`c := cache; c[k] = v`) make the target escape
 * instead of being followed; writes through a pointer parameter of the
 * struct type are not attributed to the singleton.
 */
#include <stdio.h>

#include "static/pkgfacts.h"
#include "static/syn.h"
#include "static/walk.h"

enum pf_gkind { PFG_MAP, PFG_SLICE, PFG_SYNCMAP, PFG_STRUCT, PFG_NONE };

struct pf_gvar {
	const char *name;
	enum pf_gkind kind;
	const char *stype;  /* struct type, for PFG_STRUCT (NULL: anonymous) */
	GNode anon;	    /* struct_type of an anonymous struct */
	const struct gofile *anon_file;
	bool named;	    /* map/slice of a named type (may have methods) */
	const char *ntype;  /* that type, when declared in the package */
	bool key_bounded;
	struct gofile *file;
	GNode spec;
	struct pf_tb *tgt;  /* plain target, or NULL */
};

typedef VEC(struct pf_access) pf_access_vec;

struct pf_tb {
	struct pf_target t;
	pf_access_vec w, s;
	const char *ntype; /* named map/slice type of the package */
	bool mcall;	   /* a method of ntype called on it */
};

/* a write or escape through the receiver of a method of type T */
struct pf_pending {
	const char *type;
	const char *field; /* "" for the receiver itself, "*" for *recv */
	struct pf_access a;
	bool escape;
	bool shrink;
	bool index; /* an index write: no growth when the field is a slice */
};

struct pf_fieldshrink {
	const char *field;
	struct pf_access a;
};


struct pf_saved {
	enum pf_ctx ctx;
	const char *func;
	unsigned loop, anyloop;
	enum pf_lit lit;
};

/* What the walk does inside a node it entered, and when it leaves it. */
enum { PFF_ALL, PFF_NONE, PFF_RANGE }; /* visit: all, none, [lo, hi) */
enum { PFA_NONE, PFA_NAMES, PFA_SPEC, PFA_LIT };

/* A node being walked. The syn_walk walk (var initializers, and a range
 * clause that assigns) enters every node; the walk of the shared walk's
 * records (functions) enters only the kinds pf__kinds() lists, skipping
 * the records inside a node as pf__enter's sub-walks would. */
struct pf_frame {
	GNode node;
	TSSymbol sym;
	uint32_t start, end; /* node's bytes */
	uint32_t lo, hi;     /* PFF_RANGE: the bytes of the child walked */
	unsigned depth;	     /* below the root of the tree */
	unsigned base;	     /* depth of the walk root of the records inside
				(syn_walk's depth limit counts from it) */
	unsigned char mode, act;
	GNode names;	     /* PFA_NAMES: declared when leaving */
	struct pf_saved sv;  /* PFA_LIT: restored when leaving */
};

enum { PFS_SHADOW, PFS_RECV };
struct pf_scope {
	const char *name;
	size_t len;
	int kind;
	const char *type; /* PFS_RECV: receiver type */
};

struct pf_build {
	struct gopkg *pkg;
	struct arena *A;
	VEC(struct pf_gvar *) gvars;
	VEC(struct pf_tb *) tbs;
	struct map globals;  /* name -> pf_gvar */
	struct map targets;  /* "m" / "G.f" -> pf_tb */
	struct map inst;     /* struct type -> (void*)count of instances */
	struct map ntypes;   /* named map/slice type -> its pf_tb */
	VEC(struct pf_pending) pending;
	VEC(struct pf_fieldshrink) fshrinks;
	VEC(struct pf_call) refs;
	struct map once_methods; /* methods passed as x.Do(y.m): run once */
	/* walk state */
	struct gofile *file;
	enum pf_ctx ctx;
	const char *func;    /* top-level function name (NULL inside a func
				literal that runs later) */
	const char *top;     /* top-level function name, always */
	enum pf_lit lit;     /* inside a func literal that runs later */
	const char *ctor_of; /* struct type the current function constructs */
	const char *spec_of; /* struct type of the package var being
				initialized */
	VEC(struct pf_scope) scope;
	VEC(size_t) marks;
	/* nodes being walked, outermost first */
	VEC(struct pf_frame) frames;
	unsigned base;	     /* depth of the root of the current syn_walk */
	unsigned char *want; /* by symbol: the kinds pf__walk_records visits */
	VEC(unsigned char) fors; /* per for statement being walked: 1 when
				    endless (leave() need not ask again) */
	GNode fn_node;	     /* the top-level function being walked */
	unsigned loop;	     /* endless loops around the current node */
	unsigned anyloop;    /* loops of any kind around it */
};

static GNode pf__enclosing_func(struct pf_build *b, GNode n)
{
	for (n = gn_parent(n); !gn_is_null(n); n = gn_parent(n)) {
		if (syn_is_func(n))
			return n;
	}
	return n;
}

static const struct syn_walker *pf__walker(struct pf_build *b);

/* ---------------------------------------------------------------- types */

static const struct godecl *pf__type_decl(struct pf_build *b,
					  const struct gofile *f, GNode id)
{
	size_t len;
	const char *s = go_text(f, id, &len);
	char tmp[128];
	const struct godecl *d;

	if (len == 0 || len >= sizeof(tmp))
		return NULL;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	d = gopkg_lookup(b->pkg, tmp);
	return d && d->kind == GODECL_TYPE ? d : NULL;
}

static bool pf__is_qualified(const struct gofile *f, GNode t,
			     const char *path, const char *name)
{
	GNode pk, nm;
	size_t len;
	const char *s, *p;

	if (gn_symbol(t) != GS->qualified_type)
		return false;
	pk = go_field(t, f_package);
	nm = go_field(t, f_name);
	s = go_text(f, pk, &len);
	p = go_import_path(f, s, len);
	return p && strcmp(p, path) == 0 && go_text_is(f, nm, name);
}

/* A type describing types (reflect.Type, *rtype, *types.Type, typeId):
 * their values are bounded by the program. */
static bool pf__typeish(const struct gofile *f, GNode t)
{
	size_t len;
	const char *s = go_text(f, t, &len);

	for (size_t i = 0; i + 4 <= len; i++) {
		if ((s[i] == 't' || s[i] == 'T') && memcmp(s + i + 1, "ype", 3) == 0)
			return true;
	}
	return false;
}

/* Is the (local) type T an enum: an integer or string type with typed
 * constants? */
static bool pf__enum_type(struct pf_build *b, const char *tname)
{
	for (size_t i = 0; i < b->pkg->decls.cap; i++) {
		const struct godecl *d = b->pkg->decls.slots[i].value;
		GNode t;

		if (!b->pkg->decls.slots[i].key || !d ||
		    d->kind != GODECL_CONST)
			continue;
		t = go_field(d->node, f_type);
		if (!gn_is_null(t) && go_text_is(d->file, t, tname))
			return true;
	}
	return false;
}

static bool pf__key_bounded(struct pf_build *b, const struct gofile *f,
			    GNode key)
{
	static const char *const small[] = { "bool", "byte", "uint8", "int8" };
	const struct godecl *d;

	if (gn_is_null(key))
		return false;
	if (gn_symbol(key) == GS->type_identifier) {
		for (size_t i = 0; i < ARRAY_SIZE(small); i++) {
			if (go_text_is(f, key, small[i]))
				return true;
		}
		d = pf__type_decl(b, f, key);
		if (d && pf__enum_type(b, go_text_dup(f, key)))
			return true;
	}
	/* the set of types of a program is finite */
	return pf__typeish(f, key);
}

/* Classifies a type expression. */
static enum pf_gkind pf__type_kind(struct pf_build *b, const struct gofile *f,
				   GNode t, struct pf_gvar *g, unsigned depth)
{
	const struct go_syms *s = GS;
	TSSymbol sym;
	const struct godecl *d;

	if (gn_is_null(t) || depth > 4)
		return PFG_NONE;
	sym = gn_symbol(t);
	if (sym == s->parenthesized_type)
		return pf__type_kind(b, f, gn_named_child(t, 0), g,
				     depth + 1);
	if (sym == s->map_type) {
		g->key_bounded = pf__key_bounded(b, f, go_field(t, f_key));
		return PFG_MAP;
	}
	if (sym == s->struct_type) {
		/* var stats struct{ hits map[string]int }{...} */
		g->anon = t;
		g->anon_file = f;
		g->stype = NULL;
		return PFG_STRUCT;
	}
	if (sym == s->slice_type) {
		/* a slice of callbacks is a registry, bounded by code */
		GNode el = go_field(t, f_element);

		if (!gn_is_null(el) && gn_symbol(el) == s->function_type)
			return PFG_NONE;
		/* []beforeFunc with type beforeFunc func(...): the same */
		if (!gn_is_null(el) &&
		    gn_symbol(el) == s->type_identifier) {
			d = pf__type_decl(b, f, el);
			if (d && gn_symbol(go_field(d->node, f_type)) ==
					 s->function_type)
				return PFG_NONE;
		}
		return PFG_SLICE;
	}
	if (pf__is_qualified(f, t, "sync", "Map"))
		return PFG_SYNCMAP;
	if (sym == s->pointer_type) {
		GNode in = gn_named_child(t, 0);

		if (!gn_is_null(in) && pf__is_qualified(f, in, "sync", "Map"))
			return PFG_SYNCMAP;
		if (!gn_is_null(in) &&
		    gn_symbol(in) == s->type_identifier) {
			d = pf__type_decl(b, f, in);
			if (d && gn_symbol(go_field(d->node, f_type)) ==
					 s->struct_type) {
				g->stype = go_text_dup(f, in);
				return PFG_STRUCT;
			}
		}
		return PFG_NONE;
	}
	if (sym == s->type_identifier) {
		enum pf_gkind k;

		d = pf__type_decl(b, f, t);
		if (!d || (gn_symbol(d->node) != s->type_spec &&
			   gn_symbol(d->node) != s->type_alias))
			return PFG_NONE;
		if (gn_symbol(d->node) == s->type_spec &&
		    gn_symbol(go_field(d->node, f_type)) == s->struct_type) {
			g->stype = go_text_dup(f, t);
			return PFG_STRUCT;
		}
		k = pf__type_kind(b, d->file, go_field(d->node, f_type), g,
				  depth + 1);
		/* an alias (type T = map[K]V) is the map type itself; a
		 * defined type may have methods */
		if ((k == PFG_MAP || k == PFG_SLICE) &&
		    gn_symbol(d->node) == s->type_spec) {
			g->named = true;
			g->ntype = d->name;
		}
		return k == PFG_STRUCT ? PFG_NONE : k;
	}
	return PFG_NONE;
}

/* The single result type of a package-level function, or a null node. */
static GNode pf__func_result(struct pf_build *b, const struct gofile *f,
			      GNode id, const struct gofile **rf)
{
	size_t len;
	const char *s = go_text(f, id, &len);
	char tmp[128];
	const struct godecl *d;
	GNode r;

	if (len == 0 || len >= sizeof(tmp))
		return (GNode){ 0 };
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	d = gopkg_lookup(b->pkg, tmp);
	if (!d || d->kind != GODECL_FUNC)
		return (GNode){ 0 };
	r = go_field(d->node, f_result);
	if (!gn_is_null(r) && gn_symbol(r) == GS->parameter_list) {
		/* (T) or (T, error): the first result */
		GNode pd = gn_named_child(r, 0);

		r = gn_is_null(pd) ? pd : go_field(pd, f_type);
	}
	*rf = d->file;
	return r;
}

/* Classifies an initializer expression. */
static enum pf_gkind pf__value_kind(struct pf_build *b, const struct gofile *f,
				    GNode v, struct pf_gvar *g)
{
	const struct go_syms *s = GS;
	TSSymbol sym;

	v = go_unparen(v);
	if (gn_is_null(v))
		return PFG_NONE;
	sym = gn_symbol(v);
	if (sym == s->composite_literal)
		return pf__type_kind(b, f, go_field(v, f_type), g, 0);
	if (sym == s->unary_expression &&
	    go_text_is(f, go_field(v, f_operator), "&")) {
		GNode op = go_unparen(go_field(v, f_operand));

		if (!gn_is_null(op) && gn_symbol(op) == s->composite_literal) {
			enum pf_gkind k = pf__type_kind(b, f, go_field(op, f_type),
							g, 0);

			return k == PFG_STRUCT || k == PFG_SYNCMAP ? k : PFG_NONE;
		}
		return PFG_NONE;
	}
	if (sym == s->call_expression) {
		GNode fn = go_unparen(go_field(v, f_function));
		GNode a0 = syn_arg(v, 0);

		if (gn_is_null(fn) || gn_symbol(fn) != s->identifier)
			return PFG_NONE;
		if (go_text_is(f, fn, "make"))
			return pf__type_kind(b, f, a0, g, 0);
		if (go_text_is(f, fn, "new")) {
			enum pf_gkind k = pf__type_kind(b, f, a0, g, 0);

			return k == PFG_STRUCT || k == PFG_SYNCMAP ? k : PFG_NONE;
		} else {
			const struct gofile *rf = NULL;
			GNode r = pf__func_result(b, f, fn, &rf);
			enum pf_gkind k;

			if (gn_is_null(r))
				return PFG_NONE;
			k = pf__type_kind(b, rf, r, g, 0);
			/* a constructor returning a map may hand out a shared
			 * one: only structs are followed */
			return k == PFG_STRUCT ? k : PFG_NONE;
		}
	}
	return PFG_NONE;
}

static struct pf_tb *pf__target(struct pf_build *b, const char *name,
				const char *var, const char *field,
				enum pf_kind kind, struct gofile *f, GNode decl)
{
	struct pf_tb *t = xcalloc(1, sizeof(*t));

	t->t.name = name;
	t->t.var = var;
	t->t.field = field;
	t->t.kind = kind;
	t->t.file = f;
	t->t.decl = decl;
	VEC_PUSH(&b->tbs, t);
	map_puts(&b->targets, name, t);
	return t;
}

static enum pf_kind pf__tkind(enum pf_gkind k)
{
	return k == PFG_MAP ? PF_MAP : k == PFG_SLICE ? PF_SLICE : PF_SYNCMAP;
}

/* True when the package declares a method on type tname. */
static bool pf__has_methods(const struct gopkg *pkg, const char *tname)
{
	for (size_t i = 0; i < pkg->funcs.len; i++) {
		const struct godecl *d = pkg->funcs.items[i];

		if (d->kind == GODECL_METHOD && d->recv &&
		    strcmp(d->recv, tname) == 0)
			return true;
	}
	return false;
}

/* Fields of struct type T of global g become targets "g.f". */
static void pf__struct_fields(struct pf_build *b, struct pf_gvar *g)
{
	const struct go_syms *s = GS;
	const struct godecl *d = g->stype ? gopkg_lookup(b->pkg, g->stype) : NULL;
	const struct gofile *df;
	GNode st, list;
	uint32_t n;

	if (g->stype && (!d || d->kind != GODECL_TYPE))
		return;
	st = g->stype ? go_field(d->node, f_type) : g->anon;
	df = g->stype ? d->file : g->anon_file;
	if (gn_is_null(st) || gn_symbol(st) != s->struct_type)
		return;
	list = gn_named_child(st, 0);
	if (gn_is_null(list))
		return;
	n = gn_named_child_count(list);
	for (uint32_t i = 0; i < n; i++) {
		GNode fd = gn_named_child(list, i);
		GNode ft = go_field(fd, f_type);
		struct pf_gvar tmp = { 0 };
		enum pf_gkind k;
		uint32_t m;

		if (gn_symbol(fd) != s->field_declaration ||
		    gn_is_null(ft))
			continue;
		k = pf__type_kind(b, (struct gofile *)df, ft, &tmp, 0);
		if (k != PFG_MAP && k != PFG_SLICE && k != PFG_SYNCMAP)
			continue;
		m = gn_named_child_count(fd);
		for (uint32_t j = 0; j < m; j++) {
			GNode nm = gn_named_child(fd, j);
			const char *field, *name;
			struct pf_tb *t;

			if (gn_symbol(nm) != s->field_identifier)
				continue;
			field = go_text_dup(df, nm);
			name = arena_printf(b->A, "%s.%s", g->name, field);
			t = pf__target(b, name, g->name, field, pf__tkind(k),
				       g->file, g->spec);
			t->t.type = g->stype;
			t->t.key_bounded = tmp.key_bounded;
			/* the methods of a named map type may shrink it */
			t->t.escapes = tmp.ntype &&
				       pf__has_methods(b->pkg, tmp.ntype);
		}
	}
}

static void pf__collect_spec(struct pf_build *b, struct gofile *f, GNode spec)
{
	GNode type = go_field(spec, f_type);
	GNode vals = go_field(spec, f_value);
	GCursor c = gc_new(spec);
	uint32_t idx = 0;

	if (!gc_goto_first_child(&c)) {
		gc_delete(&c);
		return;
	}
	do {
		GNode nm;
		struct pf_gvar *g;

		if (gc_current_field_id(&c) != GS->f_name)
			continue;
		nm = gc_current_node(&c);
		g = arena_alloc(b->A, sizeof(*g));
		g->name = go_text_dup(f, nm);
		g->file = f;
		g->spec = spec;
		if (!gn_is_null(type)) {
			g->kind = pf__type_kind(b, f, type, g, 0);
		} else if (!gn_is_null(vals)) {
			GNode v = gn_symbol(vals) == GS->expression_list
					   ? gn_named_child(vals, idx)
					   : vals;

			g->kind = pf__value_kind(b, f, v, g);
		} else {
			g->kind = PFG_NONE;
		}
		idx++;
		if (strcmp(g->name, "_") == 0 || g->kind == PFG_NONE)
			continue;
		if (map_gets(&b->globals, g->name))
			continue; /* first seen wins, like the index */
		map_puts(&b->globals, g->name, g);
		VEC_PUSH(&b->gvars, g);
		if (g->kind == PFG_STRUCT) {
			if (g->stype) {
				struct map_entry *e = map_slot(&b->inst, g->stype,
							       strlen(g->stype));

				/* a second package-level instance: not a
				 * singleton */
				e->value = (void *)((uintptr_t)e->value + 1);
			}
			pf__struct_fields(b, g);
		} else {
			g->tgt = pf__target(b, g->name, g->name, NULL,
					    pf__tkind(g->kind), f, spec);
			g->tgt->t.key_bounded = g->key_bounded;
			g->tgt->ntype = g->ntype;
			/* a named type declared elsewhere may have methods */
			g->tgt->t.escapes = g->named && !g->ntype;
			if (g->ntype) {
				struct map_entry *e = map_slot(&b->inst, g->ntype,
							       strlen(g->ntype));

				e->value = (void *)((uintptr_t)e->value + 1);
				if (!map_gets(&b->ntypes, g->ntype))
					map_puts(&b->ntypes, g->ntype, g->tgt);
			}
		}
	} while (gc_goto_next_sibling(&c));
	gc_delete(&c);
}

static void pf__collect_decl(struct pf_build *b, struct gofile *f, GNode decl)
{
	uint32_t n = gn_named_child_count(decl);

	for (uint32_t i = 0; i < n; i++) {
		GNode c = gn_named_child(decl, i);

		if (gn_symbol(c) == GS->var_spec_list)
			pf__collect_decl(b, f, c);
		else if (gn_symbol(c) == GS->var_spec)
			pf__collect_spec(b, f, c);
	}
}

/* ---------------------------------------------------------------- scope */

static void pf__push(struct pf_build *b, GNode id, int kind, const char *type)
{
	struct pf_scope s;

	s.name = go_text(b->file, id, &s.len);
	if (kind == PFS_SHADOW && !map_get(&b->globals, s.name, s.len))
		return;
	s.kind = kind;
	s.type = type;
	VEC_PUSH(&b->scope, s);
}

/* Pushes every identifier directly in an expression list (or the node). */
static void pf__push_names(struct pf_build *b, GNode list)
{
	uint32_t n;

	if (gn_is_null(list))
		return;
	if (gn_symbol(list) == GS->identifier) {
		pf__push(b, list, PFS_SHADOW, NULL);
		return;
	}
	n = gn_named_child_count(list);
	for (uint32_t i = 0; i < n; i++) {
		GNode c = gn_named_child(list, i);

		if (gn_symbol(c) == GS->identifier)
			pf__push(b, c, PFS_SHADOW, NULL);
	}
}

/* Names declared by a parameter list. */
static void pf__push_params(struct pf_build *b, GNode plist, int kind,
			    const char *type)
{
	uint32_t n;

	if (gn_is_null(plist) || gn_symbol(plist) != GS->parameter_list)
		return;
	n = gn_named_child_count(plist);
	for (uint32_t i = 0; i < n; i++) {
		GNode pd = gn_named_child(plist, i);
		GCursor c;

		if (gn_symbol(pd) != GS->parameter_declaration &&
		    gn_symbol(pd) != GS->variadic_parameter_declaration)
			continue;
		c = gc_new(pd);
		if (gc_goto_first_child(&c)) {
			do {
				if (gc_current_field_id(&c) ==
				    GS->f_name)
					pf__push(b, gc_current_node(&c),
						 kind, type);
			} while (gc_goto_next_sibling(&c));
		}
		gc_delete(&c);
	}
}

/* The innermost binding of name, or NULL (package level). */
static const struct pf_scope *pf__lookup(struct pf_build *b, const char *s,
					 size_t len)
{
	for (size_t i = b->scope.len; i-- > 0;) {
		struct pf_scope *e = &b->scope.items[i];

		if (e->len == len && memcmp(e->name, s, len) == 0)
			return e;
	}
	return NULL;
}

static struct pf_gvar *pf__global(struct pf_build *b, GNode id)
{
	size_t len;
	const char *s;

	if (gn_is_null(id) || gn_symbol(id) != GS->identifier)
		return NULL;
	s = go_text(b->file, id, &len);
	if (pf__lookup(b, s, len))
		return NULL;
	return map_get(&b->globals, s, len);
}

/* ---------------------------------------------------------------- resolve */

struct pf_res {
	struct pf_tb *tgt;	  /* plain or field target */
	const char *recv_type;	  /* receiver field: type and field */
	const char *field;
	struct pf_gvar *whole;	  /* a struct global itself */
};

static struct pf_res pf__resolve(struct pf_build *b, GNode e)
{
	struct pf_res r = { 0 };
	const struct go_syms *s = GS;

	e = go_unparen(e);
	if (gn_is_null(e))
		return r;
	if (gn_symbol(e) == s->unary_expression &&
	    go_text_is(b->file, go_field(e, f_operator), "*")) {
		/* *recv of a named slice type: the global itself */
		GNode x = go_unparen(go_field(e, f_operand));

		r = pf__resolve(b, x);
		if (r.recv_type && r.field && !r.field[0])
			r.field = "*";
		else
			memset(&r, 0, sizeof(r));
		return r;
	}
	if (gn_symbol(e) == s->identifier) {
		struct pf_gvar *g;
		size_t len;
		const char *nm = go_text(b->file, e, &len);
		const struct pf_scope *sc = pf__lookup(b, nm, len);

		if (sc && sc->kind == PFS_RECV && sc->type &&
		    map_gets(&b->ntypes, sc->type)) {
			/* the receiver of a method of a named map or slice
			 * type: its package-level instance when it has only
			 * one (resolved with the singletons) */
			r.recv_type = sc->type;
			r.field = "";
			return r;
		}
		g = pf__global(b, e);

		if (g && g->tgt)
			r.tgt = g->tgt;
		else if (g && g->kind == PFG_STRUCT)
			r.whole = g;
		return r;
	}
	if (gn_symbol(e) == s->selector_expression) {
		GNode x = go_unparen(go_field(e, f_operand));
		GNode fld = go_field(e, f_field);
		size_t len;
		const char *nm;
		const struct pf_scope *sc;
		struct pf_gvar *g;

		if (gn_is_null(x) || gn_is_null(fld))
			return r;
		if (gn_symbol(x) == s->unary_expression &&
		    go_text_is(b->file, go_field(x, f_operator), "*"))
			x = go_unparen(go_field(x, f_operand));
		if (gn_symbol(x) != s->identifier)
			return r;
		nm = go_text(b->file, x, &len);
		sc = pf__lookup(b, nm, len);
		if (sc && sc->kind == PFS_RECV) {
			r.recv_type = sc->type;
			r.field = go_text_dup(b->file, fld);
			return r;
		}
		if (sc)
			return r;
		g = map_get(&b->globals, nm, len);
		if (g && g->kind == PFG_STRUCT) {
			char *key = arena_printf(b->A, "%s.%.*s", g->name,
						 (int)(gn_end_byte(fld) -
						       gn_start_byte(fld)),
						 b->file->src +
							 gn_start_byte(fld));

			r.tgt = map_gets(&b->targets, key);
		}
	}
	return r;
}

/* ---------------------------------------------------------------- record */

static struct pf_access pf__access(struct pf_build *b, GNode n)
{
	struct pf_access a = { 0 };

	a.file = b->file;
	a.node = n;
	a.ctx = b->ctx;
	a.func = b->func;
	a.top = b->top;
	a.lit = b->lit;
	a.loop = b->loop > 0;
	a.anyloop = b->anyloop > 0;
	return a;
}

static void pf__write(struct pf_build *b, struct pf_res *r, GNode n,
		      bool bounded, bool index)
{
	struct pf_access a = pf__access(b, n);

	a.bounded = bounded;
	if (r->tgt) {
		VEC_PUSH(&r->tgt->w, a);
	} else if (r->recv_type) {
		struct pf_pending p = { r->recv_type, r->field, a, false,
					false, index };

		VEC_PUSH(&b->pending, p);
	}
}

static void pf__shrink(struct pf_build *b, struct pf_res *r, GNode n)
{
	struct pf_access a = pf__access(b, n);

	if (r->tgt)
		VEC_PUSH(&r->tgt->s, a);
	if (r->recv_type && r->field && (!r->field[0] || r->field[0] == '*')) {
		struct pf_pending p = { r->recv_type, r->field, a, false, true,
					false };

		VEC_PUSH(&b->pending, p);
	}
	if (r->whole) {
		/* the struct global replaced: every field starts over */
		for (size_t i = 0; i < b->tbs.len; i++) {
			struct pf_tb *t = b->tbs.items[i];

			if (t->t.field && strcmp(t->t.var, r->whole->name) == 0)
				VEC_PUSH(&t->s, a);
		}
	}
}

static void pf__escape(struct pf_build *b, struct pf_res *r, GNode n)
{
	if (r->tgt) {
		r->tgt->t.escapes = true;
	} else if (r->recv_type) {
		struct pf_pending p = { r->recv_type, r->field,
					pf__access(b, n), true, false, false };

		VEC_PUSH(&b->pending, p);
	}
}

/* Any `x.f` shrunk: a shrink of every field target named f. */
static void pf__field_shrink(struct pf_build *b, GNode sel, GNode n)
{
	GNode fld;
	struct pf_fieldshrink fs;

	sel = go_unparen(sel);
	while (!gn_is_null(sel) &&
	       gn_symbol(sel) == GS->index_expression)
		sel = go_unparen(go_field(sel, f_operand));
	if (gn_is_null(sel) ||
	    gn_symbol(sel) != GS->selector_expression)
		return;
	fld = go_field(sel, f_field);
	fs.field = go_text_dup(b->file, fld);
	fs.a = pf__access(b, n);
	VEC_PUSH(&b->fshrinks, fs);
}

/* ---------------------------------------------------------------- bounds */

static bool pf__const_key(struct pf_build *b, GNode k)
{
	const struct go_syms *s = GS;
	TSSymbol sym;

	k = go_unparen(k);
	if (gn_is_null(k))
		return false;
	sym = gn_symbol(k);
	if (sym == s->int_literal || sym == s->interpreted_string_literal ||
	    sym == s->raw_string_literal || sym == s->rune_literal ||
	    sym == s->float_literal || sym == s->true_ || sym == s->false_)
		return true;
	if (sym == s->identifier) {
		size_t len;
		const char *t = go_text(b->file, k, &len);
		char tmp[128];
		const struct godecl *d;

		if (len >= sizeof(tmp))
			return false;
		memcpy(tmp, t, len);
		tmp[len] = '\0';
		d = gopkg_lookup(b->pkg, tmp);
		return d && d->kind == GODECL_CONST;
	}
	return false;
}

/* A reflect.Type value: memo caches keyed by type are bounded by the
 * program's types. */
static bool pf__type_expr(struct pf_build *b, GNode k)
{
	GNode m;

	k = go_unparen(k);
	if (syn_call_pkg(b->file, k, "reflect", "TypeOf"))
		return true;
	m = syn_call_method(k, NULL);
	return !gn_is_null(m) && syn_nargs(k) == 0 &&
	       (go_text_is(b->file, m, "Type") || go_text_is(b->file, m, "Elem"));
}

static bool pf__type_param(struct pf_build *b, GNode plist, GNode k)
{
	uint32_t n = gn_is_null(plist) ? 0 : gn_named_child_count(plist);
	size_t klen;
	const char *kt = go_text(b->file, k, &klen);

	for (uint32_t i = 0; i < n; i++) {
		GNode pd = gn_named_child(plist, i);
		GNode t = go_field(pd, f_type);
		uint32_t m = gn_named_child_count(pd);

		if (gn_is_null(t) || !pf__typeish(b->file, t))
			continue;
		for (uint32_t j = 0; j < m; j++) {
			GNode c = gn_named_child(pd, j);
			size_t len;
			const char *s = go_text(b->file, c, &len);

			if (gn_symbol(c) == GS->identifier && len == klen &&
			    memcmp(s, kt, len) == 0)
				return true;
		}
	}
	return false;
}

struct pf__typedef {
	struct pf_build *b;
	const char *name;
	size_t len;
	bool found;
};

static bool pf__typedef_enter(void *ctx, GNode n, unsigned depth)
{
	struct pf__typedef *t = ctx;
	GNode l, r, id;
	size_t len;
	const char *s;

	LH_UNUSED(depth);
	if (t->found)
		return false;
	if (gn_symbol(n) != GS->short_var_declaration)
		return gn_symbol(n) != GS->func_literal;
	l = go_field(n, f_left);
	r = go_field(n, f_right);
	if (gn_named_child_count(l) != 1 ||
	    gn_named_child_count(r) != 1)
		return false;
	id = gn_named_child(l, 0);
	s = go_text(t->b->file, id, &len);
	if (len == t->len && memcmp(s, t->name, len) == 0 &&
	    pf__type_expr(t->b, gn_named_child(r, 0)))
		t->found = true;
	return false;
}

static bool pf__type_key(struct pf_build *b, GNode k, GNode at)
{
	const TSSymbol kinds[] = { GS->short_var_declaration, GS->func_literal,
				   0 };

	k = go_unparen(k);
	if (gn_is_null(k))
		return false;
	if (pf__type_expr(b, k))
		return true;
	if (gn_symbol(k) != GS->identifier)
		return false;
	for (GNode fn = pf__enclosing_func(b, at); !gn_is_null(fn);
	     fn = pf__enclosing_func(b, fn)) {
		struct pf__typedef t = { b, NULL, 0, false };
		struct syn_walker w = { pf__typedef_enter, NULL, &t };

		if (pf__type_param(b, go_field(fn, f_parameters), k))
			return true;
		t.name = go_text(b->file, k, &t.len);
		walk_fn_body(b->file, fn, kinds, SYN_MAX_DEPTH, &w);
		if (t.found)
			return true;
	}
	return false;
}

/* Key k is the tag of an enclosing switch, in a case that lists values. */
static bool pf__switch_key(struct pf_build *b, GNode k, GNode at)
{
	const struct go_syms *s = GS;
	size_t klen;
	const char *kt;

	k = go_unparen(k);
	if (gn_is_null(k) || gn_symbol(k) != s->identifier)
		return false;
	kt = go_text(b->file, k, &klen);
	for (GNode p = gn_parent(at); !gn_is_null(p);
	     p = gn_parent(p)) {
		if (syn_is_func(p))
			return false;
		if (gn_symbol(p) == s->expression_case) {
			GNode sw = gn_parent(p);
			GNode v = go_unparen(go_field(sw, f_value));
			size_t vlen;
			const char *vt;
			bool all_const = true;
			GNode vals = go_field(p, f_value);

			if (gn_is_null(v))
				continue;
			vt = go_text(b->file, v, &vlen);
			if (vlen != klen || memcmp(vt, kt, klen) != 0)
				continue;
			for (uint32_t i = 0;
			     i < gn_named_child_count(vals); i++) {
				if (!pf__const_key(b,
						   gn_named_child(vals, i)))
					all_const = false;
			}
			if (all_const)
				return true;
		}
	}
	return false;
}

struct pf__lenscan {
	struct pf_build *b;
	const char *text;
	size_t len;
	bool found;
	struct {
		const char *name;
		size_t len;
	} derived[8];
	size_t nderived;
};

static bool pf__lenscan_enter(void *ctx, GNode n, unsigned depth)
{
	struct pf__lenscan *ls = ctx;
	const struct go_syms *s = GS;
	GNode sides[2];

	LH_UNUSED(depth);
	if (ls->found)
		return false;
	if (gn_symbol(n) != s->binary_expression)
		return true;
	{
		GNode op = go_field(n, f_operator);
		static const char *const rel[] = { "<", "<=", ">", ">=", "==",
						   "!=" };
		bool isrel = false;

		for (size_t i = 0; i < ARRAY_SIZE(rel); i++) {
			if (go_text_is(ls->b->file, op, rel[i]))
				isrel = true;
		}
		if (!isrel)
			return true;
	}
	sides[0] = go_unparen(go_field(n, f_left));
	sides[1] = go_unparen(go_field(n, f_right));
	for (int i = 0; i < 2; i++) {
		GNode c = sides[i], other = sides[1 - i], a;
		size_t len;
		const char *t;

		if (!syn_call_ident(ls->b->file, c, "len") || syn_nargs(c) != 1)
			continue;
		if (!gn_is_null(other) &&
		    gn_symbol(other) == s->int_literal &&
		    (go_text_is(ls->b->file, other, "0") ||
		     go_text_is(ls->b->file, other, "1")))
			continue; /* emptiness test, not a bound */
		a = go_unparen(syn_arg(c, 0));
		t = go_text(ls->b->file, a, &len);
		if (len == ls->len && memcmp(t, ls->text, len) == 0)
			ls->found = true;
		/* cbs.index bounded through len(cbs.slots): the struct keeps
		 * a capacity for its collections */
		{
			const char *dot = memchr(ls->text, '.', ls->len);
			size_t pre = dot ? (size_t)(dot - ls->text) + 1 : 0;

			if (pre && len > pre && memcmp(t, ls->text, pre) == 0)
				ls->found = true;
		}
	}
	/* n := len(m) + 1; if n > max {...}: a bound through a local */
	for (int i = 0; i < 2 && ls->nderived; i++) {
		size_t len;
		const char *t;

		if (gn_symbol(sides[i]) != s->identifier)
			continue;
		t = go_text(ls->b->file, sides[i], &len);
		for (size_t k = 0; k < ls->nderived; k++) {
			if (ls->derived[k].len == len &&
			    memcmp(ls->derived[k].name, t, len) == 0)
				ls->found = true;
		}
	}
	return true;
}

/* Locals assigned from an expression mentioning len(coll). */
static bool pf__derived_enter(void *ctx, GNode n, unsigned depth)
{
	struct pf__lenscan *ls = ctx;
	TSSymbol s = gn_symbol(n);
	GNode l, r, id;
	size_t len;
	const char *t;
	char pat[140];

	LH_UNUSED(depth);
	if (s != GS->short_var_declaration && s != GS->assignment_statement)
		return true;
	l = go_field(n, f_left);
	r = go_field(n, f_right);
	if (gn_named_child_count(l) != 1 || gn_is_null(r) ||
	    ls->nderived >= ARRAY_SIZE(ls->derived) || ls->len + 6 > 128)
		return true;
	id = gn_named_child(l, 0);
	if (gn_symbol(id) != GS->identifier)
		return true;
	snprintf(pat, sizeof(pat), "len(%.*s)", (int)ls->len, ls->text);
	t = go_text(ls->b->file, r, &len);
	if (memmem(t, len, pat, strlen(pat))) {
		ls->derived[ls->nderived].name = go_text(ls->b->file, id,
						 &ls->derived[ls->nderived].len);
		ls->nderived++;
	}
	return true;
}

/* A size check of the collection written as `coll` in the function. */
static bool pf__size_checked(struct pf_build *b, GNode coll, GNode at)
{
	struct pf__lenscan ls = { 0 };
	struct syn_walker w = { pf__lenscan_enter, NULL, &ls };
	struct syn_walker dw = { pf__derived_enter, NULL, &ls };
	GNode fn = pf__enclosing_func(b, at);
	const TSSymbol kinds[] = { GS->binary_expression, 0 };
	const TSSymbol dkinds[] = { GS->short_var_declaration,
				    GS->assignment_statement, 0 };

	if (gn_is_null(fn))
		return false;
	ls.b = b;
	ls.text = go_text(b->file, go_unparen(coll), &ls.len);
	walk_fn_body(b->file, fn, dkinds, SYN_MAX_DEPTH, &dw);
	walk_fn_body(b->file, fn, kinds, SYN_MAX_DEPTH, &w);
	return ls.found;
}

/* ---------------------------------------------------------------- events */

/* m[k] = v, m[a][b] = v, m[k]++ : a write to m's root. */
static void pf__index_write(struct pf_build *b, GNode lhs, GNode stmt)
{
	GNode root = go_unparen(lhs), coll = root;
	bool bounded = true;
	struct pf_res r;
	go_node_vec keys = VEC_INIT;

	while (gn_symbol(root) == GS->index_expression) {
		VEC_PUSH(&keys, go_field(root, f_index));
		coll = root = go_unparen(go_field(root, f_operand));
		if (gn_is_null(root)) {
			VEC_FREE(&keys);
			return;
		}
	}
	r = pf__resolve(b, root);
	if ((r.tgt && r.tgt->t.kind == PF_SLICE &&
	     gn_symbol(go_unparen(go_field(go_unparen(lhs), f_operand))) !=
		     GS->index_expression) || /* s[i] = v: no growth */
	    (!r.tgt && !r.recv_type)) {
		VEC_FREE(&keys);
		return;
	}
	/* the key tests may walk the function: only for a write that
	 * counts, after resolving (nothing they read changes meanwhile) */
	for (size_t i = 0; i < keys.len && bounded; i++) {
		GNode k = keys.items[i];

		if (!pf__const_key(b, k) && !pf__switch_key(b, k, stmt) &&
		    !pf__type_key(b, k, stmt))
			bounded = false;
	}
	VEC_FREE(&keys);
	if (!bounded)
		bounded = pf__size_checked(b, coll, stmt);
	pf__write(b, &r, stmt, bounded, true);
}

/* `if x == nil { x = ... }`: lazy initialization, not a reset. */
static bool pf__lazy_init(struct pf_build *b, GNode lhs, GNode stmt)
{
	GNode blk = gn_parent(stmt), ifs, cond, l, r;
	size_t a, c;
	const char *ta, *tc;

	if (gn_is_null(blk) || gn_symbol(blk) != GS->block)
		return false;
	ifs = gn_parent(blk);
	if (gn_is_null(ifs) || gn_symbol(ifs) != GS->if_statement)
		return false;
	cond = go_unparen(go_field(ifs, f_condition));
	if (gn_is_null(cond) ||
	    gn_symbol(cond) != GS->binary_expression ||
	    !go_text_is(b->file, go_field(cond, f_operator), "=="))
		return false;
	l = go_unparen(go_field(cond, f_left));
	r = go_unparen(go_field(cond, f_right));
	if (gn_symbol(r) != GS->nil)
		return false;
	ta = go_text(b->file, l, &a);
	tc = go_text(b->file, go_unparen(lhs), &c);
	return a == c && memcmp(ta, tc, a) == 0;
}

static void pf__assign(struct pf_build *b, GNode n)
{
	GNode left = go_field(n, f_left), right = go_field(n, f_right);
	GNode op = go_field(n, f_operator);
	bool plain = gn_is_null(op) || go_text_is(b->file, op, "=");
	uint32_t nl, nr;

	if (gn_is_null(left))
		return;
	nl = gn_named_child_count(left);
	nr = gn_is_null(right) ? 0 : gn_named_child_count(right);
	for (uint32_t i = 0; i < nl; i++) {
		GNode e = go_unparen(gn_named_child(left, i));
		GNode rhs = nl == nr ? go_unparen(gn_named_child(right, i))
				      : (GNode){ 0 };
		struct pf_res r;
		bool self_append = false, reslice = false;

		if (gn_symbol(e) == GS->index_expression) {
			pf__index_write(b, e, n);
			continue;
		}
		if (!plain)
			continue;
		if (!gn_is_null(rhs) &&
		    syn_call_ident(b->file, rhs, "append") && syn_nargs(rhs) >= 1) {
			GNode a0 = go_unparen(syn_arg(rhs, 0));
			size_t l1, l2;
			const char *t1 = go_text(b->file, e, &l1);
			const char *t2;

			if (gn_symbol(a0) == GS->slice_expression) {
				a0 = go_unparen(go_field(a0, f_operand));
				reslice = true;
			}
			t2 = go_text(b->file, a0, &l2);
			if (l1 == l2 && memcmp(t1, t2, l1) == 0)
				self_append = !reslice;
		}
		r = pf__resolve(b, e);
		if (self_append) {
			if (r.tgt || r.recv_type)
				pf__write(b, &r, n, false, false);
			continue;
		}
		if (pf__lazy_init(b, e, n))
			continue;
		pf__shrink(b, &r, n);
		pf__field_shrink(b, e, n);
	}
}

/* A sync.Map used as the cache its documentation describes ("entries
 * only ever written once but read many times, as in caches that only
 * grow"): LoadOrStore, or Store after a Load in the same function. */
static bool pf__memo(struct pf_build *b, GNode recv, GNode m, GNode call)
{
	GNode fn = pf__enclosing_func(b, call);
	char pat[96];
	size_t rlen, flen;
	const char *r = go_text(b->file, recv, &rlen);
	const char *t;

	if (go_text_is(b->file, m, "LoadOrStore"))
		return true;
	if (gn_is_null(fn) || rlen + 8 >= sizeof(pat))
		return false;
	memcpy(pat, r, rlen);
	memcpy(pat + rlen, ".Load(", 7);
	t = go_text(b->file, fn, &flen);
	return memmem(t, flen, pat, rlen + 6) != NULL;
}

static bool pf__shrink_name(const char *s, size_t len)
{
	static const char *const words[] = { "Delete", "Clear", "Remove",
					     "Reset", "Truncate", "Compact",
					     "Evict", "Purge", "Prune" };

	for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
		size_t w = strlen(words[i]);

		for (size_t k = 0; k + w <= len; k++) {
			if (memcmp(s + k, words[i], w) == 0)
				return true;
		}
	}
	return false;
}

/* call (of the function named fn[0..fnlen) when an identifier, else fn
 * is NULL) */
static void pf__call(struct pf_build *b, GNode call, const char *fn,
		     size_t fnlen)
{
	GNode recv = { 0 }, m;
	struct pf_res r;

	if (fn && (str_eqn(fn, fnlen, "delete") ||
		   str_eqn(fn, fnlen, "clear")) &&
	    syn_nargs(call) >= 1) {
		GNode a0 = go_unparen(syn_arg(call, 0));

		while (gn_symbol(a0) == GS->index_expression)
			a0 = go_unparen(go_field(a0, f_operand));
		r = pf__resolve(b, a0);
		pf__shrink(b, &r, call);
		pf__field_shrink(b, a0, call);
		return;
	}
	m = syn_call_method(call, &recv);
	if (gn_is_null(m))
		return;
	r = pf__resolve(b, recv);
	if (!r.tgt && !r.recv_type) {
		/* x.f.Delete(k) on any x: a shrink of fields named f */
		size_t len;
		const char *s = go_text(b->file, m, &len);

		if (pf__shrink_name(s, len) || str_eqn(s, len, "LoadAndDelete"))
			pf__field_shrink(b, recv, call);
		return;
	}
	if (r.tgt && r.tgt->t.kind != PF_SYNCMAP)
		return;
	if (go_text_is(b->file, m, "Store") ||
	    go_text_is(b->file, m, "LoadOrStore") ||
	    go_text_is(b->file, m, "Swap")) {
		GNode k = syn_arg(call, 0);
		bool bounded = pf__const_key(b, k) || pf__type_key(b, k, call) ||
			       pf__memo(b, recv, m, call);

		if (!bounded)
			bounded = pf__size_checked(b, recv, call);
		pf__write(b, &r, call, bounded, false);
	} else {
		size_t len;
		const char *s = go_text(b->file, m, &len);

		if (pf__shrink_name(s, len))
			pf__shrink(b, &r, call);
	}
}

/* A use of a target in any other position: fine or an escape. */
static void pf__use(struct pf_build *b, GNode e, struct pf_res *r)
{
	const struct go_syms *s = GS;
	GNode p = gn_parent(e), fn;
	TSSymbol ps;

	while (!gn_is_null(p) && gn_symbol(p) == s->parenthesized_expression) {
		e = p;
		p = gn_parent(p);
	}
	if (gn_is_null(p))
		return;
	ps = gn_symbol(p);
	if (ps == s->index_expression || ps == s->slice_expression ||
	    ps == s->binary_expression || ps == s->range_clause ||
	    ps == s->inc_statement || ps == s->dec_statement)
		return;
	if (ps == s->selector_expression) {
		/* e.m(): for maps and slices only named types have
		 * methods, which may shrink */
		if (r->tgt && r->tgt->ntype)
			r->tgt->mcall = true; /* see the singletons */
		else if (r->tgt && r->tgt->t.kind != PF_SYNCMAP)
			pf__escape(b, r, e);
		return;
	}
	if (ps == s->unary_expression) {
		if (go_text_is(b->file, go_field(p, f_operator), "&"))
			pf__escape(b, r, e);
		return;
	}
	if (ps == s->expression_list) {
		GNode gp = gn_parent(p);

		if (!gn_is_null(gp) &&
		    gn_symbol(gp) == s->assignment_statement &&
		    gn_start_byte(p) == gn_start_byte(go_field(gp, f_left)))
			return; /* assigned to: handled by pf__assign */
		pf__escape(b, r, e);
		return;
	}
	if (ps == s->argument_list) {
		GNode call = gn_parent(p);
		static const char *const builtins[] = {
			"len", "cap", "delete", "clear", "append", "copy",
			"print", "println", "min", "max",
		};
		const char *path, *nm;
		size_t len;

		fn = go_unparen(go_field(call, f_function));
		for (size_t i = 0; i < ARRAY_SIZE(builtins); i++) {
			if (syn_call_ident(b->file, call, builtins[i]))
				return;
		}
		if (go_selector_import(b->file, fn, &path, &nm, &len)) {
			if (pf__shrink_name(nm, len))
				pf__shrink(b, r, call);
			return;
		}
		pf__escape(b, r, e);
		return;
	}
	pf__escape(b, r, e);
}

/* ---------------------------------------------------------------- walk */

/* f passed to x.Do(f) (sync.Once): runs once. */
static bool pf__once_arg(struct pf_build *b, GNode n)
{
	GNode args = gn_parent(n), call, m;

	if (gn_is_null(args) || gn_symbol(args) != GS->argument_list ||
	    gn_named_child_count(args) != 1)
		return false;
	call = gn_parent(args);
	m = syn_call_method(call, NULL);
	return !gn_is_null(m) && go_text_is(b->file, m, "Do");
}

/* The parent of n around any parentheses. */
static GNode pf__parent_unparen(struct pf_build *b, GNode n)
{
	GNode p = gn_parent(n);

	while (!gn_is_null(p) &&
	       gn_symbol(p) == GS->parenthesized_expression)
		p = gn_parent(p);
	return p;
}

static bool pf__immediate_call(struct pf_build *b, GNode lit)
{
	GNode p = pf__parent_unparen(b, lit);

	if (gn_is_null(p) || gn_symbol(p) != GS->call_expression)
		return false;
	p = gn_parent(p);
	return gn_is_null(p) || gn_symbol(p) != GS->go_statement;
}

/* APIs that call the function handed to them once per request or event,
 * for as long as the program serves: net/http and the routers modelled on
 * it, schedulers, subscriptions. */
static const char *const pf_serving[] = {
	"Handle", "HandleFunc", "HandlerFunc", "GET", "POST", "PUT", "DELETE",
	"PATCH", "Subscribe", "Every", "AddFunc", "Schedule",
};

/* The import path is not the standard library's: a dependency or a
 * package of the module (frameworks that call back per event). */
static bool pf__nonstd(const struct gopkg *pkg, const char *path)
{
	const char *slash = strchr(path, '/');
	size_t first = slash ? (size_t)(slash - path) : strlen(path);
	const char *mod = pkg->mod ? pkg->mod->module : NULL;

	if (memchr(path, '.', first))
		return true;
	return mod && str_has_prefix(path, mod) &&
	       (path[strlen(mod)] == '/' || path[strlen(mod)] == '\0');
}

/* n (a func literal or a function name) is an argument of a serving API
 * call: `http.HandleFunc("/", n)`, `mux.Handle(p, http.HandlerFunc(n))`,
 * or of a function of a non-standard package (`serve.Every(d, n)`). */
static bool pf__serving_arg(struct pf_build *b, GNode n)
{
	GNode args = pf__parent_unparen(b, n), call, fn;
	const char *path, *nm;
	size_t len;

	if (gn_is_null(args) || gn_symbol(args) != GS->argument_list)
		return false;
	call = gn_parent(args);
	fn = go_unparen(go_field(call, f_function));
	if (go_selector_import(b->file, fn, &path, &nm, &len) &&
	    pf__nonstd(b->pkg, path))
		return true;
	if (!gn_is_null(fn) &&
	    gn_symbol(fn) == GS->selector_expression)
		fn = go_field(fn, f_field);
	for (size_t i = 0; !gn_is_null(fn) && i < ARRAY_SIZE(pf_serving);
	     i++) {
		if (go_text_is(b->file, fn, pf_serving[i]))
			return true;
	}
	return false;
}

/* How a func literal that is not called in place runs. */
static enum pf_lit pf__lit_kind(struct pf_build *b, GNode lit)
{
	GNode p = pf__parent_unparen(b, lit);

	if (pf__serving_arg(b, lit))
		return PF_LIT_HANDLER;
	if (!gn_is_null(p) && gn_symbol(p) == GS->argument_list)
		return PF_LIT_ARG;
	if (!gn_is_null(p) && gn_symbol(p) == GS->call_expression) {
		GNode gp = gn_parent(p);

		if (!gn_is_null(gp) &&
		    gn_symbol(gp) == GS->go_statement)
			return PF_LIT_GO;
	}
	return PF_LIT_FUNC;
}

/* A call or value reference to a package-level function. */
static void pf__ref(struct pf_build *b, GNode id)
{
	size_t len;
	const char *s = go_text(b->file, id, &len);
	char tmp[128];
	const struct godecl *d;
	struct pf_call r;
	GNode p;

	if (len >= sizeof(tmp) || pf__lookup(b, s, len))
		return;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	d = gopkg_lookup(b->pkg, tmp);
	if (!d || d->kind != GODECL_FUNC)
		return;
	p = gn_parent(id);
	memset(&r, 0, sizeof(r));
	r.callee = d->name;
	r.caller = b->top;
	r.file = b->file;
	r.node = id;
	r.ctx = b->ctx;
	r.lit = b->lit;
	r.value = true;
	r.loop = b->anyloop > 0;
	r.endless = b->loop > 0;
	if (!gn_is_null(p) && gn_symbol(p) == GS->call_expression &&
	    gn_start_byte(go_field(p, f_function)) ==
		    gn_start_byte(id)) {
		GNode gp = gn_parent(p);

		r.node = p;
		r.value = r.go = !gn_is_null(gp) &&
				 gn_symbol(gp) == GS->go_statement;
	} else if (pf__serving_arg(b, id)) {
		r.handler = r.arg = true;
	} else if (!gn_is_null(p) &&
		   gn_symbol(p) == GS->argument_list &&
		   !pf__once_arg(b, id)) {
		r.arg = true;
	} else if (pf__once_arg(b, id)) {
		r.value = false;
		if (r.ctx == PF_CTX_CODE)
			r.ctx = PF_CTX_INIT;
	}
	VEC_PUSH(&b->refs, r);
}

static void pf__instance(struct pf_build *b, GNode type)
{
	struct map_entry *e;
	size_t len;
	const char *s;

	type = go_unparen(type);
	if (gn_is_null(type) || gn_symbol(type) != GS->type_identifier)
		return;
	s = go_text(b->file, type, &len);
	if (b->ctor_of && str_eqn(s, len, b->ctor_of))
		return;
	if (b->spec_of && str_eqn(s, len, b->spec_of))
		return;
	if (!map_get(&b->inst, s, len))
		return; /* not the type of a package-level struct var */
	e = map_slot(&b->inst, s, len);
	e->value = (void *)((uintptr_t)e->value + 1000);
}

static void pf__mark(struct pf_build *b)
{
	VEC_PUSH(&b->marks, b->scope.len);
}

static void pf__pop(struct pf_build *b)
{
	if (b->marks.len)
		b->scope.len = b->marks.items[--b->marks.len];
}

static bool pf__opens_scope(TSSymbol s)
{
	const struct go_syms *g = GS;

	return s == g->block || s == g->if_statement || s == g->for_statement ||
	       s == g->expression_switch_statement ||
	       s == g->type_switch_statement || s == g->expression_case ||
	       s == g->type_case || s == g->default_case ||
	       s == g->communication_case || s == g->func_literal;
}

/* Walks n (a child of the node at depth `parent`) with syn_walk. */
static void pf__walk_node(struct pf_build *b, GNode n, unsigned parent)
{
	unsigned base = b->base;

	b->base = parent + 1;
	syn_walk(n, pf__walker(b));
	b->base = base;
}

static void pf__frame_push(struct pf_build *b, GNode n, TSSymbol sym,
			   uint32_t start, unsigned depth, unsigned base)
{
	struct pf_frame F;

	memset(&F, 0, sizeof(F));
	F.node = n;
	F.sym = sym;
	F.start = start;
	F.end = gn_end_byte(n);
	F.depth = depth;
	F.base = base;
	F.mode = PFF_ALL;
	VEC_PUSH(&b->frames, F);
}

/* On entering any node: loops and scopes. */
static void pf__pre(struct pf_build *b, GNode n, TSSymbol sym)
{
	if (sym == GS->for_statement) {
		bool endless = syn_endless_for(n);

		VEC_PUSH(&b->fors, endless);
		if (endless)
			b->loop++;
		b->anyloop++;
	}
	if (pf__opens_scope(sym))
		pf__mark(b);
}

/* Entering func literal n: how it runs, and its parameters. Returns the
 * state to restore when leaving it. */
static struct pf_saved pf__lit_enter(struct pf_build *b, GNode n)
{
	struct pf_saved sv = { b->ctx, b->func, b->loop, b->anyloop, b->lit };
	bool imm = pf__immediate_call(b, n);

	if (pf__once_arg(b, n)) {
		if (b->ctx == PF_CTX_CODE)
			b->ctx = PF_CTX_INIT;
	} else if (!imm) {
		enum pf_lit k = pf__lit_kind(b, n);

		b->ctx = b->file->is_test ? PF_CTX_TEST : PF_CTX_CODE;
		b->func = NULL;
		/* the outermost literal that runs any time decides */
		if (b->lit < PF_LIT_FUNC)
			b->lit = k;
	}
	pf__push_params(b, go_field(n, f_parameters), PFS_SHADOW, NULL);
	pf__push_params(b, go_field(n, f_result), PFS_SHADOW, NULL);
	b->loop = b->anyloop = 0;
	return sv;
}

static void pf__lit_leave(struct pf_build *b, const struct pf_saved *sv)
{
	b->ctx = sv->ctx;
	b->func = sv->func;
	b->loop = sv->loop;
	b->anyloop = sv->anyloop;
	b->lit = sv->lit;
}

/* After the value of a var_spec or const_spec n: its names. */
static void pf__spec_names(struct pf_build *b, GNode n)
{
	GNode t = go_field(n, f_type);
	GCursor c;

	if (!gn_is_null(t))
		pf__instance(b, t);
	c = gc_new(n);
	if (gc_goto_first_child(&c)) {
		do {
			if (gc_current_field_id(&c) == GS->f_name)
				pf__push(b, gc_current_node(&c),
					 PFS_SHADOW, NULL);
		} while (gc_goto_next_sibling(&c));
	}
	gc_delete(&c);
}

/* The key of keyed element n is a field name (T{m: v}: not the global m):
 * its value, or a null node. */
static bool pf__field_key(GNode n, GNode *val)
{
	GNode key = gn_named_child(n, 0);
	GNode kid = gn_named_child(key, 0);

	*val = gn_named_child(n, 1);
	return !gn_is_null(kid) && gn_symbol(kid) == GS->identifier;
}

/* Every other kind: the events. Returns whether to walk n's children. */
static bool pf__plain(struct pf_build *b, GNode n, TSSymbol sym)
{
	const struct go_syms *s = GS;

	if (sym == s->type_switch_statement) {
		pf__push_names(b, go_field(n, f_alias));
		return true;
	}
	if (sym == s->parameter_list || sym == s->type_parameter_list ||
	    sym == s->label_name)
		return false;
	if (sym == s->assignment_statement) {
		pf__assign(b, n);
		return true;
	}
	if (sym == s->inc_statement || sym == s->dec_statement) {
		GNode e = go_unparen(gn_named_child(n, 0));

		if (!gn_is_null(e) && gn_symbol(e) == s->index_expression)
			pf__index_write(b, e, n);
		return true;
	}
	if (sym == s->call_expression) {
		/* syn_call_ident's test, once for the four names */
		GNode fn = go_unparen(go_field(n, f_function));
		const char *nm = NULL;
		size_t len = 0;

		if (!gn_is_null(fn) && gn_symbol(fn) == s->identifier)
			nm = go_text(b->file, fn, &len);
		pf__call(b, n, nm, len);
		if (nm && (str_eqn(nm, len, "new") || str_eqn(nm, len, "make")))
			pf__instance(b, syn_arg(n, 0));
		return true;
	}
	if (sym == s->composite_literal) {
		pf__instance(b, go_field(n, f_type));
		return true;
	}
	if (sym == s->selector_expression) {
		struct pf_res r = pf__resolve(b, n);

		if (pf__once_arg(b, n)) {
			size_t len;
			const char *m = go_text(b->file, go_field(n, f_field),
						&len);

			map_put(&b->once_methods, m, len, (void *)1);
		}

		if (r.tgt || r.recv_type) {
			pf__use(b, n, &r);
			return false;
		}
		return true;
	}
	if (sym == s->identifier) {
		struct pf_res r = pf__resolve(b, n);

		if (r.tgt)
			pf__use(b, n, &r);
		pf__ref(b, n);
		return false;
	}
	return true;
}

/* syn_walk's enter: every node, with sub-walks of the children that count
 * (a := declares its names after its right side was walked). */
static bool pf__enter(void *ctx, GNode n, unsigned depth)
{
	struct pf_build *b = ctx;
	const struct go_syms *s = GS;
	TSSymbol sym = gn_symbol(n);
	unsigned at = b->base + depth;

	pf__frame_push(b, n, sym, gn_start_byte(n), at, b->base);
	pf__pre(b, n, sym);
	if (sym == s->func_literal) {
		struct pf_saved sv = pf__lit_enter(b, n);

		pf__walk_node(b, go_field(n, f_body), at);
		pf__lit_leave(b, &sv);
		return false;
	}
	if (sym == s->short_var_declaration) {
		pf__walk_node(b, go_field(n, f_right), at);
		pf__push_names(b, go_field(n, f_left));
		return false;
	}
	if (sym == s->var_spec || sym == s->const_spec) {
		pf__walk_node(b, go_field(n, f_value), at);
		pf__spec_names(b, n);
		return false;
	}
	if (sym == s->range_clause) {
		pf__walk_node(b, go_field(n, f_right), at);
		if (syn_has_token(n, ":="))
			pf__push_names(b, go_field(n, f_left));
		else
			pf__walk_node(b, go_field(n, f_left), at);
		return false;
	}
	if (sym == s->receive_statement && syn_has_token(n, ":=")) {
		pf__walk_node(b, go_field(n, f_right), at);
		pf__push_names(b, go_field(n, f_left));
		return false;
	}
	if (sym == s->keyed_element) {
		GNode val;

		if (pf__field_key(n, &val)) {
			pf__walk_node(b, val, at);
			return false;
		}
		return true;
	}
	return pf__plain(b, n, sym);
}

/* On leaving any node. */
static void pf__post(struct pf_build *b, TSSymbol sym)
{
	if (pf__opens_scope(sym))
		pf__pop(b);
	if (sym == GS->for_statement && b->fors.len) {
		if (b->fors.items[--b->fors.len] && b->loop)
			b->loop--;
		if (b->anyloop)
			b->anyloop--;
	}
}

static void pf__leave(void *ctx, GNode n)
{
	struct pf_build *b = ctx;

	LH_UNUSED(n);
	if (b->frames.len) {
		pf__post(b, b->frames.items[b->frames.len - 1].sym);
		b->frames.len--;
	}
}

static const struct syn_walker *pf__walker(struct pf_build *b)
{
	static _Thread_local struct syn_walker w;

	w.enter = pf__enter;
	w.leave = pf__leave;
	w.ctx = b;
	return &w;
}

/* ------------------------------------------------------ walk of records */

/* The kinds pf__walk_records visits: those pf__enter acts on, opens a
 * scope for, or does not walk the children of (label_name is a leaf). */
static void pf__kinds(TSSymbol *k)
{
	const struct go_syms *g = GS;
	size_t n = 0;

	k[n++] = g->for_statement;
	k[n++] = g->block;
	k[n++] = g->if_statement;
	k[n++] = g->expression_switch_statement;
	k[n++] = g->type_switch_statement;
	k[n++] = g->expression_case;
	k[n++] = g->type_case;
	k[n++] = g->default_case;
	k[n++] = g->communication_case;
	k[n++] = g->func_literal;
	k[n++] = g->short_var_declaration;
	k[n++] = g->var_spec;
	k[n++] = g->const_spec;
	k[n++] = g->range_clause;
	k[n++] = g->receive_statement;
	k[n++] = g->keyed_element;
	k[n++] = g->parameter_list;
	k[n++] = g->type_parameter_list;
	k[n++] = g->assignment_statement;
	k[n++] = g->inc_statement;
	k[n++] = g->dec_statement;
	k[n++] = g->call_expression;
	k[n++] = g->composite_literal;
	k[n++] = g->selector_expression;
	k[n++] = g->identifier;
	k[n] = 0;
}
#define PF_NKINDS 25

/* Walk only the records inside child c of the top frame (none when c is
 * null), counting depths from c. */
static void pf__frame_range(struct pf_build *b, GNode c)
{
	struct pf_frame *F = &b->frames.items[b->frames.len - 1];

	if (gn_is_null(c)) {
		F->mode = PFF_NONE;
		return;
	}
	F->mode = PFF_RANGE;
	F->lo = gn_start_byte(c);
	F->hi = gn_end_byte(c);
	F->base = F->depth + 1;
}

/* pf__enter for record e (which starts at byte start), counting depths
 * from base: the same events, the sub-walks replaced by a frame that
 * restricts the records visited inside and acts when the walk leaves. */
static void pf__rec_enter(struct pf_build *b, const struct gonode *e,
			  uint32_t start, unsigned base)
{
	const struct go_syms *s = GS;
	GNode n = e->node;
	TSSymbol sym = e->sym;
	size_t top = b->frames.len;

	pf__frame_push(b, n, sym, start, e->depth, base);
	pf__pre(b, n, sym);
	if (sym == s->func_literal) {
		struct pf_saved sv = pf__lit_enter(b, n);

		b->frames.items[top].sv = sv;
		b->frames.items[top].act = PFA_LIT;
		pf__frame_range(b, go_field(n, f_body));
	} else if (sym == s->short_var_declaration ||
		   (sym == s->receive_statement && syn_has_token(n, ":="))) {
		b->frames.items[top].act = PFA_NAMES;
		b->frames.items[top].names = go_field(n, f_left);
		pf__frame_range(b, go_field(n, f_right));
	} else if (sym == s->var_spec || sym == s->const_spec) {
		b->frames.items[top].act = PFA_SPEC;
		pf__frame_range(b, go_field(n, f_value));
	} else if (sym == s->range_clause) {
		if (syn_has_token(n, ":=")) {
			b->frames.items[top].act = PFA_NAMES;
			b->frames.items[top].names = go_field(n, f_left);
			pf__frame_range(b, go_field(n, f_right));
		} else {
			/* the right side is walked before the left */
			pf__walk_node(b, go_field(n, f_right), e->depth);
			pf__walk_node(b, go_field(n, f_left), e->depth);
			b->frames.items[top].mode = PFF_NONE;
		}
	} else if (sym == s->keyed_element) {
		GNode val;

		if (pf__field_key(n, &val))
			pf__frame_range(b, val);
	} else if (!pf__plain(b, n, sym)) {
		b->frames.items[top].mode = PFF_NONE;
	}
}

static void pf__rec_leave(struct pf_build *b)
{
	struct pf_frame F = b->frames.items[b->frames.len - 1];

	if (F.act == PFA_NAMES)
		pf__push_names(b, F.names);
	else if (F.act == PFA_SPEC)
		pf__spec_names(b, F.node);
	else if (F.act == PFA_LIT)
		pf__lit_leave(b, &F.sv);
	pf__post(b, F.sym);
	b->frames.len--;
}

/* The first record of f starting at byte `at` or later. */
static size_t pf__rec_at(const struct gofile *f, uint32_t at)
{
	size_t lo = 0, hi = f->nodes.len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (gn_start_byte(f->nodes.items[mid].node) < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Walks function body `body` like pf__walk_node(b, body, ...) does, over
 * the shared walk's records instead of every node of the tree. */
static void pf__walk_records(struct pf_build *b, GNode body)
{
	struct gofile *f = b->file;
	TSSymbol kinds[PF_NKINDS + 1];
	size_t lo, hi;
	unsigned root;

	if (gn_is_null(body))
		return;
	pf__kinds(kinds);
	walk_prepare(f, kinds);
	lo = pf__rec_at(f, gn_start_byte(body));
	hi = pf__rec_at(f, gn_end_byte(body));
	if (lo >= hi || !gn_eq(f->nodes.items[lo].node, body)) {
		/* not a block (or not recorded): walk the tree */
		pf__walk_node(b, body, 0);
		return;
	}
	root = f->nodes.items[lo].depth;
	for (size_t i = lo; i < hi; i++) {
		const struct gonode *e = &f->nodes.items[i];
		uint32_t at;
		unsigned base = root;

		if (!b->want[e->sym])
			continue;
		at = gn_start_byte(e->node);
		while (b->frames.len) {
			const struct pf_frame *F =
				&b->frames.items[b->frames.len - 1];

			if (e->depth > F->depth && at < F->end)
				break;
			pf__rec_leave(b);
		}
		if (b->frames.len) {
			const struct pf_frame *F =
				&b->frames.items[b->frames.len - 1];

			if (F->mode == PFF_NONE ||
			    (F->mode == PFF_RANGE && (at < F->lo || at >= F->hi)))
				continue;
			base = F->base;
		}
		if (e->depth - base > SYN_MAX_DEPTH)
			continue;
		pf__rec_enter(b, e, at, base);
	}
	while (b->frames.len)
		pf__rec_leave(b);
}

/* The struct type a function constructs: its result is T or *T. */
static const char *pf__ctor_type(struct pf_build *b, GNode fn)
{
	GNode r = go_field(fn, f_result);

	if (gn_is_null(r))
		return NULL;
	if (gn_symbol(r) == GS->parameter_list) {
		GNode pd = gn_named_child(r, 0);

		r = gn_is_null(pd) ? pd : go_field(pd, f_type);
	}
	if (!gn_is_null(r) && gn_symbol(r) == GS->pointer_type)
		r = gn_named_child(r, 0);
	if (gn_is_null(r) || gn_symbol(r) != GS->type_identifier)
		return NULL;
	return go_text_dup(b->file, r);
}

static void pf__walk_func(struct pf_build *b, GNode fn, bool method)
{
	GNode name = go_field(fn, f_name);
	const char *recv_type = NULL;

	b->scope.len = 0;
	b->marks.len = 0;
	b->frames.len = 0;
	b->fors.len = 0;
	b->loop = b->anyloop = 0;
	b->fn_node = fn;
	b->func = go_text_dup(b->file, name);
	b->lit = PF_LIT_NONE;
	b->ctor_of = method ? NULL : pf__ctor_type(b, fn);
	b->spec_of = NULL;
	if (b->file->is_test)
		b->ctx = PF_CTX_TEST;
	else if (!method && strcmp(b->func, "init") == 0)
		b->ctx = PF_CTX_INIT;
	else
		b->ctx = PF_CTX_CODE;
	if (method) {
		GNode params = go_field(fn, f_receiver);
		GNode pd = gn_named_child(params, 0);
		GNode t = gn_is_null(pd) ? pd : go_field(pd, f_type);

		if (!gn_is_null(t) && gn_symbol(t) == GS->pointer_type)
			t = gn_named_child(t, 0);
		if (!gn_is_null(t) && gn_symbol(t) == GS->type_identifier) {
			recv_type = go_text_dup(b->file, t);
			b->func = arena_printf(b->A, "%s.%s", recv_type, b->func);
		}
		pf__push_params(b, params, recv_type ? PFS_RECV : PFS_SHADOW,
				recv_type);
	}
	b->top = b->func;
	pf__push_params(b, go_field(fn, f_parameters), PFS_SHADOW, NULL);
	pf__push_params(b, go_field(fn, f_result), PFS_SHADOW, NULL);
	pf__walk_records(b, go_field(fn, f_body));
}

static void pf__walk_var_decl(struct pf_build *b, GNode decl)
{
	uint32_t n = gn_named_child_count(decl);

	for (uint32_t i = 0; i < n; i++) {
		GNode c = gn_named_child(decl, i);

		if (gn_symbol(c) == GS->var_spec_list) {
			pf__walk_var_decl(b, c);
		} else if (gn_symbol(c) == GS->var_spec) {
			GNode nm = go_field(c, f_name);
			struct pf_gvar *g = gn_is_null(nm) ? NULL :
				map_gets(&b->globals, go_text_dup(b->file, nm));

			b->scope.len = 0;
			b->marks.len = 0;
			b->frames.len = 0;
			b->fors.len = 0;
			b->loop = b->anyloop = 0;
			b->fn_node = (GNode){ 0 };
			b->func = b->top = NULL;
			b->lit = PF_LIT_NONE;
			b->ctor_of = NULL;
			b->spec_of = g && gn_eq(g->spec, c)
					     ? (g->stype ? g->stype : g->ntype)
					     : NULL;
			b->ctx = b->file->is_test ? PF_CTX_TEST : PF_CTX_VARINIT;
			pf__walk_node(b, go_field(c, f_value), 0);
		}
	}
}

/* ---------------------------------------------------------------- resolve */

static bool pf__exported(const char *name)
{
	return name[0] >= 'A' && name[0] <= 'Z';
}

/* Registration functions fill registries from start-up code of their
 * callers (often in other packages): bounded by the program. */
static bool pf__registrar(const char *name)
{
	if (strchr(name, '.'))
		name = strchr(name, '.') + 1;
	return strstr(name, "Register") || strstr(name, "register") ||
	       str_has_prefix(name, "Publish");
}

/* Functions that run once at start-up: every call is a direct call from
 * init, a var initializer, a test, main outside endless loops (package
 * main), or another such function. */
static void pf__init_only(struct pf_build *b, struct map *only)
{
	bool changed = true;
	bool is_main = false;

	for (size_t i = 0; i < b->pkg->nfiles; i++) {
		if (!b->pkg->files[i]->is_test &&
		    !syn_file_ignored(b->pkg->files[i]) &&
		    strcmp(b->pkg->files[i]->pkgname, "main") == 0)
			is_main = true;
	}
	if (is_main)
		map_puts(only, "main", (void *)1);
	/* candidates: plain functions with at least one call (an uncalled
	 * one may be reached through linkname or assembly) */
	for (size_t i = 0; i < b->refs.len; i++) {
		const struct godecl *d = gopkg_lookup(b->pkg,
						      b->refs.items[i].callee);

		if (d && d->kind == GODECL_FUNC &&
		    (is_main || !pf__exported(d->name)) &&
		    strcmp(d->name, "main") != 0 && !d->file->is_test)
			map_puts(only, d->name, (void *)1);
	}
	for (int iter = 0; changed && iter < 16; iter++) {
		changed = false;
		for (size_t i = 0; i < b->refs.len; i++) {
			struct pf_call *r = &b->refs.items[i];
			bool runtime;

			if (!map_gets(only, r->callee))
				continue;
			if (r->ctx == PF_CTX_TEST)
				runtime = false;
			else if (r->value || r->loop)
				runtime = true;
			else if (r->ctx == PF_CTX_INIT ||
				 r->ctx == PF_CTX_VARINIT)
				runtime = false;
			else
				runtime = !r->caller || r->lit >= PF_LIT_GO ||
					  !map_gets(only, r->caller) ||
					  strcmp(r->caller, r->callee) == 0;
			if (runtime && strcmp(r->callee, "main") != 0) {
				map_puts(only, r->callee, NULL);
				changed = true;
			}
		}
	}
}

/* An access in ordinary code that only runs at start-up (a function called
 * only from init, or a registrar) is an init access. */
static void pf__fix_one(struct map *only, struct pf_access *a)
{
	if (a->ctx == PF_CTX_CODE && a->func && !a->loop &&
	    map_gets(only, a->func))
		a->ctx = PF_CTX_INIT;
	else if (a->ctx == PF_CTX_CODE && a->func && pf__registrar(a->func))
		a->ctx = PF_CTX_INIT;
}

static void pf__fix_ctx(struct map *only, pf_access_vec *v)
{
	for (size_t i = 0; i < v->len; i++)
		pf__fix_one(only, &v->items[i]);
}

/* Singletons: one package-level instance, no other instance made by the
 * package outside its constructors, constructors only run at init. */
static bool pf__singleton(struct pf_build *b, struct map *only,
			  struct map *ctors, const char *type)
{
	uintptr_t n = (uintptr_t)map_gets(&b->inst, type);

	if (n != 1)
		return false;
	/* an exported constructor makes instances for other packages */
	for (size_t i = 0; i < ctors->cap; i++) {
		struct map_entry *e = &ctors->slots[i];

		if (e->key && e->value && strcmp(e->value, type) == 0 &&
		    pf__exported(e->key))
			return false;
	}
	for (size_t i = 0; i < b->refs.len; i++) {
		struct pf_call *r = &b->refs.items[i];
		const char *ct = map_gets(ctors, r->callee);

		if (!ct || strcmp(ct, type) != 0)
			continue;
		if (r->ctx == PF_CTX_INIT || r->ctx == PF_CTX_VARINIT ||
		    r->ctx == PF_CTX_TEST)
			continue;
		if (r->caller && map_gets(only, r->caller) && !r->value)
			continue;
		return false;
	}
	return true;
}

static bool pf__mentions(const char *s, size_t len, const char *name)
{
	size_t n = strlen(name);
	const char *p = s, *end = s + len;

	while (p < end && (p = memmem(p, (size_t)(end - p), name, n))) {
		char before = p > s ? p[-1] : ' ';
		char after = p + n < end ? p[n] : ' ';

		if (!(before == '_' || (before >= 'a' && before <= 'z') ||
		      (before >= 'A' && before <= 'Z') ||
		      (before >= '0' && before <= '9')) &&
		    !(after == '_' || (after >= 'a' && after <= 'z') ||
		      (after >= 'A' && after <= 'Z') ||
		      (after >= '0' && after <= '9')))
			return true;
		p++;
	}
	return false;
}

static bool pf__word_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static bool pf__word(const char *nm)
{
	if (!nm[0])
		return false;
	for (const char *c = nm; *c; c++) {
		if (!pf__word_char(*c))
			return false;
	}
	return true;
}

/* Functions worth walking: those that mention a collection, a struct type
 * of a package-level value, or (three levels) a function that does. Text
 * search is much cheaper than a walk of every function of a package.
 * "Mentions" is a maximal run of word characters equal to the name (names
 * with other characters, such as non-ASCII letters, are searched for with
 * pf__mentions). Every name a level can ask about is a variable, a struct
 * type or a function of the package: each function's text is read once,
 * for the ids of those names it mentions, and the levels compare ids. */
static void pf__relevant(struct pf_build *b, struct map *rel)
{
	const struct gopkg *pkg = b->pkg;
	size_t nf = pkg->funcs.len;
	VEC(const char *) names = VEC_INIT;
	VEC(const char *) others = VEC_INIT;
	VEC(uint32_t) ids = VEC_INIT; /* per function: ids it mentions */
	size_t *at = xcalloc(nf + 1, sizeof(*at));
	bool *done = xcalloc(nf, sizeof(*done));
	struct map cand = MAP_INIT; /* word name -> id (1-based) */
	uint32_t ncand = 0, *seen, *level;
	size_t from = 0;
	/* the first characters and lengths (63: 63 or more) of the
	 * candidates: most words of a body are neither, and skip the map */
	bool first[256] = { false };
	uint64_t lens = 0;

	for (size_t i = 0; i < b->gvars.len; i++) {
		VEC_PUSH(&names, b->gvars.items[i]->name);
		if (b->gvars.items[i]->stype)
			VEC_PUSH(&names, b->gvars.items[i]->stype);
	}
	for (size_t i = 0; i < names.len; i++) {
		if (pf__word(names.items[i]) && !map_gets(&cand, names.items[i]))
			map_puts(&cand, names.items[i],
				 (void *)(uintptr_t)++ncand);
	}
	for (size_t i = 0; i < nf; i++) {
		const struct godecl *d = pkg->funcs.items[i];

		if (d->kind == GODECL_FUNC && pf__word(d->name) &&
		    !map_gets(&cand, d->name))
			map_puts(&cand, d->name, (void *)(uintptr_t)++ncand);
	}
	for (size_t i = 0; i < cand.cap; i++) {
		const struct map_entry *me = &cand.slots[i];

		if (!me->key)
			continue;
		first[(unsigned char)me->key[0]] = true;
		lens |= 1ull << LH_MIN(me->klen, 63);
	}
	seen = xcalloc(ncand + 1, sizeof(*seen));
	level = xcalloc(ncand + 1, sizeof(*level));
	for (size_t i = 0; i < nf; i++) {
		const struct godecl *d = pkg->funcs.items[i];
		size_t len;
		const char *p = go_text(d->file, d->node, &len), *end = p + len;

		at[i] = ids.len;
		while (p < end) {
			const char *w;
			uint32_t id;

			while (p < end && !pf__word_char(*p))
				p++;
			w = p;
			while (p < end && pf__word_char(*p))
				p++;
			if (p == w || !first[(unsigned char)*w] ||
			    !(lens & (1ull << LH_MIN((size_t)(p - w), 63))))
				continue;
			id = (uint32_t)(uintptr_t)map_get(&cand, w,
							   (size_t)(p - w));
			if (id && seen[id] != i + 1) {
				seen[id] = (uint32_t)i + 1;
				VEC_PUSH(&ids, id);
			}
		}
	}
	at[nf] = ids.len;
	for (uint32_t lv = 1; lv <= 4 && from < names.len; lv++) {
		size_t upto = names.len;

		others.len = 0;
		for (size_t k = from; k < upto; k++) {
			const char *nm = names.items[k];
			uint32_t id = (uint32_t)(uintptr_t)map_gets(&cand, nm);

			if (id)
				level[id] = lv;
			else if (!pf__word(nm))
				VEC_PUSH(&others, nm);
		}
		for (size_t i = 0; i < nf; i++) {
			const struct godecl *d = pkg->funcs.items[i];
			bool hit = false;
			const void *key;

			if (done[i])
				continue;
			for (size_t k = at[i]; k < at[i + 1] && !hit; k++)
				hit = level[ids.items[k]] == lv;
			if (!hit && others.len) {
				size_t len;
				const char *s = go_text(d->file, d->node, &len);

				for (size_t k = 0; k < others.len && !hit; k++)
					hit = pf__mentions(s, len,
							   others.items[k]);
			}
			if (!hit)
				continue;
			done[i] = true;
			key = gn_key(d->node);
			map_put(rel, (void *)&key, sizeof(key), (void *)1);
			if (d->kind == GODECL_FUNC)
				VEC_PUSH(&names, d->name);
		}
		from = upto;
	}
	map_release(&cand);
	free(seen);
	free(level);
	free(at);
	free(done);
	VEC_FREE(&ids);
	VEC_FREE(&names);
	VEC_FREE(&others);
}

static bool pf__is_main(const struct gopkg *pkg)
{
	for (size_t i = 0; i < pkg->nfiles; i++) {
		if (!pkg->files[i]->is_test && !syn_file_ignored(pkg->files[i]) &&
		    strcmp(pkg->files[i]->pkgname, "main") == 0)
			return true;
	}
	return false;
}

/* See struct pkgfacts.batch. */
static bool pf__batch(const struct gopkg *pkg)
{
	const char *d = pkg->dir, *c;
	bool is_main = pf__is_main(pkg);

	/* A main package is not batch code by itself: a loop in main that
	 * calls the writer stands for the requests of a service (see
	 * examples/seed/03-global-growth); only the start-up logic of
	 * pf__init_only applies to it. */
	if (is_main)
		return false;
	/* internal packages of a command: importable by that command only */
	for (c = d; (c = strstr(c, "cmd/")); c++) {
		if ((c == d || c[-1] == '/') && strstr(c, "/internal"))
			return true;
	}
	return false;
}

static struct pf_access *pf__copy(struct arena *A, struct pf_access *items,
				  size_t n)
{
	struct pf_access *out;

	if (!n)
		return NULL;
	out = arena_alloc(A, n * sizeof(*out));
	memcpy(out, items, n * sizeof(*out));
	return out;
}

/* Step 3 of pf__build: functions only called from init, singletons, and
 * the receiver writes of their methods. */
static void pf__resolve_all(struct pf_build *b, struct map *only,
			    struct map *ctors)
{
	pf__init_only(b, only);
	for (size_t i = 0; i < b->pkg->funcs.len && b->once_methods.len; i++) {
		const struct godecl *d = b->pkg->funcs.items[i];
		const char *dot = strchr(d->name, '.');

		if (d->kind == GODECL_METHOD && dot &&
		    map_gets(&b->once_methods, dot + 1))
			map_puts(only, d->name, (void *)1);
	}
	for (size_t i = 0; i < b->pkg->funcs.len && b->tbs.len; i++) {
		const struct godecl *d = b->pkg->funcs.items[i];
		const char *ct;

		if (d->kind != GODECL_FUNC)
			continue;
		b->file = d->file;
		ct = pf__ctor_type(b, d->node);
		if (ct && map_gets(&b->inst, ct))
			map_puts(ctors, d->name, (void *)ct);
	}
	for (size_t i = 0; i < b->tbs.len; i++) {
		pf__fix_ctx(only, &b->tbs.items[i]->w);
		pf__fix_ctx(only, &b->tbs.items[i]->s);
	}
	for (size_t i = 0; i < b->pending.len; i++)
		pf__fix_one(only, &b->pending.items[i].a);
	for (size_t i = 0; i < b->fshrinks.len; i++)
		pf__fix_one(only, &b->fshrinks.items[i].a);
	for (size_t i = 0; i < b->tbs.len; i++) {
		struct pf_tb *t = b->tbs.items[i];

		if (!t->t.field)
			continue;
		t->t.singleton = t->t.type &&
				 pf__singleton(b, only, ctors, t->t.type);
		for (size_t k = 0; k < b->fshrinks.len; k++) {
			if (strcmp(b->fshrinks.items[k].field, t->t.field) == 0)
				VEC_PUSH(&t->s, b->fshrinks.items[k].a);
		}
		if (!t->t.singleton)
			continue;
		for (size_t k = 0; k < b->pending.len; k++) {
			struct pf_pending *p = &b->pending.items[k];

			if (strcmp(p->type, t->t.type) != 0 ||
			    strcmp(p->field, t->t.field) != 0)
				continue;
			if (p->escape)
				t->t.escapes = true;
			else if (!(p->index && t->t.kind == PF_SLICE))
				VEC_PUSH(&t->w, p->a);
		}
	}
	/* named map/slice types: the receiver of their methods is the
	 * package-level instance when it is the only one */
	for (size_t i = 0; i < b->tbs.len; i++) {
		struct pf_tb *t = b->tbs.items[i];
		bool single;

		if (!t->ntype || t->t.field)
			continue;
		single = map_gets(&b->ntypes, t->ntype) == t &&
			 pf__singleton(b, only, ctors, t->ntype);
		if (!single) {
			if (t->mcall)
				t->t.escapes = true;
			continue;
		}
		t->t.singleton = true;
		t->t.type = t->ntype;
		for (size_t k = 0; k < b->pending.len; k++) {
			struct pf_pending *p = &b->pending.items[k];

			if (strcmp(p->type, t->ntype) != 0 ||
			    (p->field[0] && p->field[0] != '*'))
				continue;
			/* a slice receiver by value is a copy */
			if (t->t.kind == PF_SLICE && p->field[0] != '*' &&
			    !p->index && !p->escape)
				continue;
			if (p->escape)
				t->t.escapes = true;
			else if (p->shrink)
				VEC_PUSH(&t->s, p->a);
			else if (!(p->index && t->t.kind == PF_SLICE))
				VEC_PUSH(&t->w, p->a);
		}
	}
}

static struct pkgfacts *pf__build(struct gopkg *pkg)
{
	struct pf_build b = { 0 };
	struct pkgfacts *pf;
	struct map only = MAP_INIT, ctors = MAP_INIT, relevant = MAP_INIT;

	b.pkg = pkg;
	b.A = &pkg->arena;
	/* 1. package-level collections */
	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct gofile *f = pkg->files[i];

		b.file = f;
		if (syn_file_ignored(f))
			continue;
		for (size_t k = 0; k < f->top.len; k++) {
			GNode c = f->top.items[k];

			if (gn_symbol(c) == GS->var_declaration)
				pf__collect_decl(&b, f, c);
		}
	}
	pf = arena_alloc(b.A, sizeof(*pf));
	pf->batch = b.tbs.len && pf__batch(pkg);
	pf->main = pf__is_main(pkg);
	for (size_t i = 0; i < b.tbs.len && !pf->batch && !pf->accesses; i++)
		pf->accesses = pkgfacts_open(pf, &b.tbs.items[i]->t);
	/* 2. accesses, in the functions that can reach them */
	if (pf->accesses) {
		TSSymbol kinds[PF_NKINDS + 1];

		pf__kinds(kinds);
		b.want = xcalloc(go_symbol_count(), 1);
		for (size_t i = 0; kinds[i]; i++)
			b.want[kinds[i]] = 1;
		pf__relevant(&b, &relevant);
		for (size_t i = 0; i < pkg->nfiles; i++) {
			struct gofile *f = pkg->files[i];
			GNode root = go_root(f);
			GCursor c = gc_new(root);

			b.file = f;
			if (!syn_file_ignored(f) &&
			    gc_goto_first_child(&c)) {
				do {
					GNode d = gc_current_node(&c);
					TSSymbol s = gn_symbol(d);
					const void *key = gn_key(d);

					if (s == GS->function_declaration &&
					    map_get(&relevant, (void *)&key,
						    sizeof(key)))
						pf__walk_func(&b, d, false);
					else if (s == GS->method_declaration &&
						 map_get(&relevant, (void *)&key,
							 sizeof(key)))
						pf__walk_func(&b, d, true);
					else if (s == GS->var_declaration)
						pf__walk_var_decl(&b, d);
				} while (gc_goto_next_sibling(&c));
			}
			gc_delete(&c);
		}
	}
	/* 3. resolve */
	if (pf->accesses)
		pf__resolve_all(&b, &only, &ctors);
	pf->ncalls = b.refs.len;
	pf->calls = b.refs.len ? arena_alloc(b.A, b.refs.len *
						      sizeof(*pf->calls))
			       : NULL;
	if (b.refs.len)
		memcpy(pf->calls, b.refs.items,
		       b.refs.len * sizeof(*pf->calls));
	pf->ntargets = b.tbs.len;
	pf->targets = b.tbs.len ? arena_alloc(b.A, b.tbs.len *
						      sizeof(*pf->targets))
				: NULL;
	for (size_t i = 0; i < b.tbs.len; i++) {
		struct pf_tb *t = b.tbs.items[i];
		struct pf_target *o = &pf->targets[i];

		*o = t->t;
		o->writes = pf__copy(b.A, t->w.items, t->w.len);
		o->nwrites = t->w.len;
		o->shrinks = pf__copy(b.A, t->s.items, t->s.len);
		o->nshrinks = t->s.len;
		VEC_FREE(&t->w);
		VEC_FREE(&t->s);
		free(t);
	}
	VEC_FREE(&b.tbs);
	VEC_FREE(&b.gvars);
	VEC_FREE(&b.pending);
	VEC_FREE(&b.fshrinks);
	VEC_FREE(&b.refs);
	VEC_FREE(&b.scope);
	VEC_FREE(&b.marks);
	VEC_FREE(&b.frames);
	free(b.want);
	VEC_FREE(&b.fors);
	map_release(&b.globals);
	map_release(&b.targets);
	map_release(&b.inst);
	map_release(&b.ntypes);
	map_release(&only);
	map_release(&ctors);
	map_release(&relevant);
	map_release(&b.once_methods);
	return pf;
}

const struct pkgfacts *pkgfacts_get(struct gopkg *pkg)
{
	if (!pkg->facts[LH_FACT_PKG])
		pkg->facts[LH_FACT_PKG] = pf__build(pkg);
	return pkg->facts[LH_FACT_PKG];
}

bool pkgfacts_open(const struct pkgfacts *pf, const struct pf_target *t)
{
	return !t->file->is_test && !t->escapes && !t->key_bounded &&
	       (pf->main || !pf__exported(t->var));
}

const struct pf_target *pkgfacts_find(const struct pkgfacts *pf,
				      const char *name)
{
	for (size_t i = 0; i < pf->ntargets; i++) {
		if (strcmp(pf->targets[i].name, name) == 0)
			return &pf->targets[i];
	}
	return NULL;
}

const char *pf_ctx_name(enum pf_ctx c)
{
	switch (c) {
	case PF_CTX_CODE:
		return "code";
	case PF_CTX_INIT:
		return "init";
	case PF_CTX_VARINIT:
		return "var initializer";
	case PF_CTX_TEST:
		return "test";
	}
	return "?";
}
