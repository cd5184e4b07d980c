/*
 * chanfacts.c - channel facts per function (see chanfacts.h).
 *
 * One scoped walk per function body. Pass 1 (a flat cursor scan) finds
 * the names that can denote a local channel - left-hand sides of
 * `make(chan ...)` and `var c chan T` - and whether the function starts
 * goroutines; functions with neither are skipped. Pass 2 walks the body
 * with a stack of bindings for those names only (a redeclaration of one of
 * them shadows, anything else cannot matter), classifies every use of a
 * channel-bound identifier by its parent node, and follows `go` statements
 * into func literals and, one level deep, into same-package callees.
 *
 * Cost: each node of a function is visited once by each pass, plus the
 * bodies of same-package callees once per `go` statement naming them.
 * Nesting deeper than CF_MAX_DEPTH marks the function incomplete.
 */
#include <stdio.h>
#include <stdlib.h>

#include "static/chanfacts.h"
#include "static/walk.h"

#define CF_MAX_DEPTH 400
#define CF_MAX_PARAMS 64
#define CF_INF (1 << 20)
#define CF_NOPATH (-1)

#define APUSH(a, arr, n, capn, x)                                              \
	do {                                                                   \
		if ((n) == (capn)) {                                           \
			size_t ap__c = (capn) ? (capn) * 2 : 4;                \
			void *ap__p = arena_alloc((a), ap__c * sizeof(*(arr)));\
			if (n)                                                 \
				memcpy(ap__p, (arr), (n) * sizeof(*(arr)));    \
			(arr) = ap__p;                                         \
			(capn) = ap__c;                                        \
		}                                                              \
		(arr)[(n)++] = (x);                                            \
	} while (0)

struct cf_name {
	const char *s;
	size_t len;
};

struct cf_bind {
	const char *s;
	size_t len;
	struct chan *ch; /* NULL: a shadowing non-channel */
	unsigned scope;
};

struct cf_walk {
	struct gopkg *pkg;
	struct chfacts *cf;
	struct arena *a;
	struct chfunc *fn;
	struct gofile *file;	/* file of the body being walked */
	VEC(struct cf_name) names;
	VEC(struct cf_bind) binds;
	size_t barrier;		/* lookups stop here (callee bodies) */
	unsigned scope;
	int gor;
	unsigned loops;		/* loop depth in the current body */
	GNode loop;
	bool deferred;
	unsigned closure;	/* depth of escaping closures */
	unsigned lit;		/* inline/deferred literals in the body */
	unsigned callee;	/* inside a summarized callee */
	unsigned depth;
	const char *recv;	/* receiver name of the walked method */
	size_t recv_len;
	const char *recv_type;
	GCursor cursors[CF_MAX_DEPTH + 1];
	unsigned ncursors;
};

static void cf__walk(struct cf_walk *w, GNode n);
static bool cf__defines(const struct gofile *f, GNode n);
static struct chfield *cf__field_in(const struct chfacts *cf, const char *s,
				    size_t len, bool pkgvar);
static void cf__field_op(struct cf_walk *w, GNode sel);

/* ================================================================ helpers */

static bool cf__is(GNode n, TSSymbol s)
{
	return !gn_is_null(n) && gn_symbol(n) == s;
}

static bool cf__eq(GNode a, GNode b)
{
	if (gn_is_null(a) || gn_is_null(b))
		return false;
	return gn_eq(a, b);
}

static GNode cf__null(void)
{
	GNode n;

	memset(&n, 0, sizeof(n));
	return n;
}

static GNode cf__parent(GNode n, GNode *child)
{
	GNode p = gn_parent(n);

	while (cf__is(p, GS->parenthesized_expression)) {
		n = p;
		p = gn_parent(p);
	}
	if (child)
		*child = n;
	return p;
}

/* A cursor for the current depth, reset to n. */
static GCursor *cf__cursor(struct cf_walk *w, GNode n)
{
	unsigned d = w->depth;

	if (d >= w->ncursors) {
		w->cursors[d] = gc_new(n);
		w->ncursors = d + 1;
	} else {
		gc_reset(&w->cursors[d], n);
	}
	return &w->cursors[d];
}

static bool cf__interesting(const struct cf_walk *w, const char *s, size_t len)
{
	for (size_t i = 0; i < w->names.len; i++) {
		if (w->names.items[i].len == len &&
		    memcmp(w->names.items[i].s, s, len) == 0)
			return true;
	}
	return false;
}

static void cf__add_name(struct cf_walk *w, const char *s, size_t len)
{
	struct cf_name nm = { s, len };

	if (len && !(len == 1 && s[0] == '_') && !cf__interesting(w, s, len))
		VEC_PUSH(&w->names, nm);
}

static struct cf_bind *cf__lookup(struct cf_walk *w, const char *s,
				  size_t len)
{
	for (size_t i = w->binds.len; i > w->barrier; i--) {
		struct cf_bind *b = &w->binds.items[i - 1];

		if (b->len == len && memcmp(b->s, s, len) == 0)
			return b;
	}
	return NULL;
}

static void cf__bind(struct cf_walk *w, const char *s, size_t len,
		     struct chan *ch)
{
	struct cf_bind b = { s, len, ch, w->scope };

	VEC_PUSH(&w->binds, b);
}

static void cf__scope_push(struct cf_walk *w)
{
	w->scope++;
}

static void cf__scope_pop(struct cf_walk *w)
{
	while (w->binds.len > w->barrier &&
	       w->binds.items[w->binds.len - 1].scope >= w->scope)
		w->binds.len--;
	w->scope--;
}

/* Binds identifier id (a declaration) when its name matters. */
static void cf__declare(struct cf_walk *w, GNode id, struct chan *ch)
{
	size_t len;
	const char *s;

	if (!cf__is(id, GS->identifier))
		return;
	s = go_text(w->file, id, &len);
	if (ch || cf__interesting(w, s, len))
		cf__bind(w, s, len, ch);
}

/* True for `make(chan T[, n])`. */
static bool cf__is_make_chan(const struct gofile *f, GNode n)
{
	GNode fn, args, t;

	n = go_unparen(n);
	if (!cf__is(n, GS->call_expression))
		return false;
	fn = go_field(n, f_function);
	if (!cf__is(fn, GS->identifier) || !go_text_is(f, fn, "make"))
		return false;
	args = go_field(n, f_arguments);
	if (gn_is_null(args) || gn_named_child_count(args) == 0)
		return false;
	t = gn_named_child(args, 0);
	return cf__is(t, GS->channel_type);
}

/* ================================================================ constants */

static long cf__const_expr(struct gopkg *pkg, const struct gofile *f,
			   GNode n, int depth);

static long cf__int_literal(const struct gofile *f, GNode n)
{
	char buf[64];
	size_t len, j = 0;
	const char *s = go_text(f, n, &len);
	int base = 10;
	char *end;
	long v;

	for (size_t i = 0; i < len && j + 1 < sizeof(buf); i++) {
		if (s[i] != '_')
			buf[j++] = s[i];
	}
	buf[j] = '\0';
	s = buf;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	} else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
		base = 2;
		s += 2;
	} else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) {
		base = 8;
		s += 2;
	} else if (s[0] == '0' && s[1]) {
		base = 8;
	}
	v = strtol(s, &end, base);
	if (*end || v < 0 || v > CF_INF)
		return -1;
	return v;
}

/* Value of package constant id, or -1. */
static long cf__const_ident(struct gopkg *pkg, const struct gofile *f,
			    GNode id, int depth)
{
	char name[128];
	size_t len;
	const char *s = go_text(f, id, &len);
	const struct godecl *d;
	GCursor c;
	GNode values = cf__null();
	int idx = -1, i = 0;
	long v = -1;

	if (len >= sizeof(name))
		return -1;
	memcpy(name, s, len);
	name[len] = '\0';
	d = gopkg_lookup(pkg, name);
	if (!d || d->kind != GODECL_CONST)
		return -1;
	c = gc_new(d->node);
	if (gc_goto_first_child(&c)) {
		do {
			TSFieldId fid = gc_current_field_id(&c);
			GNode ch = gc_current_node(&c);

			if (fid == GS->f_name) {
				if (go_text_is(d->file, ch, name))
					idx = i;
				i++;
			} else if (fid == GS->f_value) {
				values = ch;
			}
		} while (gc_goto_next_sibling(&c));
	}
	gc_delete(&c);
	if (idx >= 0 && !gn_is_null(values)) {
		if (cf__is(values, GS->expression_list)) {
			if ((uint32_t)idx < gn_named_child_count(values))
				v = cf__const_expr(pkg, d->file,
					gn_named_child(values, idx),
					depth + 1);
		} else if (idx == 0) {
			v = cf__const_expr(pkg, d->file, values, depth + 1);
		}
	}
	return v;
}

static long cf__const_expr(struct gopkg *pkg, const struct gofile *f,
			   GNode n, int depth)
{
	const struct go_syms *g = GS;
	TSSymbol s;

	n = go_unparen(n);
	if (gn_is_null(n) || depth > 16)
		return -1;
	s = gn_symbol(n);
	if (s == g->int_literal)
		return cf__int_literal(f, n);
	if (s == g->identifier)
		return cf__const_ident(pkg, f, n, depth);
	if (s == g->binary_expression) {
		long a = cf__const_expr(pkg, f, go_field(n, f_left), depth + 1);
		long b = cf__const_expr(pkg, f, go_field(n, f_right), depth + 1);
		GNode op = go_field(n, f_operator);

		if (a < 0 || b < 0)
			return -1;
		if (go_text_is(f, op, "+"))
			return a + b <= CF_INF ? a + b : -1;
		if (go_text_is(f, op, "-"))
			return a - b >= 0 ? a - b : -1;
		if (go_text_is(f, op, "*"))
			return a * b <= CF_INF ? a * b : -1;
		if (go_text_is(f, op, "/"))
			return b ? a / b : -1;
		return -1;
	}
	if (s == g->call_expression) {
		/* int(3), conversions of constants */
		GNode fn = go_field(n, f_function);
		GNode args = go_field(n, f_arguments);

		if (cf__is(fn, g->identifier) &&
		    (go_text_is(f, fn, "int") || go_text_is(f, fn, "uint")) &&
		    gn_named_child_count(args) == 1)
			return cf__const_expr(pkg, f,
					      gn_named_child(args, 0),
					      depth + 1);
	}
	return -1;
}

