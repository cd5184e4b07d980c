/*
 * lh60x.c - sync.Pool misuse.
 *
 *   LH601  Put of a non-pointer value ([]byte, a struct value, a string):
 *          boxing it into an interface allocates on every Put, which is
 *          what the pool was meant to avoid (staticcheck SA6002 flags the
 *          same shape; here the message says why)
 *   LH602  a buffer ([]byte, *[]byte, *bytes.Buffer, *strings.Builder) put
 *          back with no capacity check on the way: the pool keeps the
 *          largest buffer it ever saw, for every P, until the next GCs
 *   LH603  a pool holding values that must be closed (files, connections,
 *          *sql.DB, rows...): the GC drops pooled values without closing
 *          them
 *
 * A pool is a package-level variable, a local, or a struct field (by field
 * name) of type sync.Pool or *sync.Pool. Its element type comes from its
 * New func, from `p.Get().(T)` assertions, or from what is Put.
 *
 * Precision: LH601 needs the pool's element type known (New or Get) and
 * not a pointer, and the Put argument not a pointer. LH602 counts as a
 * check any condition on cap()/Cap() guarding the Put (an enclosing if, or
 * an earlier if that returns), and one on len()/Len() only when no Reset
 * or [:0] comes before it in the function (a length after a reset is 0);
 * a condition calling a function of the package that checks cap() counts,
 * and a Put in an unexported put helper is checked when every call of the
 * helper is. A []byte or *[]byte grows only when the function appends to
 * that very buffer.
 */
#include "static/pass.h"
#include "static/syn.h"
#include "static/walk.h"

extern const struct lh_rule lh_rule_lh601, lh_rule_lh602, lh_rule_lh603;

enum lh60x_elem {
	EL_UNKNOWN,
	EL_PTR,		/* pointer-shaped: no allocation */
	EL_BYTES,	/* []byte */
	EL_SLICE,	/* []T */
	EL_VALUE,	/* struct value, array, string, number */
	EL_PBYTES,	/* *[]byte */
	EL_BUFFER,	/* *bytes.Buffer */
	EL_BUILDER,	/* *strings.Builder */
	EL_CLOSER,	/* must be closed */
};

struct lh60x_pool {
	const char *key;   /* "bufPool", or ".pool" for a field */
	enum lh60x_elem elem;
	const char *elem_text;
	struct gofile *file;
	GNode where;	   /* New's return, or the declaration */
};

struct lh60x_put {
	const char *key;
	struct gofile *file;
	GNode call;
};

struct lh60x {
	struct lh_pass *p;
	struct gofile *f;
	VEC(struct lh60x_pool) pools;
	VEC(struct lh60x_put) puts;
};

/* ---------------------------------------------------------------- types */

static bool lh60x__qual(const struct gofile *f, GNode t, const char *path,
			const char *name)
{
	GNode pk, nm;
	size_t len;
	const char *s, *p;

	if (gn_is_null(t) || gn_symbol(t) != GS->qualified_type)
		return false;
	pk = go_field(t, f_package);
	nm = go_field(t, f_name);
	s = go_text(f, pk, &len);
	p = go_import_path(f, s, len);
	return p && strcmp(p, path) == 0 && (!name || go_text_is(f, nm, name));
}

static bool lh60x__pool_type(const struct gofile *f, GNode t)
{
	if (!gn_is_null(t) && gn_symbol(t) == GS->pointer_type)
		t = gn_named_child(t, 0);
	return lh60x__qual(f, t, "sync", "Pool");
}

static const struct {
	const char *path, *name;
} lh60x_closers[] = {
	{ "os", "File" },	 { "net", "Conn" },	 { "net", "TCPConn" },
	{ "net", "UDPConn" },	 { "net", "UnixConn" },	 { "net", "Listener" },
	{ "net", "IPConn" },	 { "crypto/tls", "Conn" }, { "database/sql", "DB" },
	{ "database/sql", "Conn" }, { "database/sql", "Rows" },
	{ "database/sql", "Stmt" }, { "database/sql", "Tx" },
	{ "net/http", "Response" }, { "os/exec", "Cmd" },
};

static bool lh60x__closer_type(const struct gofile *f, GNode t)
{
	for (size_t i = 0; i < ARRAY_SIZE(lh60x_closers); i++) {
		if (lh60x__qual(f, t, lh60x_closers[i].path,
				lh60x_closers[i].name))
			return true;
	}
	return false;
}

static bool lh60x__byte(const struct gofile *f, GNode t)
{
	return !gn_is_null(t) && (go_text_is(f, t, "byte") ||
				       go_text_is(f, t, "uint8"));
}

