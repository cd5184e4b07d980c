/*
 * bigval.c - large values and their parts inside one function (see
 * bigval.h). Three walks of the function: declarations in source order,
 * buffers filled by Read, then declarations again with that knowledge.
 */
#include <stdio.h>

#include "static/bigval.h"
#include "static/syn.h"
#include "static/walk.h"

/* ---------------------------------------------------------------- vars */

static struct bv_var *bv__find(const struct bv_func *b, const char *s,
			       size_t len)
{
	for (size_t i = 0; i < b->vars.len; i++) {
		struct bv_var *v = &b->vars.items[i];

		if (v->len == len && memcmp(v->name, s, len) == 0)
			return v;
	}
	return NULL;
}

const struct bv_var *bv_var_of(const struct bv_func *b, GNode id)
{
	size_t len;
	const char *s;

	id = go_unparen(id);
	if (gn_is_null(id) || gn_symbol(id) != GS->identifier)
		return NULL;
	s = go_text(b->file, id, &len);
	return bv__find(b, s, len);
}

const struct bv_var *bv_var_named(const struct bv_func *b, const char *name)
{
	return bv__find(b, name, strlen(name));
}

bool bv_is_local(const struct bv_func *b, const char *name, size_t len)
{
	return bv__find(b, name, len) != NULL;
}

/* Declares (or merges) a local. unset: declared without a value. */
static void bv__declare_o(struct bv_func *b, GNode id, enum bv_kind k,
			  GNode decl, const char *what, bool bytes, bool unset,
			  const char *origin);

static void bv__declare(struct bv_func *b, GNode id, enum bv_kind k,
			GNode decl, const char *what, bool bytes, bool unset)
{
	bv__declare_o(b, id, k, decl, what, bytes, unset, NULL);
}

static void bv__declare_o(struct bv_func *b, GNode id, enum bv_kind k,
			  GNode decl, const char *what, bool bytes, bool unset,
			  const char *origin)
{
	size_t len;
	const char *s;
	struct bv_var *v;

	if (gn_is_null(id) || gn_symbol(id) != GS->identifier)
		return;
	s = go_text(b->file, id, &len);
	if (len == 1 && s[0] == '_')
		return;
	v = bv__find(b, s, len);
	if (!v) {
		struct bv_var nv = { 0 };

		nv.name = s;
		nv.len = len;
		nv.kind = unset ? BV_NONE : k;
		nv.decl = decl;
		nv.what = what;
		nv.bytes = bytes;
		nv.origin = origin ? origin
			    : arena_strndup(&b->pkg->arena, s, len);
		VEC_PUSH(&b->vars, nv);
		if (unset)
			b->vars.items[b->vars.len - 1].param = false;
		return;
	}
	if (unset || v->kind == k)
		return;
	if (k == BV_MAYBE_BIG && v->kind == BV_BIG && v->what &&
	    strcmp(v->what, "a buffer filled by Read") == 0)
		return; /* the third walk meets its make() again */
	if (v->kind == BV_NONE && gn_symbol(v->decl) == GS->var_spec &&
	    gn_is_null(go_field(v->decl, f_value))) {
		/* var x []byte; x, err = io.ReadAll(r) */
		v->kind = k;
		v->what = what;
		v->bytes = bytes;
		v->decl = decl;
		if (origin)
			v->origin = origin;
		return;
	}
	v->kind = BV_AMBIG;
}

/* ---------------------------------------------------------------- types */

static int64_t bv__elem_size(const struct gofile *f, GNode t, bool *bytes)
{
	static const struct {
		const char *name;
		int64_t size;
	} sizes[] = {
		{ "byte", 1 },	  { "uint8", 1 },   { "int8", 1 },
		{ "bool", 1 },	  { "int16", 2 },   { "uint16", 2 },
		{ "int32", 4 },	  { "uint32", 4 },  { "rune", 4 },
		{ "float32", 4 }, { "string", 16 }, { "any", 16 },
	};

	*bytes = false;
	if (gn_is_null(t))
		return 8;
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		if (go_text_is(f, t, sizes[i].name)) {
			*bytes = i < 2;
			return sizes[i].size;
		}
	}
	return 8;
}

static bool bv__is_type(const struct gofile *f, GNode t, const char *path,
			const char *name)
{
	GNode pk, nm;
	size_t len;
	const char *s, *p;

	if (gn_is_null(t))
		return false;
	if (gn_symbol(t) == GS->pointer_type)
		t = gn_named_child(t, 0);
	if (gn_is_null(t) || gn_symbol(t) != GS->qualified_type)
		return false;
	pk = go_field(t, f_package);
	nm = go_field(t, f_name);
	s = go_text(f, pk, &len);
	p = go_import_path(f, s, len);
	return p && strcmp(p, path) == 0 && go_text_is(f, nm, name);
}

static bool bv__buffer_type(const struct gofile *f, GNode t)
{
	return bv__is_type(f, t, "bytes", "Buffer") ||
	       bv__is_type(f, t, "strings", "Builder");
}

/* Size in bytes of a large array type, or 0. */
static int64_t bv__array_size(struct bv_func *b, const struct gofile *f,
			      GNode t, bool *bytes)
{
	int64_t n;

	if (gn_is_null(t) || gn_symbol(t) != GS->array_type)
		return 0;
	if (!syn_const_int(b->pkg, f, go_field(t, f_length), &n) || n <= 0)
		return 0;
	n *= bv__elem_size(f, go_field(t, f_element), bytes);
	return n >= BV_LARGE ? n : 0;
}