static int cf__capacity(struct cf_walk *w, GNode make)
{
	GNode args = go_field(go_unparen(make), f_arguments);
	long v;

	if (gn_named_child_count(args) < 2)
		return 0;
	v = cf__const_expr(w->pkg, w->file, gn_named_child(args, 1), 0);
	return v < 0 ? CHCAP_UNKNOWN : (int)v;
}

/* ================================================================ channels */

static struct chan *cf__new_chan(struct cf_walk *w, GNode id, GNode make,
				 bool nil_decl)
{
	struct chan *c = arena_alloc(w->a, sizeof(*c));

	c->name = go_text_dup(w->file, id);
	c->file = w->file;
	c->ident = id;
	c->make = make;
	c->cap = nil_decl ? CHCAP_NIL : cf__capacity(w, make);
	APUSH(w->a, w->fn->chans, w->fn->nchans, w->fn->capchans, c);
	return c;
}

static void cf__escape(struct chan *c, GNode at)
{
	if (!c->escapes) {
		c->escapes = true;
		c->escape = at;
	}
}

/* The select a channel op is the communication of, or null. */
static GNode cf__select_of(GNode op)
{
	GNode p = cf__parent(op, NULL);

	if (cf__is(p, GS->receive_statement))
		p = cf__parent(p, NULL);
	if (cf__is(p, GS->communication_case))
		return gn_parent(p);
	return cf__null();
}

static bool cf__select_has_alt(GNode sel)
{
	uint32_t n = gn_named_child_count(sel), cases = 0;

	for (uint32_t i = 0; i < n; i++) {
		TSSymbol s = gn_symbol(gn_named_child(sel, i));

		if (s == GS->communication_case || s == GS->default_case)
			cases++;
	}
	return cases > 1;
}

static void cf__op(struct cf_walk *w, struct chan *c, enum chop_kind kind,
		   GNode node)
{
	struct chop op;

	memset(&op, 0, sizeof(op));
	op.kind = kind;
	op.file = w->file;
	op.node = node;
	op.gor = w->gor;
	op.in_loop = w->loops > 0;
	op.loop = w->loop;
	op.deferred = w->deferred;
	if (kind == CHOP_SEND || kind == CHOP_RECV) {
		op.select = cf__select_of(node);
		op.select_alt = !gn_is_null(op.select) &&
				cf__select_has_alt(op.select);
	}
	APUSH(w->a, c->ops, c->nops, c->capops, op);
}

/* A use of identifier id: classify it by its parent. */
static void cf__ident(struct cf_walk *w, GNode id)
{
	const struct go_syms *g = GS;
	size_t len;
	const char *s = go_text(w->file, id, &len);
	struct cf_bind *b = cf__lookup(w, s, len);
	struct chan *c;
	GNode x, p;
	TSSymbol ps;

	if (!b && w->cf->nfields && !w->closure &&
	    cf__field_in(w->cf, s, len, true)) {
		cf__field_op(w, id);
		return;
	}
	if (!b || !b->ch)
		return;
	c = b->ch;
	if (w->closure) {
		cf__escape(c, id);
		return;
	}
	p = cf__parent(id, &x);
	if (gn_is_null(p)) {
		cf__escape(c, id);
		return;
	}
	ps = gn_symbol(p);
	if (ps == g->send_statement && cf__eq(go_field(p, f_channel), x)) {
		cf__op(w, c, CHOP_SEND, p);
	} else if (ps == g->unary_expression &&
		   go_text_is(w->file, go_field(p, f_operator), "<-")) {
		cf__op(w, c, CHOP_RECV, p);
	} else if (ps == g->argument_list) {
		GNode call = gn_parent(p);
		GNode fn = go_field(call, f_function);

		if (cf__is(fn, g->identifier) && go_text_is(w->file, fn, "close"))
			cf__op(w, c, CHOP_CLOSE, call);
		else if (!(cf__is(fn, g->identifier) &&
			   (go_text_is(w->file, fn, "len") ||
			    go_text_is(w->file, fn, "cap"))))
			cf__escape(c, id);
	} else if (ps == g->range_clause && cf__eq(go_field(p, f_right), x)) {
		cf__op(w, c, CHOP_RANGE, gn_parent(p));
	} else if (ps == g->binary_expression) {
		/* c == nil, c != other: no effect */
	} else if (ps == g->expression_list) {
		GNode pp = gn_parent(p);

		if ((cf__is(pp, g->assignment_statement) ||
		     cf__is(pp, g->short_var_declaration)) &&
		    cf__eq(go_field(pp, f_left), p))
			c->assigned = true;
		else
			cf__escape(c, id);
	} else {
		cf__escape(c, id);
	}
}

/* ================================================================ fields */

static struct chfield *cf__field_in(const struct chfacts *cf, const char *s,
				    size_t len, bool pkgvar)
{
	for (size_t i = 0; cf && i < cf->nfields; i++) {
		if (cf->fields[i].len == len && (cf->fields[i].type == NULL) ==
							pkgvar &&
		    memcmp(cf->fields[i].name, s, len) == 0)
			return &cf->fields[i];
	}
	return NULL;
}

static struct chfield *cf__field_named(const struct chfacts *cf,
				       const char *s, size_t len)
{
	return cf__field_in(cf, s, len, false);
}

/* True when identifier id declares a name (not a use). */
static bool cf__declares(const struct gofile *f, GNode id)
{
	const struct go_syms *g = GS;
	GNode p = gn_parent(id), pp;
	TSSymbol s;

	if (gn_is_null(p))
		return false;
	s = gn_symbol(p);
	if (s == g->var_spec || s == g->const_spec ||
	    s == g->parameter_declaration ||
	    s == g->variadic_parameter_declaration ||
	    s == g->function_declaration || s == g->type_spec)
		return true;
	if (s != g->expression_list)
		return false;
	pp = gn_parent(p);
	if (cf__is(pp, g->short_var_declaration) ||
	    ((cf__is(pp, g->range_clause) || cf__is(pp, g->receive_statement)) &&
	     cf__defines(f, pp)))
		return cf__eq(go_field(pp, f_left), p);
	if (cf__is(pp, g->type_switch_statement))
		return cf__eq(go_field(pp, f_alias), p);
	return false;
}

bool chanfacts_field_dead(const struct chfield *f)
{
	return f && !f->exported && !f->escapes && !f->foreign && !f->nsend &&
	       !f->nclose;
}

/* True when v, a value given to a channel field, is a channel made right
 * there (`make(chan T)`) or nil: nobody else holds it. */
static bool cf__made_here(const struct gofile *file, GNode v)
{
	const struct go_syms *g = GS;
	GNode fn;

	if (cf__is(v, g->literal_element) && gn_named_child_count(v))
		v = gn_named_child(v, 0);
	if (cf__is(v, g->identifier))
		return go_text_is(file, v, "nil");
	if (!cf__is(v, g->call_expression))
		return false;
	fn = go_field(v, f_function);
	return cf__is(fn, g->identifier) && go_text_is(file, fn, "make");
}

/* What a use of channel field f at selector sel does; sets *kind and
 * returns true for an operation, else updates f (assigned, escapes). */
static bool cf__field_use(const struct gofile *file, struct chfield *f,
			  GNode sel, enum chop_kind *kind, GNode *opnode)
{
	const struct go_syms *g = GS;
	GNode x, p = cf__parent(sel, &x);
	TSSymbol ps;

	if (gn_is_null(p)) {
		f->escapes = true;
		return false;
	}
	ps = gn_symbol(p);
	if (ps == g->send_statement && cf__eq(go_field(p, f_channel), x)) {
		*kind = CHOP_SEND;
		*opnode = p;
		return true;
	}
	if (ps == g->unary_expression &&
	    go_text_is(file, go_field(p, f_operator), "<-")) {
		*kind = CHOP_RECV;
		*opnode = p;
		return true;
	}
	if (ps == g->argument_list) {
		GNode call = gn_parent(p);
		GNode fn = go_field(call, f_function);

		if (cf__is(fn, g->identifier) && go_text_is(file, fn, "close")) {
			*kind = CHOP_CLOSE;
			*opnode = call;
			return true;
		}
		if (!(cf__is(fn, g->identifier) && (go_text_is(file, fn, "len") ||
						    go_text_is(file, fn, "cap"))))
			f->escapes = true;
		return false;
	}
	if (ps == g->range_clause && cf__eq(go_field(p, f_right), x)) {
		*kind = CHOP_RANGE;
		*opnode = gn_parent(p);
		return true;
	}
	if (ps == g->binary_expression)
		return false;
	if (ps == g->expression_list) {
		GNode pp = gn_parent(p);

		if (cf__is(pp, g->assignment_statement) &&
		    cf__eq(go_field(pp, f_left), p)) {
			GNode r = go_field(pp, f_right);
			uint32_t n = gn_named_child_count(p);

			f->assigned = true;
			for (uint32_t i = 0; i < n && !f->foreign; i++) {
				if (!cf__eq(gn_named_child(p, i), x))
					continue;
				f->foreign = gn_named_child_count(r) !=
						     n ||
					     !cf__made_here(file,
						gn_named_child(r, i));
			}
			return false;
		}
	}
	f->escapes = true;
	return false;
}

static void cf__field_count(struct chfield *f, enum chop_kind k)
{
	if (k == CHOP_SEND)
		f->nsend++;
	else if (k == CHOP_RECV)
		f->nrecv++;
	else if (k == CHOP_CLOSE)
		f->nclose++;
	else
		f->nrange++;
}

/* The channel fields declared by the package's struct types, and its
 * package-level channel variables. */
