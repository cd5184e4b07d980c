/*
 * test_series.c - the leak test of src/detect/series.c on synthetic series:
 * what must be a suspect (linear growth, staircase, leak under a sawtooth)
 * and what must not (flat, noisy flat, sawtooth, growth then plateau, fds
 * brought back down by finalizers), plus the statistics themselves.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "detect/series.h"

static uint64_t rng_state;

static double rnd(void) /* uniform [0, 1) (xorshift64*) */
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (double)((rng_state * 2685821657736338717ull) >> 11) /
	       (double)(1ull << 53);
}

typedef double (*gen_fn)(double t);

/* One point a second for `secs` seconds; returns the verdict at the end. */
static struct series_verdict run(gen_fn f, int secs, double min_rise)
{
	struct series_set set;
	struct series *s;
	struct series_verdict v;

	series_set_init(&set, NULL);
	s = series_set_get(&set, "k", "label", SERIES_GOROUTINES, true,
			   min_rise);
	for (int i = 0; i <= secs; i++)
		series_push(s, i, f(i));
	series_test(s, &set.o, &v);
	series_set_release(&set);
	return v;
}

static double linear(double t) { return 10 + floor(t / 2); }
static double staircase(double t) { return 100 + 5 * floor(t / 10); }
static double flat(double t) { return 100 + 0 * t; }
static double noisy_flat(double t) { return 100 + 0 * t + floor(rnd() * 11) - 5; }
static double sawtooth(double t) { return 50e6 + 10e6 * fmod(t, 8); }
static double leaky_sawtooth(double t)
{
	return 50e6 + 0.5e6 * t + 10e6 * fmod(t, 8);
}
static double plateau(double t) { return t < 30 ? 10 + t : 40; }
static double finalized_fds(double t) { return 10 + 3 * fmod(t, 11); }
static double noisy_linear(double t) { return 200 + 2 * t + rnd() * 20; }

static void test_linear_growth(void **state)
{
	struct series_verdict v = run(linear, 30, 3);

	(void)state;
	assert_true(v.suspect);
	assert_true(v.mk_z > 5);
	assert_true(fabs(v.slope - 0.5) < 0.05);
	assert_int_equal(v.nwindows, 3);
	assert_true(v.floors[0] < v.floors[1] && v.floors[1] < v.floors[2]);
}

static void test_noisy_linear_growth(void **state)
{
	(void)state;
	rng_state = 42;
	for (int seed = 0; seed < 50; seed++) {
		struct series_verdict v = run(noisy_linear, 30, 3);

		assert_true(v.suspect);
	}
}

static void test_staircase(void **state)
{
	struct series_verdict v = run(staircase, 60, 3);

	(void)state;
	assert_true(v.suspect);
	assert_true(v.rise >= 10);
}

static void test_leak_under_sawtooth(void **state)
{
	struct series_verdict v = run(leaky_sawtooth, 60, 1 << 20);

	(void)state;
	assert_true(v.suspect);
}

static void test_flat(void **state)
{
	struct series_verdict v = run(flat, 120, 3);

	(void)state;
	assert_false(v.suspect);
	assert_string_equal(v.why, "floor not rising");
}

static void test_noisy_flat(void **state)
{
	int fp = 0;

	(void)state;
	rng_state = 7;
	for (int seed = 0; seed < 1000; seed++) {
		struct series_verdict v = run(noisy_flat, 60, 3);

		fp += v.suspect;
	}
	assert_int_equal(fp, 0);
}

static void test_sawtooth(void **state)
{
	struct series_verdict v = run(sawtooth, 120, 1 << 20);

	(void)state;
	assert_false(v.suspect);
}

static void test_growth_then_plateau(void **state)
{
	struct series_verdict early = run(plateau, 28, 3);
	struct series_verdict late = run(plateau, 120, 3);

	(void)state;
	assert_true(early.suspect); /* while it grows, it is one */
	assert_false(late.suspect);
}

static void test_finalized_fds(void **state)
{
	struct series_verdict v = run(finalized_fds, 90, 3);

	(void)state;
	assert_false(v.suspect);
}

static void test_too_short(void **state)
{
	struct series_verdict v = run(linear, 5, 3);

	(void)state;
	assert_false(v.suspect);
	assert_string_equal(v.why, "too few points");
	v = run(linear, 12, 3);
	assert_string_equal(v.why, "not watched long enough");
}

static void test_small_rise_is_silent(void **state)
{
	/* +5 every 10 s (+25 in 60 s) stays below a min_rise of 30 */
	struct series_verdict v = run(staircase, 60, 30);

	(void)state;
	assert_false(v.suspect);
	assert_string_equal(v.why, "floor rise too small");
}