/* ---------------------------------------------------------------- package */

#define BV__BUCKETS 64

/* A type name's large-struct size, computed once. */
struct bv__size {
	const char *name; /* package arena */
	size_t len;
	int64_t size;
	struct bv__size *next;
};

/* Per package (pkg->facts[LH_FACT_BIGVAL], in the package arena): the
 * analysed functions both LH40x and LH501 visit, and the sizes of the
 * receiver types met. */
struct bv__pkg {
	bool analysed;
	struct bv_func *funcs; /* those with large values, in file order */
	size_t nfuncs;
	struct bv__size *sizes[BV__BUCKETS];
};

static struct bv__pkg *bv__pkg(struct gopkg *pkg)
{
	if (!pkg->facts[LH_FACT_BIGVAL])
		pkg->facts[LH_FACT_BIGVAL] =
			arena_alloc(&pkg->arena, sizeof(struct bv__pkg));
	return pkg->facts[LH_FACT_BIGVAL];
}

static int64_t bv__struct_size(struct bv_func *b, const char *tmp);

/* A struct type of the package with a large array field: its size. */
static int64_t bv__large_struct(struct bv_func *b, GNode t)
{
	struct bv__pkg *bp = bv__pkg(b->pkg);
	struct bv__size **head, *e;
	char tmp[128];
	size_t len;
	const char *s;

	if (!gn_is_null(t) && gn_symbol(t) == GS->pointer_type)
		t = gn_named_child(t, 0);
	if (gn_is_null(t) || gn_symbol(t) != GS->type_identifier)
		return 0;
	s = go_text(b->file, t, &len);
	if (len >= sizeof(tmp))
		return 0;
	/* every method asks about its receiver: once per type */
	head = &bp->sizes[lh_hash(s, len) % BV__BUCKETS];
	for (e = *head; e; e = e->next) {
		if (e->len == len && memcmp(e->name, s, len) == 0)
			return e->size;
	}
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	e = arena_alloc(&b->pkg->arena, sizeof(*e));
	e->size = bv__struct_size(b, tmp);
	e->name = arena_strndup(&b->pkg->arena, s, len);
	e->len = len;
	e->next = *head;
	*head = e;
	return e->size;
}

/* bv__large_struct() of the type named tmp. */
static int64_t bv__struct_size(struct bv_func *b, const char *tmp)
{
	const struct godecl *d;
	GNode st, list;
	int64_t total = 0;
	go_node_vec fields = VEC_INIT;

	d = gopkg_lookup(b->pkg, tmp);
	if (!d || d->kind != GODECL_TYPE)
		return 0;
	st = go_field(d->node, f_type);
	if (gn_is_null(st) || gn_symbol(st) != GS->struct_type)
		return 0;
	list = gn_named_child(st, 0);
	go_named_children(list, &fields);
	for (size_t i = 0; i < fields.len; i++) {
		GNode fd = fields.items[i];
		bool by;

		if (gn_symbol(fd) == GS->field_declaration)
			total += bv__array_size(b, d->file, go_field(fd, f_type),
						&by);
	}
	VEC_FREE(&fields);
	return total;
}

/* ---------------------------------------------------------------- exprs */

/* s[a:b] is nearly all of s: start absent or a small constant, end absent
 * or len(s) minus a constant. */
static bool bv__nearly_whole(struct bv_func *b, GNode sl)
{
	GNode start = go_field(sl, f_start), end = go_field(sl, f_end);
	GNode op = go_unparen(go_field(sl, f_operand));
	int64_t v;

	if (!gn_is_null(start) &&
	    !(syn_const_int(b->pkg, b->file, start, &v) && v <= 16))
		return false;
	if (gn_is_null(end))
		return true;
	end = go_unparen(end);
	if (gn_symbol(end) == GS->binary_expression &&
	    go_text_is(b->file, go_field(end, f_operator), "-") &&
	    syn_const_int(b->pkg, b->file, go_field(end, f_right), &v) &&
	    v <= 16)
		end = go_unparen(go_field(end, f_left));
	if (syn_call_ident(b->file, end, "len")) {
		size_t a, c;
		const char *x = go_text(b->file, go_unparen(syn_arg(end, 0)), &a);
		const char *y = go_text(b->file, op, &c);

		return a == c && memcmp(x, y, a) == 0;
	}
	return false;
}

static bool bv__big(enum bv_kind k)
{
	return k == BV_BIG || k == BV_BIG_STR;
}

static enum bv_kind bv__part_of(enum bv_kind k)
{
	if (k == BV_BIG || k == BV_PART)
		return BV_PART;
	if (k == BV_BIG_STR || k == BV_PART_STR)
		return BV_PART_STR;
	return BV_NONE;
}

static bool bv__in(const char *s, size_t len, const char *const *names,
		   size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (str_eqn(s, len, names[i]))
			return true;
	}
	return false;
}

/* For a call `pkg.Name(...)` of an import of f: *path and *name (as
 * go_selector_import); one lookup where syn_call_pkg() would make one per
 * candidate package. */
static bool bv__pkg_call(const struct gofile *f, GNode call, const char **path,
			 const char **name, size_t *len)
{
	return go_selector_import(f, go_field(call, f_function), path, name,
				  len);
}

