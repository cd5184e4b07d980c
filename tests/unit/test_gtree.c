/*
 * test_gtree.c - the flat tree answers what tree-sitter answers.
 *
 * Each file is parsed twice: by gofile_parse() into the flat tree, and by
 * tree-sitter, whose tree is kept. Both are walked in pre-order in
 * lockstep, and for every node each gn_* call is compared with the
 * ts_node_* call of the same name (nodes are compared by their pre-order
 * positions): symbol, named, bytes, points, child counts, parent, children
 * by index, named children, siblings, every field, the field the cursor
 * reports, the descendants for byte ranges; and the first child ending
 * after a byte (see first_child_for_byte()).
 *
 * The files: a source with every kind of statement and expression below,
 * the golden and example trees (tests/golden, examples; the test runs
 * from the repository's root), or the paths listed, one a line, in the
 * file named by $LH_GTREE_LIST (how the standard library and Debian's Go
 * sources were checked).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "golang/golang.h"

static const char src[] =
	"// Package p has one of each.\n"
	"package p\n"
	"\n"
	"import (\n\t\"fmt\"\n\tos2 \"os\"\n\t. \"strings\"\n\t_ \"net\"\n)\n"
	"\n"
	"var cache = map[string][]int{\"a\": {1, 2}, \"b\": nil}\n"
	"var x, y = 1, 2.5\n"
	"\n"
	"type T[K comparable, V any] struct {\n"
	"\tmu chan<- struct{} `tag`\n\txs []string\n\t*os2.File\n}\n"
	"\n"
	"type I interface{ ~int | string; M(a, b int) (err error) }\n"
	"\n"
	"func f(names []string, rest ...int) (n int, err error) {\n"
	"\tfor _, s := range names {\n"
	"\t\tif fh, err := os2.Open(s); err != nil {\n"
	"\t\t\treturn 0, err\n"
	"\t\t} else {\n"
	"\t\t\tdefer func() { _ = fh.Close() }()\n"
	"\t\t}\n"
	"\t\tswitch x := len(s); {\n"
	"\t\tcase x > 3:\n"
	"\t\t\tn += ((x))\n"
	"\t\t\tfallthrough\n"
	"\t\tdefault:\n"
	"\t\t}\n"
	"\t}\n"
	"loop:\n"
	"\tfor i := 0; i < 3; i++ {\n"
	"\t\tselect {\n"
	"\t\tcase v, ok := <-make(chan int):\n"
	"\t\t\t_, _ = v, ok\n"
	"\t\t\tbreak loop\n"
	"\t\tcase make(chan int) <- 1:\n"
	"\t\t\tcontinue loop\n"
	"\t\tdefault:\n"
	"\t\t\tgoto end\n"
	"\t\t}\n"
	"\t}\n"
	"end:\n"
	"\tvar i interface{} = n\n"
	"\tswitch v := i.(type) {\n"
	"\tcase int, string:\n"
	"\t\t_ = v\n"
	"\t}\n"
	"\tgo func(c chan int) { c <- <-c }(make(chan int))\n"
	"\tfmt.Println(`raw`, \"s\\n\", 'r', 1.5, -n, 0x1p-2, 1i, [...]int{1}, rest[1:2:3])\n"
	"\tn++\n"
	"\tfmt.Println(``, \"\")\n"
	"\treturn\n"
	"}\n"
	"\n"
	"func (t *T[K, V]) m() { t.xs = append(t.xs[:0], t.xs[1:]...); select {} }\n"
	"\n"
	"// a comment between declarations\n"
	"const (\n\ta = iota\n\tb\n)\n"
	"\n"
	"/* the last one */\n"
	"type U = T[int, string]\n";

/* tree-sitter's nodes in pre-order, and a map from a node to its position */
struct tsnodes {
	VEC(TSNode) v;
	struct map at;
};

struct tskey {
	const void *id;
	uint32_t start;
	TSSymbol sym;
};

static struct tskey key_of(TSNode n)
{
	struct tskey k;

	memset(&k, 0, sizeof(k));
	k.id = n.id;
	k.start = ts_node_start_byte(n);
	k.sym = ts_node_symbol(n);
	return k;
}

static uint32_t pos_of(struct tsnodes *t, TSNode n)
{
	struct tskey k;
	void *v;

	if (ts_node_is_null(n))
		return 0;
	k = key_of(n);
	v = map_get(&t->at, (const char *)&k, sizeof(k));
	assert_non_null(v);
	return (uint32_t)(uintptr_t)v;
}

static uint32_t gpos(GNode n)
{
	return n.id;
}

static void collect(TSNode root, struct tsnodes *t)
{
	TSTreeCursor c = ts_tree_cursor_new(root);

	map_init(&t->at);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		struct tskey k = key_of(n);

		VEC_PUSH(&t->v, n);
		assert_null(map_get(&t->at, (const char *)&k, sizeof(k)));
		map_put(&t->at, (const char *)&k, sizeof(k),
			(void *)(uintptr_t)t->v.len);
		if (ts_tree_cursor_goto_first_child(&c))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (!ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
				return;
			}
		}
	}
}

