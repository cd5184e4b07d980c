/*
 * syn.c - syntax helpers for the retention, pool and timer rules (see
 * syn.h). The walk uses one TSTreeCursor for the whole traversal: indexed
 * child access is linear in tree-sitter 0.20, so blocks with thousands of
 * statements must not be walked with ts_node_child().
 */
#include <errno.h>
#include <string.h>

#include "static/syn.h"

static void syn__walk(TSTreeCursor *c, const struct syn_walker *w,
		      unsigned depth)
{
	TSNode n = ts_tree_cursor_current_node(c);
	bool down = w->enter ? w->enter(w->ctx, n, depth) : true;
	/* the cursor visits the children ts_node_child_count() counts: with
	 * the count, no failing goto_next_sibling after the last one (it
	 * costs as much as a step) and no goto_first_child on a leaf */
	uint32_t kids = down && depth < SYN_MAX_DEPTH ? ts_node_child_count(n)
						      : 0;

	if (kids && ts_tree_cursor_goto_first_child(c)) {
		for (;;) {
			syn__walk(c, w, depth + 1);
			if (!--kids)
				break;
			if (!ts_tree_cursor_goto_next_sibling(c))
				LH_BUG("a node has fewer children than it "
				       "counts");
		}
		ts_tree_cursor_goto_parent(c);
	}
	if (w->leave)
		w->leave(w->ctx, n);
}

void syn_walk(TSNode root, const struct syn_walker *w)
{
	TSTreeCursor c;

	if (ts_node_is_null(root))
		return;
	c = ts_tree_cursor_new(root);
	syn__walk(&c, w, 0);
	ts_tree_cursor_delete(&c);
}

TSNode syn_arg(TSNode call, uint32_t i)
{
	TSNode args = go_field(call, f_arguments);

	if (ts_node_is_null(args) || i >= ts_node_named_child_count(args))
		return (TSNode){ 0 };
	return ts_node_named_child(args, i);
}

uint32_t syn_nargs(TSNode call)
{
	TSNode args = go_field(call, f_arguments);

	return ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
}

bool syn_call_ident(const struct gofile *f, TSNode call, const char *name)
{
	TSNode fn;

	call = go_unparen(call);
	if (ts_node_is_null(call) || ts_node_symbol(call) != GS->call_expression)
		return false;
	fn = go_unparen(go_field(call, f_function));
	return !ts_node_is_null(fn) && ts_node_symbol(fn) == GS->identifier &&
	       go_text_is(f, fn, name);
}

bool syn_call_pkg(const struct gofile *f, TSNode call, const char *path,
		  const char *name)
{
	const char *p, *nm;
	size_t len;

	call = go_unparen(call);
	if (ts_node_is_null(call) || ts_node_symbol(call) != GS->call_expression)
		return false;
	if (!go_selector_import(f, go_field(call, f_function), &p, &nm, &len))
		return false;
	return strcmp(p, path) == 0 && (!name || str_eqn(nm, len, name));
}

TSNode syn_call_method(TSNode call, TSNode *recv)
{
	TSNode fn;

	call = go_unparen(call);
	if (ts_node_is_null(call) || ts_node_symbol(call) != GS->call_expression)
		return (TSNode){ 0 };
	fn = go_unparen(go_field(call, f_function));
	if (ts_node_is_null(fn) || ts_node_symbol(fn) != GS->selector_expression)
		return (TSNode){ 0 };
	if (recv)
		*recv = go_field(fn, f_operand);
	return go_field(fn, f_field);
}

/* ---------------------------------------------------------------- consts */

static bool syn__int_lit(const struct gofile *f, TSNode n, int64_t *out)
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
static TSNode syn__const_value(struct gopkg *pkg, const char *name, size_t len,
			       const struct gofile **vf)
{
	char tmp[128];
	const struct godecl *d;
	TSNode spec, vals;
	uint32_t idx = 0;
	TSTreeCursor c;

	if (len >= sizeof(tmp))
		return (TSNode){ 0 };
	memcpy(tmp, name, len);
	tmp[len] = '\0';
	d = gopkg_lookup(pkg, tmp);
	if (!d || d->kind != GODECL_CONST)
		return (TSNode){ 0 };
	spec = d->node;
	vals = go_field(spec, f_value);
	if (ts_node_is_null(vals))
		return (TSNode){ 0 };
	/* position of the name among the spec's names */
	c = ts_tree_cursor_new(spec);
	if (ts_tree_cursor_goto_first_child(&c)) {
		uint32_t k = 0;

		do {
			if (ts_tree_cursor_current_field_id(&c) == GS->f_name) {
				if (go_text_is(d->file,
					       ts_tree_cursor_current_node(&c),
					       tmp))
					idx = k;
				k++;
			}
		} while (ts_tree_cursor_goto_next_sibling(&c));
	}
	ts_tree_cursor_delete(&c);
	*vf = d->file;
	if (ts_node_symbol(vals) == GS->expression_list)
		return idx < ts_node_named_child_count(vals)
			       ? ts_node_named_child(vals, idx)
			       : (TSNode){ 0 };
	return idx == 0 ? vals : (TSNode){ 0 };
}