static enum bv_kind bv__expr(const struct bv_func *cb, GNode e,
			     const struct bv_var **from, unsigned depth)
{
	struct bv_func *b = (struct bv_func *)cb;
	const struct go_syms *g = GS;
	TSSymbol s;
	static const char *const split[] = { "Split", "SplitN", "SplitAfter",
					     "SplitAfterN", "Fields",
					     "FieldsFunc" };
	static const char *const trim[] = { "TrimSpace", "Trim", "TrimLeft",
					    "TrimRight", "TrimPrefix",
					    "TrimSuffix", "TrimFunc" };

	e = go_unparen(e);
	if (gn_is_null(e) || depth > 32)
		return BV_NONE;
	s = gn_symbol(e);
	if (s == g->identifier) {
		const struct bv_var *v = bv_var_of(b, e);

		if (!v || v->kind == BV_AMBIG || v->kind == BV_MAYBE_BIG ||
		    v->kind == BV_BUFFER)
			return BV_NONE;
		if (from)
			*from = v;
		return v->kind;
	}
	if (s == g->slice_expression) {
		GNode op = go_field(e, f_operand);
		enum bv_kind k = bv__expr(b, op, from, depth + 1);
		const struct bv_var *v = bv_var_of(b, op);

		if (k == BV_NONE)
			return BV_NONE;
		if (bv__big(k) && bv__nearly_whole(b, e))
			return k;
		int64_t z = -1;

		if (v && v->what && strstr(v->what, "filled by Read") &&
		    (gn_is_null(go_field(e, f_start)) ||
		     (syn_const_int(b->pkg, b->file, go_field(e, f_start), &z) &&
		      z == 0)) &&
		    !gn_is_null(go_field(e, f_end)) &&
		    gn_symbol(go_unparen(go_field(e, f_end))) ==
			    g->identifier &&
		    !syn_const_int(b->pkg, b->file, go_field(e, f_end), &(int64_t){ 0 }))
			return BV_NONE; /* buf[:n]: what Read filled */
		return bv__part_of(k);
	}
	if (s == g->index_expression) {
		enum bv_kind k = bv__expr(b, go_field(e, f_operand), from,
					  depth + 1);

		if (k == BV_PARTS)
			return BV_PART;
		if (k == BV_PARTS_STR)
			return BV_PART_STR;
		return BV_NONE;
	}
	if (s == g->call_expression) {
		GNode recv = { 0 }, m, a0;
		const char *path = NULL, *nm = NULL;
		size_t nl = 0;
		bool imp = bv__pkg_call(b->file, e, &path, &nm, &nl);

		if (imp && ((strcmp(path, "io") == 0 &&
			     str_eqn(nm, nl, "ReadAll")) ||
			    (strcmp(path, "io/ioutil") == 0 &&
			     (str_eqn(nm, nl, "ReadAll") ||
			      str_eqn(nm, nl, "ReadFile"))) ||
			    (strcmp(path, "os") == 0 &&
			     str_eqn(nm, nl, "ReadFile"))))
			return BV_BIG;
		a0 = syn_arg(e, 0);
		if (syn_call_ident(b->file, e, "string") && syn_nargs(e) == 1) {
			enum bv_kind k = bv__expr(b, a0, from, depth + 1);

			return k == BV_BIG ? BV_BIG_STR : BV_NONE;
		}
		if (imp && (strcmp(path, "bytes") == 0 ||
			    strcmp(path, "strings") == 0)) {
			enum bv_kind k = bv__expr(b, a0, from, depth + 1);

			if (bv__in(nm, nl, split, ARRAY_SIZE(split)))
				return k == BV_BIG || k == BV_PART ? BV_PARTS
				       : k == BV_BIG_STR || k == BV_PART_STR
					       ? BV_PARTS_STR
					       : BV_NONE;
			if (bv__in(nm, nl, trim, ARRAY_SIZE(trim)))
				return k == BV_PARTS || k == BV_PARTS_STR
					       ? BV_NONE
					       : k;
			return BV_NONE;
		}
		m = syn_call_method(e, &recv);
		if (!gn_is_null(m)) {
			const struct bv_var *rv = bv_var_of(b, recv);

			if (rv && rv->kind == BV_BUFFER && syn_nargs(e) == 0) {
				if (from)
					*from = rv;
				if (go_text_is(b->file, m, "Bytes"))
					return BV_BIG;
				if (go_text_is(b->file, m, "String"))
					return BV_BIG_STR;
				return BV_NONE;
			}
			/* regexp: Find* return parts of their argument */
			if (syn_nargs(e) >= 1) {
				size_t len;
				const char *t = go_text(b->file, m, &len);
				enum bv_kind k;

				if (len < 4 || memcmp(t, "Find", 4) != 0 ||
				    memmem(t, len, "Index", 5))
					return BV_NONE;
				k = bv__expr(b, a0, from, depth + 1);
				if (k != BV_BIG && k != BV_BIG_STR)
					return BV_NONE;
				if (memmem(t, len, "All", 3) ||
				    memmem(t, len, "Submatch", 8))
					return k == BV_BIG ? BV_PARTS
							   : BV_PARTS_STR;
				return k == BV_BIG ? BV_PART : BV_PART_STR;
			}
		}
	}
	return BV_NONE;
}

enum bv_kind bv_expr(const struct bv_func *b, GNode e,
		     const struct bv_var **from)
{
	return bv__expr(b, e, from, 0);
}

