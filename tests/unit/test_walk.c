/*
 * test_walk.c - the shared walk's records (static/walk.h) visit the same
 * nodes, in the same order, at the same depths, with the same skipping,
 * as the cursor walks they replace (syn_walk over a file or a body), and
 * walk_mask() records only what the enabled rules registered.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "static/pass.h"
#include "static/walk.h"

static const char src[] =
	"package p\n"
	"\n"
	"import \"os\"\n"
	"\n"
	"var g = func() int { return len(os.Args) }()\n"
	"\n"
	"func f(names []string) error {\n"
	"\tfor _, n := range names {\n"
	"\t\tfh, err := os.Open(n)\n"
	"\t\tif err != nil {\n"
	"\t\t\treturn err\n"
	"\t\t}\n"
	"\t\tdefer func() {\n"
	"\t\t\tdefer fh.Close()\n"
	"\t\t\tprintln(n)\n"
	"\t\t}()\n"
	"\t}\n"
	"\tgo func() { defer println(); println(1) }()\n"
	"\treturn nil\n"
	"}\n"
	"\n"
	"func (t *T) m() { defer t.close(); t.run(func() { t.x() }) }\n";

struct trace {
	uint32_t at[256];
	unsigned depth[256];
	size_t n;
	TSSymbol stop; /* enter returns false on this kind */
	const TSSymbol *kinds;
};

static bool trace__is(const struct trace *t, TSSymbol s)
{
	for (const TSSymbol *k = t->kinds; *k; k++) {
		if (*k == s)
			return true;
	}
	return false;
}

/* syn_walk's view: every node, acting on the kinds only */
static bool trace_syn(void *ctx, GNode n, unsigned depth)
{
	struct trace *t = ctx;

	if (!trace__is(t, gn_symbol(n)))
		return true;
	assert_true(t->n < 256);
	t->at[t->n] = gn_start_byte(n);
	t->depth[t->n++] = depth;
	return gn_symbol(n) != t->stop;
}

/* the records' view: called for the kinds only */
static bool trace_rec(void *ctx, GNode n, unsigned depth)
{
	struct trace *t = ctx;

	assert_true(trace__is(t, gn_symbol(n)));
	return trace_syn(ctx, n, depth);
}

static void same(const struct trace *a, const struct trace *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		assert_int_equal(a->at[i], b->at[i]);
		assert_int_equal(a->depth[i], b->depth[i]);
	}
}

static struct gofile *load(const char *s, size_t len)
{
	struct lh_error err;
	TSParser *p = ts_parser_new();
	struct gofile *f;

	ts_parser_set_language(p, go_language());
	f = gofile_parse(p, "t.go", s, len, &err);
	ts_parser_delete(p);
	assert_non_null(f);
	return f;
}

static void test_file(void **state)
{
	const struct go_syms *g = GS;
	const TSSymbol kinds[] = { g->call_expression, g->defer_statement, 0 };
	struct gofile *f = load(src, sizeof(src) - 1);

	(void)state;
	/* skipping below a defer, and not skipping */
	for (int stop = 0; stop < 2; stop++) {
		struct trace a = { .kinds = kinds }, b = { .kinds = kinds };
		struct syn_walker wa = { trace_syn, NULL, &a };
		struct syn_walker wb = { trace_rec, NULL, &b };

		a.stop = b.stop = stop ? g->defer_statement : 0;
		syn_walk(go_root(f), &wa);
		walk_file(f, kinds, SYN_MAX_DEPTH, &wb);
		assert_true(a.n > 5);
		same(&a, &b);
	}
	gofile_free(f);
}

static void test_bodies(void **state)
{
	const struct go_syms *g = GS;
	const TSSymbol kinds[] = { g->call_expression, g->defer_statement,
				   g->func_literal, 0 };
	const TSSymbol fns[] = { g->function_declaration,
				 g->method_declaration, g->func_literal, 0 };
	struct gofile *f = load(src, sizeof(src) - 1);
	struct walk_iter it;
	const struct gonode *e;
	size_t nfn = 0;
	go_node_vec all = VEC_INIT;

	(void)state;
	walk_iter_file(&it, f, fns);
	while ((e = walk_next(&it)))
		VEC_PUSH(&all, e->node);
	for (size_t i = 0; i < all.len; i++) {
		GNode fn = all.items[i];
		struct trace a = { .kinds = kinds }, b = { .kinds = kinds };
		struct syn_walker wa = { trace_syn, NULL, &a };
		struct syn_walker wb = { trace_rec, NULL, &b };

		a.stop = b.stop = g->func_literal;
		syn_walk(go_field(fn, f_body), &wa);
		walk_fn_body(f, fn, kinds, SYN_MAX_DEPTH, &wb);
		same(&a, &b);
		nfn++;
	}
	assert_int_equal(nfn, 6); /* f, m and four literals */
	VEC_FREE(&all);
	gofile_free(f);
}

/* a call nested deeper than SYN_MAX_DEPTH is not visited by either */
static void test_depth(void **state)
{
	const TSSymbol kinds[] = { GS->call_expression, 0 };
	struct buf b = BUF_INIT;
	struct gofile *f;
	struct trace x = { .kinds = kinds }, y = { .kinds = kinds };
	struct syn_walker wx = { trace_syn, NULL, &x };
	struct syn_walker wy = { trace_rec, NULL, &y };

	(void)state;
	assert_true(buf_adds(&b, "package p\n\nvar v = h("));
	for (int i = 0; i < 1100; i++)
		assert_true(buf_adds(&b, "("));
	assert_true(buf_adds(&b, "k()"));
	for (int i = 0; i < 1100; i++)
		assert_true(buf_adds(&b, ")"));
	assert_true(buf_adds(&b, ")\n"));
	f = load(b.data, b.len);
	syn_walk(go_root(f), &wx);
	walk_file(f, kinds, SYN_MAX_DEPTH, &wy);
	assert_int_equal(x.n, 1); /* h(...) only */
	same(&x, &y);
	gofile_free(f);
	buf_release(&b);
}

/* the mask records what the enabled rules registered, no more */
static void test_mask(void **state)
{
	unsigned char *on = xcalloc(lh_rule_count() + 1, 1);
	unsigned char *m;

	(void)state;
	on[lh_rule_index(lh_rule_find("LH706"))] = 1;
	m = walk_mask(on);
	assert_true(m[GS->defer_statement]);
	assert_false(m[GS->identifier]);
	free(m);
	on[lh_rule_index(lh_rule_find("LH101"))] = 1; /* channel facts */
	m = walk_mask(on);
	assert_true(m[GS->identifier]);
	free(m);
	free(on);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file),
		cmocka_unit_test(test_bodies),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_mask),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