static enum lh60x_elem lh60x__type(struct lh60x *c, const struct gofile *f,
				   GNode t, unsigned depth)
{
	const struct go_syms *g = GS;
	TSSymbol s;

	if (gn_is_null(t) || depth > 4)
		return EL_UNKNOWN;
	s = gn_symbol(t);
	if (s == g->parenthesized_type)
		return lh60x__type(c, f, gn_named_child(t, 0), depth + 1);
	if (s == g->pointer_type) {
		GNode in = gn_named_child(t, 0);

		if (lh60x__qual(f, in, "bytes", "Buffer"))
			return EL_BUFFER;
		if (lh60x__qual(f, in, "strings", "Builder"))
			return EL_BUILDER;
		if (!gn_is_null(in) && gn_symbol(in) == g->slice_type &&
		    lh60x__byte(f, go_field(in, f_element)))
			return EL_PBYTES;
		if (lh60x__closer_type(f, t) || lh60x__closer_type(f, in))
			return EL_CLOSER;
		return EL_PTR;
	}
	if (s == g->slice_type)
		return lh60x__byte(f, go_field(t, f_element)) ? EL_BYTES
							       : EL_SLICE;
	if (s == g->array_type || s == g->struct_type)
		return EL_VALUE;
	if (s == g->map_type || s == g->channel_type || s == g->function_type)
		return EL_PTR;
	if (s == g->qualified_type) {
		if (lh60x__closer_type(f, t))
			return EL_CLOSER;
		if (lh60x__qual(f, t, "bytes", "Buffer") ||
		    lh60x__qual(f, t, "strings", "Builder"))
			return EL_VALUE;
		return EL_UNKNOWN; /* an interface or a struct: cannot tell */
	}
	if (s == g->type_identifier) {
		static const char *const basic[] = {
			"string", "int", "int8", "int16", "int32", "int64",
			"uint", "uint8", "uint16", "uint32", "uint64",
			"float32", "float64", "bool", "byte", "rune",
		};
		char tmp[128];
		size_t len;
		const char *name = go_text(f, t, &len);
		const struct godecl *d;

		for (size_t i = 0; i < ARRAY_SIZE(basic); i++) {
			if (go_text_is(f, t, basic[i]))
				return EL_VALUE;
		}
		if (len >= sizeof(tmp))
			return EL_UNKNOWN;
		memcpy(tmp, name, len);
		tmp[len] = '\0';
		d = gopkg_lookup(c->p->pkg, tmp);
		if (!d || d->kind != GODECL_TYPE ||
		    gn_symbol(d->node) != g->type_spec)
			return EL_UNKNOWN;
		{
			GNode u = go_field(d->node, f_type);

			if (gn_symbol(u) == g->interface_type)
				return EL_UNKNOWN;
			if (gn_symbol(u) == g->struct_type)
				return EL_VALUE;
			return lh60x__type(c, d->file, u, depth + 1);
		}
	}
	return EL_UNKNOWN;
}

/* ---------------------------------------------------------------- exprs */

static enum lh60x_elem lh60x__expr(struct lh60x *c, const struct gofile *f,
				   GNode e, GNode scope, unsigned depth);

struct lh60x__decl {
	struct lh60x *c;
	const struct gofile *f;
	const char *name;
	size_t len;
	GNode before; /* only declarations before this node */
	unsigned depth; /* of the expression being resolved */
	enum lh60x_elem found;
	bool done;
};

static bool lh60x__decl_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh60x__decl *d = ctx;
	TSSymbol s = gn_symbol(n);

	LH_UNUSED(depth);
	if (d->done || gn_start_byte(n) >= gn_start_byte(d->before))
		return false;
	if (s == GS->short_var_declaration || s == GS->assignment_statement) {
		GNode l = go_field(n, f_left), r = go_field(n, f_right);
		uint32_t nl = gn_named_child_count(l);
		uint32_t nr = gn_is_null(r) ? 0 : gn_named_child_count(r);

		for (uint32_t i = 0; i < nl; i++) {
			GNode id = gn_named_child(l, i);
			size_t len;
			const char *t = go_text(d->f, id, &len);

			if (len != d->len || memcmp(t, d->name, len) != 0)
				continue;
			if (nl == nr) {
				/* x = y, y = x: each step goes deeper */
				d->found = lh60x__expr(d->c, d->f,
						       gn_named_child(r, i),
						       d->before, d->depth + 1);
				d->done = d->found != EL_UNKNOWN;
			}
		}
		return true;
	}
	if (s == GS->var_spec || s == GS->parameter_declaration) {
		GNode t = go_field(n, f_type);
		uint32_t k = gn_named_child_count(n);

		for (uint32_t i = 0; i < k; i++) {
			GNode id = gn_named_child(n, i);
			size_t len;
			const char *x;

			if (gn_symbol(id) != GS->identifier)
				continue;
			x = go_text(d->f, id, &len);
			if (len == d->len && memcmp(x, d->name, len) == 0 &&
			    !gn_is_null(t)) {
				d->found = lh60x__type(d->c, d->f, t, 0);
				d->done = d->found != EL_UNKNOWN;
			}
		}
	}
	return true;
}

