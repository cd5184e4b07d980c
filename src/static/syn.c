/*
 * syn.c - syntax helpers for the retention, pool and timer rules (see
 * syn.h). The walk uses one GCursor for the whole traversal: indexed
 * child access is linear in tree-sitter 0.20, so blocks with thousands of
 * statements must not be walked with gn_child().
 */
#include <errno.h>
#include <string.h>

#include "static/syn.h"

static void syn__walk(GCursor *c, const struct syn_walker *w,
		      unsigned depth)
{
	GNode n = gc_current_node(c);
	bool down = w->enter ? w->enter(w->ctx, n, depth) : true;
	/* the cursor visits the children gn_child_count() counts: with
	 * the count, no failing goto_next_sibling after the last one (it
	 * costs as much as a step) and no goto_first_child on a leaf */
	uint32_t kids = down && depth < SYN_MAX_DEPTH ? gn_child_count(n)
						      : 0;

	if (kids && gc_goto_first_child(c)) {
		for (;;) {
			syn__walk(c, w, depth + 1);
			if (!--kids)
				break;
			if (!gc_goto_next_sibling(c))
				LH_BUG("a node has fewer children than it "
				       "counts");
		}
		gc_goto_parent(c);
	}
	if (w->leave)
		w->leave(w->ctx, n);
}

void syn_walk(GNode root, const struct syn_walker *w)
{
	GCursor c;

	if (gn_is_null(root))
		return;
	c = gc_new(root);
	syn__walk(&c, w, 0);
	gc_delete(&c);
}

GNode syn_arg(GNode call, uint32_t i)
{
	GNode args = go_field(call, f_arguments);

	if (gn_is_null(args) || i >= gn_named_child_count(args))
		return (GNode){ 0 };
	return gn_named_child(args, i);
}

uint32_t syn_nargs(GNode call)
{
	GNode args = go_field(call, f_arguments);

	return gn_is_null(args) ? 0 : gn_named_child_count(args);
}

bool syn_call_ident(const struct gofile *f, GNode call, const char *name)
{
	GNode fn;

	call = go_unparen(call);
	if (gn_is_null(call) || gn_symbol(call) != GS->call_expression)
		return false;
	fn = go_unparen(go_field(call, f_function));
	return !gn_is_null(fn) && gn_symbol(fn) == GS->identifier &&
	       go_text_is(f, fn, name);
}

bool syn_call_pkg(const struct gofile *f, GNode call, const char *path,
		  const char *name)
{
	const char *p, *nm;
	size_t len;

	call = go_unparen(call);
	if (gn_is_null(call) || gn_symbol(call) != GS->call_expression)
		return false;
	if (!go_selector_import(f, go_field(call, f_function), &p, &nm, &len))
		return false;
	return strcmp(p, path) == 0 && (!name || str_eqn(nm, len, name));
}

GNode syn_call_method(GNode call, GNode *recv)
{
	GNode fn;

	call = go_unparen(call);
	if (gn_is_null(call) || gn_symbol(call) != GS->call_expression)
		return (GNode){ 0 };
	fn = go_unparen(go_field(call, f_function));
	if (gn_is_null(fn) || gn_symbol(fn) != GS->selector_expression)
		return (GNode){ 0 };
	if (recv)
		*recv = go_field(fn, f_operand);
	return go_field(fn, f_field);
}

/* ---------------------------------------------------------------- consts */

static bool syn__int_lit(const struct gofile *f, GNode n, int64_t *out)
{
	size_t len;
	const char *s = go_text(f, n, &len);
	char tmp[40];
	size_t k = 0;
	char *end;
	unsigned long long v;
	int base = 10;

	if (len == 0 || len >= sizeof(tmp))
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '_')
			tmp[k++] = s[i];
	}
	tmp[k] = '\0';
	if (k > 2 && tmp[0] == '0' && (tmp[1] == 'o' || tmp[1] == 'O')) {
		memmove(tmp + 1, tmp + 2, k - 1);
		base = 8;
	} else if (k > 2 && tmp[0] == '0' && (tmp[1] == 'b' || tmp[1] == 'B')) {
		memmove(tmp, tmp + 2, k - 1);
		base = 2;
	} else {
		base = 0;
	}
	errno = 0;
	v = strtoull(tmp, &end, base);
	if (*end || errno || v > (unsigned long long)INT64_MAX)
		return false;
	*out = (int64_t)v;
	return true;
}

