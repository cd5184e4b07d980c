/*
 * test_core.c - unit tests of src/core and go.mod parsing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "golang/golang.h"

static void test_buf_bounded(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_true(buf_adds(&b, "1234"));
	assert_true(buf_printf(&b, "%d", 5678));
	assert_false(buf_addc(&b, 'x'));
	assert_int_equal(b.len, 8);
	assert_string_equal(b.data, "12345678");
	buf_release(&b);
}

static void test_map_grow(void **state)
{
	struct map m = MAP_INIT;
	char key[32];

	(void)state;
	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		assert_null(map_puts(&m, key, (void *)(intptr_t)(i + 1)));
	}
	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		assert_int_equal((intptr_t)map_gets(&m, key), i + 1);
	}
	assert_null(map_gets(&m, "nope"));
	assert_int_equal(m.len, 1000);
	map_release(&m);
}

static void test_arena(void **state)
{
	struct arena a = ARENA_INIT;
	char *big;

	(void)state;
	for (int i = 0; i < 10000; i++)
		assert_non_null(arena_alloc(&a, 24));
	big = arena_alloc(&a, 1 << 20);
	big[(1 << 20) - 1] = 1;
	assert_string_equal(arena_printf(&a, "%s-%d", "x", 3), "x-3");
	arena_release(&a);
}

static void sum_item(size_t item, unsigned worker, void *ctx)
{
	(void)worker;
	__atomic_fetch_add((size_t *)ctx, item, __ATOMIC_RELAXED);
}

static void test_pool(void **state)
{
	size_t sum = 0;

	(void)state;
	pool_run(4, 1000, sum_item, &sum);
	assert_int_equal(sum, 999 * 1000 / 2);
}

static void test_gomod(void **state)
{
	static const char text[] =
		"// comment\nmodule example.com/m // trailing\n\ngo 1.22.1\n"
		"require (\n\tgolang.org/x/sync v0.1.0\n\tgo 9.9\n)\n"
		"godebug (\n\tasynctimerchan=1\n)\n";
	struct gomod m;
	struct lh_error err;

	(void)state;
	assert_int_equal(gomod_parse(&m, "go.mod", text, sizeof(text) - 1, &err),
			 LH_OK);
	assert_string_equal(m.module, "example.com/m");
	assert_int_equal(m.go_major, 1);
	assert_int_equal(m.go_minor, 22);
	assert_true(m.asynctimerchan);
	assert_false(gomod_timers_collected(&m));
	assert_true(gomod_at_least(&m, 1, 21));
	assert_false(gomod_at_least(&m, 1, 23));
	gomod_release(&m);

	assert_int_equal(gomod_parse(&m, "bad.mod", "go one\n", 7, &err), LH_ERR);
	assert_string_equal(err.input, "bad.mod");
	assert_non_null(strstr(err.msg, "invalid go version"));

	assert_int_equal(gomod_parse(&m, "new.mod", "go 1.23\n", 8, &err), LH_OK);
	assert_true(gomod_timers_collected(&m));
	gomod_release(&m);
	/* no go.mod: the newest Go is assumed */
	assert_true(gomod_timers_collected(NULL));
	/* a go.mod without a go line: go 1.16, as for the go command */
	{
		static const char nogo[] = "module old\n";
		char why[64];

		assert_int_equal(gomod_parse(&m, "old.mod", nogo,
					     sizeof(nogo) - 1, &err), LH_OK);
		assert_false(gomod_timers_collected(&m));
		assert_true(gomod_at_least(&m, 1, 16));
		assert_false(gomod_at_least(&m, 1, 17));
		assert_string_equal(gomod_timers_why(&m, why, sizeof(why)),
				    "go.mod has no go line, so go 1.16");
		gomod_release(&m);
	}
}

/* godebug settings decide over the go line: default=goX.Y is that
 * release's defaults, an explicit asynctimerchan wins over it. */
static void test_gomod_godebug(void **state)
{
	static const char dflt[] = "go 1.23\n\ngodebug default=go1.21\n";
	static const char off[] = "go 1.22\n\ngodebug (\n\tdefault=go1.20\n"
				  "\tasynctimerchan=0\n)\n";
	static const char newer[] = "go 1.21\n\ngodebug default=go1.24\n";
	struct gomod m;
	struct lh_error err;
	char why[64];

	(void)state;
	assert_int_equal(gomod_parse(&m, "d.mod", dflt, sizeof(dflt) - 1, &err),
			 LH_OK);
	assert_false(gomod_timers_collected(&m));
	assert_string_equal(gomod_timers_why(&m, why, sizeof(why)),
			    "godebug default=go1.21");
	gomod_godebug(&m, "asynctimerchan=0", 16);
	assert_true(gomod_timers_collected(&m));
	gomod_release(&m);

	assert_int_equal(gomod_parse(&m, "o.mod", off, sizeof(off) - 1, &err),
			 LH_OK);
	assert_true(gomod_timers_collected(&m));
	gomod_release(&m);

	assert_int_equal(gomod_parse(&m, "n.mod", newer, sizeof(newer) - 1,
				     &err), LH_OK);
	assert_true(gomod_timers_collected(&m));
	gomod_release(&m);

	assert_int_equal(gomod_parse(&m, "p.mod", "go 1.22.5\n", 10, &err),
			 LH_OK);
	assert_false(gomod_timers_collected(&m));
	assert_string_equal(gomod_timers_why(&m, why, sizeof(why)),
			    "go 1.22 < 1.23");
	gomod_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_bounded),
		cmocka_unit_test(test_map_grow),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_pool),
		cmocka_unit_test(test_gomod),
		cmocka_unit_test(test_gomod_godebug),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