static enum lh60x_elem lh60x__expr(struct lh60x *c, const struct gofile *f,
				   GNode e, GNode scope, unsigned depth)
{
	const struct go_syms *g = GS;
	TSSymbol s;

	e = go_unparen(e);
	if (gn_is_null(e) || depth > 12)
		return EL_UNKNOWN;
	s = gn_symbol(e);
	if (s == g->unary_expression) {
		if (go_text_is(f, go_field(e, f_operator), "&")) {
			GNode op = go_unparen(go_field(e, f_operand));

			if (gn_symbol(op) == g->composite_literal) {
				GNode t = go_field(op, f_type);

				if (lh60x__qual(f, t, "bytes", "Buffer"))
					return EL_BUFFER;
				if (lh60x__qual(f, t, "strings", "Builder"))
					return EL_BUILDER;
			}
			if (lh60x__expr(c, f, op, scope, depth + 1) == EL_BYTES)
				return EL_PBYTES;
			return EL_PTR;
		}
		return EL_UNKNOWN;
	}
	if (s == g->composite_literal)
		return lh60x__type(c, f, go_field(e, f_type), 0);
	if (s == g->interpreted_string_literal || s == g->raw_string_literal ||
	    s == g->int_literal || s == g->float_literal)
		return EL_VALUE;
	if (s == g->type_assertion_expression)
		return lh60x__type(c, f, go_field(e, f_type), 0);
	if (s == g->slice_expression)
		return lh60x__expr(c, f, go_field(e, f_operand), scope, depth + 1);
	if (s == g->call_expression) {
		GNode a0 = syn_arg(e, 0);

		if (syn_call_ident(f, e, "make"))
			return lh60x__type(c, f, a0, 0);
		if (syn_call_ident(f, e, "new")) {
			if (lh60x__qual(f, a0, "bytes", "Buffer"))
				return EL_BUFFER;
			if (lh60x__qual(f, a0, "strings", "Builder"))
				return EL_BUILDER;
			if (!gn_is_null(a0) &&
			    gn_symbol(a0) == g->slice_type &&
			    lh60x__byte(f, go_field(a0, f_element)))
				return EL_PBYTES;
			if (lh60x__closer_type(f, a0))
				return EL_CLOSER;
			return EL_PTR;
		}
		if (syn_call_pkg(f, e, "bytes", "NewBuffer") ||
		    syn_call_pkg(f, e, "bytes", "NewBufferString"))
			return EL_BUFFER;
		if (syn_call_pkg(f, e, "os", "Open") ||
		    syn_call_pkg(f, e, "os", "Create") ||
		    syn_call_pkg(f, e, "os", "OpenFile") ||
		    syn_call_pkg(f, e, "net", "Dial") ||
		    syn_call_pkg(f, e, "net", "DialTimeout") ||
		    syn_call_pkg(f, e, "net", "Listen") ||
		    syn_call_pkg(f, e, "crypto/tls", "Dial") ||
		    syn_call_pkg(f, e, "database/sql", "Open"))
			return EL_CLOSER;
		if (gn_symbol(go_unparen(go_field(e, f_function))) ==
			    g->parenthesized_type ||
		    gn_symbol(go_unparen(go_field(e, f_function))) ==
			    g->slice_type)
			return lh60x__type(c, f, go_unparen(go_field(e, f_function)),
					   0);
		return EL_UNKNOWN;
	}
	if (s == g->identifier && !gn_is_null(scope)) {
		GNode fn = syn_enclosing_func(scope);
		struct lh60x__decl d = { c, f, NULL, 0, scope, depth,
					 EL_UNKNOWN, false };
		struct syn_walker w = { lh60x__decl_enter, NULL, &d };

		if (gn_is_null(fn))
			return EL_UNKNOWN;
		d.name = go_text(f, e, &d.len);
		syn_walk(go_field(fn, f_parameters), &w);
		if (gn_symbol(fn) == g->method_declaration)
			syn_walk(go_field(fn, f_receiver), &w);
		syn_walk(go_field(fn, f_body), &w);
		return d.found;
	}
	return EL_UNKNOWN;
}

/* ---------------------------------------------------------------- pools */

/* Key of a pool expression: "name" or ".field". Allocated in the arena. */
static const char *lh60x__key(struct lh60x *c, GNode x)
{
	x = go_unparen(x);
	if (gn_is_null(x))
		return NULL;
	if (gn_symbol(x) == GS->unary_expression)
		x = go_unparen(go_field(x, f_operand));
	if (gn_symbol(x) == GS->identifier)
		return go_text_dup(c->f, x);
	if (gn_symbol(x) == GS->selector_expression)
		return arena_printf(&c->p->pkg->arena, ".%s",
				    go_text_dup(c->f, go_field(x, f_field)));
	return NULL;
}

static struct lh60x_pool *lh60x__pool(struct lh60x *c, const char *key)
{
	for (size_t i = 0; i < c->pools.len; i++) {
		if (strcmp(c->pools.items[i].key, key) == 0)
			return &c->pools.items[i];
	}
	return NULL;
}