/* The value expression of package-level constant name, or a null node. */
static GNode syn__const_value(struct gopkg *pkg, const char *name, size_t len,
			       const struct gofile **vf)
{
	char tmp[128];
	const struct godecl *d;
	GNode spec, vals;
	uint32_t idx = 0;
	GCursor c;

	if (len >= sizeof(tmp))
		return (GNode){ 0 };
	memcpy(tmp, name, len);
	tmp[len] = '\0';
	d = gopkg_lookup(pkg, tmp);
	if (!d || d->kind != GODECL_CONST)
		return (GNode){ 0 };
	spec = d->node;
	vals = go_field(spec, f_value);
	if (gn_is_null(vals))
		return (GNode){ 0 };
	/* position of the name among the spec's names */
	c = gc_new(spec);
	if (gc_goto_first_child(&c)) {
		uint32_t k = 0;

		do {
			if (gc_current_field_id(&c) == GS->f_name) {
				if (go_text_is(d->file,
					       gc_current_node(&c),
					       tmp))
					idx = k;
				k++;
			}
		} while (gc_goto_next_sibling(&c));
	}
	gc_delete(&c);
	*vf = d->file;
	if (gn_symbol(vals) == GS->expression_list)
		return idx < gn_named_child_count(vals)
			       ? gn_named_child(vals, idx)
			       : (GNode){ 0 };
	return idx == 0 ? vals : (GNode){ 0 };
}

static bool syn__const(struct gopkg *pkg, const struct gofile *f, GNode n,
		       int64_t *out, unsigned depth)
{
	const struct go_syms *g = GS;
	TSSymbol s;

	n = go_unparen(n);
	if (gn_is_null(n) || depth > 16)
		return false;
	s = gn_symbol(n);
	if (s == g->int_literal)
		return syn__int_lit(f, n, out);
	if (s == g->identifier) {
		size_t len;
		const char *name = go_text(f, n, &len);
		const struct gofile *vf = NULL;
		GNode v = syn__const_value(pkg, name, len, &vf);

		return !gn_is_null(v) && syn__const(pkg, vf, v, out,
							  depth + 1);
	}
	if (s == g->call_expression) {
		/* conversions such as int64(1 << 20) */
		GNode fn = go_field(n, f_function);

		if (syn_nargs(n) == 1 && !gn_is_null(fn) &&
		    gn_symbol(fn) == g->identifier) {
			static const char *const conv[] = {
				"int", "int32", "int64", "uint", "uint32",
				"uint64", "uintptr",
			};

			for (size_t i = 0; i < ARRAY_SIZE(conv); i++) {
				if (go_text_is(f, fn, conv[i]))
					return syn__const(pkg, f, syn_arg(n, 0),
							  out, depth + 1);
			}
		}
		return false;
	}
	if (s == g->binary_expression) {
		int64_t a, b;
		GNode op = go_field(n, f_operator);

		if (!syn__const(pkg, f, go_field(n, f_left), &a, depth + 1) ||
		    !syn__const(pkg, f, go_field(n, f_right), &b, depth + 1))
			return false;
		if (go_text_is(f, op, "+"))
			*out = a + b;
		else if (go_text_is(f, op, "-"))
			*out = a - b;
		else if (go_text_is(f, op, "*"))
			*out = (a > 0 && b > INT64_MAX / LH_MAX(a, 1)) ? INT64_MAX
								  : a * b;
		else if (go_text_is(f, op, "/") && b)
			*out = a / b;
		else if (go_text_is(f, op, "%") && b)
			*out = a % b;
		else if (go_text_is(f, op, "<<") && b >= 0 && b < 62)
			*out = a << b;
		else if (go_text_is(f, op, ">>") && b >= 0 && b < 64)
			*out = a >> b;
		else if (go_text_is(f, op, "&"))
			*out = a & b;
		else if (go_text_is(f, op, "|"))
			*out = a | b;
		else
			return false;
		return true;
	}
	return false;
}