/* Kind of a declaration's value, with make() and arrays. */
static enum bv_kind bv__value(struct bv_func *b, GNode e, const char **what,
			      bool *bytes, const char **origin)
{
	const struct bv_var *from = NULL;
	enum bv_kind k;

	e = go_unparen(e);
	*bytes = true;
	*what = NULL;
	*origin = NULL;
	if (syn_call_ident(b->file, e, "make")) {
		GNode t = syn_arg(e, 0);
		int64_t n = 0, c = 0, el;

		if (gn_is_null(t) || gn_symbol(t) != GS->slice_type)
			return BV_NONE;
		el = bv__elem_size(b->file, go_field(t, f_element), bytes);
		if (!syn_const_int(b->pkg, b->file, syn_arg(e, 1), &n)) {
			if (syn_nargs(e) < 3 ||
			    !syn_const_int(b->pkg, b->file, syn_arg(e, 2), &c))
				return BV_MAYBE_BIG;
		}
		if (syn_nargs(e) >= 3)
			syn_const_int(b->pkg, b->file, syn_arg(e, 2), &c);
		n = LH_MAX(n, c);
		if (n <= 0 || n > INT64_MAX / 16 || n * el < BV_LARGE)
			return BV_NONE;
		*what = arena_printf(&b->pkg->arena, "make(%.*s, %lld)",
				     (int)LH_MIN(gn_end_byte(t) -
							 gn_start_byte(t),
						 40),
				     b->file->src + gn_start_byte(t),
				     (long long)n);
		return BV_BIG;
	}
	k = bv_expr(b, e, &from);
	if (k == BV_BIG && !from) {
		size_t len;
		const char *t = go_text(b->file, go_field(e, f_function), &len);

		*what = arena_strndup(&b->pkg->arena, t, LH_MIN(len, 40));
	} else if (from) {
		*what = from->what ? from->what
				   : arena_strndup(&b->pkg->arena, from->name,
						   from->len);
		*bytes = from->bytes;
		*origin = from->origin;
		if (from->kind == BV_BUFFER) {
			size_t len;
			const char *t = go_text(b->file, e, &len);

			*origin = NULL;
			*what = arena_strndup(&b->pkg->arena, t, LH_MIN(len, 40));
		} else if (k == BV_BIG_STR && from->kind == BV_BIG) {
			*origin = NULL;
			*what = arena_printf(&b->pkg->arena, "string of %s",
					     from->what ? from->what
							: from->origin);
		}
	}
	return k;
}

/* ---------------------------------------------------------------- decls */

struct bv__walk {
	struct bv_func *b;
	bool read_pass;
};

static void bv__params(struct bv_func *b, GNode plist, bool recv)
{
	uint32_t n = gn_is_null(plist) ? 0 : gn_named_child_count(plist);

	for (uint32_t i = 0; i < n; i++) {
		GNode pd = gn_named_child(plist, i);
		GNode t = go_field(pd, f_type);
		uint32_t m = gn_named_child_count(pd);
		int64_t big = recv ? bv__large_struct(b, t) : 0;

		for (uint32_t j = 0; j < m; j++) {
			GNode id = gn_named_child(pd, j);
			struct bv_var *v;

			if (gn_symbol(id) != GS->identifier)
				continue;
			bv__declare(b, id,
				    bv__buffer_type(b->file, t) ? BV_BUFFER
				    : big ? BV_BIG : BV_NONE,
				    pd,
				    big ? arena_printf(&b->pkg->arena,
						       "the receiver (%lld bytes)",
						       (long long)big)
					: NULL,
				    false, false);
			v = (struct bv_var *)bv_var_of(b, id);
			if (v) {
				v->param = true;
				v->ptr = !gn_is_null(t) &&
					 gn_symbol(t) == GS->pointer_type;
			}
		}
	}
}

static void bv__assign(struct bv_func *b, GNode stmt, GNode left,
		       GNode right, bool define)
{
	uint32_t nl = gn_named_child_count(left);
	uint32_t nr = gn_is_null(right) ? 0 : gn_named_child_count(right);

	if (nl == nr) {
		for (uint32_t i = 0; i < nl; i++) {
			GNode id = gn_named_child(left, i);
			const char *what, *origin;
			bool bytes;
			enum bv_kind k;

			if (gn_symbol(id) != GS->identifier)
				continue;
			if (!define && !bv_var_of(b, id))
				continue; /* a package-level variable */
			k = bv__value(b, gn_named_child(right, i), &what,
				      &bytes, &origin);
			bv__declare_o(b, id, k, stmt, what, bytes, false,
				      origin);
		}
		return;
	}
	if (nr == 1 && nl > 1) {
		GNode call = go_unparen(gn_named_child(right, 0));
		const char *what = NULL, *origin = NULL;
		bool bytes = true;
		enum bv_kind k = BV_NONE;

		if ((syn_call_pkg(b->file, call, "bytes", "Cut") ||
		     syn_call_pkg(b->file, call, "strings", "Cut")) &&
		    nl == 3) {
			const struct bv_var *from = NULL;
			enum bv_kind a = bv_expr(b, syn_arg(call, 0), &from);
			enum bv_kind p = bv__part_of(a);

			if (from && from->kind == BV_BUFFER) {
				size_t len;
				const char *t = go_text(b->file,
							syn_arg(call, 0), &len);

				what = arena_strndup(&b->pkg->arena, t,
						     LH_MIN(len, 40));
			} else if (from) {
				what = from->what;
			}
			for (uint32_t i = 0; i < 2; i++)
				bv__declare_o(b, gn_named_child(left, i),
					      p, stmt, what,
					      true, false,
					      from ? from->origin : NULL);
			return;
		}
		k = bv__value(b, call, &what, &bytes, &origin);
		bv__declare_o(b, gn_named_child(left, 0), k, stmt, what,
			      bytes, false, origin);
		for (uint32_t i = 1; i < nl; i++)
			bv__declare(b, gn_named_child(left, i), BV_NONE,
				    stmt, NULL, false, !define);
	}
}