/* The first child of n that ends after byte, by tree-sitter's children:
 * ts_node_first_child_for_byte() itself answers null when it meets first
 * a hidden node (a statement terminator's) with nothing visible after
 * byte, which is no answer to the question (nothing calls it for that). */
static uint32_t first_child_for_byte(struct tsnodes *t, TSNode n,
				     uint32_t byte)
{
	uint32_t kids = ts_node_child_count(n);
	TSTreeCursor c = ts_tree_cursor_new(n);
	uint32_t pos = 0;

	if (kids && ts_tree_cursor_goto_first_child(&c)) {
		do {
			TSNode ch = ts_tree_cursor_current_node(&c);

			if (ts_node_end_byte(ch) > byte) {
				pos = pos_of(t, ch);
				break;
			}
		} while (ts_tree_cursor_goto_next_sibling(&c));
	}
	ts_tree_cursor_delete(&c);
	return pos;
}

/* The byte ranges to ask descendants for, around node n. */
static void ranges(TSNode n, uint32_t out[][2], size_t *nout)
{
	uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
	size_t k = 0;

	out[k][0] = a, out[k][1] = b, k++;
	out[k][0] = a, out[k][1] = a, k++;
	out[k][0] = b, out[k][1] = b, k++;
	if (b > a + 1) {
		out[k][0] = a + 1, out[k][1] = b - 1, k++;
		out[k][0] = a + (b - a) / 2, out[k][1] = b, k++;
	}
	*nout = k;
}

static size_t zero_width; /* nodes of no width met */

static void check_node(struct tsnodes *t, const struct gtree *g, uint32_t i,
		       uint32_t nfields)
{
	TSNode n = t->v.items[i];
	GNode m = { g, i + 1 };
	uint32_t kids = ts_node_child_count(n), named = ts_node_named_child_count(n);
	uint32_t rg[8][2];
	size_t nrg;

	assert_int_equal(gn_symbol(m), ts_node_symbol(n));
	assert_int_equal(gn_is_named(m), ts_node_is_named(n));
	assert_string_equal(gn_type(m), ts_node_type(n));
	assert_int_equal(gn_start_byte(m), ts_node_start_byte(n));
	assert_int_equal(gn_end_byte(m), ts_node_end_byte(n));
	assert_int_equal(gn_start_point(m).row, ts_node_start_point(n).row);
	assert_int_equal(gn_start_point(m).column,
			 ts_node_start_point(n).column);
	assert_int_equal(gn_end_point(m).row, ts_node_end_point(n).row);
	assert_int_equal(gn_end_point(m).column, ts_node_end_point(n).column);
	assert_int_equal(gn_child_count(m), kids);
	assert_int_equal(gn_named_child_count(m), named);
	if (ts_node_start_byte(n) == ts_node_end_byte(n)) {
		/* tree-sitter 0.20 finds a parent by bytes, from the root:
		 * for a node of no width (the content of an empty raw
		 * string) it stops at the node itself, or at a neighbour
		 * that ends where it starts. The flat tree's parent is the
		 * node whose children hold it; the calls built on
		 * ts_node_parent() (siblings, descendants from the parent)
		 * are not compared there. */
		bool found = false;

		for (GNode c = gn_child(gn_parent(m), 0); !gn_is_null(c);
		     c = gn__next(c))
			found = found || gn_eq(c, m);
		assert_true(found || gn_is_null(gn_parent(m)));
		zero_width++;
		return;
	}
	assert_int_equal(gpos(gn_parent(m)), pos_of(t, ts_node_parent(n)));
	/* by index: quadratic in tree-sitter, so the first 40 */
	for (uint32_t k = 0; k <= kids && k < 40; k++)
		assert_int_equal(gpos(gn_child(m, k)),
				 pos_of(t, ts_node_child(n, k)));
	for (uint32_t k = 0; k <= named && k < 40; k++)
		assert_int_equal(gpos(gn_named_child(m, k)),
				 pos_of(t, ts_node_named_child(n, k)));
	assert_int_equal(gpos(gn_next_named_sibling(m)),
			 pos_of(t, ts_node_next_named_sibling(n)));
	assert_int_equal(gpos(gn_prev_named_sibling(m)),
			 pos_of(t, ts_node_prev_named_sibling(n)));
	if (named) {
		for (TSFieldId fid = 1; fid <= nfields; fid++)
			assert_int_equal(gpos(gn_child_by_field_id(m, fid)),
					 pos_of(t, ts_node_child_by_field_id(n, fid)));
	}
	ranges(n, rg, &nrg);
	for (size_t k = 0; k < nrg; k++) {
		TSNode p = ts_node_parent(n);
		GNode q = gn_parent(m);

		assert_int_equal(gpos(gn_first_child_for_byte(m, rg[k][0])),
				 first_child_for_byte(t, n, rg[k][0]));
		if (ts_node_is_null(p))
			continue;
		assert_int_equal(
			gpos(gn_descendant_for_byte_range(q, rg[k][0], rg[k][1])),
			pos_of(t, ts_node_descendant_for_byte_range(p, rg[k][0],
								    rg[k][1])));
		assert_int_equal(
			gpos(gn_named_descendant_for_byte_range(q, rg[k][0],
								rg[k][1])),
			pos_of(t, ts_node_named_descendant_for_byte_range(
					  p, rg[k][0], rg[k][1])));
	}
}