static void test_mann_kendall_values(void **state)
{
	const double up[] = { 1, 2, 3, 4, 5 };
	const double ties[] = { 1, 1, 2, 2, 3 };
	double var, z, s;

	(void)state;
	s = series_mann_kendall(up, 5, &var, &z);
	assert_true(s == 10);
	assert_true(fabs(var - 50.0 / 3.0) < 1e-9);
	assert_true(fabs(z - 9 / sqrt(50.0 / 3.0)) < 1e-9);
	/* two tie groups of 2: var = (5*4*15 - 2*(2*1*9)) / 18 = 14.667 */
	s = series_mann_kendall(ties, 5, &var, &z);
	assert_true(s == 8);
	assert_true(fabs(var - (300.0 - 36.0) / 18.0) < 1e-9);
	s = series_mann_kendall(up, 1, &var, &z);
	assert_true(s == 0 && var == 0 && z == 0);
}

static void test_theil_sen_robust(void **state)
{
	double t[11], x[11];

	(void)state;
	for (int i = 0; i < 11; i++) {
		t[i] = i;
		x[i] = 3 + 2 * i;
	}
	x[5] = 1000; /* one outlier does not move the median slope */
	assert_true(fabs(series_theil_sen(t, x, 11) - 2) < 1e-9);
	assert_true(series_theil_sen(t, x, 1) == 0);
}

static void test_ring_bounded(void **state)
{
	struct series_options o = SERIES_OPTIONS_INIT;
	struct series_set set;
	struct series *s;

	(void)state;
	o.history = 16;
	series_set_init(&set, &o);
	s = series_set_get(&set, "k", NULL, SERIES_RSS, true, 0);
	for (int i = 0; i < 100; i++)
		series_push(s, i, i);
	assert_int_equal(s->len, 16);
	assert_true(series_at(s, 0)->t == 84);
	assert_true(series_last(s)->v == 99);
	series_push(s, 50, 1); /* out of order: ignored */
	assert_true(series_last(s)->t == 99);
	assert_string_equal(s->label, "k");
	series_set_release(&set);
}

static void test_set_sweep_restart_cap(void **state)
{
	struct series_options o = SERIES_OPTIONS_INIT;
	struct series_set set;
	struct series *a, *b, *r;
	struct series_verdict v;

	(void)state;
	o.max_series = 3;
	series_set_init(&set, &o);
	a = series_set_get(&set, "g:a", "a", SERIES_GOROUTINES, true, 1);
	b = series_set_get(&set, "g:b", "b", SERIES_GOROUTINES, true, 1);
	r = series_set_get(&set, "rss", "rss", SERIES_RSS, false, 1);
	assert_null(series_set_get(&set, "g:c", "c", SERIES_GOROUTINES, true, 1));
	assert_int_equal(set.dropped, 1);
	assert_ptr_equal(series_set_get(&set, "g:a", NULL, 0, true, 0), a);
	assert_ptr_equal(series_set_find(&set, "g:b"), b);
	series_push(a, 1, 5);
	series_push(b, 1, 7);
	series_set_sweep(&set, 1u << SERIES_GOROUTINES, 1);
	series_push(a, 2, 6); /* b's bucket is gone */
	series_set_sweep(&set, 1u << SERIES_GOROUTINES, 2);
	assert_int_equal(b->len, 2);
	assert_true(series_last(b)->v == 0);
	assert_int_equal(r->len, 0); /* other kinds untouched */

	/* a restart hides the earlier growth from the test */
	for (int i = 3; i <= 40; i++)
		series_push(a, i, i);
	series_test(a, &set.o, &v);
	assert_true(v.suspect);
	series_set_restart(&set, 41);
	for (int i = 41; i <= 50; i++)
		series_push(a, i, 3);
	series_test(a, &set.o, &v);
	assert_false(v.suspect);
	assert_int_equal(v.npoints, 10);
	series_set_release(&set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linear_growth),
		cmocka_unit_test(test_noisy_linear_growth),
		cmocka_unit_test(test_staircase),
		cmocka_unit_test(test_leak_under_sawtooth),
		cmocka_unit_test(test_flat),
		cmocka_unit_test(test_noisy_flat),
		cmocka_unit_test(test_sawtooth),
		cmocka_unit_test(test_growth_then_plateau),
		cmocka_unit_test(test_finalized_fds),
		cmocka_unit_test(test_too_short),
		cmocka_unit_test(test_small_rise_is_silent),
		cmocka_unit_test(test_mann_kendall_values),
		cmocka_unit_test(test_theil_sen_robust),
		cmocka_unit_test(test_ring_bounded),
		cmocka_unit_test(test_set_sweep_restart_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