static struct lh60x_pool *lh60x__add_pool(struct lh60x *c, const char *key,
					  GNode where)
{
	struct lh60x_pool *p = lh60x__pool(c, key);
	struct lh60x_pool np = { 0 };

	if (p)
		return p;
	np.key = key;
	np.file = c->f;
	np.where = where;
	VEC_PUSH(&c->pools, np);
	return &c->pools.items[c->pools.len - 1];
}

/* Records what a pool holds; conflicting kinds make it unknown. */
static void lh60x__learn(struct lh60x_pool *p, enum lh60x_elem e,
			 struct gofile *f, GNode where)
{
	if (e == EL_UNKNOWN)
		return;
	if (p->elem == EL_UNKNOWN) {
		p->elem = e;
		p->file = f;
		p->where = where;
		p->elem_text = NULL;
	} else if (p->elem != e && !(p->elem == EL_BYTES && e == EL_SLICE)) {
		p->elem = EL_PTR; /* mixed: say nothing */
	}
}

struct lh60x__ret {
	struct lh60x *c;
	enum lh60x_elem e;
	GNode at;
};

static bool lh60x__ret_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh60x__ret *r = ctx;

	LH_UNUSED(depth);
	if (gn_symbol(n) == GS->func_literal)
		return false;
	if (gn_symbol(n) == GS->return_statement && r->e == EL_UNKNOWN) {
		GNode l = gn_named_child(n, 0);
		GNode v = gn_is_null(l) ? l : gn_named_child(l, 0);

		r->e = lh60x__expr(r->c, r->c->f, v, v, 0);
		r->at = n;
		return false;
	}
	return true;
}

/* The element type a New func literal returns. */
static void lh60x__new(struct lh60x *c, struct lh60x_pool *p, GNode lit)
{
	struct lh60x__ret r = { c, EL_UNKNOWN, { 0 } };
	struct syn_walker w = { lh60x__ret_enter, NULL, &r };

	lit = go_unparen(lit);
	if (gn_is_null(lit) || gn_symbol(lit) != GS->func_literal)
		return;
	syn_walk(go_field(lit, f_body), &w);
	lh60x__learn(p, r.e, c->f, gn_is_null(r.at) ? lit : r.at);
}

/* sync.Pool{New: ...}: the literal's New. */
static void lh60x__literal(struct lh60x *c, struct lh60x_pool *p, GNode lit)
{
	GNode body = go_field(lit, f_body);
	uint32_t n = gn_is_null(body) ? 0 : gn_named_child_count(body);

	for (uint32_t i = 0; i < n; i++) {
		GNode kv = gn_named_child(body, i);
		GNode k, v;

		if (gn_symbol(kv) != GS->keyed_element)
			continue;
		k = gn_named_child(kv, 0);
		v = gn_named_child(kv, 1);
		if (go_text_is(c->f, k, "New"))
			lh60x__new(c, p, gn_named_child(v, 0));
	}
}

static bool lh60x__is_pool_lit(const struct gofile *f, GNode v)
{
	v = go_unparen(v);
	if (!gn_is_null(v) && gn_symbol(v) == GS->unary_expression)
		v = go_unparen(go_field(v, f_operand));
	return !gn_is_null(v) && gn_symbol(v) == GS->composite_literal &&
	       lh60x__qual(f, go_field(v, f_type), "sync", "Pool");
}

static GNode lh60x__lit_of(GNode v)
{
	v = go_unparen(v);
	if (gn_symbol(v) == GS->unary_expression)
		v = go_unparen(go_field(v, f_operand));
	return v;
}

