/*
 * test_parent.c - go_parent() gives what gn_parent() gives, for every
 * node of a file (named and anonymous, top-level declarations and comments,
 * wrappers with their child's range, the root), in pre-order and in climbs
 * from every node, and for nodes of another tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "golang/golang.h"

static const char src[] =
	"package p\n"
	"\n"
	"import (\n\t\"fmt\"\n\t\"os\"\n)\n"
	"\n"
	"var cache = map[string][]int{\"a\": {1, 2}, \"b\": nil}\n"
	"\n"
	"type T struct{ mu chan struct{}; xs []string }\n"
	"\n"
	"func f(names []string) (n int, err error) {\n"
	"\tfor _, s := range names {\n"
	"\t\tif fh, err := os.Open(s); err != nil {\n"
	"\t\t\treturn 0, err\n"
	"\t\t} else {\n"
	"\t\t\tdefer func() { _ = fh.Close() }()\n"
	"\t\t}\n"
	"\t\tswitch x := len(s); {\n"
	"\t\tcase x > 3:\n"
	"\t\t\tn += ((x))\n"
	"\t\tdefault:\n"
	"\t\t}\n"
	"\t}\n"
	"\tgo func(c chan int) { c <- <-c }(make(chan int))\n"
	"\tfmt.Println(`raw`, \"s\\n\", 'r', 1.5, -n)\n"
	"\treturn\n"
	"}\n"
	"\n"
	"func (t *T) m() { t.xs = append(t.xs[:0], t.xs[1:]...); select {} }\n"
	"\n"
	"// a comment between declarations\n"
	"const (\n\ta = iota\n\tb\n)\n"
	"\n"
	"/* the last one */\n"
	"type U = T\n";

static struct gofile *parse(const char *s)
{
	struct lh_error err;
	struct gofile *f;
	TSParser *p = ts_parser_new();

	ts_parser_set_language(p, go_language());
	f = gofile_parse(p, "t.go", s, strlen(s), &err);
	ts_parser_delete(p);
	assert_non_null(f);
	return f;
}

/* Every node of f, in pre-order. */
static void all_nodes(struct gofile *f, go_node_vec *out)
{
	GCursor c = gc_new(go_root(f));

	for (;;) {
		VEC_PUSH(out, gc_current_node(&c));
		if (gc_goto_first_child(&c))
			continue;
		while (!gc_goto_next_sibling(&c)) {
			if (!gc_goto_parent(&c)) {
				gc_delete(&c);
				return;
			}
		}
	}
}

static void same(struct gofile *f, GNode n)
{
	GNode a = go_parent(f, n), b = gn_parent(n);

	assert_int_equal(gn_is_null(a), gn_is_null(b));
	if (!gn_is_null(b)) {
		assert_true(gn_eq(a, b));
		assert_int_equal(gn_start_byte(a), gn_start_byte(b));
		assert_int_equal(gn_symbol(a), gn_symbol(b));
	}
}

static void test_preorder(void **state)
{
	struct gofile *f = parse(src);
	go_node_vec v = VEC_INIT;

	(void)state;
	all_nodes(f, &v);
	assert_true(v.len > 300);
	for (size_t i = 0; i < v.len; i++)
		same(f, v.items[i]);
	VEC_FREE(&v);
	gofile_free(f);
}

static void test_climbs(void **state)
{
	struct gofile *f = parse(src);
	go_node_vec v = VEC_INIT;

	(void)state;
	all_nodes(f, &v);
	/* from the last node back */
	for (size_t i = v.len; i-- > 0;) {
		GNode n = v.items[i];

		while (!gn_is_null(n)) {
			same(f, n);
			n = go_parent(f, n);
		}
	}
	VEC_FREE(&v);
	gofile_free(f);
}

static void test_other_tree(void **state)
{
	struct gofile *f = parse(src), *g = parse("package q\n\nfunc h() { h() }\n");
	go_node_vec v = VEC_INIT;

	(void)state;
	all_nodes(g, &v);
	for (size_t i = 0; i < v.len; i++) {
		GNode a = go_parent(f, v.items[i]), b = gn_parent(v.items[i]);

		assert_int_equal(gn_is_null(a), gn_is_null(b));
		assert_true(gn_is_null(b) || gn_eq(a, b));
	}
	assert_true(gn_is_null(go_parent(f, (GNode){ 0 })));
	VEC_FREE(&v);
	gofile_free(g);
	gofile_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_preorder),
		cmocka_unit_test(test_climbs),
		cmocka_unit_test(test_other_tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