bool syn_const_int(struct gopkg *pkg, const struct gofile *f, GNode n,
		   int64_t *out)
{
	return syn__const(pkg, f, n, out, 0);
}

/* ---------------------------------------------------------------- funcs */

bool syn_is_func(GNode n)
{
	TSSymbol s = gn_symbol(n);

	return s == GS->function_declaration || s == GS->method_declaration ||
	       s == GS->func_literal;
}

GNode syn_enclosing_func(GNode n)
{
	for (n = gn_parent(n); !gn_is_null(n); n = gn_parent(n)) {
		if (syn_is_func(n))
			return n;
	}
	return n;
}

GNode syn_enclosing_loop(GNode n)
{
	GNode none = { 0 };

	for (n = gn_parent(n); !gn_is_null(n); n = gn_parent(n)) {
		if (gn_symbol(n) == GS->for_statement)
			return n;
		if (syn_is_func(n))
			return none;
	}
	return none;
}

bool syn_endless_for(GNode loop)
{
	uint32_t k = gn_named_child_count(loop);

	for (uint32_t i = 0; i < k; i++) {
		GNode c = gn_named_child(loop, i);
		TSSymbol cs = gn_symbol(c);

		if (cs == GS->block || cs == GS->comment)
			continue;
		if (cs == GS->for_clause &&
		    gn_is_null(go_field(c, f_condition)))
			continue;
		return false;
	}
	return true;
}

bool syn_in_endless_loop(GNode n)
{
	for (n = gn_parent(n); !gn_is_null(n); n = gn_parent(n)) {
		if (syn_is_func(n))
			return false;
		if (gn_symbol(n) == GS->for_statement && syn_endless_for(n))
			return true;
	}
	return false;
}

bool syn_file_ignored(const struct gofile *f)
{
	size_t n = LH_MIN(f->len, 4096);
	const char *s = f->src, *nl;

	/* at each line start (rules ask once per file and more: memchr
	 * finds them, a byte loop cost ~4 instructions a byte) */
	for (size_t i = 0; i < n;
	     i = (nl = memchr(s + i, '\n', n - i)) ? (size_t)(nl - s) + 1 : n) {
		if (n - i > 17 && memcmp(s + i, "//go:build ignore", 17) == 0)
			return true;
		if (n - i > 16 && memcmp(s + i, "// +build ignore", 16) == 0)
			return true;
		if (n - i > 8 && memcmp(s + i, "package ", 8) == 0)
			return false;
	}
	return false;
}

bool syn_imports(const struct gofile *f, const char *path)
{
	for (size_t i = 0; i < f->nimports; i++) {
		if (strcmp(f->imports[i].path, path) == 0)
			return true;
	}
	return false;
}

bool syn_has_token(GNode n, const char *tok)
{
	uint32_t k = gn_child_count(n);

	for (uint32_t i = 0; i < k; i++) {
		GNode c = gn_child(n, i);

		if (!gn_is_named(c) && strcmp(gn_type(c), tok) == 0)
			return true;
	}
	return false;
}

GNode syn_last_stmt(GNode block)
{
	uint32_t k = gn_named_child_count(block);

	while (k > 0) {
		GNode c = gn_named_child(block, --k);

		if (gn_symbol(c) != GS->comment &&
		    gn_symbol(c) != GS->empty_statement)
			return c;
	}
	return (GNode){ 0 };
}

/* ---------------------------------------------------------------- flow */