static bool lh60x__enter(void *ctx, GNode n, unsigned depth)
{
	struct lh60x *c = ctx;
	const struct go_syms *g = GS;
	TSSymbol s = gn_symbol(n);

	LH_UNUSED(depth);
	if (s == g->var_spec) {
		GNode t = go_field(n, f_type), vals = go_field(n, f_value);
		uint32_t k = gn_named_child_count(n), idx = 0;

		for (uint32_t i = 0; i < k; i++) {
			GNode id = gn_named_child(n, i), v = { 0 };

			if (gn_symbol(id) != g->identifier)
				continue;
			if (!gn_is_null(vals) &&
			    idx < gn_named_child_count(vals))
				v = gn_named_child(vals, idx);
			idx++;
			if (lh60x__pool_type(c->f, t) ||
			    (!gn_is_null(v) && lh60x__is_pool_lit(c->f, v))) {
				struct lh60x_pool *p = lh60x__add_pool(
					c, go_text_dup(c->f, id), n);

				if (!gn_is_null(v) &&
				    lh60x__is_pool_lit(c->f, v))
					lh60x__literal(c, p, lh60x__lit_of(v));
			}
		}
		return true;
	}
	if (s == g->short_var_declaration) {
		GNode l = go_field(n, f_left), r = go_field(n, f_right);

		if (gn_named_child_count(l) == 1 &&
		    gn_named_child_count(r) == 1 &&
		    lh60x__is_pool_lit(c->f, gn_named_child(r, 0))) {
			struct lh60x_pool *p = lh60x__add_pool(
				c, go_text_dup(c->f, gn_named_child(l, 0)),
				n);

			lh60x__literal(c, p,
				       lh60x__lit_of(gn_named_child(r, 0)));
		}
		return true;
	}
	if (s == g->field_declaration) {
		GNode t = go_field(n, f_type);
		uint32_t k = gn_named_child_count(n);

		if (!lh60x__pool_type(c->f, t))
			return false;
		for (uint32_t i = 0; i < k; i++) {
			GNode id = gn_named_child(n, i);

			if (gn_symbol(id) == g->field_identifier)
				lh60x__add_pool(c,
						arena_printf(&c->p->pkg->arena,
							     ".%s",
							     go_text_dup(c->f, id)),
						n);
		}
		return false;
	}
	if (s == g->keyed_element) {
		/* T{pool: sync.Pool{New: ...}} */
		GNode k = gn_named_child(n, 0), v = gn_named_child(n, 1);
		GNode kid = gn_named_child(k, 0);
		GNode lit = gn_named_child(v, 0);

		if (!gn_is_null(kid) && !gn_is_null(lit) &&
		    lh60x__is_pool_lit(c->f, lit)) {
			struct lh60x_pool *p = lh60x__add_pool(
				c,
				arena_printf(&c->p->pkg->arena, ".%s",
					     go_text_dup(c->f, kid)),
				n);

			lh60x__literal(c, p, lh60x__lit_of(lit));
		}
		return true;
	}
	if (s == g->assignment_statement) {
		/* p.New = func() any { ... } */
		GNode l = go_field(n, f_left), r = go_field(n, f_right);
		GNode lhs = gn_named_child(l, 0);

		if (gn_named_child_count(l) == 1 &&
		    gn_symbol(lhs) == g->selector_expression &&
		    go_text_is(c->f, go_field(lhs, f_field), "New")) {
			const char *key = lh60x__key(c, go_field(lhs, f_operand));
			struct lh60x_pool *p = key ? lh60x__pool(c, key) : NULL;

			if (p)
				lh60x__new(c, p, gn_named_child(r, 0));
		}
		return true;
	}
	if (s == g->type_assertion_expression) {
		/* p.Get().(T) */
		GNode call = go_unparen(go_field(n, f_operand)), recv = { 0 };
		GNode m = syn_call_method(call, &recv);
		const char *key;
		struct lh60x_pool *p;

		if (gn_is_null(m) || !go_text_is(c->f, m, "Get") ||
		    syn_nargs(call) != 0)
			return true;
		key = lh60x__key(c, recv);
		p = key ? lh60x__pool(c, key) : NULL;
		if (p)
			lh60x__learn(p, lh60x__type(c, c->f, go_field(n, f_type), 0),
				     c->f, n);
		return true;
	}
	if (s == g->call_expression) {
		GNode recv = { 0 }, m = syn_call_method(n, &recv);
		const char *key;

		if (gn_is_null(m) || !go_text_is(c->f, m, "Put") ||
		    syn_nargs(n) != 1)
			return true;
		key = lh60x__key(c, recv);
		if (key) {
			struct lh60x_put put = { key, c->f, n };

			VEC_PUSH(&c->puts, put);
		}
		return true;
	}
	return true;
}

/* ---------------------------------------------------------------- checks */

struct lh60x__chk {
	const struct gofile *f;
	bool cap, len;
};

static bool lh60x__chk_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh60x__chk *k = ctx;
	GNode m;

	LH_UNUSED(depth);
	if (gn_symbol(n) != GS->call_expression)
		return true;
	if (syn_call_ident(k->f, n, "cap"))
		k->cap = true;
	if (syn_call_ident(k->f, n, "len"))
		k->len = true;
	m = syn_call_method(n, NULL);
	if (!gn_is_null(m) && go_text_is(k->f, m, "Cap"))
		k->cap = true;
	if (!gn_is_null(m) && go_text_is(k->f, m, "Len"))
		k->len = true;
	return true;
}

struct lh60x__reset {
	const struct gofile *f;
	uint32_t before;
	bool found;
};

static bool lh60x__reset_enter(void *ctx, GNode n, unsigned depth)
{
	struct lh60x__reset *r = ctx;
	GNode m;

	LH_UNUSED(depth);
	if (r->found || gn_start_byte(n) >= r->before)
		return false;
	if (gn_symbol(n) == GS->call_expression) {
		m = syn_call_method(n, NULL);
		if (!gn_is_null(m) &&
		    (go_text_is(r->f, m, "Reset") ||
		     go_text_is(r->f, m, "Truncate")))
			r->found = true;
	}
	if (gn_symbol(n) == GS->slice_expression) {
		GNode end = go_field(n, f_end), start = go_field(n, f_start);

		if (gn_is_null(start) && !gn_is_null(end) &&
		    go_text_is(r->f, end, "0"))
			r->found = true;
	}
	return true;
}

/* The condition calls a function of the package whose body checks a
 * capacity: `if oversized(b) { return }`. */
