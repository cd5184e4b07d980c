/*
 * test_tsalloc.c - the allocator tree-sitter parses with (tsalloc.c):
 * malloc/calloc/realloc/free contracts at every size class and past them,
 * blocks freed by another thread, caches reused after threads end, and
 * parses in several threads at once giving the trees one thread gives.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "golang/golang.h"

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed * 31u + i);
}

static void check(const unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		assert_int_equal(p[i], (unsigned char)(seed * 31u + i));
}

/* Every size up to past the classes: distinct, aligned, writable. */
static void test_sizes(void **state)
{
	enum { N = 3000 };
	unsigned char **ps = calloc(N, sizeof(*ps));

	(void)state;
	assert_non_null(ps);
	for (size_t n = 0; n < N; n++) {
		ps[n] = go_ts_malloc(n);
		assert_non_null(ps[n]);
		assert_int_equal((uintptr_t)ps[n] % 16, 0);
		fill(ps[n], n, (unsigned)n);
	}
	for (size_t n = 0; n < N; n++)
		check(ps[n], n, (unsigned)n);
	for (size_t n = 0; n < N; n++)
		go_ts_free(ps[n]);
	/* freed blocks come back for the same class */
	{
		void *a = go_ts_malloc(40), *b;

		go_ts_free(a);
		b = go_ts_malloc(33);
		assert_ptr_equal(a, b);
		go_ts_free(b);
	}
	go_ts_free(NULL);
	free(ps);
}

static void test_calloc_realloc(void **state)
{
	unsigned char *p = go_ts_calloc(7, 9), *q;
	size_t sizes[] = { 1, 15, 16, 17, 200, 1024, 1025, 5000, 100000,
			   1000, 10, 3 };
	size_t have = 63;

	(void)state;
	for (size_t i = 0; i < 63; i++)
		assert_int_equal(p[i], 0);
	fill(p, have, 7);
	/* grow and shrink across the classes and the malloc blocks: the
	 * common prefix survives */
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t keep = have < sizes[i] ? have : sizes[i];

		q = go_ts_realloc(p, sizes[i]);
		assert_non_null(q);
		check(q, keep, 7);
		fill(q, sizes[i], 7);
		p = q;
		have = sizes[i];
	}
	go_ts_free(p);
	p = go_ts_realloc(NULL, 50);
	assert_non_null(p);
	go_ts_free(p);
	p = go_ts_calloc(1000, 1000); /* a malloc block, zeroed */
	for (size_t i = 0; i < 1000000; i += 4093)
		assert_int_equal(p[i], 0);
	go_ts_free(p);
}

struct handoff {
	void *blocks[256];
};

static void *alloc_thread(void *arg)
{
	struct handoff *h = arg;

	for (size_t i = 0; i < 256; i++) {
		h->blocks[i] = go_ts_malloc(i * 7 % 1500);
		fill(h->blocks[i], i * 7 % 1500, (unsigned)i);
	}
	return NULL;
}

static void *free_thread(void *arg)
{
	struct handoff *h = arg;

	for (size_t i = 0; i < 256; i++) {
		check(h->blocks[i], i * 7 % 1500, (unsigned)i);
		go_ts_free(h->blocks[i]);
	}
	/* and take some again: its lists hold the other thread's blocks */
	for (size_t i = 0; i < 256; i++)
		h->blocks[i] = go_ts_malloc(64);
	for (size_t i = 0; i < 256; i++)
		go_ts_free(h->blocks[i]);
	return NULL;
}

/* Blocks freed by another thread, and threads coming and going. */
static void test_threads(void **state)
{
	struct handoff h;

	(void)state;
	for (int round = 0; round < 20; round++) {
		pthread_t a, b;

		assert_int_equal(pthread_create(&a, NULL, alloc_thread, &h), 0);
		assert_int_equal(pthread_join(a, NULL), 0);
		assert_int_equal(pthread_create(&b, NULL, free_thread, &h), 0);
		assert_int_equal(pthread_join(b, NULL), 0);
	}
}

static const char src[] =
	"package p\n\nimport \"os\"\n\n"
	"func f(p string) error {\n\tf, err := os.Open(p)\n"
	"\tif err != nil {\n\t\treturn err\n\t}\n\tdefer f.Close()\n"
	"\tfor i := 0; i < 10; i++ {\n\t\tgo func() { _ = i }()\n\t}\n"
	"\treturn nil\n}\n";

static void *parse_thread(void *arg)
{
	uint32_t *nodes = arg;
	TSParser *p = ts_parser_new();

	ts_parser_set_language(p, go_language());
	for (int i = 0; i < 50; i++) {
		struct lh_error err;
		struct gofile *f = gofile_parse(p, "t.go", src, strlen(src),
						&err);

		if (!f || (i && f->tree->len != *nodes))
			*nodes = 0; /* checked by the caller */
		else
			*nodes = f->tree->len;
		gofile_free(f);
	}
	ts_parser_delete(p);
	return NULL;
}

/* Parses in four threads at once, parsers made and deleted in each. */
static void test_parses(void **state)
{
	pthread_t t[4];
	uint32_t nodes[4] = { 0 };

	(void)state;
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, parse_thread,
						&nodes[i]), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_join(t[i], NULL), 0);
	assert_true(nodes[0] > 50);
	for (int i = 1; i < 4; i++)
		assert_int_equal(nodes[i], nodes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_calloc_realloc),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_parses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