struct syn__brk {
	const struct gofile *f;
	GNode target;	  /* the loop/switch/select */
	const char *label; /* its label, or NULL */
	size_t label_len;
	bool found;
};

/* Breaks inside node that target b->target. */
static void syn__breaks(struct syn__brk *b, GNode n, bool nested,
			unsigned depth)
{
	const struct go_syms *g = GS;
	uint32_t k;

	if (b->found || depth > SYN_MAX_DEPTH)
		return;
	k = gn_named_child_count(n);
	for (uint32_t i = 0; i < k && !b->found; i++) {
		GNode c = gn_named_child(n, i);
		TSSymbol s = gn_symbol(c);

		if (s == g->func_literal)
			continue;
		if (s == g->break_statement) {
			GNode lbl = gn_named_child(c, 0);

			if (gn_is_null(lbl)) {
				if (!nested)
					b->found = true;
			} else if (b->label) {
				size_t len;
				const char *t = go_text(b->f, lbl, &len);

				if (len == b->label_len &&
				    memcmp(t, b->label, len) == 0)
					b->found = true;
			}
			continue;
		}
		syn__breaks(b, c,
			    nested || s == g->for_statement ||
				    s == g->expression_switch_statement ||
				    s == g->type_switch_statement ||
				    s == g->select_statement,
			    depth + 1);
	}
}

static bool syn__has_break(const struct gofile *f, GNode stmt)
{
	struct syn__brk b = { f, stmt, NULL, 0, false };
	GNode parent = gn_parent(stmt);

	if (!gn_is_null(parent) &&
	    gn_symbol(parent) == GS->labeled_statement) {
		GNode lbl = go_field(parent, f_label);

		if (!gn_is_null(lbl))
			b.label = go_text(f, lbl, &b.label_len);
	}
	syn__breaks(&b, stmt, false, 0);
	return b.found;
}

bool syn_loop_has_break(const struct gofile *f, GNode loop)
{
	return syn__has_break(f, loop);
}

static bool syn__noreturn_call(const struct gofile *f, GNode call)
{
	static const char *const logs[] = { "Fatal", "Fatalf", "Fatalln",
					    "Panic", "Panicf", "Panicln" };

	if (syn_call_ident(f, call, "panic"))
		return true;
	if (syn_call_pkg(f, call, "os", "Exit") ||
	    syn_call_pkg(f, call, "runtime", "Goexit"))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(logs); i++) {
		if (syn_call_pkg(f, call, "log", logs[i]))
			return true;
	}
	return false;
}

static bool syn__term(const struct gofile *f, GNode s, unsigned depth);

/* Every case of a switch/select ends terminating (fallthrough counts). */
static bool syn__cases_term(const struct gofile *f, GNode sw, bool need_default,
			    unsigned depth)
{
	const struct go_syms *g = GS;
	uint32_t k = gn_named_child_count(sw);
	bool has_default = false, any = false;

	for (uint32_t i = 0; i < k; i++) {
		GNode c = gn_named_child(sw, i);
		TSSymbol s = gn_symbol(c);
		GNode last;

		if (s != g->expression_case && s != g->default_case &&
		    s != g->type_case && s != g->communication_case)
			continue;
		any = true;
		if (s == g->default_case)
			has_default = true;
		last = syn_last_stmt(c);
		if (gn_is_null(last))
			return false;
		if (gn_symbol(last) == g->fallthrough_statement)
			continue;
		/* the case's own expressions are children too: the last
		 * named child must be a statement that terminates */
		if (!syn__term(f, last, depth + 1))
			return false;
	}
	if (!any)
		return gn_symbol(sw) == g->select_statement;
	return !need_default || has_default;
}