static bool bv__enter(void *ctx, GNode n, unsigned depth)
{
	struct bv__walk *w = ctx;
	struct bv_func *b = w->b;
	const struct go_syms *g = GS;
	TSSymbol s = gn_symbol(n);

	LH_UNUSED(depth);
	if (w->read_pass) {
		GNode m, buf = { 0 };
		const char *path, *nm;
		size_t nl;

		if (s != g->call_expression)
			return true;
		m = syn_call_method(n, NULL);
		if (bv__pkg_call(b->file, n, &path, &nm, &nl) &&
		    strcmp(path, "io") == 0 &&
		    (str_eqn(nm, nl, "ReadFull") ||
		     str_eqn(nm, nl, "ReadAtLeast")))
			buf = syn_arg(n, 1);
		else if (!gn_is_null(m) &&
			 (go_text_is(b->file, m, "Read") ||
			  go_text_is(b->file, m, "ReadAt") ||
			  go_text_is(b->file, m, "ReadFull")))
			buf = syn_arg(n, 0);
		if (!gn_is_null(buf)) {
			struct bv_var *v = (struct bv_var *)bv_var_of(b, buf);

			if (v && v->kind == BV_MAYBE_BIG) {
				v->kind = BV_BIG;
				v->what = "a buffer filled by Read";
			}
		}
		return true;
	}
	if (s == g->func_literal) {
		bv__params(b, go_field(n, f_parameters), false);
		bv__params(b, go_field(n, f_result), false);
		return true;
	}
	if (s == g->short_var_declaration) {
		bv__assign(b, n, go_field(n, f_left), go_field(n, f_right), true);
		return true;
	}
	if (s == g->assignment_statement) {
		GNode op = go_field(n, f_operator);

		if (gn_is_null(op) || go_text_is(b->file, op, "="))
			bv__assign(b, n, go_field(n, f_left),
				   go_field(n, f_right), false);
		return true;
	}
	if (s == g->var_spec) {
		GNode t = go_field(n, f_type), vals = go_field(n, f_value);
		uint32_t k = gn_named_child_count(n), idx = 0;

		for (uint32_t i = 0; i < k; i++) {
			GNode id = gn_named_child(n, i);
			const char *what = NULL, *origin = NULL;
			bool bytes = true;
			enum bv_kind kind = BV_NONE;
			int64_t arr;

			if (gn_symbol(id) != g->identifier)
				continue;
			if (!gn_is_null(vals) &&
			    idx < gn_named_child_count(vals)) {
				kind = bv__value(b, gn_named_child(vals, idx),
						 &what, &bytes, &origin);
			} else if (bv__buffer_type(b->file, t)) {
				kind = BV_BUFFER;
			} else if ((arr = bv__array_size(b, b->file, t, &bytes))) {
				kind = BV_BIG;
				what = arena_printf(&b->pkg->arena,
						    "an array of %lld bytes",
						    (long long)arr);
			}
			bv__declare_o(b, id, kind, n, what, bytes,
				      gn_is_null(vals) && kind == BV_NONE,
				      origin);
			idx++;
		}
		return true;
	}
	if (s == g->range_clause && syn_has_token(n, ":=")) {
		GNode left = go_field(n, f_left);
		const struct bv_var *from = NULL;
		enum bv_kind k = bv_expr(b, go_field(n, f_right), &from);
		uint32_t nl = gn_named_child_count(left);
		/* copied out: declaring may grow b->vars and move *from */
		const char *what = from ? from->what : NULL;
		const char *origin = from ? from->origin : NULL;
		bool bytes = !from || from->bytes;

		for (uint32_t i = 0; i < nl; i++)
			bv__declare_o(b, gn_named_child(left, i),
				      i == 1 && k == BV_PARTS ? BV_PART
				      : i == 1 && k == BV_PARTS_STR
					      ? BV_PART_STR
					      : BV_NONE,
				      n, what, bytes, false, origin);
		return true;
	}
	if (s == g->type_switch_statement) {
		GNode al = go_field(n, f_alias);

		for (uint32_t i = 0; !gn_is_null(al) &&
				     i < gn_named_child_count(al); i++)
			bv__declare(b, gn_named_child(al, i), BV_NONE, n,
				    NULL, false, false);
		return true;
	}
	if (s == g->receive_statement && syn_has_token(n, ":=")) {
		GNode left = go_field(n, f_left);

		for (uint32_t i = 0; i < gn_named_child_count(left); i++)
			bv__declare(b, gn_named_child(left, i), BV_NONE, n,
				    NULL, false, false);
	}
	return true;
}

/* marks[k] is in s[0..n) with its character at offset off[k] at p (a
 * hit of that character's memchr pass). */
static bool bv__mark_at(const char *s, size_t n, const char *p,
			const char *mark, size_t off)
{
	size_t l = strlen(mark);

	return (size_t)(p - s) >= off && (size_t)(s + n - (p - off)) >= l &&
	       memcmp(p - off, mark, l) == 0;
}

/* s[0..n) holds one of the marks of a value that may be big:
 * "ReadAll", "ReadFile", "Bytes()", "String()", "Read(", "ReadFull",
 * "ReadAt", "make([", "]byte", "bytes.Buffer", "strings.Builder". Each
 * has one of R B S [ ] (rare in Go code) at a known offset: one memchr
 * pass per such character (a memmem per mark costs more in its setup
 * than in its search on short bodies). */