static bool lh60x__helper_checks(const struct gofile *f, GNode cond)
{
	const struct gopkg *pkg = f->pkg;

	for (size_t i = 0; pkg && i < pkg->funcs.len; i++) {
		const struct godecl *d = pkg->funcs.items[i];
		const char *dot = strchr(d->name, '.');
		const char *nm = dot ? dot + 1 : d->name;
		size_t cl, nl = strlen(nm);
		const char *ct = go_text(f, cond, &cl);
		struct lh60x__chk k = { d->file, false, false };
		struct syn_walker w = { lh60x__chk_enter, NULL, &k };
		const char *p;

		p = memmem(ct, cl, nm, nl);
		if (!p || p + nl >= ct + cl || p[nl] != '(' ||
		    (p > ct && (p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z') ||
				(p[-1] >= 'A' && p[-1] <= 'Z') ||
				(p[-1] >= '0' && p[-1] <= '9'))))
			continue;
		syn_walk(go_field(d->node, f_body), &w);
		if (k.cap)
			return true;
	}
	return false;
}

/* A condition that bounds the buffer's size. */
static bool lh60x__bounds(const struct gofile *f, GNode cond, GNode fn)
{
	struct lh60x__chk k = { f, false, false };
	struct syn_walker w = { lh60x__chk_enter, NULL, &k };

	syn_walk(cond, &w);
	if (k.cap || lh60x__helper_checks(f, cond))
		return true;
	if (k.len) {
		struct lh60x__reset r = { f, gn_start_byte(cond), false };
		struct syn_walker rw = { lh60x__reset_enter, NULL, &r };

		syn_walk(go_field(fn, f_body), &rw);
		return !r.found; /* a length after Reset is always 0 */
	}
	return false;
}

/* Some capacity check guards the Put on its path. */
static bool lh60x__guarded(const struct gofile *f, GNode put)
{
	GNode fn = syn_enclosing_func(put), prev = put;

	for (GNode q = gn_parent(put); !gn_is_null(q);
	     prev = q, q = gn_parent(q)) {
		TSSymbol s = gn_symbol(q);

		if (syn_is_func(q))
			break;
		if (s == GS->if_statement &&
		    !gn_eq(go_field(q, f_condition), prev) &&
		    lh60x__bounds(f, go_field(q, f_condition), fn))
			return true;
		if (s == GS->block || s == GS->expression_case ||
		    s == GS->default_case || s == GS->communication_case) {
			/* an earlier `if big { return }` in this block */
			uint32_t n = gn_named_child_count(q);

			for (uint32_t i = 0; i < n; i++) {
				GNode st = gn_named_child(q, i);

				if (gn_start_byte(st) >=
				    gn_start_byte(prev))
					break;
				if (gn_symbol(st) == GS->if_statement &&
				    syn_terminating(f, go_field(st, f_consequence)) &&
				    lh60x__bounds(f, go_field(st, f_condition), fn))
					return true;
			}
		}
	}
	return false;
}

/* A put helper (an unexported function that puts its parameter back):
 * true when it has callers and every one of them checks the capacity
 * before calling it. Callers are found by name in the package's text. */
static bool lh60x__callers_guarded(const struct gofile *f, GNode put)
{
	GNode fn = syn_enclosing_func(put), arg = go_unparen(syn_arg(put, 0));
	GNode name;
	const struct gopkg *pkg = f->pkg;
	char pat[130];
	size_t nl, pl;
	const char *nm;
	unsigned calls = 0;

	if (gn_is_null(fn) ||
	    gn_symbol(fn) != GS->function_declaration || !pkg ||
	    gn_is_null(arg) || gn_symbol(arg) != GS->identifier)
		return false;
	name = go_field(fn, f_name);
	nm = go_text(f, name, &nl);
	if (nl == 0 || nl + 2 > sizeof(pat) || (nm[0] >= 'A' && nm[0] <= 'Z'))
		return false; /* exported: callers we cannot see */
	{
		/* the buffer put back is a parameter */
		size_t pl2, al;
		const char *ps = go_text(f, go_field(fn, f_parameters), &pl2);
		const char *as = go_text(f, arg, &al);

		if (!memmem(ps, pl2, as, al))
			return false;
	}
	memcpy(pat, nm, nl);
	pat[nl] = '(';
	pl = nl + 1;
	for (size_t i = 0; i < pkg->nfiles; i++) {
		const struct gofile *g = pkg->files[i];
		GNode root = go_root(g);

		if (g->is_test)
			continue;
		for (const char *p = g->src, *end = g->src + g->len;
		     p < end && (p = memmem(p, (size_t)(end - p), pat, pl));
		     p += pl) {
			uint32_t off = (uint32_t)(p - g->src);
			GNode id, call;

			if (p > g->src && (p[-1] == '_' || p[-1] == '.' ||
					   (p[-1] >= 'a' && p[-1] <= 'z') ||
					   (p[-1] >= 'A' && p[-1] <= 'Z') ||
					   (p[-1] >= '0' && p[-1] <= '9')))
				continue;
			id = gn_descendant_for_byte_range(root, off,
							       off + (uint32_t)nl);
			if (gn_symbol(id) != GS->identifier)
				continue; /* a comment, a string */
			call = gn_parent(id);
			if (!gn_is_null(call) &&
			    gn_symbol(call) == GS->function_declaration)
				continue; /* the helper itself */
			if (gn_is_null(call) ||
			    gn_symbol(call) != GS->call_expression)
				return false; /* used as a value */
			if (!lh60x__guarded(g, call))
				return false;
			calls++;
		}
	}
	return calls > 0;
}