static bool syn__term(const struct gofile *f, GNode s, unsigned depth)
{
	const struct go_syms *g = GS;
	TSSymbol sym;

	if (gn_is_null(s) || depth > 200)
		return false;
	sym = gn_symbol(s);
	if (sym == g->return_statement || sym == g->goto_statement)
		return true;
	if (sym == g->expression_statement)
		return syn__noreturn_call(f, gn_named_child(s, 0));
	if (sym == g->block)
		return syn__term(f, syn_last_stmt(s), depth + 1);
	if (sym == g->labeled_statement)
		return syn__term(f, syn_last_stmt(s), depth + 1);
	if (sym == g->if_statement) {
		GNode alt = go_field(s, f_alternative);

		return !gn_is_null(alt) &&
		       syn__term(f, go_field(s, f_consequence), depth + 1) &&
		       syn__term(f, alt, depth + 1);
	}
	if (sym == g->for_statement) {
		uint32_t k = gn_named_child_count(s);

		for (uint32_t i = 0; i < k; i++) {
			GNode c = gn_named_child(s, i);
			TSSymbol cs = gn_symbol(c);

			if (cs == g->block || cs == g->comment)
				continue;
			if (cs == g->for_clause &&
			    gn_is_null(go_field(c, f_condition)))
				continue;
			return false; /* condition or range clause */
		}
		return !syn_loop_has_break(f, s);
	}
	if (sym == g->select_statement)
		return !syn__has_break(f, s) &&
		       syn__cases_term(f, s, false, depth);
	if (sym == g->expression_switch_statement ||
	    sym == g->type_switch_statement)
		return !syn__has_break(f, s) &&
		       syn__cases_term(f, s, true, depth);
	return false;
}

bool syn_terminating(const struct gofile *f, GNode stmt)
{
	return syn__term(f, stmt, 0);
}

/* ================================================================ tickers */

/* `time.Tick(d)` or `time.NewTicker(d).C`: a ticker channel whose ticker
 * nobody holds. */
static bool syn__tick_chan(const struct gofile *f, GNode e)
{
	e = go_unparen(e);
	if (gn_is_null(e))
		return false;
	if (gn_symbol(e) == GS->call_expression)
		return syn_call_pkg(f, e, "time", "Tick");
	return gn_symbol(e) == GS->selector_expression &&
	       go_text_is(f, go_field(e, f_field), "C") &&
	       syn_call_pkg(f, go_unparen(go_field(e, f_operand)), "time",
			    "NewTicker");
}

/* The local the tick channel is stored in (`c := time.Tick(d)`), or a
 * null node when used in place; *ok false when it goes elsewhere. */
static GNode syn__tick_holder(GNode call, bool *ok)
{
	GNode p = gn_parent(call), gp;

	*ok = false;
	while (!gn_is_null(p) &&
	       gn_symbol(p) == GS->parenthesized_expression)
		p = gn_parent(p);
	if (gn_is_null(p))
		return p;
	if (gn_symbol(p) == GS->range_clause ||
	    (gn_symbol(p) == GS->unary_expression)) {
		*ok = true;
		return (GNode){ 0 };
	}
	if (gn_symbol(p) != GS->expression_list)
		return (GNode){ 0 };
	gp = gn_parent(p);
	if (gn_is_null(gp) ||
	    (gn_symbol(gp) != GS->short_var_declaration &&
	     gn_symbol(gp) != GS->var_spec) ||
	    gn_named_child_count(p) != 1)
		return (GNode){ 0 };
	{
		GNode l = gn_symbol(gp) == GS->var_spec
				   ? go_field(gp, f_name)
				   : gn_named_child(go_field(gp, f_left), 0);

		if (gn_is_null(l) || gn_symbol(l) != GS->identifier)
			return (GNode){ 0 };
		*ok = true;
		return l;
	}
}

struct syn__tick_uses {
	const struct gofile *f;
	const char *name;
	size_t len;
	GNode decl;
	bool escapes;
	unsigned in_go; /* inside a go statement */
};