static void cf__collect_fields(struct gopkg *pkg, struct chfacts *cf)
{
	const struct go_syms *g = GS;
	size_t cap = 0;

	for (size_t i = 0; i < pkg->decls.cap; i++) {
		const struct godecl *d = pkg->decls.slots[i].value;
		GNode st, list;

		if (pkg->decls.slots[i].key && d && d->kind == GODECL_VAR) {
			GNode type = go_field(d->node, f_type);
			GNode val = go_field(d->node, f_value);
			struct chfield nf;
			bool made = !gn_is_null(val);

			if (made && !(cf__is(val, g->expression_list) &&
				      gn_named_child_count(val) == 1 &&
				      cf__is_make_chan(d->file,
					gn_named_child(val, 0))))
				continue;
			if (!made && !cf__is(type, g->channel_type))
				continue;
			memset(&nf, 0, sizeof(nf));
			nf.name = d->name;
			nf.len = strlen(d->name);
			nf.exported = d->name[0] >= 'A' && d->name[0] <= 'Z';
			nf.assigned = made;
			APUSH(&pkg->arena, cf->fields, cf->nfields, cap, nf);
			continue;
		}
		if (!pkg->decls.slots[i].key || !d || d->kind != GODECL_TYPE)
			continue;
		st = go_field(d->node, f_type);
		if (!cf__is(st, g->struct_type))
			continue;
		list = gn_named_child(st, 0);
		if (!cf__is(list, g->field_declaration_list))
			continue;
		for (uint32_t j = 0; j < gn_named_child_count(list); j++) {
			GNode fd = gn_named_child(list, j);

			if (!cf__is(fd, g->field_declaration) ||
			    !cf__is(go_field(fd, f_type), g->channel_type))
				continue;
			for (uint32_t k = 0; k < gn_named_child_count(fd);
			     k++) {
				GNode nm = gn_named_child(fd, k);
				struct chfield nf;
				size_t len;
				const char *t;

				if (!cf__is(nm, g->field_identifier))
					continue;
				t = go_text(d->file, nm, &len);
				if (cf__field_named(cf, t, len))
					continue;
				memset(&nf, 0, sizeof(nf));
				nf.name = arena_strndup(&pkg->arena, t, len);
				nf.len = len;
				nf.type = d->name;
				nf.exported = t[0] >= 'A' && t[0] <= 'Z';
				APUSH(&pkg->arena, cf->fields, cf->nfields, cap,
				      nf);
			}
		}
	}
}

/* A composite literal of a type declaring channel fields that sets them
 * by position: all its fields count as assigned. */
static void cf__positional(const struct gofile *file, struct chfacts *cf,
			   GNode lit)
{
	GNode type = go_field(lit, f_type), body = go_field(lit, f_body);
	size_t len;
	const char *t;
	bool keyed = false;

	if (gn_is_null(type) || gn_is_null(body) ||
	    !gn_named_child_count(body))
		return;
	for (uint32_t i = 0; i < gn_named_child_count(body); i++) {
		if (cf__is(gn_named_child(body, i), GS->keyed_element))
			keyed = true;
	}
	if (keyed)
		return;
	t = go_text(file, type, &len);
	for (size_t i = 0; i < cf->nfields; i++) {
		const char *ty = cf->fields[i].type;

		/* which element is which field is not followed: any
		 * positional value may come from elsewhere */
		if (ty && strlen(ty) <= len && !memcmp(t + len - strlen(ty), ty,
						  strlen(ty))) {
			cf->fields[i].assigned = true;
			cf->fields[i].foreign = true;
		}
	}
}

/* One pass over the package: every use of every channel field. */
static void cf__count_fields(struct gopkg *pkg, struct chfacts *cf)
{
	const struct go_syms *g = GS;

	/* selectors by their field names: a name that is no channel field's
	 * costs no look-up of the selector */
	const TSSymbol kinds[] = { g->field_identifier, g->identifier,
				   g->keyed_element, g->composite_literal, 0 };

	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct gofile *f = pkg->files[i];
		struct walk_iter it;
		const struct gonode *e;

		if (!memmem(f->src, f->len, "chan", 4) && !cf->nfields)
			continue;
		walk_iter_file(&it, f, kinds);
		while ((e = walk_next(&it))) {
			GNode n = e->node;
			TSSymbol s = e->sym;

			if (s == g->field_identifier) {
				/* x.F: the selector is F's parent, one level
				 * up */
				size_t len;
				const char *t = go_ident_text(f, n, &len);
				struct chfield *fl = cf__field_named(cf, t, len);
				enum chop_kind k;
				GNode op, sel;

				if (!fl || e->depth > CF_MAX_DEPTH + 1)
					continue;
				sel = gn_parent(n);
				if (cf__is(sel, g->selector_expression) &&
				    cf__field_use(f, fl, sel, &k, &op))
					cf__field_count(fl, k);
				continue;
			}
			if (e->depth > CF_MAX_DEPTH)
				continue;
			if (s == g->identifier) {
				size_t len;
				const char *t = go_ident_text(f, n, &len);
				struct chfield *fl = cf__field_in(cf, t, len,
								  true);
				enum chop_kind k;
				GNode op, p = fl ? gn_parent(n) : n;

				if (fl && cf__is(p, g->var_spec) &&
				    cf__is(gn_parent(p),
					   g->var_declaration) &&
				    cf__is(gn_parent(gn_parent(p)),
					   g->source_file))
					; /* its own declaration */
				else if (fl && cf__declares(f, n))
					fl->escapes = true; /* shadowed */
				else if (fl && cf__field_use(f, fl, n, &k, &op))
					cf__field_count(fl, k);
			} else if (s == g->keyed_element) {
				GNode key = gn_named_child(n, 0);
				size_t len;
				const char *t = go_text(f, key, &len);
				struct chfield *fl = cf__field_named(cf, t, len);

				if (fl) {
					fl->assigned = true;
					if (gn_named_child_count(n) < 2 ||
					    !cf__made_here(f,
						gn_named_child(n, 1)))
						fl->foreign = true;
				}
			} else if (s == g->composite_literal) {
				cf__positional(f, cf, n);
			}
		}
	}
}

/* A channel field operation inside the walked function. */
static void cf__field_op(struct cf_walk *w, GNode sel)
{
	size_t len;
	bool var = cf__is(sel, GS->identifier);
	const char *t = go_text(w->file, var ? sel : go_field(sel, f_field),
				&len);
	struct chfield *fl = cf__field_in(w->cf, t, len, var);
	struct chfield scratch;
	enum chop_kind k;
	GNode op, s;
	struct chfop fo;

	if (!fl)
		return;
	scratch = *fl; /* counts were made by the package pass */
	if (!cf__field_use(w->file, &scratch, sel, &k, &op))
		return;
	memset(&fo, 0, sizeof(fo));
	fo.field = fl;
	fo.kind = k;
	fo.file = w->file;
	fo.node = op;
	fo.gor = w->gor;
	fo.deferred = w->deferred;
	if (k == CHOP_SEND || k == CHOP_RECV) {
		s = cf__select_of(op);
		fo.select_alt = !gn_is_null(s) && cf__select_has_alt(s);
	}
	APUSH(w->a, w->fn->fops, w->fn->nfops, w->fn->capfops, fo);
}

/* ================================================================ walk */

/* Walks the named children of n: all of them (any), or those whose field
 * is fid (fid 0: those with no field) when want, the others when not. */
static void cf__kids(struct cf_walk *w, GNode n, bool any, TSFieldId fid,
		     bool want)
{
	GCursor *c;

	if (w->depth >= CF_MAX_DEPTH) {
		w->fn->incomplete = true;
		return;
	}
	c = cf__cursor(w, n);
	if (!gc_goto_first_child(c))
		return;
	w->depth++;
	do {
		GNode ch = gc_current_node(c);

		if (gn_is_named(ch) &&
		    (any || (gc_current_field_id(c) == fid) == want))
			cf__walk(w, ch);
	} while (gc_goto_next_sibling(c));
	w->depth--;
}

static void cf__children(struct cf_walk *w, GNode n)
{
	cf__kids(w, n, true, 0, true);
}

/* Walks children of n whose field is fid (fid 0: those with no field). */
static void cf__field(struct cf_walk *w, GNode n, TSFieldId fid, bool want)
{
	cf__kids(w, n, false, fid, want);
}

/* Has an anonymous child ":=". */
static bool cf__defines(const struct gofile *f, GNode n)
{
	uint32_t cnt = gn_child_count(n);

	for (uint32_t i = 0; i < cnt; i++) {
		GNode ch = gn_child(n, i);

		if (!gn_is_named(ch) && go_text_is(f, ch, ":="))
			return true;
	}
	return false;
}

static void cf__short_var(struct cf_walk *w, GNode n)
{
	GNode left = go_field(n, f_left), right = go_field(n, f_right);
	uint32_t nl = gn_named_child_count(left);
	uint32_t nr = gn_named_child_count(right);

	if (!gn_is_null(right))
		cf__walk(w, right);
	for (uint32_t i = 0; i < nl; i++) {
		GNode id = gn_named_child(left, i);
		size_t len;
		const char *s = go_text(w->file, id, &len);
		struct cf_bind *b;
		struct chan *ch = NULL;

		if (!cf__interesting(w, s, len))
			continue;
		b = cf__lookup(w, s, len);
		if (b && b->scope == w->scope) {
			/* redeclared in the same scope: an assignment */
			if (b->ch)
				b->ch->assigned = true;
			continue;
		}
		if (nl == nr &&
		    cf__is_make_chan(w->file, gn_named_child(right, i)))
			ch = cf__new_chan(w, id, go_unparen(
				gn_named_child(right, i)), false);
		cf__declare(w, id, ch);
	}
}