static bool bv__marks(const char *s, size_t n)
{
	static const struct {
		char c;
		const char *mark;
		size_t off;
	} m[] = {
		{ 'R', "ReadAll", 0 },	  { 'R', "ReadFile", 0 },
		{ 'R', "Read(", 0 },	  { 'R', "ReadFull", 0 },
		{ 'R', "ReadAt", 0 },	  { 'B', "Bytes()", 0 },
		{ 'B', "bytes.Buffer", 6 }, { 'B', "strings.Builder", 8 },
		{ 'S', "String()", 0 },	  { '[', "make([", 5 },
		{ ']', "]byte", 0 },
	};
	static const char first[] = "RBS[]";
	const char *e = s + n;

	for (const char *c = first; *c; c++) {
		for (const char *p = s; (p = memchr(p, *c, (size_t)(e - p)));
		     p++) {
			for (size_t i = 0; i < ARRAY_SIZE(m); i++) {
				if (m[i].c == *c &&
				    bv__mark_at(s, n, p, m[i].mark, m[i].off))
					return true;
			}
		}
	}
	return false;
}

/* Text pre-filter: can the function hold a big value at all? */
static bool bv__maybe(struct bv_func *b, GNode fn)
{
	size_t len;
	const char *s = go_text(b->file, fn, &len);

	if (bv__marks(s, len))
		return true;
	if (gn_symbol(fn) == GS->method_declaration) {
		GNode pl = go_field(fn, f_receiver);
		GNode pd = gn_named_child(pl, 0);

		return !gn_is_null(pd) &&
		       bv__large_struct(b, go_field(pd, f_type)) > 0;
	}
	return false;
}

static bool bv__array_var_enter(void *ctx, GNode n, unsigned depth)
{
	bool *found = ctx;
	GNode t = go_field(n, f_type);

	LH_UNUSED(depth);
	if (!gn_is_null(t) && gn_symbol(t) == GS->array_type)
		*found = true;
	return !*found;
}

/* Exact pre-filter: can the declaration walks give any local a kind but
 * BV_NONE or BV_AMBIG? Every other kind starts at a root: make(...)
 * (bv__value), io / ioutil ReadAll, os / ioutil ReadFile (bv__expr), a
 * bytes.Buffer or strings.Builder type (a var or parameter), an
 * array-typed var, or a receiver of a large struct type; the rest only
 * derives from locals that have a kind. Without one, no finding can come
 * from fn. */
/* s[0..n) holds one of the strings of roots, all starting with c: one
 * memchr pass for their first letter (a memmem per string and function
 * costs more in its setup than in its search on short bodies). */
static bool bv__has(const char *s, size_t n, char c,
		    const char *const *roots, size_t nroots)
{
	const char *e = s + n;

	for (const char *p = s; (p = memchr(p, c, (size_t)(e - p))); p++) {
		for (size_t i = 0; i < nroots; i++) {
			size_t l = strlen(roots[i]);

			if ((size_t)(e - p) >= l && memcmp(p, roots[i], l) == 0)
				return true;
		}
	}
	return false;
}

static bool bv__roots(struct bv_func *b, GNode fn)
{
	static const char *const m[] = { "make" };
	static const char *const r[] = { "ReadAll", "ReadFile" };
	static const char *const bb[] = { "Buffer", "Builder" };
	const TSSymbol kinds[] = { GS->var_spec, 0 };
	bool found = false;
	struct syn_walker w = { bv__array_var_enter, NULL, &found };
	size_t len;
	const char *s = go_text(b->file, fn, &len);

	if (bv__has(s, len, 'R', r, ARRAY_SIZE(r)) ||
	    bv__has(s, len, 'B', bb, ARRAY_SIZE(bb)) ||
	    bv__has(s, len, 'm', m, ARRAY_SIZE(m)))
		return true;
	if (gn_symbol(fn) == GS->method_declaration) {
		GNode pl = go_field(fn, f_receiver);
		uint32_t n = gn_is_null(pl) ? 0 :
			     gn_named_child_count(pl);

		for (uint32_t i = 0; i < n; i++) {
			GNode pd = gn_named_child(pl, i);

			if (bv__large_struct(b, go_field(pd, f_type)) > 0)
				return true;
		}
	}
	walk_fn_body(b->file, fn, kinds, SYN_MAX_DEPTH, &w);
	return found;
}

/* The node kinds bv__enter acts on in the declaration walks, and in the
 * Read walk (walk.c registers them for the rules that use bv_analyze).
 * bv__enter never skips: a walk of fewer kinds makes the same calls. */
static const TSSymbol *bv__kinds(bool read_pass)
{
	static _Thread_local TSSymbol k[8], r[2];
	const struct go_syms *g = GS;

	if (!k[0]) {
		k[0] = g->func_literal;
		k[1] = g->short_var_declaration;
		k[2] = g->assignment_statement;
		k[3] = g->var_spec;
		k[4] = g->range_clause;
		k[5] = g->type_switch_statement;
		k[6] = g->receive_statement;
		r[0] = g->call_expression;
	}
	return read_pass ? r : k;
}

static void bv__decls(struct bv_func *b, struct bv__walk *w,
		      struct syn_walker *sw)
{
	GNode fn = b->fn;

	if (gn_symbol(fn) == GS->method_declaration)
		bv__params(b, go_field(fn, f_receiver), true);
	bv__params(b, go_field(fn, f_parameters), false);
	bv__params(b, go_field(fn, f_result), false);
	w->read_pass = false;
	walk_fn_body(b->file, fn, bv__kinds(false), SYN_MAX_DEPTH, sw);
}