static bool syn__tick_uses_enter(void *ctx, GNode n, unsigned depth)
{
	struct syn__tick_uses *u = ctx;
	GNode p;
	size_t len;
	const char *s;
	TSSymbol ps;

	LH_UNUSED(depth);
	if (u->escapes)
		return false;
	if (gn_symbol(n) == GS->go_statement)
		u->in_go++;
	if (gn_symbol(n) != GS->identifier || gn_eq(n, u->decl))
		return true;
	s = go_text(u->f, n, &len);
	if (len != u->len || memcmp(s, u->name, len) != 0)
		return true;
	if (u->in_go) {
		u->escapes = true;
		return false;
	}
	p = gn_parent(n);
	ps = gn_symbol(p);
	/* local uses: <-c, range c, case <-c */
	if (ps == GS->unary_expression || ps == GS->range_clause)
		return true;
	u->escapes = true;
	return false;
}

static void syn__tick_uses_leave(void *ctx, GNode n)
{
	struct syn__tick_uses *u = ctx;

	if (gn_symbol(n) == GS->go_statement && u->in_go)
		u->in_go--;
}

/* A return after `at`, or inside a loop enclosing `at`, in fn. */
struct syn__tick_ret {
	GNode at;
	bool found;
};

static bool syn__tick_ret_enter(void *ctx, GNode n, unsigned depth)
{
	struct syn__tick_ret *r = ctx;

	LH_UNUSED(depth);
	if (r->found || gn_symbol(n) == GS->func_literal)
		return false;
	if (gn_symbol(n) == GS->return_statement) {
		if (gn_start_byte(n) > gn_start_byte(r->at)) {
			r->found = true;
		} else {
			for (GNode q = gn_parent(n); !gn_is_null(q);
			     q = gn_parent(q)) {
				if (syn_is_func(q))
					break;
				if (gn_symbol(q) == GS->for_statement &&
				    gn_start_byte(q) <=
					    gn_start_byte(r->at) &&
				    gn_end_byte(q) >= gn_end_byte(r->at))
					r->found = true;
			}
		}
		return false;
	}
	return true;
}

/* The statement ends the function for good: terminating, or ranging over
 * the tick channel with no break. */
static bool syn__tick_endless(const struct gofile *f, GNode last)
{
	GNode rc;

	if (gn_is_null(last))
		return false;
	if (syn_terminating(f, last))
		return true;
	if (gn_symbol(last) != GS->for_statement)
		return false;
	rc = gn_named_child(last, 0);
	if (gn_is_null(rc) || gn_symbol(rc) != GS->range_clause)
		return false;
	{
		GNode r = go_unparen(go_field(rc, f_right));

		if (!syn__tick_chan(f, r) &&
		    gn_symbol(r) != GS->identifier)
			return false;
	}
	return !syn_loop_has_break(f, last);
}

static bool syn__tick_can_return(const struct gofile *f, GNode fn, GNode call)
{
	struct syn__tick_ret r = { call, false };
	struct syn_walker w = { syn__tick_ret_enter, NULL, &r };
	GNode body = go_field(fn, f_body);

	syn_walk(body, &w);
	if (r.found)
		return true;
	return !syn__tick_endless(f, syn_last_stmt(body));
}

bool syn_tick_chan_leaks(const struct gofile *f, GNode ch, GNode *fn)
{
	GNode holder;
	bool ok;

	*fn = syn_enclosing_func(ch);
	if (gn_is_null(*fn))
		return false; /* package-level: lives for the process */
	if (gn_symbol(*fn) == GS->function_declaration &&
	    go_text_is(f, go_field(*fn, f_name), "main") &&
	    strcmp(f->pkgname, "main") == 0)
		return false;
	holder = syn__tick_holder(ch, &ok);
	if (!ok)
		return false;
	if (!gn_is_null(holder)) {
		struct syn__tick_uses u = { f, NULL, 0, holder, false, 0 };
		struct syn_walker w = { syn__tick_uses_enter,
					syn__tick_uses_leave, &u };

		u.name = go_text(f, holder, &u.len);
		syn_walk(go_field(*fn, f_body), &w);
		if (u.escapes)
			return false;
	}
	return syn__tick_can_return(f, *fn, ch);
}