/* The function putting the buffer back grows that buffer with append:
 * `b = append(b, ...)`, `*bp = append(*bp, ...)`, `append((*bp)[:0], ...)`
 * (an append of anything else leaves a fixed-size buffer as it was). */
static bool lh60x__appends(const struct gofile *f, GNode put)
{
	GNode fn = syn_enclosing_func(put), arg = go_unparen(syn_arg(put, 0));
	size_t len, nl;
	const char *s, *nm;

	while (!gn_is_null(arg) &&
	       gn_symbol(arg) == GS->unary_expression)
		arg = go_unparen(go_field(arg, f_operand));
	while (!gn_is_null(arg) &&
	       gn_symbol(arg) == GS->slice_expression)
		arg = go_unparen(go_field(arg, f_operand));
	while (!gn_is_null(fn) && gn_symbol(fn) == GS->func_literal &&
	       !gn_is_null(syn_enclosing_func(fn)))
		fn = syn_enclosing_func(fn); /* deferred Put: the outer func */
	s = go_text(f, fn, &len);
	if (gn_is_null(arg) || gn_symbol(arg) != GS->identifier)
		return memmem(s, len, "append(", 7) != NULL;
	nm = go_text(f, arg, &nl);
	for (const char *p = s, *end = s + len;
	     p < end && (p = memmem(p, (size_t)(end - p), "append(", 7));
	     p += 7) {
		/* the first argument: up to the first comma */
		const char *a = p + 7, *c = memchr(a, ',', (size_t)(end - a));
		const char *q;

		if (!c)
			break;
		for (q = a; q + nl <= c; q++) {
			if (memcmp(q, nm, nl) == 0 &&
			    (q == a || !(q[-1] == '_' || q[-1] == '.' ||
					 (q[-1] >= 'a' && q[-1] <= 'z') ||
					 (q[-1] >= 'A' && q[-1] <= 'Z') ||
					 (q[-1] >= '0' && q[-1] <= '9'))) &&
			    (q + nl == c || !(q[nl] == '_' ||
					      (q[nl] >= 'a' && q[nl] <= 'z') ||
					      (q[nl] >= 'A' && q[nl] <= 'Z') ||
					      (q[nl] >= '0' && q[nl] <= '9'))))
				return true;
		}
	}
	return false;
}

/* ---------------------------------------------------------------- report */

static const char *lh60x__name(enum lh60x_elem e)
{
	switch (e) {
	case EL_BYTES:
		return "[]byte";
	case EL_SLICE:
		return "slice";
	case EL_VALUE:
		return "non-pointer";
	case EL_PBYTES:
		return "*[]byte";
	case EL_BUFFER:
		return "*bytes.Buffer";
	case EL_BUILDER:
		return "*strings.Builder";
	default:
		return "value";
	}
}