void bv_analyze(struct bv_func *b, struct gopkg *pkg, struct gofile *f,
		GNode fn)
{
	struct bv__walk w = { b, false };
	struct syn_walker sw = { bv__enter, NULL, &w };
	bool maybe = false, any = false;
	size_t keep = 0;

	memset(b, 0, sizeof(*b));
	b->pkg = pkg;
	b->file = f;
	b->fn = fn;
	if (!bv__roots(b, fn) || !bv__maybe(b, fn))
		return;
	bv__decls(b, &w, &sw);
	for (size_t i = 0; i < b->vars.len; i++) {
		enum bv_kind k = b->vars.items[i].kind;

		if (k == BV_MAYBE_BIG)
			maybe = true;
		if (k != BV_NONE && k != BV_AMBIG)
			any = true;
	}
	if (!any) {
		b->vars.len = 0; /* nothing big: no finding can come */
		return;
	}
	if (!maybe)
		return;
	/* buffers with a computed size become big once Read fills them */
	w.read_pass = true;
	walk_fn_body(f, fn, bv__kinds(true), SYN_MAX_DEPTH, &sw);
	for (size_t i = 0; i < b->vars.len; i++) {
		if (b->vars.items[i].what &&
		    strcmp(b->vars.items[i].what, "a buffer filled by Read") == 0)
			b->vars.items[keep++] = b->vars.items[i];
	}
	if (!keep)
		return;
	b->vars.len = keep;
	bv__decls(b, &w, &sw);
}

void bv_release(struct bv_func *b)
{
	VEC_FREE(&b->vars);
}

/* Analyses every top-level function of the package once, keeping those
 * with large values (their vars copied to the package arena). */
static void bv__analyse_pkg(struct gopkg *pkg, struct bv__pkg *bp)
{
	VEC(struct bv_func) keep = VEC_INIT;

	bp->analysed = true;
	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct gofile *f = pkg->files[i];

		if (f->is_test || syn_file_ignored(f))
			continue;
		for (size_t k = 0; k < f->top.len; k++) {
			GNode d = f->top.items[k];
			struct bv_func b;
			struct bv_var *vars;

			if (gn_symbol(d) != GS->function_declaration &&
			    gn_symbol(d) != GS->method_declaration)
				continue;
			bv_analyze(&b, pkg, f, d);
			if (b.vars.len) {
				size_t n = b.vars.len;

				vars = arena_alloc(&pkg->arena,
						   n * sizeof(*vars));
				memcpy(vars, b.vars.items, n * sizeof(*vars));
				VEC_FREE(&b.vars);
				b.vars.items = vars;
				b.vars.len = b.vars.cap = n;
				VEC_PUSH(&keep, b);
			} else {
				bv_release(&b);
			}
		}
	}
	bp->nfuncs = keep.len;
	bp->funcs = arena_alloc(&pkg->arena,
				(keep.len + 1) * sizeof(*bp->funcs));
	if (keep.len)
		memcpy(bp->funcs, keep.items, keep.len * sizeof(*bp->funcs));
	VEC_FREE(&keep);
}

void bv_each_func(struct gopkg *pkg,
		  bool (*want)(struct gofile *f, GNode fn),
		  void (*fn)(struct bv_func *b, void *ctx), void *ctx)
{
	struct bv__pkg *bp = bv__pkg(pkg);

	/* LH40x and LH501 ask for the same functions: analysed once */
	if (!bp->analysed)
		bv__analyse_pkg(pkg, bp);
	for (size_t i = 0; i < bp->nfuncs; i++) {
		struct bv_func *b = &bp->funcs[i];

		if (want && !want(b->file, b->fn))
			continue;
		fn(b, ctx);
	}
}

/* ---------------------------------------------------------------- sinks */

/* A package-level variable named by id (not shadowed in the function). */
static bool bv__global(struct bv_func *b, GNode id, const char **name)
{
	size_t len;
	const char *s;
	char tmp[128];
	const struct godecl *d;

	id = go_unparen(id);
	if (gn_is_null(id) || gn_symbol(id) != GS->identifier)
		return false;
	s = go_text(b->file, id, &len);
	if (bv__find(b, s, len) || len >= sizeof(tmp))
		return false;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	d = gopkg_lookup(b->pkg, tmp);
	if (!d || d->kind != GODECL_VAR)
		return false;
	*name = d->name;
	return true;
}

struct bv__ret {
	const struct gofile *f;
	const char *name;
	size_t len;
	bool found;
};

static bool bv__ret_enter(void *ctx, GNode n, unsigned depth)
{
	struct bv__ret *r = ctx;
	GNode l;

	LH_UNUSED(depth);
	if (r->found || gn_symbol(n) == GS->func_literal)
		return false;
	if (gn_symbol(n) != GS->return_statement)
		return true;
	l = gn_named_child(n, 0);
	for (uint32_t i = 0; !gn_is_null(l) &&
			     i < gn_named_child_count(l); i++) {
		GNode e = go_unparen(gn_named_child(l, i));
		size_t len;
		const char *t;

		if (gn_symbol(e) == GS->unary_expression &&
		    go_text_is(r->f, go_field(e, f_operator), "&"))
			e = go_unparen(go_field(e, f_operand));
		if (gn_symbol(e) != GS->identifier)
			continue;
		t = go_text(r->f, e, &len);
		if (len == r->len && memcmp(t, r->name, len) == 0)
			r->found = true;
	}
	return false;
}