static void cf__var_spec(struct cf_walk *w, GNode n)
{
	GCursor c = gc_new(n);
	GNode names[CF_MAX_PARAMS], type = cf__null(), values = cf__null();
	uint32_t nn = 0, nv;

	if (gc_goto_first_child(&c)) {
		do {
			TSFieldId fid = gc_current_field_id(&c);
			GNode ch = gc_current_node(&c);

			if (fid == GS->f_name && nn < CF_MAX_PARAMS)
				names[nn++] = ch;
			else if (fid == GS->f_type)
				type = ch;
			else if (fid == GS->f_value)
				values = ch;
		} while (gc_goto_next_sibling(&c));
	}
	gc_delete(&c);
	if (!gn_is_null(values))
		cf__walk(w, values);
	nv = gn_is_null(values) ? 0 :
	     cf__is(values, GS->expression_list) ?
		     gn_named_child_count(values) : 1;
	for (uint32_t i = 0; i < nn; i++) {
		struct chan *ch = NULL;
		size_t len;
		const char *s = go_text(w->file, names[i], &len);

		if (!cf__interesting(w, s, len))
			continue;
		if (nv == nn) {
			GNode v = cf__is(values, GS->expression_list) ?
				gn_named_child(values, i) : values;

			if (cf__is_make_chan(w->file, v))
				ch = cf__new_chan(w, names[i], go_unparen(v),
						  false);
		} else if (nv == 0 && cf__is(type, GS->channel_type)) {
			ch = cf__new_chan(w, names[i], cf__null(), true);
		}
		cf__declare(w, names[i], ch);
	}
}

/* Flattens a parameter list into names (null node: unnamed). Returns the
 * count; *variadic receives the index of a variadic parameter or -1. */
static uint32_t cf__params(GNode plist, GNode *out, uint32_t max,
			   int *variadic)
{
	uint32_t n = 0, cnt;

	*variadic = -1;
	if (gn_is_null(plist))
		return 0;
	cnt = gn_named_child_count(plist);
	for (uint32_t i = 0; i < cnt && n < max; i++) {
		GNode pd = gn_named_child(plist, i);
		GCursor c;
		uint32_t named = 0;

		if (cf__is(pd, GS->variadic_parameter_declaration))
			*variadic = (int)n;
		else if (!cf__is(pd, GS->parameter_declaration))
			continue;
		c = gc_new(pd);
		if (gc_goto_first_child(&c)) {
			do {
				if (gc_current_field_id(&c) ==
					    GS->f_name && n < max) {
					out[n++] = gc_current_node(&c);
					named++;
				}
			} while (gc_goto_next_sibling(&c));
		}
		gc_delete(&c);
		if (!named)
			out[n++] = cf__null();
	}
	return n;
}

/* Binds a func literal's or callee's parameters: mapped[i] when given. */
static void cf__bind_params(struct cf_walk *w, GNode plist,
			    struct chan **mapped, uint32_t nmapped)
{
	GNode names[CF_MAX_PARAMS];
	int variadic;
	uint32_t n = cf__params(plist, names, CF_MAX_PARAMS, &variadic);

	for (uint32_t i = 0; i < n; i++) {
		struct chan *ch = i < nmapped ? mapped[i] : NULL;

		if (gn_is_null(names[i]))
			continue;
		if (ch) {
			size_t len;
			const char *s = go_text(w->file, names[i], &len);

			cf__add_name(w, s, len);
		}
		cf__declare(w, names[i], ch);
	}
}

struct cf_saved {
	struct gofile *file;
	int gor;
	unsigned loops, lit, callee, closure;
	GNode loop;
	bool deferred;
	size_t barrier;
};

static void cf__save(struct cf_walk *w, struct cf_saved *s)
{
	s->file = w->file;
	s->gor = w->gor;
	s->loops = w->loops;
	s->lit = w->lit;
	s->callee = w->callee;
	s->closure = w->closure;
	s->loop = w->loop;
	s->deferred = w->deferred;
	s->barrier = w->barrier;
}

static void cf__restore(struct cf_walk *w, const struct cf_saved *s)
{
	w->file = s->file;
	w->gor = s->gor;
	w->loops = s->loops;
	w->lit = s->lit;
	w->callee = s->callee;
	w->closure = s->closure;
	w->loop = s->loop;
	w->deferred = s->deferred;
	w->barrier = s->barrier;
}

/* A func literal run in place (called now or deferred): its body belongs
 * to the current context. */
static void cf__inline_literal(struct cf_walk *w, GNode lit)
{
	cf__scope_push(w);
	cf__bind_params(w, go_field(lit, f_parameters), NULL, 0);
	w->lit++;
	cf__walk(w, go_field(lit, f_body));
	w->lit--;
	cf__scope_pop(w);
}

/* A func literal used as a value: a closure that may run any time. */
static void cf__closure(struct cf_walk *w, GNode lit)
{
	struct cf_saved sv;

	cf__save(w, &sv);
	cf__scope_push(w);
	cf__bind_params(w, go_field(lit, f_parameters), NULL, 0);
	w->closure++;
	w->lit++;
	w->loops = 0;
	w->loop = cf__null();
	w->deferred = false;
	cf__walk(w, go_field(lit, f_body));
	cf__scope_pop(w);
	cf__restore(w, &sv);
}

/* Trip count of the loop around a go statement: n for a single
 * `for i := 0; i < n; i++` with constant n, else -1. */
static int cf__trips(struct cf_walk *w)
{
	GNode fc, cond, init, op;
	long v;

	if (w->loops != 1 || gn_is_null(w->loop))
		return -1;
	fc = gn_named_child(w->loop, 0);
	if (cf__is(fc, GS->range_clause)) {
		/* `for _, x := range []T{a, b}`: one trip per element */
		GNode lit = go_unparen(go_field(fc, f_right));
		GNode body = go_field(lit, f_body);

		if (!cf__is(lit, GS->composite_literal) ||
		    !cf__is(body, GS->literal_value))
			return -1;
		return (int)gn_named_child_count(body);
	}
	if (!cf__is(fc, GS->for_clause))
		return -1;
	init = go_field(fc, f_initializer);
	cond = go_field(fc, f_condition);
	if (!cf__is(cond, GS->binary_expression) ||
	    !cf__is(init, GS->short_var_declaration))
		return -1;
	op = go_field(cond, f_operator);
	v = cf__const_expr(w->pkg, w->file, go_field(cond, f_right), 0);
	if (v < 0)
		return -1;
	if (cf__const_expr(w->pkg, w->file,
			   gn_named_child(go_field(init, f_right), 0),
			   0) != 0)
		return -1;
	if (go_text_is(w->file, op, "<"))
		return (int)v;
	if (go_text_is(w->file, op, "<="))
		return (int)v + 1;
	return -1;
}

/* The same-package function or method a `go` call names, or NULL. */
static const struct godecl *cf__callee(struct cf_walk *w, GNode fn)
{
	const struct go_syms *g = GS;
	char name[256];
	size_t len;
	const char *s;

	fn = go_unparen(fn);
	if (cf__is(fn, g->identifier)) {
		const struct godecl *d;

		s = go_text(w->file, fn, &len);
		if (len >= sizeof(name) || cf__lookup(w, s, len))
			return NULL;
		memcpy(name, s, len);
		name[len] = '\0';
		d = gopkg_lookup(w->pkg, name);
		return d && d->kind == GODECL_FUNC ? d : NULL;
	}
	if (cf__is(fn, g->selector_expression)) {
		GNode op = go_field(fn, f_operand), fld = go_field(fn, f_field);
		const char *m;
		size_t mlen;
		const struct godecl *found = NULL;

		if (!cf__is(op, g->identifier))
			return NULL;
		s = go_text(w->file, op, &len);
		m = go_text(w->file, fld, &mlen);
		if (go_import_path(w->file, s, len))
			return NULL;
		if (w->recv && len == w->recv_len && !memcmp(s, w->recv, len) &&
		    w->recv_type) {
			int k = snprintf(name, sizeof(name), "%s.%.*s",
					 w->recv_type, (int)mlen, m);

			if (k > 0 && (size_t)k < sizeof(name)) {
				const struct godecl *d =
					gopkg_lookup(w->pkg, name);

				if (d && d->kind == GODECL_METHOD)
					return d;
			}
			return NULL;
		}
		/* a method of that name, when only one type has it */
		for (size_t i = 0; i < w->pkg->funcs.len; i++) {
			const struct godecl *d = w->pkg->funcs.items[i];
			const char *dot;

			if (d->kind != GODECL_METHOD)
				continue;
			dot = strrchr(d->name, '.');
			if (!dot || !str_eqn(m, mlen, dot + 1))
				continue;
			if (found)
				return NULL;
			found = d;
		}
		return found;
	}
	return NULL;
}

static void cf__go(struct cf_walk *w, GNode n)
{
	const struct go_syms *g = GS;
	GNode call = go_unparen(gn_named_child(n, 0));
	GNode fn, args;
	struct chgor gr;
	struct chan *mapped[CF_MAX_PARAMS];
	uint32_t nargs, nmapped = 0;
	const struct godecl *d = NULL;
	bool lit;
	int idx;
	struct cf_saved sv;

	if (!cf__is(call, g->call_expression)) {
		cf__children(w, n);
		return;
	}
	fn = go_unparen(go_field(call, f_function));
	args = go_field(call, f_arguments);
	lit = cf__is(fn, g->func_literal);
	memset(&gr, 0, sizeof(gr));
	gr.file = w->file;
	gr.go = n;
	gr.parent = w->gor;
	gr.trips = w->loops ? cf__trips(w) : 1;
	gr.in_closure = w->closure > 0;
	if (lit) {
		gr.bfile = w->file;
		gr.body = go_field(fn, f_body);
	} else if (!w->callee) {
		d = cf__callee(w, fn);
		if (d) {
			gr.bfile = d->file;
			gr.body = go_field(d->node, f_body);
			gr.callee = d->name;
		}
	}
	idx = (int)w->fn->ngors;
	APUSH(w->a, w->fn->gors, w->fn->ngors, w->fn->capgors, gr);

	/* arguments: evaluated now, in the starting context */
	if (!lit)
		cf__walk(w, fn);
	nargs = gn_is_null(args) ? 0 : gn_named_child_count(args);
	for (uint32_t i = 0; i < nargs; i++) {
		GNode a = go_unparen(gn_named_child(args, i));
		struct cf_bind *b = NULL;

		if (cf__is(a, g->identifier)) {
			size_t len;
			const char *s = go_text(w->file, a, &len);

			b = cf__lookup(w, s, len);
		}
		if (b && b->ch && !w->closure && (lit || d) &&
		    i < CF_MAX_PARAMS) {
			mapped[i] = b->ch;
			nmapped = i + 1;
		} else {
			if (i < CF_MAX_PARAMS)
				mapped[i] = NULL;
			cf__walk(w, a);
		}
	}
	if (nmapped) {
		/* a variadic parameter takes a slice: the channel escapes */
		GNode plist = lit ? go_field(fn, f_parameters) :
				     go_field(d->node, f_parameters);
		GNode names[CF_MAX_PARAMS];
		int variadic;
		uint32_t np = cf__params(plist, names, CF_MAX_PARAMS,
					 &variadic);

		for (uint32_t i = 0; i < nmapped; i++) {
			if (mapped[i] && (i >= np || (variadic >= 0 &&
						      i >= (uint32_t)variadic))) {
				cf__escape(mapped[i], n);
				mapped[i] = NULL;
			}
		}
	}
	if (!lit && (!d || (!nmapped && !w->cf->nfields)))
		return;

	cf__save(w, &sv);
	if (!lit) {
		/* the callee sees none of our locals */
		w->barrier = w->binds.len;
		w->file = d->file;
		w->callee = 1;
	}
	cf__scope_push(w);
	cf__bind_params(w, lit ? go_field(fn, f_parameters) :
				 go_field(d->node, f_parameters),
			mapped, nmapped);
	w->gor = idx;
	w->loops = 0;
	w->loop = cf__null();
	w->lit = 0;
	w->deferred = false;
	cf__walk(w, w->fn->gors[idx].body);
	cf__scope_pop(w);
	cf__restore(w, &sv);
}