/* Compares the two trees of one source; returns its number of nodes. */
static size_t check_source(TSParser *p, const char *path, const char *s,
			   size_t len)
{
	struct lh_error err;
	struct gofile *f = gofile_parse(p, path, s, len, &err);
	TSTree *tree;
	struct tsnodes t = { VEC_INIT, MAP_INIT };
	uint32_t nfields = ts_language_field_count(go_language());
	GCursor gc;
	TSTreeCursor tc;
	size_t n;

	if (!f) /* files leakhound rejects are not compared */
		return 0;
	tree = ts_parser_parse_string(p, NULL, s, (uint32_t)len);
	assert_non_null(tree);
	collect(ts_tree_root_node(tree), &t);
	assert_int_equal(f->tree->len, t.v.len);
	for (uint32_t i = 0; i < t.v.len; i++)
		check_node(&t, f->tree, i, nfields);
	/* the cursors agree step by step, fields included */
	gc = gc_new(go_root(f));
	tc = ts_tree_cursor_new(ts_tree_root_node(tree));
	for (;;) {
		bool a, b;

		assert_int_equal(gpos(gc_current_node(&gc)),
				 pos_of(&t, ts_tree_cursor_current_node(&tc)));
		assert_int_equal(gc_current_field_id(&gc),
				 ts_tree_cursor_current_field_id(&tc));
		a = gc_goto_first_child(&gc);
		b = ts_tree_cursor_goto_first_child(&tc);
		assert_int_equal(a, b);
		if (a)
			continue;
		for (;;) {
			a = gc_goto_next_sibling(&gc);
			b = ts_tree_cursor_goto_next_sibling(&tc);
			assert_int_equal(a, b);
			if (a)
				break;
			a = gc_goto_parent(&gc);
			b = ts_tree_cursor_goto_parent(&tc);
			assert_int_equal(a, b);
			if (!a)
				goto done;
		}
	}
done:
	ts_tree_cursor_delete(&tc);
	n = t.v.len;
	map_release(&t.at);
	VEC_FREE(&t.v);
	ts_tree_delete(tree);
	gofile_free(f);
	return n;
}

static size_t check_path(TSParser *p, const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long len;
	size_t n = 0;

	if (!fp)
		return 0;
	if (fseek(fp, 0, SEEK_END) == 0 && (len = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0) {
		s = malloc((size_t)len + 1);
		assert_non_null(s);
		if (fread(s, 1, (size_t)len, fp) == (size_t)len)
			n = check_source(p, path, s, (size_t)len);
		free(s);
	}
	fclose(fp);
	return n;
}

static size_t check_dir(TSParser *p, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		char path[4096];
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			n += check_dir(p, path);
		else if (str_has_suffix(e->d_name, ".go"))
			n += check_path(p, path);
	}
	closedir(d);
	return n;
}

static TSParser *parser(void)
{
	TSParser *p = ts_parser_new();

	ts_parser_set_language(p, go_language());
	return p;
}

static void test_source(void **state)
{
	TSParser *p = parser();

	(void)state;
	assert_true(check_source(p, "t.go", src, strlen(src)) > 400);
	assert_true(zero_width > 0); /* the empty raw string's content */
	ts_parser_delete(p);
}

static void test_trees(void **state)
{
	TSParser *p = parser();
	const char *list = getenv("LH_GTREE_LIST");
	size_t n = 0, files = 0;

	(void)state;
	if (list) {
		FILE *fp = fopen(list, "r");
		char path[4096];

		assert_non_null(fp);
		while (fgets(path, sizeof(path), fp)) {
			path[strcspn(path, "\n")] = '\0';
			n += check_path(p, path);
			files++;
		}
		fclose(fp);
		fprintf(stderr, "test_gtree: %zu files, %zu nodes, %zu of no "
				"width\n", files, n, zero_width);
	} else {
		n = check_dir(p, "tests/golden") + check_dir(p, "examples");
		assert_true(n > 100000);
	}
	ts_parser_delete(p);
}

static void test_null(void **state)
{
	GNode z = { 0 };
	GCursor c = gc_new(z);

	(void)state;
	assert_true(gn_is_null(z));
	assert_true(gn_is_null(gn_parent(z)));
	assert_true(gn_is_null(gn_child(z, 0)));
	assert_true(gn_is_null(gn_named_child(z, 0)));
	assert_true(gn_is_null(gn_child_by_field_id(z, 1)));
	assert_true(gn_is_null(gn_next_named_sibling(z)));
	assert_true(gn_is_null(gn_prev_named_sibling(z)));
	assert_int_equal(gn_child_count(z), 0);
	assert_int_equal(gn_symbol(z), 0);
	assert_false(gc_goto_first_child(&c));
	assert_false(gc_goto_next_sibling(&c));
	assert_false(gc_goto_parent(&c));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_source),
		cmocka_unit_test(test_trees),
		cmocka_unit_test(test_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