static bool syn__const(struct gopkg *pkg, const struct gofile *f, TSNode n,
		       int64_t *out, unsigned depth)
{
	const struct go_syms *g = GS;
	TSSymbol s;

	n = go_unparen(n);
	if (ts_node_is_null(n) || depth > 16)
		return false;
	s = ts_node_symbol(n);
	if (s == g->int_literal)
		return syn__int_lit(f, n, out);
	if (s == g->identifier) {
		size_t len;
		const char *name = go_text(f, n, &len);
		const struct gofile *vf = NULL;
		TSNode v = syn__const_value(pkg, name, len, &vf);

		return !ts_node_is_null(v) && syn__const(pkg, vf, v, out,
							  depth + 1);
	}
	if (s == g->call_expression) {
		/* conversions such as int64(1 << 20) */
		TSNode fn = go_field(n, f_function);

		if (syn_nargs(n) == 1 && !ts_node_is_null(fn) &&
		    ts_node_symbol(fn) == g->identifier) {
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
		TSNode op = go_field(n, f_operator);

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

bool syn_const_int(struct gopkg *pkg, const struct gofile *f, TSNode n,
		   int64_t *out)
{
	return syn__const(pkg, f, n, out, 0);
}

/* ---------------------------------------------------------------- funcs */

bool syn_is_func(TSNode n)
{
	TSSymbol s = ts_node_symbol(n);

	return s == GS->function_declaration || s == GS->method_declaration ||
	       s == GS->func_literal;
}

TSNode syn_enclosing_func(TSNode n)
{
	for (n = ts_node_parent(n); !ts_node_is_null(n); n = ts_node_parent(n)) {
		if (syn_is_func(n))
			return n;
	}
	return n;
}

TSNode syn_enclosing_loop(TSNode n)
{
	TSNode none = { 0 };

	for (n = ts_node_parent(n); !ts_node_is_null(n); n = ts_node_parent(n)) {
		if (ts_node_symbol(n) == GS->for_statement)
			return n;
		if (syn_is_func(n))
			return none;
	}
	return none;
}

bool syn_endless_for(TSNode loop)
{
	uint32_t k = ts_node_named_child_count(loop);

	for (uint32_t i = 0; i < k; i++) {
		TSNode c = ts_node_named_child(loop, i);
		TSSymbol cs = ts_node_symbol(c);

		if (cs == GS->block || cs == GS->comment)
			continue;
		if (cs == GS->for_clause &&
		    ts_node_is_null(go_field(c, f_condition)))
			continue;
		return false;
	}
	return true;
}

bool syn_in_endless_loop(TSNode n)
{
	for (n = ts_node_parent(n); !ts_node_is_null(n); n = ts_node_parent(n)) {
		if (syn_is_func(n))
			return false;
		if (ts_node_symbol(n) == GS->for_statement && syn_endless_for(n))
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

bool syn_has_token(TSNode n, const char *tok)
{
	uint32_t k = ts_node_child_count(n);

	for (uint32_t i = 0; i < k; i++) {
		TSNode c = ts_node_child(n, i);

		if (!ts_node_is_named(c) && strcmp(ts_node_type(c), tok) == 0)
			return true;
	}
	return false;
}

TSNode syn_last_stmt(TSNode block)
{
	uint32_t k = ts_node_named_child_count(block);

	while (k > 0) {
		TSNode c = ts_node_named_child(block, --k);

		if (ts_node_symbol(c) != GS->comment &&
		    ts_node_symbol(c) != GS->empty_statement)
			return c;
	}
	return (TSNode){ 0 };
}

/* ---------------------------------------------------------------- flow */

struct syn__brk {
	const struct gofile *f;
	TSNode target;	  /* the loop/switch/select */
	const char *label; /* its label, or NULL */
	size_t label_len;
	bool found;
};

/* Breaks inside node that target b->target. */
static void syn__breaks(struct syn__brk *b, TSNode n, bool nested,
			unsigned depth)
{
	const struct go_syms *g = GS;
	uint32_t k;

	if (b->found || depth > SYN_MAX_DEPTH)
		return;
	k = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < k && !b->found; i++) {
		TSNode c = ts_node_named_child(n, i);
		TSSymbol s = ts_node_symbol(c);

		if (s == g->func_literal)
			continue;
		if (s == g->break_statement) {
			TSNode lbl = ts_node_named_child(c, 0);

			if (ts_node_is_null(lbl)) {
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

static bool syn__has_break(const struct gofile *f, TSNode stmt)
{
	struct syn__brk b = { f, stmt, NULL, 0, false };
	TSNode parent = ts_node_parent(stmt);

	if (!ts_node_is_null(parent) &&
	    ts_node_symbol(parent) == GS->labeled_statement) {
		TSNode lbl = go_field(parent, f_label);

		if (!ts_node_is_null(lbl))
			b.label = go_text(f, lbl, &b.label_len);
	}
	syn__breaks(&b, stmt, false, 0);
	return b.found;
}

bool syn_loop_has_break(const struct gofile *f, TSNode loop)
{
	return syn__has_break(f, loop);
}

static bool syn__noreturn_call(const struct gofile *f, TSNode call)
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

static bool syn__term(const struct gofile *f, TSNode s, unsigned depth);

/* Every case of a switch/select ends terminating (fallthrough counts). */
static bool syn__cases_term(const struct gofile *f, TSNode sw, bool need_default,
			    unsigned depth)
{
	const struct go_syms *g = GS;
	uint32_t k = ts_node_named_child_count(sw);
	bool has_default = false, any = false;

	for (uint32_t i = 0; i < k; i++) {
		TSNode c = ts_node_named_child(sw, i);
		TSSymbol s = ts_node_symbol(c);
		TSNode last;

		if (s != g->expression_case && s != g->default_case &&
		    s != g->type_case && s != g->communication_case)
			continue;
		any = true;
		if (s == g->default_case)
			has_default = true;
		last = syn_last_stmt(c);
		if (ts_node_is_null(last))
			return false;
		if (ts_node_symbol(last) == g->fallthrough_statement)
			continue;
		/* the case's own expressions are children too: the last
		 * named child must be a statement that terminates */
		if (!syn__term(f, last, depth + 1))
			return false;
	}
	if (!any)
		return ts_node_symbol(sw) == g->select_statement;
	return !need_default || has_default;
}

static bool syn__term(const struct gofile *f, TSNode s, unsigned depth)
{
	const struct go_syms *g = GS;
	TSSymbol sym;

	if (ts_node_is_null(s) || depth > 200)
		return false;
	sym = ts_node_symbol(s);
	if (sym == g->return_statement || sym == g->goto_statement)
		return true;
	if (sym == g->expression_statement)
		return syn__noreturn_call(f, ts_node_named_child(s, 0));
	if (sym == g->block)
		return syn__term(f, syn_last_stmt(s), depth + 1);
	if (sym == g->labeled_statement)
		return syn__term(f, syn_last_stmt(s), depth + 1);
	if (sym == g->if_statement) {
		TSNode alt = go_field(s, f_alternative);

		return !ts_node_is_null(alt) &&
		       syn__term(f, go_field(s, f_consequence), depth + 1) &&
		       syn__term(f, alt, depth + 1);
	}
	if (sym == g->for_statement) {
		uint32_t k = ts_node_named_child_count(s);

		for (uint32_t i = 0; i < k; i++) {
			TSNode c = ts_node_named_child(s, i);
			TSSymbol cs = ts_node_symbol(c);

			if (cs == g->block || cs == g->comment)
				continue;
			if (cs == g->for_clause &&
			    ts_node_is_null(go_field(c, f_condition)))
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

bool syn_terminating(const struct gofile *f, TSNode stmt)
{
	return syn__term(f, stmt, 0);
}

/* ================================================================ tickers */

/* `time.Tick(d)` or `time.NewTicker(d).C`: a ticker channel whose ticker
 * nobody holds. */
static bool syn__tick_chan(const struct gofile *f, TSNode e)
{
	e = go_unparen(e);
	if (ts_node_is_null(e))
		return false;
	if (ts_node_symbol(e) == GS->call_expression)
		return syn_call_pkg(f, e, "time", "Tick");
	return ts_node_symbol(e) == GS->selector_expression &&
	       go_text_is(f, go_field(e, f_field), "C") &&
	       syn_call_pkg(f, go_unparen(go_field(e, f_operand)), "time",
			    "NewTicker");
}

/* The local the tick channel is stored in (`c := time.Tick(d)`), or a
 * null node when used in place; *ok false when it goes elsewhere. */
static TSNode syn__tick_holder(TSNode call, bool *ok)
{
	TSNode p = ts_node_parent(call), gp;

	*ok = false;
	while (!ts_node_is_null(p) &&
	       ts_node_symbol(p) == GS->parenthesized_expression)
		p = ts_node_parent(p);
	if (ts_node_is_null(p))
		return p;
	if (ts_node_symbol(p) == GS->range_clause ||
	    (ts_node_symbol(p) == GS->unary_expression)) {
		*ok = true;
		return (TSNode){ 0 };
	}
	if (ts_node_symbol(p) != GS->expression_list)
		return (TSNode){ 0 };
	gp = ts_node_parent(p);
	if (ts_node_is_null(gp) ||
	    (ts_node_symbol(gp) != GS->short_var_declaration &&
	     ts_node_symbol(gp) != GS->var_spec) ||
	    ts_node_named_child_count(p) != 1)
		return (TSNode){ 0 };
	{
		TSNode l = ts_node_symbol(gp) == GS->var_spec
				   ? go_field(gp, f_name)
				   : ts_node_named_child(go_field(gp, f_left), 0);

		if (ts_node_is_null(l) || ts_node_symbol(l) != GS->identifier)
			return (TSNode){ 0 };
		*ok = true;
		return l;
	}
}

struct syn__tick_uses {
	const struct gofile *f;
	const char *name;
	size_t len;
	TSNode decl;
	bool escapes;
	unsigned in_go; /* inside a go statement */
};

static bool syn__tick_uses_enter(void *ctx, TSNode n, unsigned depth)
{
	struct syn__tick_uses *u = ctx;
	TSNode p;
	size_t len;
	const char *s;
	TSSymbol ps;

	LH_UNUSED(depth);
	if (u->escapes)
		return false;
	if (ts_node_symbol(n) == GS->go_statement)
		u->in_go++;
	if (ts_node_symbol(n) != GS->identifier || n.id == u->decl.id)
		return true;
	s = go_text(u->f, n, &len);
	if (len != u->len || memcmp(s, u->name, len) != 0)
		return true;
	if (u->in_go) {
		u->escapes = true;
		return false;
	}
	p = ts_node_parent(n);
	ps = ts_node_symbol(p);
	/* local uses: <-c, range c, case <-c */
	if (ps == GS->unary_expression || ps == GS->range_clause)
		return true;
	u->escapes = true;
	return false;
}

static void syn__tick_uses_leave(void *ctx, TSNode n)
{
	struct syn__tick_uses *u = ctx;

	if (ts_node_symbol(n) == GS->go_statement && u->in_go)
		u->in_go--;
}

/* A return after `at`, or inside a loop enclosing `at`, in fn. */
struct syn__tick_ret {
	TSNode at;
	bool found;
};

static bool syn__tick_ret_enter(void *ctx, TSNode n, unsigned depth)
{
	struct syn__tick_ret *r = ctx;

	LH_UNUSED(depth);
	if (r->found || ts_node_symbol(n) == GS->func_literal)
		return false;
	if (ts_node_symbol(n) == GS->return_statement) {
		if (ts_node_start_byte(n) > ts_node_start_byte(r->at)) {
			r->found = true;
		} else {
			for (TSNode q = ts_node_parent(n); !ts_node_is_null(q);
			     q = ts_node_parent(q)) {
				if (syn_is_func(q))
					break;
				if (ts_node_symbol(q) == GS->for_statement &&
				    ts_node_start_byte(q) <=
					    ts_node_start_byte(r->at) &&
				    ts_node_end_byte(q) >= ts_node_end_byte(r->at))
					r->found = true;
			}
		}
		return false;
	}
	return true;
}

/* The statement ends the function for good: terminating, or ranging over
 * the tick channel with no break. */
static bool syn__tick_endless(const struct gofile *f, TSNode last)
{
	TSNode rc;

	if (ts_node_is_null(last))
		return false;
	if (syn_terminating(f, last))
		return true;
	if (ts_node_symbol(last) != GS->for_statement)
		return false;
	rc = ts_node_named_child(last, 0);
	if (ts_node_is_null(rc) || ts_node_symbol(rc) != GS->range_clause)
		return false;
	{
		TSNode r = go_unparen(go_field(rc, f_right));

		if (!syn__tick_chan(f, r) &&
		    ts_node_symbol(r) != GS->identifier)
			return false;
	}
	return !syn_loop_has_break(f, last);
}

static bool syn__tick_can_return(const struct gofile *f, TSNode fn, TSNode call)
{
	struct syn__tick_ret r = { call, false };
	struct syn_walker w = { syn__tick_ret_enter, NULL, &r };
	TSNode body = go_field(fn, f_body);

	syn_walk(body, &w);
	if (r.found)
		return true;
	return !syn__tick_endless(f, syn_last_stmt(body));
}

bool syn_tick_chan_leaks(const struct gofile *f, TSNode ch, TSNode *fn)
{
	TSNode holder;
	bool ok;

	*fn = syn_enclosing_func(ch);
	if (ts_node_is_null(*fn))
		return false; /* package-level: lives for the process */
	if (ts_node_symbol(*fn) == GS->function_declaration &&
	    go_text_is(f, go_field(*fn, f_name), "main") &&
	    strcmp(f->pkgname, "main") == 0)
		return false;
	holder = syn__tick_holder(ch, &ok);
	if (!ok)
		return false;
	if (!ts_node_is_null(holder)) {
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