static void cf__defer(struct cf_walk *w, GNode n)
{
	GNode call = go_unparen(gn_named_child(n, 0));
	bool saved = w->deferred;

	w->deferred = true;
	if (cf__is(call, GS->call_expression) &&
	    cf__is(go_unparen(go_field(call, f_function)), GS->func_literal)) {
		cf__walk(w, go_field(call, f_arguments));
		cf__inline_literal(w, go_unparen(go_field(call, f_function)));
	} else {
		cf__children(w, n);
	}
	w->deferred = saved;
}

static void cf__for(struct cf_walk *w, GNode n)
{
	const struct go_syms *g = GS;
	GNode head = gn_named_child(n, 0);
	unsigned loops = w->loops;
	GNode loop = w->loop;

	cf__scope_push(w);
	if (cf__is(head, g->range_clause)) {
		GNode left = go_field(head, f_left);
		GNode right = go_field(head, f_right);

		if (!gn_is_null(right))
			cf__walk(w, right);
		if (cf__defines(w->file, head)) {
			uint32_t nl = gn_named_child_count(left);

			for (uint32_t i = 0; i < nl; i++)
				cf__declare(w, gn_named_child(left, i),
					    NULL);
		} else if (!gn_is_null(left)) {
			cf__walk(w, left);
		}
	} else if (cf__is(head, g->for_clause)) {
		GNode init = go_field(head, f_initializer);

		if (!gn_is_null(init))
			cf__walk(w, init);
	}
	w->loops++;
	w->loop = n;
	if (cf__is(head, g->for_clause)) {
		cf__field(w, head, g->f_initializer, false);
	} else if (!gn_is_null(head) &&
		   !cf__is(head, g->range_clause) &&
		   !cf__is(head, g->block)) {
		cf__walk(w, head); /* condition */
	}
	cf__walk(w, go_field(n, f_body));
	w->loops = loops;
	w->loop = loop;
	cf__scope_pop(w);
}

static void cf__type_switch(struct cf_walk *w, GNode n)
{
	GNode alias = go_field(n, f_alias);
	uint32_t cnt = gn_named_child_count(n);

	cf__scope_push(w);
	for (uint32_t i = 0; i < cnt; i++) {
		GNode ch = gn_named_child(n, i);

		if (!cf__is(ch, GS->type_case) && !cf__is(ch, GS->default_case) &&
		    !cf__eq(ch, alias))
			cf__walk(w, ch);
	}
	if (!gn_is_null(alias)) {
		uint32_t na = gn_named_child_count(alias);

		for (uint32_t i = 0; i < na; i++)
			cf__declare(w, gn_named_child(alias, i), NULL);
	}
	for (uint32_t i = 0; i < cnt; i++) {
		GNode ch = gn_named_child(n, i);

		if (cf__is(ch, GS->type_case) || cf__is(ch, GS->default_case))
			cf__walk(w, ch);
	}
	cf__scope_pop(w);
}

static void cf__comm_case(struct cf_walk *w, GNode n)
{
	GNode comm = go_field(n, f_communication);

	cf__scope_push(w);
	if (cf__is(comm, GS->receive_statement) &&
	    cf__defines(w->file, comm)) {
		GNode left = go_field(comm, f_left);
		uint32_t nl = gn_named_child_count(left);

		cf__walk(w, go_field(comm, f_right));
		for (uint32_t i = 0; i < nl; i++)
			cf__declare(w, gn_named_child(left, i), NULL);
		cf__field(w, n, GS->f_communication, false);
	} else {
		cf__children(w, n);
	}
	cf__scope_pop(w);
}

static void cf__select(struct cf_walk *w, GNode n)
{
	uint32_t cnt = gn_named_child_count(n), cases = 0;

	for (uint32_t i = 0; i < cnt; i++) {
		TSSymbol s = gn_symbol(gn_named_child(n, i));

		if (s == GS->communication_case || s == GS->default_case)
			cases++;
	}
	if (!cases && !w->lit && !w->closure) {
		struct chfunc *f = w->fn;

		if (f->nempty == f->capempty) {
			size_t nc = f->capempty ? f->capempty * 2 : 4;
			GNode *ns = arena_alloc(w->a, nc * sizeof(*ns));
			int *gs = arena_alloc(w->a, nc * sizeof(*gs));

			if (f->nempty) {
				memcpy(ns, f->empty_selects,
				       f->nempty * sizeof(*ns));
				memcpy(gs, f->empty_select_gor,
				       f->nempty * sizeof(*gs));
			}
			f->empty_selects = ns;
			f->empty_select_gor = gs;
			f->capempty = nc;
		}
		f->empty_selects[f->nempty] = n;
		f->empty_select_gor[f->nempty++] = w->gor;
	}
	cf__children(w, n);
}

static void cf__walk(struct cf_walk *w, GNode n)
{
	const struct go_syms *g = GS;
	TSSymbol s;

	if (gn_is_null(n))
		return;
	if (w->depth >= CF_MAX_DEPTH) {
		w->fn->incomplete = true;
		return;
	}
	s = gn_symbol(n);
	w->depth++;
	if (s == g->identifier) {
		cf__ident(w, n);
	} else if (s == g->go_statement) {
		cf__go(w, n);
	} else if (s == g->defer_statement) {
		cf__defer(w, n);
	} else if (s == g->func_literal) {
		cf__closure(w, n);
	} else if (s == g->call_expression &&
		   cf__is(go_unparen(go_field(n, f_function)), g->func_literal)) {
		cf__walk(w, go_field(n, f_arguments));
		cf__inline_literal(w, go_unparen(go_field(n, f_function)));
	} else if (s == g->short_var_declaration) {
		cf__short_var(w, n);
	} else if (s == g->var_spec) {
		cf__var_spec(w, n);
	} else if (s == g->const_spec) {
		cf__field(w, n, g->f_name, false);
		for (uint32_t i = 0, k = gn_named_child_count(n); i < k;
		     i++) {
			GNode ch = gn_named_child(n, i);

			if (cf__is(ch, g->identifier))
				cf__declare(w, ch, NULL);
		}
	} else if (s == g->for_statement) {
		cf__for(w, n);
	} else if (s == g->type_switch_statement) {
		cf__type_switch(w, n);
	} else if (s == g->communication_case) {
		cf__comm_case(w, n);
	} else if (s == g->select_statement) {
		cf__select(w, n);
	} else if (s == g->return_statement) {
		if (!w->lit && !w->closure) {
			struct chret r = { n, w->gor };

			APUSH(w->a, w->fn->rets, w->fn->nrets,
			      w->fn->caprets, r);
		}
		cf__children(w, n);
	} else if (s == g->selector_expression) {
		if (w->cf->nfields && !w->closure)
			cf__field_op(w, n);
		cf__walk(w, go_field(n, f_operand));
	} else if (s == g->block || s == g->if_statement ||
		   s == g->expression_switch_statement ||
		   s == g->expression_case || s == g->default_case ||
		   s == g->type_case) {
		cf__scope_push(w);
		cf__children(w, n);
		cf__scope_pop(w);
	} else if (s == g->parameter_list || s == g->keyed_element ||
		   s == g->field_identifier || s == g->type_identifier ||
		   s == g->label_name || s == g->comment) {
		if (s == g->keyed_element) {
			/* S{c: v}: the key is a field name, the value a use */
			uint32_t k = gn_named_child_count(n);

			if (k >= 2)
				cf__walk(w, gn_named_child(n, k - 1));
		}
	} else {
		cf__children(w, n);
	}
	w->depth--;
}

/* ================================================================ pass 1 */

/* Collects the names that may denote local channels; returns true when
 * the function needs the full walk. */
struct cf_prescan {
	struct cf_walk *w;
	bool need;
	bool chan; /* the body's text holds "chan" */
};

/* s[0..n) holds a or b (b may be NULL), both starting with c: one memchr
 * pass for the first letter (memmem's setup costs more than its search
 * on the short bodies of most functions). */
static bool cf__has(const char *s, size_t n, char c, const char *a,
		    const char *b)
{
	const char *e = s + n;
	size_t la = strlen(a), lb = b ? strlen(b) : 0;

	for (const char *p = s; (p = memchr(p, c, (size_t)(e - p))); p++) {
		if ((size_t)(e - p) >= la && memcmp(p, a, la) == 0)
			return true;
		if (b && (size_t)(e - p) >= lb && memcmp(p, b, lb) == 0)
			return true;
	}
	return false;
}