/* The local named by id is returned (x or &x) by the function. */
static bool bv__returned(struct bv_func *b, GNode id)
{
	struct bv__ret r = { b->file, NULL, 0, false };
	struct syn_walker w = { bv__ret_enter, NULL, &r };

	r.name = go_text(b->file, id, &r.len);
	syn_walk(go_field(b->fn, f_body), &w);
	return r.found;
}

/* The place assigned to is long-lived. */
static bool bv__long_lived(struct bv_func *b, GNode t, const char **where)
{
	const char *gname;
	GNode root = go_unparen(t);
	bool index = false;

	while (gn_symbol(root) == GS->index_expression) {
		root = go_unparen(go_field(root, f_operand));
		index = true;
	}
	if (gn_symbol(root) == GS->identifier) {
		const struct bv_var *v = bv_var_of(b, root);

		if (bv__global(b, root, &gname)) {
			snprintf(b->scratch, sizeof(b->scratch),
				 "stored in package-level %s", gname);
			*where = b->scratch;
			return true;
		}
		if (index && v && v->kind == BV_NONE && v->decl.id &&
		    gn_symbol(v->decl) != GS->parameter_declaration) {
			/* a local map: made with make(map...) or a literal */
			GNode d = v->decl, r = go_field(d, f_right);

			if (gn_is_null(r))
				r = go_field(d, f_value);
			if (!gn_is_null(r) &&
			    gn_named_child_count(r) == 1) {
				GNode x = go_unparen(gn_named_child(r, 0));
				GNode ty = syn_call_ident(b->file, x, "make")
						    ? syn_arg(x, 0)
						    : go_field(x, f_type);

				if (!gn_is_null(ty) &&
				    gn_symbol(ty) == GS->map_type &&
				    (syn_call_ident(b->file, x, "make") ||
				     gn_symbol(x) == GS->composite_literal)) {
					*where = "stored in a map";
					return true;
				}
			}
		}
		return false;
	}
	if (gn_symbol(root) == GS->selector_expression) {
		GNode x = go_unparen(go_field(root, f_operand));

		while (gn_symbol(x) == GS->selector_expression ||
		       gn_symbol(x) == GS->index_expression)
			x = go_unparen(go_field(x, f_operand));
		if (bv__global(b, x, &gname)) {
			snprintf(b->scratch, sizeof(b->scratch),
				 "stored in package-level %s", gname);
			*where = b->scratch;
			return true;
		}
		{
			const struct bv_var *v = bv_var_of(b, x);

			if (v && v->param && v->ptr) {
				*where = "stored in a field of a value that "
					 "outlives the call";
				return true;
			}
			if (v && !v->param && bv__returned(b, x)) {
				*where = "stored in a field of a returned value";
				return true;
			}
		}
	}
	return false;
}

GNode bv_sink(struct bv_func *b, GNode e, const char **where)
{
	const struct go_syms *g = GS;
	GNode p;

	for (unsigned depth = 0; depth < 64; depth++) {
		TSSymbol ps;

		p = gn_parent(e);
		if (gn_is_null(p))
			return p;
		ps = gn_symbol(p);
		if (ps == g->parenthesized_expression ||
		    ps == g->literal_element || ps == g->literal_value ||
		    ps == g->composite_literal) {
			e = p;
			continue;
		}
		if (ps == g->keyed_element) {
			/* the value, not the key */
			if (gn_eq(gn_named_child(p, 0), e))
				return (GNode){ 0 };
			e = p;
			continue;
		}
		if (ps == g->unary_expression &&
		    go_text_is(b->file, go_field(p, f_operator), "&") &&
		    gn_symbol(e) == g->composite_literal) {
			e = p;
			continue;
		}
		if (ps == g->argument_list) {
			GNode call = gn_parent(p);

			GNode m;

			/* x = append(x, part): the append is the value */
			if (syn_call_ident(b->file, call, "append") &&
			    !gn_eq(gn_named_child(p, 0), e) &&
			    gn_symbol(e) != g->variadic_argument) {
				e = call;
				continue;
			}
			/* http.HandleFunc(path, f), mux.Handle(path, h): kept
			 * by the server for the life of the process */
			m = go_unparen(go_field(call, f_function));
			if (gn_symbol(m) == g->selector_expression)
				m = go_field(m, f_field);
			if ((go_text_is(b->file, m, "HandleFunc") ||
			     go_text_is(b->file, m, "Handle")) &&
			    gn_eq(gn_named_child(p, gn_named_child_count(p) - 1),
				  e)) {
				*where = "registered as an HTTP handler";
				return call;
			}
			return (GNode){ 0 };
		}
		break;
	}
	if (gn_symbol(p) == g->send_statement &&
	    gn_eq(go_field(p, f_value), e)) {
		*where = "sent on a channel";
		return p;
	}
	if (gn_symbol(p) != g->expression_list)
		return (GNode){ 0 };
	{
		GNode st = gn_parent(p);
		uint32_t idx = 0, n = gn_named_child_count(p);
		GNode left;

		if (gn_is_null(st))
			return st;
		if (gn_symbol(st) == g->return_statement) {
			*where = "returned";
			return st;
		}
		if (gn_symbol(st) != g->assignment_statement ||
		    !gn_eq(go_field(st, f_right), p))
			return (GNode){ 0 };
		for (uint32_t i = 0; i < n; i++) {
			if (gn_eq(gn_named_child(p, i), e))
				idx = i;
		}
		left = go_field(st, f_left);
		if (gn_named_child_count(left) != n)
			return (GNode){ 0 };
		if (bv__long_lived(b, gn_named_child(left, idx), where))
			return st;
	}
	return (GNode){ 0 };
}