static void lh60x__check(struct lh60x *c)
{
	struct lh_pass *p = c->p;

	for (size_t i = 0; i < c->puts.len; i++) {
		struct lh60x_put *put = &c->puts.items[i];
		struct lh60x_pool *pool = lh60x__pool(c, put->key);
		GNode arg = syn_arg(put->call, 0);
		enum lh60x_elem a;

		if (!pool)
			continue;
		a = lh60x__expr(c, put->file, arg, put->call, 0);
		if (pool->elem == EL_UNKNOWN && a != EL_UNKNOWN)
			lh60x__learn(pool, a, put->file, put->call);
	}
	for (size_t i = 0; i < c->puts.len; i++) {
		struct lh60x_put *put = &c->puts.items[i];
		struct lh60x_pool *pool = lh60x__pool(c, put->key);
		GNode arg = syn_arg(put->call, 0);
		enum lh60x_elem a, e;
		struct lh_finding *fd;

		if (!pool || put->file->is_test)
			continue;
		a = lh60x__expr(c, put->file, arg, put->call, 0);
		e = a != EL_UNKNOWN ? a : pool->elem;
		if (a == EL_PTR || a == EL_PBYTES || a == EL_BUFFER ||
		    a == EL_BUILDER || a == EL_CLOSER)
			e = a;
		/* LH601: the pool's type is known and not a pointer */
		if ((pool->elem == EL_BYTES || pool->elem == EL_SLICE ||
		     pool->elem == EL_VALUE) &&
		    (a == EL_UNKNOWN || a == EL_BYTES || a == EL_SLICE ||
		     a == EL_VALUE) && gn_symbol(arg) != GS->nil) {
			fd = pass_report(p, &lh_rule_lh601, put->file, put->call,
					 "sync.Pool Put of a %s value: boxing it "
					 "into an interface allocates on every "
					 "Put", lh60x__name(e));
			pass_fix(p, fd,
				 "pool pointers: store *[]byte (p.Put(&buf)) "
				 "or a pointer to a struct holding the "
				 "buffer, so Put and Get do not allocate");
		}
		/* LH602: a buffer with no capacity check (a []byte only grows
		 * by append: fixed-size read buffers keep their size) */
		if ((e == EL_BUFFER || e == EL_BUILDER ||
		     ((e == EL_BYTES || e == EL_PBYTES) &&
		      lh60x__appends(put->file, put->call))) &&
		    !lh60x__guarded(put->file, put->call) &&
		    !lh60x__callers_guarded(put->file, put->call)) {
			fd = pass_report(p, &lh_rule_lh602, put->file, put->call,
					 "%s put back into the pool with no "
					 "capacity check: the pool keeps the "
					 "largest buffer it ever saw",
					 lh60x__name(e));
			pass_fix(p, fd,
				 "drop oversized buffers instead of pooling "
				 "them: if %s > 64<<10 { return } before Put",
				 e == EL_BYTES ? "cap(b)"
				 : e == EL_PBYTES ? "cap(*b)" : "b.Cap()");
		}
	}
	for (size_t i = 0; i < c->pools.len; i++) {
		struct lh60x_pool *pool = &c->pools.items[i];
		struct lh_finding *fd;
		GNode at = pool->where;
		struct gofile *f = pool->file;

		bool put = false;

		if (pool->elem != EL_CLOSER)
			continue;
		for (size_t k = 0; k < c->puts.len && !put; k++) {
			if (strcmp(c->puts.items[k].key, pool->key) == 0 &&
			    !c->puts.items[k].file->is_test) {
				at = c->puts.items[k].call;
				f = c->puts.items[k].file;
				put = true;
			}
		}
		if (!put)
			continue; /* never stored into: not used as storage */
		fd = pass_report(p, &lh_rule_lh603, f, at,
				 "sync.Pool %s holds values that must be "
				 "closed: the GC drops pooled values without "
				 "closing them",
				 pool->key[0] == '.' ? pool->key + 1 : pool->key);
		pass_fix(p, fd,
			 "keep such values in a pool that closes them (a "
			 "buffered channel or a slice with a size limit and an "
			 "explicit Close), or the driver's own pool "
			 "(database/sql, http.Transport)");
	}
}

static void lh60x_run(struct lh_pass *p)
{
	const struct go_syms *g = GS;
	const TSSymbol kinds[] = { g->var_spec, g->short_var_declaration,
				   g->field_declaration, g->keyed_element,
				   g->assignment_statement,
				   g->type_assertion_expression,
				   g->call_expression, 0 };
	struct lh60x c = { p, NULL, VEC_INIT, VEC_INIT };
	bool pools = false;

	/* a pool is declared with sync.Pool in a file importing sync (for
	 * any name of the import, its type is spelled ...Pool): without one
	 * there is nothing to check, and no file need be walked */
	for (size_t i = 0; i < p->pkg->nfiles && !pools; i++) {
		const struct gofile *f = p->pkg->files[i];

		pools = !syn_file_ignored(f) && syn_imports(f, "sync") &&
			memmem(f->src, f->len, "Pool", 4);
	}
	if (!pools)
		return;
	for (size_t i = 0; i < p->pkg->nfiles; i++) {
		struct syn_walker w = { lh60x__enter, NULL, &c };

		c.f = p->pkg->files[i];
		if (syn_file_ignored(c.f) ||
		    (!syn_imports(c.f, "sync") &&
		     !memmem(c.f->src, c.f->len, ".Put(", 5)))
			continue;
		walk_file(c.f, kinds, SYN_MAX_DEPTH, &w);
	}
	if (c.pools.len && c.puts.len)
		lh60x__check(&c);
	VEC_FREE(&c.pools);
	VEC_FREE(&c.puts);
}

const struct lh_rule lh_rule_lh601 = {
	.id = "LH601",
	.name = "pool-put-non-pointer",
	.title = "sync.Pool Put of a non-pointer value allocates",
	.class = LH_CLASS_POOL,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.run = lh60x_run,
};

const struct lh_rule lh_rule_lh602 = {
	.id = "LH602",
	.name = "pool-unbounded-buffer",
	.title = "buffer put back into a sync.Pool without a size cap",
	.class = LH_CLASS_POOL,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.run_by = &lh_rule_lh601, /* reported by its run */
};

const struct lh_rule lh_rule_lh603 = {
	.id = "LH603",
	.name = "pool-holds-closers",
	.title = "sync.Pool used to keep values that must be closed",
	.class = LH_CLASS_POOL,
	.severity = LH_SEV_WARNING,
	.since = "0.1",
	.run_by = &lh_rule_lh601, /* reported by its run */
};