/* n's text holds "chan": a channel type, or a make of one, is no smaller
 * than that keyword. */
static bool cf__mentions_chan(const struct gofile *f, GNode n)
{
	size_t len;
	const char *t = go_text(f, n, &len);

	return memmem(t, len, "chan", 4) != NULL;
}

static bool cf__prescan_enter(void *ctx, GNode n, unsigned depth)
{
	struct cf_prescan *ps = ctx;
	struct cf_walk *w = ps->w;
	const struct go_syms *g = GS;
	TSSymbol s = gn_symbol(n);
	bool need = false;

	LH_UNUSED(depth);
	if (s == g->go_statement) {
		need = true;
	} else if (s == g->select_statement &&
		   gn_named_child_count(n) == 0) {
		need = true;
	} else if ((s == g->short_var_declaration ||
		    s == g->assignment_statement) && ps->chan &&
		   cf__mentions_chan(w->file, n)) {
		GNode left = go_field(n, f_left);
		GNode right = go_field(n, f_right);
		uint32_t nl = gn_named_child_count(left);

		if (nl == gn_named_child_count(right)) {
			for (uint32_t i = 0; i < nl; i++) {
				GNode id = gn_named_child(left, i);
				size_t len;
				const char *t;

				if (!cf__is(id, g->identifier) ||
				    !cf__is_make_chan(w->file,
					gn_named_child(right, i)))
					continue;
				t = go_text(w->file, id, &len);
				cf__add_name(w, t, len);
				need = true;
			}
		}
	} else if (s == g->var_spec && ps->chan &&
		   cf__mentions_chan(w->file, n)) {
		GNode type = go_field(n, f_type);
		GNode val = go_field(n, f_value);
		bool chan = cf__is(type, g->channel_type);

		if (!chan && !gn_is_null(val)) {
			uint32_t k = cf__is(val, g->expression_list) ?
				gn_named_child_count(val) : 1;

			for (uint32_t i = 0; i < k && !chan; i++)
				chan = cf__is_make_chan(w->file,
					cf__is(val, g->expression_list) ?
					gn_named_child(val, i) : val);
		}
		if (chan) {
			uint32_t k = gn_named_child_count(n);

			for (uint32_t i = 0; i < k; i++) {
				GNode id = gn_named_child(n, i);
				size_t len;
				const char *t;

				if (!cf__is(id, g->identifier))
					continue;
				t = go_text(w->file, id, &len);
				cf__add_name(w, t, len);
			}
			need = true;
		}
	}
	ps->need |= need;
	return true;
}

static bool cf__prescan(struct cf_walk *w, const struct godecl *d)
{
	const struct go_syms *g = GS;
	const TSSymbol kinds[] = { g->go_statement, g->select_statement,
				   g->short_var_declaration,
				   g->assignment_statement, g->var_spec, 0 };
	struct cf_prescan ps = { w, false, false };
	struct syn_walker sw = { cf__prescan_enter, NULL, &ps };

	ps.chan = cf__mentions_chan(d->file, d->node);
	walk_fn_body(d->file, d->node, kinds, CF_MAX_DEPTH, &sw);
	return ps.need;
}

/* ================================================================ build */

static void cf__receiver(struct cf_walk *w, const struct godecl *d)
{
	GNode params = go_field(d->node, f_receiver), pd, name;

	w->recv = NULL;
	w->recv_len = 0;
	w->recv_type = d->recv;
	if (gn_is_null(params) || !gn_named_child_count(params))
		return;
	pd = gn_named_child(params, 0);
	name = go_field(pd, f_name);
	if (!gn_is_null(name))
		w->recv = go_text(d->file, name, &w->recv_len);
}

static struct chfunc *cf__func(struct cf_walk *w, const struct godecl *d)
{
	GNode body = go_field(d->node, f_body);
	struct chfunc *fn;

	if (gn_is_null(body))
		return NULL;
	w->names.len = 0;
	w->binds.len = 0;
	w->barrier = 0;
	w->scope = 0;
	w->file = d->file;
	{
		/* cheap text filter before any tree walk */
		size_t len;
		const char *t = go_text(d->file, body, &len);

		if (!cf__has(t, len, 'c', "chan", NULL) &&
		    !cf__has(t, len, 'g', "go ", "go\t") &&
		    !cf__has(t, len, 's', "select", NULL))
			return NULL;
	}
	if (!cf__prescan(w, d))
		return NULL;
	fn = arena_alloc(w->a, sizeof(*fn));
	fn->decl = d;
	fn->file = d->file;
	fn->node = d->node;
	w->fn = fn;
	w->gor = -1;
	w->loops = 0;
	w->loop = cf__null();
	w->deferred = false;
	w->closure = 0;
	w->lit = 0;
	w->callee = 0;
	w->depth = 0;
	cf__receiver(w, d);
	cf__scope_push(w);
	/* parameters and the receiver shadow nothing we track, but a
	 * parameter may share a tracked name */
	cf__bind_params(w, go_field(d->node, f_parameters), NULL, 0);
	cf__walk(w, body);
	cf__scope_pop(w);
	return fn;
}

const struct chfacts *chanfacts_get(struct gopkg *pkg)
{
	struct chfacts *cf = pkg->facts[LH_FACT_CHANNELS];
	struct cf_walk *w;
	size_t cap = 0;

	if (cf)
		return cf;
	cf = arena_alloc(&pkg->arena, sizeof(*cf));
	cf__collect_fields(pkg, cf);
	if (cf->nfields)
		cf__count_fields(pkg, cf);
	w = xcalloc(1, sizeof(*w));
	w->pkg = pkg;
	w->cf = cf;
	w->a = &pkg->arena;
	for (size_t i = 0; i < pkg->funcs.len; i++) {
		struct chfunc *fn = cf__func(w, pkg->funcs.items[i]);

		if (fn)
			APUSH(w->a, cf->funcs, cf->nfuncs, cap, fn);
	}
	for (unsigned i = 0; i < w->ncursors; i++)
		gc_delete(&w->cursors[i]);
	VEC_FREE(&w->names);
	VEC_FREE(&w->binds);
	free(w);
	pkg->facts[LH_FACT_CHANNELS] = cf;
	return cf;
}

/* ================================================================ queries */

struct cf_count {
	int fall, exit;
};

static int cf__add(int a, int b)
{
	if (a == CF_NOPATH || b == CF_NOPATH)
		return CF_NOPATH;
	return LH_MIN(a + b, CF_INF);
}

static int cf__max(int a, int b)
{
	return a > b ? a : b;
}

struct cf_counter {
	const struct chan *c;
	int gor;
	unsigned depth;
};

static bool cf__is_send(const struct cf_counter *k, GNode n)
{
	for (size_t i = 0; i < k->c->nops; i++) {
		const struct chop *op = &k->c->ops[i];

		if (op->kind == CHOP_SEND && op->gor == k->gor &&
		    !op->select_alt && !op->deferred && cf__eq(op->node, n))
			return true;
	}
	return false;
}

static bool cf__contains_send(const struct cf_counter *k, GNode n)
{
	uint32_t a = gn_start_byte(n), b = gn_end_byte(n);

	for (size_t i = 0; i < k->c->nops; i++) {
		const struct chop *op = &k->c->ops[i];
		uint32_t s = gn_start_byte(op->node);

		if (op->kind == CHOP_SEND && op->gor == k->gor &&
		    !op->select_alt && !op->deferred && s >= a && s < b)
			return true;
	}
	return false;
}

static struct cf_count cf__count(struct cf_counter *k, GNode n);

/* A statement list: the named children of n except the fields skipped. */
static struct cf_count cf__count_seq(struct cf_counter *k, GNode n,
				     TSFieldId skip1, TSFieldId skip2)
{
	struct cf_count r = { 0, CF_NOPATH };
	GCursor c = gc_new(n);

	if (gc_goto_first_child(&c)) {
		do {
			GNode ch = gc_current_node(&c);
			TSFieldId fid = gc_current_field_id(&c);
			struct cf_count x;

			if (!gn_is_named(ch) || (fid && (fid == skip1 ||
							       fid == skip2)))
				continue;
			x = cf__count(k, ch);
			if (x.exit != CF_NOPATH)
				r.exit = cf__max(r.exit, cf__add(r.fall,
								 x.exit));
			r.fall = cf__add(r.fall, x.fall);
			if (r.fall == CF_NOPATH)
				break;
		} while (gc_goto_next_sibling(&c));
	}
	gc_delete(&c);
	return r;
}

static struct cf_count cf__count_branches(struct cf_counter *k, GNode n,
					  bool has_default_else)
{
	const struct go_syms *g = GS;
	struct cf_count r = { CF_NOPATH, CF_NOPATH };
	uint32_t cnt = gn_named_child_count(n);
	bool dflt = has_default_else;

	for (uint32_t i = 0; i < cnt; i++) {
		GNode ch = gn_named_child(n, i);
		TSSymbol s = gn_symbol(ch);
		struct cf_count x;

		if (s == g->default_case)
			dflt = true;
		if (s == g->communication_case) {
			GNode comm = go_field(ch, f_communication);

			x = cf__count_seq(k, ch, g->f_communication, 0);
			if (cf__is(comm, g->send_statement) &&
			    cf__is_send(k, comm)) {
				x.fall = cf__add(x.fall, 1);
				x.exit = cf__add(x.exit, 1);
			}
		} else if (s == g->expression_case || s == g->type_case ||
			   s == g->default_case) {
			x = cf__count_seq(k, ch, g->f_value, g->f_type);
		} else {
			continue;
		}
		r.fall = cf__max(r.fall, x.fall);
		r.exit = cf__max(r.exit, x.exit);
	}
	if (!dflt)
		r.fall = cf__max(r.fall, 0);
	return r;
}

static struct cf_count cf__count(struct cf_counter *k, GNode n)
{
	const struct go_syms *g = GS;
	struct cf_count r = { 0, CF_NOPATH };
	TSSymbol s;

	if (gn_is_null(n) || ++k->depth > CF_MAX_DEPTH) {
		k->depth--;
		return r;
	}
	s = gn_symbol(n);
	if (s == g->send_statement) {
		r.fall = cf__is_send(k, n) ? 1 : 0;
	} else if (s == g->return_statement) {
		r.fall = CF_NOPATH;
		r.exit = 0;
	} else if (s == g->block) {
		r = cf__count_seq(k, n, 0, 0);
	} else if (s == g->labeled_statement) {
		r = cf__count_seq(k, n, g->f_label, 0);
	} else if (s == g->if_statement) {
		struct cf_count a = cf__count(k, go_field(n, f_consequence));
		GNode alt = go_field(n, f_alternative);
		struct cf_count b = { 0, CF_NOPATH };

		if (!gn_is_null(alt))
			b = cf__count(k, alt);
		r.fall = cf__max(a.fall, b.fall);
		r.exit = cf__max(a.exit, b.exit);
	} else if (s == g->expression_switch_statement ||
		   s == g->type_switch_statement) {
		r = cf__count_branches(k, n, false);
	} else if (s == g->select_statement) {
		r = cf__count_branches(k, n, true);
	} else if (s == g->for_statement) {
		if (cf__contains_send(k, n))
			r.fall = r.exit = CF_INF;
	}
	k->depth--;
	return r;
}

int chanfacts_sends_per_path(const struct chfunc *fn, const struct chan *c,
			     int g)
{
	struct cf_counter k = { c, g, 0 };
	struct cf_count r;
	int m;
	bool any = false;

	for (size_t i = 0; i < c->nops; i++) {
		if (c->ops[i].kind == CHOP_SEND && c->ops[i].gor == g &&
		    !c->ops[i].select_alt && !c->ops[i].deferred)
			any = true;
	}
	if (!any || gn_is_null(fn->gors[g].body))
		return 0;
	r = cf__count(&k, fn->gors[g].body);
	m = cf__max(r.fall, r.exit);
	return m >= CF_INF ? CH_MANY : LH_MAX(m, 0);
}

/* True when every loop around go statement `go` (up to its function)
 * also holds c's declaration: each trip starts its goroutine on a channel
 * of its own, so one instance sends on it. */
static bool cf__fresh_each_trip(const struct chan *c, GNode go)
{
	const struct go_syms *g = GS;
	uint32_t ds = gn_start_byte(c->ident);
	bool any = false;
	GNode x = go;

	for (unsigned d = 0; d < CF_MAX_DEPTH; d++) {
		GNode p = gn_parent(x);
		TSSymbol s;

		if (gn_is_null(p))
			return false;
		s = gn_symbol(p);
		if (s == g->function_declaration ||
		    s == g->method_declaration || s == g->func_literal)
			return any;
		if (s == g->for_statement) {
			if (ds < gn_start_byte(p) ||
			    ds >= gn_end_byte(p))
				return false;
			any = true;
		}
		x = p;
	}
	return false;
}

int chanfacts_goroutine_sends(const struct chfunc *fn, const struct chan *c)
{
	long total = 0;

	for (size_t g = 0; g < fn->ngors; g++) {
		int n = chanfacts_sends_per_path(fn, c, (int)g);
		const struct chgor *gr = &fn->gors[g];
		int trips = gr->trips;

		if (!n)
			continue;
		if (trips < 0 && gr->parent < 0 && !gr->in_closure &&
		    gr->file == c->file && cf__fresh_each_trip(c, gr->go))
			trips = 1;
		if (n == CH_MANY || trips < 0 || gr->parent >= 0 ||
		    gr->in_closure)
			return CH_MANY;
		total += (long)n * trips;
		if (total >= CF_INF)
			return CH_MANY;
	}
	return (int)total;
}

static bool cf__stmt_list(GNode p)
{
	const struct go_syms *g = GS;
	TSSymbol s = gn_symbol(p);

	return s == g->block || s == g->communication_case ||
	       s == g->expression_case || s == g->default_case ||
	       s == g->type_case;
}

bool chanfacts_before(GNode a, GNode b)
{
	const struct go_syms *g = GS;
	uint32_t as = gn_start_byte(a), ae = gn_end_byte(a);
	GNode x = b;

	for (unsigned d = 0; d < CF_MAX_DEPTH; d++) {
		GNode p = gn_parent(x);
		TSSymbol s;

		if (gn_is_null(p))
			return false;
		s = gn_symbol(p);
		if (s == g->function_declaration ||
		    s == g->method_declaration || s == g->func_literal)
			return false;
		if (cf__stmt_list(p) && gn_start_byte(p) <= as &&
		    ae <= gn_start_byte(x))
			return true;
		x = p;
	}
	return false;
}

GNode chanfacts_early_return(const struct chfunc *fn, int gor, GNode after,
			      uint32_t before)
{
	GNode best = cf__null();

	for (size_t i = 0; i < fn->nrets; i++) {
		GNode r = fn->rets[i].node;

		if (fn->rets[i].gor != gor || gn_end_byte(r) > before)
			continue;
		if (!gn_is_null(after) && !chanfacts_before(after, r))
			continue;
		if (gn_is_null(best) ||
		    gn_start_byte(r) < gn_start_byte(best))
			best = r;
	}
	return best;
}

const char *chanfacts_func_name(const struct chfunc *fn)
{
	return fn->decl->name;
}

/* ---------------------------------------------------------------- runs once */

enum { CF_CALLED_ONCE = 1, CF_CALLED_MANY = 2 };

static const char *cf__bare(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot ? dot + 1 : name;
}

/* True when fn is `func init()` or `func main()`. */
static bool cf__init_or_main(const struct gofile *f, GNode fn)
{
	GNode nm;

	if (!cf__is(fn, GS->function_declaration))
		return false;
	nm = go_field(fn, f_name);
	return go_text_is(f, nm, "init") || go_text_is(f, nm, "main");
}

/* Classifies one occurrence of a function's name; fn is the innermost
 * function around it. */
static int cf__occurrence(const struct gofile *f, GNode id, GNode fn)
{
	const struct go_syms *g = GS;
	GNode x = id, p = gn_parent(id);

	if (cf__is(p, g->function_declaration) ||
	    cf__is(p, g->method_declaration))
		return 0; /* the declaration itself */
	if (cf__is(p, g->selector_expression) &&
	    cf__eq(go_field(p, f_field), id)) {
		x = p;
		p = gn_parent(p);
	}
	if (!cf__is(p, g->call_expression) ||
	    !cf__eq(go_field(p, f_function), x))
		return CF_CALLED_MANY;
	/* the climb below ends at fn at the latest: only init and main can
	 * make it a single call */
	if (!cf__init_or_main(f, fn))
		return CF_CALLED_MANY;
	for (unsigned d = 0; d < CF_MAX_DEPTH; d++) {
		TSSymbol s;

		p = gn_parent(p);
		if (gn_is_null(p))
			return CF_CALLED_MANY;
		s = gn_symbol(p);
		if (s == g->for_statement || s == g->func_literal ||
		    s == g->method_declaration)
			return CF_CALLED_MANY;
		if (s == g->function_declaration) {
			GNode nm = go_field(p, f_name);

			if (go_text_is(f, nm, "init") ||
			    go_text_is(f, nm, "main"))
				return CF_CALLED_ONCE;
			return CF_CALLED_MANY;
		}
	}
	return CF_CALLED_MANY;
}

struct cf_callee {
	const char *name;
	size_t len;
	int state;
};

struct cf_callers {
	struct cf_callee *v;
	size_t n;
};

static int cf__callee_cmp(const void *a, const void *b)
{
	const struct cf_callee *x = a, *y = b;
	size_t n = LH_MIN(x->len, y->len);
	int c = memcmp(x->name, y->name, n);

	return c ? c : (x->len > y->len) - (x->len < y->len);
}

static struct cf_callee *cf__find_callee(struct cf_callers *cs,
					 const char *s, size_t len)
{
	struct cf_callee key = { s, len, 0 };

	if (!cs->n)
		return NULL;
	return bsearch(&key, cs->v, cs->n, sizeof(key), cf__callee_cmp);
}

/* One pass over the package: how each function name is used. */
static struct cf_callers *cf__callers(struct gopkg *pkg)
{
	const struct go_syms *g = GS;
	const TSSymbol kinds[] = { g->identifier, g->field_identifier, 0 };
	struct cf_callers *cs = arena_alloc(&pkg->arena, sizeof(*cs));
	size_t k = 0;

	cs->v = arena_alloc(&pkg->arena,
			    (pkg->funcs.len + 1) * sizeof(*cs->v));
	for (size_t i = 0; i < pkg->funcs.len; i++) {
		const char *b = cf__bare(pkg->funcs.items[i]->name);

		cs->v[k].name = b;
		cs->v[k++].len = strlen(b);
	}
	qsort(cs->v, k, sizeof(*cs->v), cf__callee_cmp);
	/* dedupe */
	cs->n = 0;
	for (size_t i = 0; i < k; i++) {
		if (cs->n && !cf__callee_cmp(&cs->v[cs->n - 1], &cs->v[i]))
			continue;
		cs->v[cs->n++] = cs->v[i];
	}
	for (size_t i = 0; i < pkg->nfiles; i++) {
		struct gofile *f = pkg->files[i];
		struct walk_iter it;
		const struct gonode *r;

		walk_iter_file(&it, f, kinds);
		while ((r = walk_next(&it))) {
			GNode n = r->node;

			if (r->depth <= CF_MAX_DEPTH) {
				size_t len;
				const char *t = go_ident_text(f, n, &len);
				struct cf_callee *e = cf__find_callee(cs, t,
								      len);

				/* called many times is final: only a
				 * function called once is asked about */
				if (e && !(e->state & CF_CALLED_MANY))
					e->state |= cf__occurrence(
						f, n, walk_func(f, r));
			}
		}
	}
	return cs;
}

bool chanfacts_runs_once(struct gopkg *pkg, const struct chfunc *fn)
{
	struct chfacts *cf = pkg->facts[LH_FACT_CHANNELS];
	const struct godecl *d = fn->decl;
	const char *bare = cf__bare(d->name);
	bool main_pkg = strcmp(d->file->pkgname, "main") == 0;
	struct cf_callee *e;

	if (d->kind == GODECL_FUNC && (strcmp(d->name, "init") == 0 ||
				       strcmp(d->name, "main") == 0))
		return true;
	if (!main_pkg && bare[0] >= 'A' && bare[0] <= 'Z')
		return false;
	if (!cf->callers)
		cf->callers = cf__callers(pkg);
	e = cf__find_callee(cf->callers, bare, strlen(bare));
	return e && e->state == CF_CALLED_ONCE;
}

/* ---------------------------------------------------------------- loops */

/* Calls that do not return: panic, os.Exit, log.Fatal*, runtime.Goexit,
 * t.Fatal*, ... */
static bool cf__noreturn_call(const struct gofile *f, GNode call)
{
	static const char *const sel[] = {
		"Exit", "Goexit", "Fatal", "Fatalf", "Fatalln", "Panic",
		"Panicf", "Panicln", "FailNow", "SkipNow", "Skip", "Skipf",
	};
	GNode fn = go_unparen(go_field(call, f_function));

	if (cf__is(fn, GS->identifier))
		return go_text_is(f, fn, "panic");
	if (cf__is(fn, GS->selector_expression)) {
		GNode fld = go_field(fn, f_field);

		for (size_t i = 0; i < ARRAY_SIZE(sel); i++) {
			if (go_text_is(f, fld, sel[i]))
				return true;
		}
	}
	return false;
}

struct cf_loopscan {
	const struct gofile *f;
	const struct chfacts *cf;
	GNode label;	     /* label of the loop, or null */
	GNode select_break; /* first break that only leaves a select */
	GNode dead_case;    /* a quit case on a channel nobody closes */
	unsigned depth;
};

/* True when something in n leaves the loop. breakable: nesting of
 * for/switch/select inside the loop (0: an unlabeled break leaves it);
 * in_sel: the innermost breakable is a select or switch. */
static bool cf__leaves(struct cf_loopscan *k, GNode n, unsigned breakable,
		       bool in_sel)
{
	const struct go_syms *g = GS;
	TSSymbol s;
	bool out = false;
	GCursor c;

	if (gn_is_null(n) || k->depth >= CF_MAX_DEPTH)
		return true; /* too deep: assume it can */
	s = gn_symbol(n);
	if (s == g->return_statement || s == g->goto_statement)
		return true;
	if (s == g->func_literal)
		return false;
	if (s == g->communication_case && k->cf && k->cf->nfields) {
		/* `case <-s.quit: return` on a field nothing sends to or
		 * closes: that case never runs */
		GNode comm = go_field(n, f_communication);
		GNode rv = cf__is(comm, g->receive_statement) ?
			go_unparen(go_field(comm, f_right)) : cf__null();
		GNode ch = cf__is(rv, g->unary_expression) ?
			go_unparen(go_field(rv, f_operand)) : cf__null();

		if (cf__is(ch, g->selector_expression) ||
		    cf__is(ch, g->identifier)) {
			bool var = cf__is(ch, g->identifier);
			size_t len;
			const char *t = go_text(k->f, var ? ch :
						go_field(ch, f_field), &len);

			if (chanfacts_field_dead(cf__field_in(k->cf, t, len,
							      var))) {
				if (gn_is_null(k->dead_case))
					k->dead_case = n;
				return false;
			}
		}
	}
	if (s == g->break_statement) {
		if (gn_named_child_count(n))
			return true; /* labeled: leaves this loop or more */
		if (!breakable)
			return true;
		if (in_sel && breakable == 1 && gn_is_null(k->select_break))
			k->select_break = n;
		return false;
	}
	if (s == g->continue_statement) {
		GNode lbl = gn_named_child(n, 0);

		if (gn_is_null(lbl))
			return false;
		/* continue to an outer loop leaves this one */
		return gn_is_null(k->label) ||
		       !go_text_is(k->f, lbl, go_text_dup(k->f, k->label));
	}
	if (s == g->call_expression && cf__noreturn_call(k->f, n))
		return true;
	if (s == g->for_statement) {
		breakable++;
		in_sel = false;
	} else if (s == g->select_statement ||
		   s == g->expression_switch_statement ||
		   s == g->type_switch_statement) {
		breakable++;
		in_sel = true;
	}
	k->depth++;
	c = gc_new(n);
	if (gc_goto_first_child(&c)) {
		do {
			GNode ch = gc_current_node(&c);

			if (gn_is_named(ch) &&
			    cf__leaves(k, ch, breakable, in_sel)) {
				out = true;
				break;
			}
		} while (gc_goto_next_sibling(&c));
	}
	gc_delete(&c);
	k->depth--;
	return out;
}

/* `for { ... }`: a for statement with nothing but a body. */
static bool cf__bare_for(GNode n)
{
	return gn_named_child_count(n) == 1 &&
	       cf__is(go_field(n, f_body), GS->block);
}

/* Statements that can hold a loop (not expressions: a loop inside an
 * expression is in a func literal, which is another goroutine's or
 * closure's business). */
static bool cf__holds_stmts(TSSymbol s)
{
	const struct go_syms *g = GS;

	return s == g->block || s == g->if_statement ||
	       s == g->for_statement || s == g->expression_switch_statement ||
	       s == g->type_switch_statement || s == g->select_statement ||
	       s == g->expression_case || s == g->default_case ||
	       s == g->type_case || s == g->communication_case ||
	       s == g->labeled_statement;
}

/* The local name time is imported as in f, or NULL. */
static const char *cf__time_alias(const struct gofile *f)
{
	for (size_t i = 0; i < f->nimports; i++) {
		if (strcmp(f->imports[i].path, "time") == 0)
			return f->imports[i].name;
	}
	return NULL;
}

/* `for range time.Tick(d)`, `for range t.C` with t made by
 * time.NewTicker in the enclosing function: a ticker's channel is never
 * closed, so the range never ends by itself. */
static bool cf__ticker_range(const struct gofile *f, GNode loop)
{
	const struct go_syms *g = GS;
	GNode head = gn_named_child(loop, 0), right, op, fn;
	const char *tm = cf__time_alias(f);
	char pat[160];
	size_t len, olen;
	const char *t, *o;

	if (!tm || !cf__is(head, g->range_clause))
		return false;
	right = go_unparen(go_field(head, f_right));
	if (cf__is(right, g->call_expression)) {
		fn = go_unparen(go_field(right, f_function));
		return cf__is(fn, g->selector_expression) &&
		       go_text_is(f, go_field(fn, f_operand), tm) &&
		       go_text_is(f, go_field(fn, f_field), "Tick");
	}
	if (!cf__is(right, g->selector_expression) ||
	    !go_text_is(f, go_field(right, f_field), "C"))
		return false;
	op = go_field(right, f_operand);
	if (!cf__is(op, g->identifier))
		return false;
	o = go_text(f, op, &olen);
	/* the enclosing declaration's text */
	for (fn = loop; !gn_is_null(fn) &&
	     !cf__is(fn, g->function_declaration) &&
	     !cf__is(fn, g->method_declaration); fn = gn_parent(fn))
		;
	if (gn_is_null(fn) || olen > 64)
		return false;
	t = go_text(f, fn, &len);
	snprintf(pat, sizeof(pat), "%.*s := %s.NewTicker(", (int)olen, o, tm);
	if (memmem(t, len, pat, strlen(pat)))
		return true;
	snprintf(pat, sizeof(pat), "%.*s = %s.NewTicker(", (int)olen, o, tm);
	return memmem(t, len, pat, strlen(pat)) != NULL;
}

static GNode cf__find_forever(const struct gofile *f, GNode n,
			       unsigned depth, GNode *select_break)
{
	const struct go_syms *g = GS;
	GCursor c;
	GNode found = cf__null();

	if (gn_is_null(n) || depth >= CF_MAX_DEPTH ||
	    !cf__holds_stmts(gn_symbol(n)))
		return found;
	if (gn_symbol(n) == g->for_statement &&
	    (cf__bare_for(n) || cf__ticker_range(f, n))) {
		struct cf_loopscan k;
		GNode p = gn_parent(n);

		memset(&k, 0, sizeof(k));
		k.f = f;
		k.cf = f->pkg->facts[LH_FACT_CHANNELS];
		if (cf__is(p, g->labeled_statement))
			k.label = go_field(p, f_label);
		if (!cf__leaves(&k, go_field(n, f_body), 0, false)) {
			*select_break = gn_is_null(k.dead_case) ?
				k.select_break : k.dead_case;
			return n;
		}
	}
	c = gc_new(n);
	if (gc_goto_first_child(&c)) {
		do {
			GNode ch = gc_current_node(&c);

			if (!gn_is_named(ch))
				continue;
			found = cf__find_forever(f, ch, depth + 1,
						 select_break);
			if (!gn_is_null(found))
				break;
		} while (gc_goto_next_sibling(&c));
	}
	gc_delete(&c);
	return found;
}

GNode chanfacts_forever_loop(struct gofile *f, GNode body,
			      GNode *select_break)
{
	size_t len;
	const char *t = go_text(f, body, &len);

	*select_break = cf__null();
	if (!memmem(t, len, "for", 3))
		return cf__null();
	return cf__find_forever(f, body, 0, select_break);
}

void chanfacts_each_local(struct lh_pass *p,
			  void (*on_func)(struct lh_pass *p,
					  const struct chfunc *fn),
			  void (*on_chan)(struct lh_pass *p,
					  const struct chfunc *fn,
					  const struct chan *c))
{
	const struct chfacts *cf = chanfacts_get(p->pkg);

	for (size_t i = 0; i < cf->nfuncs; i++) {
		const struct chfunc *fn = cf->funcs[i];

		if (fn->incomplete)
			continue;
		on_func(p, fn);
		for (size_t j = 0; j < fn->nchans; j++) {
			const struct chan *c = fn->chans[j];

			if (c->escapes || c->assigned || c->cap == CHCAP_NIL)
				continue;
			on_chan(p, fn, c);
		}
	}
}
