/*
 * test_series.c - the leak test of src/detect/series.c on synthetic series:
 * what must be a suspect (linear growth, staircase, leak under a sawtooth)
 * and what must not (flat, noisy flat, sawtooth, growth then plateau, fds
 * brought back down by finalizers), plus the statistics themselves; and
 * heap sites seen through Go's sampling heap profile (simulated object by
 * object): a bounded cache a few sampled objects large is not a suspect,
 * a real leak at the default MemProfileRate still is, as soon as before.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>

#include "detect/series.h"
#include "detect/rt.h"
#include "runtime/snapshot.h"

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

/* ---------------------------------------------------------------- sampled heap sites */

#define RATE 524288.0 /* Go's default MemProfileRate */

/* Go's heap profile, object by object: each allocation of `obj` bytes is
 * recorded with probability p = 1 - exp(-obj/RATE) and the profile scales
 * the recorded ones up by 1/p. A site holds `live` objects (a FIFO cache
 * that evicts its oldest as `churn` new ones a second come in) plus what a
 * leak adds (`grow` objects a second, never freed). One heap point every 2
 * s as watch takes them (from the first that reaches 128 KiB), the test
 * run after each. noisy: the series gets the site's sampling noise and
 * turnover as watch gives them (false: the leak test alone). Returns the
 * first time the site was a suspect, -1 never; *spread gets the lowest and
 * highest estimate. */
static double heap_site(bool noisy, double obj, unsigned live, double churn,
			double grow, double secs, double spread[2])
{
	double p = 1 - exp(-obj / RATE), carry = 0, found = -1;
	size_t cap = live + (size_t)(2 * 2 * (churn + grow) + grow * secs) + 16;
	uint8_t *fifo = calloc(cap, 1);
	size_t head = 0, len = 0, sampled = 0, freed = 0;
	struct series_set set;
	struct series *s = NULL;

	assert_non_null(fifo);
	series_set_init(&set, NULL);
	for (; len < live; len++)
		sampled += fifo[len] = rnd() < p;
	spread[0] = INFINITY;
	spread[1] = 0;
	for (double t = 0; t <= secs; t += 2) {
		double add = 2 * (churn + grow) + carry, est;
		struct series_verdict v;

		carry = add - floor(add);
		for (size_t k = (size_t)add; k > 0; k--) {
			uint8_t b = rnd() < p;

			fifo[(head + len++) % cap] = b;
			sampled += b;
		}
		while (grow == 0 && len > live) { /* evict the oldest */
			sampled -= fifo[head];
			freed += fifo[head];
			head = (head + 1) % cap;
			len--;
		}
		est = (double)sampled * obj / p;
		spread[0] = LH_MIN(spread[0], est);
		spread[1] = LH_MAX(spread[1], est);
		if (!s && est >= 128 * 1024)
			s = series_set_get(&set, "h:1", "heap", SERIES_HEAP_SITE,
					   true, 1 << 20);
		if (!s)
			continue;
		if (noisy) {
			s->noise = snap_heap_noise(obj, RATE);
			series_push_turnover(s, t, est, (double)freed * obj / p);
		} else {
			series_push(s, t, est);
		}
		series_test(s, &set.o, &v);
		if (v.suspect && found < 0)
			found = t;
	}
	series_set_release(&set);
	free(fifo);
	return found;
}

static void test_heap_noise_unit(void **state)
{
	(void)state;
	/* small objects: about one period per byte; large ones: less */
	assert_true(fabs(snap_heap_noise(1, RATE) - RATE) < 1);
	assert_true(fabs(snap_heap_noise(1024, RATE) - (RATE - 512)) < 2);
	assert_true(fabs(snap_heap_noise(RATE, RATE) - RATE / (exp(1) - 1)) < 1);
	assert_true(snap_heap_noise(64 * RATE, RATE) < 1e-20);
	assert_true(snap_heap_noise(0, RATE) == RATE); /* size unknown */
	assert_true(snap_heap_noise(1024, 1) == 0);    /* all recorded */
	assert_true(snap_heap_noise(1024, 0) == 0);    /* rate unknown */
}

static void test_heap_site_variance(void **state)
{
	struct snapshot *s = snapshot_new("t");
	struct snap_frame f = { "main.put", "main.go", 10, 0 };
	struct snap_stack st = { &f, 1, false };
	struct snap_hsite *h;
	double p = 1 - exp(-1024 / RATE), b = 4 * 1024 / p;

	(void)state;
	s->heap_period = (int64_t)RATE;
	/* four sampled 1 KiB objects (the profile's scaled values), and the
	 * same stack at 64 KiB: one sampled object */
	h = snapshot_add_heap(s, &st, (int64_t)(4 / p), (int64_t)b, 0, 0,
			      1024, NULL);
	assert_non_null(h);
	/* the estimate of four samples: sd = estimate / sqrt(4) (and 1-p) */
	assert_true(fabs(sqrt(h->inuse_var) - b / 2 * sqrt(1 - p)) < 0.01 * b);
	p = 1 - exp(-65536 / RATE);
	snapshot_add_heap(s, &st, (int64_t)(1 / p), (int64_t)(65536 / p), 0, 0,
			  65536, NULL);
	assert_true(h->inuse_var > b * b / 4 * (1 - p));
	snapshot_free(s);

	/* unknown period (a snapshot built by hand): exact */
	s = snapshot_new("t");
	h = snapshot_add_heap(s, &st, 4, 4096, 0, 0, 1024, NULL);
	assert_true(h->inuse_var == 0);
	snapshot_free(s);
}

static void test_turnover_ring(void **state)
{
	struct series_options o = SERIES_OPTIONS_INIT;
	struct series_set set;
	struct series *s;

	(void)state;
	o.history = 16;
	series_set_init(&set, &o);
	s = series_set_get(&set, "h:1", NULL, SERIES_HEAP_SITE, true, 0);
	for (int i = 0; i < 40; i++) {
		if (i % 3 == 2)
			series_push(s, i, 5); /* a sweep: repeats the turnover */
		else
			series_push_turnover(s, i, 5, 100 * i);
	}
	assert_int_equal(s->len, 16);
	for (size_t i = 0; i < s->len; i++) {
		double t = series_at(s, i)->t;
		double want = 100 * ((int)t % 3 == 2 ? t - 1 : t);

		assert_true(s->turnover[(s->head + i) % s->cap] == want);
	}
	series_set_release(&set);
}

/* A bounded cache of 2 MiB of 1 KiB values at the default rate: about four
 * sampled objects, an estimate that jumps between 0 and 3.5 MiB. Without
 * the noise test its floors read as rising in about one run in six (of two
 * minutes, tested every two seconds); with it never, fast or slow churn. */
static void test_heap_noise_bounded_cache(void **state)
{
	const double churns[] = { 500, 50, 5 };
	double spread[2], lo = INFINITY, hi = 0;
	int before = 0;

	(void)state;
	for (size_t c = 0; c < ARRAY_SIZE(churns); c++) {
		for (int seed = 1; seed <= 200; seed++) {
			rng_state = 0x9e3779b97f4a7c15ull * (uint64_t)seed;
			before += heap_site(false, 1024, 2048, churns[c], 0, 120,
					    spread) >= 0;
			rng_state = 0x9e3779b97f4a7c15ull * (uint64_t)seed;
			assert_true(heap_site(true, 1024, 2048, churns[c], 0,
					      120, spread) < 0);
			lo = LH_MIN(lo, spread[0]);
			hi = LH_MAX(hi, spread[1]);
		}
	}
	assert_true(before >= 30); /* the gap was real: 600 runs */
	assert_true(lo <= 0.5 * (1 << 20) && hi >= 3.0 * (1 << 20));
	/* a larger cache (8 MiB, 16 samples) with its entries turning over in
	 * 16 s, the worst case the simulations found: 1-2% of the runs (was
	 * 61% of five-minute runs) */
	before = 0;
	for (int seed = 1; seed <= 100; seed++) {
		rng_state = 0x9e3779b97f4a7c15ull * (uint64_t)seed;
		before += heap_site(true, 1024, 8192, 500, 0, 120, spread) >= 0;
	}
	assert_true(before <= 3);
}

/* Real leaks at the default rate. 600 KiB/s (the e2e globalmap): reported
 * in every run by 20 s, as without the noise test (the first verdict is
 * possible at 16 s with points every 2 s). 400 KiB/s of 8 KiB buffers (the
 * e2e poolleak): all 200 runs by 30 s (asserted: 97% by 30 s, all by 40 s;
 * the floor and rank tests alone: by 26 s). 100 KiB/s: all by 130 s (mean
 * 58 s; alone: by 122 s, mean 30 s): a slow leak needs about 6.6 sampled
 * objects of rise where 2 (the 1 MiB floor) did. */
static void test_heap_noise_real_leak(void **state)
{
	double spread[2], worst = 0, worst0 = 0, t;
	int late = 0;

	(void)state;
	for (int seed = 1; seed <= 200; seed++) {
		rng_state = 0x9e3779b97f4a7c15ull * (uint64_t)seed;
		t = heap_site(false, 1024, 0, 0, 600, 60, spread);
		assert_true(t >= 0);
		worst0 = LH_MAX(worst0, t);
		rng_state = 0x9e3779b97f4a7c15ull * (uint64_t)seed;
		t = heap_site(true, 1024, 0, 0, 600, 60, spread);
		assert_true(t >= 0);
		worst = LH_MAX(worst, t);
	}
	assert_true(worst <= 20 && worst <= worst0);
	worst = 0;
	for (int seed = 1; seed <= 200; seed++) {
		rng_state = 0x9e3779b97f4a7c15ull * (uint64_t)seed;
		t = heap_site(true, 8192, 0, 0, 50, 60, spread);
		assert_true(t >= 0);
		late += t > 30;
		worst = LH_MAX(worst, t);
	}
	assert_true(late <= 6 && worst <= 40);
	for (int seed = 1; seed <= 50; seed++) {
		rng_state = 0x9e3779b97f4a7c15ull * (uint64_t)seed;
		t = heap_site(true, 1024, 0, 0, 100, 200, spread);
		assert_true(t >= 0 && t <= 130);
	}
}

/* inspect's trend on three heap profiles at the default rate: a cache of
 * three sampled objects that became seven while its entries turned over is
 * not growing (it was: +2 MiB is over two periods, and the later floor is
 * higher); a site that freed nothing and rose by eight samples is. */
static void inspect_three(const double inuse[3], const double alloc[3],
			  enum rt_trend want)
{
	struct snap_frame f = { "main.put", "main.go", 10, 0 };
	struct snap_stack st = { &f, 1, false };
	struct snapshot *snaps[3];
	struct rt_analysis a;
	double p = 1 - exp(-1024 / RATE), q = 1024 / p;

	for (int i = 0; i < 3; i++) {
		snaps[i] = snapshot_new("t");
		snaps[i]->heap_period = (int64_t)RATE;
		snaps[i]->has = SNAP_HAS_HEAP;
		assert_non_null(snapshot_add_heap(
			snaps[i], &st, (int64_t)(inuse[i] / p),
			(int64_t)(inuse[i] * q), (int64_t)(alloc[i] / p),
			(int64_t)(alloc[i] * q), 1024, NULL));
	}
	rt_analyze(&a, (const struct snapshot *const *)snaps, 3, true, NULL,
		   NULL);
	assert_int_equal(a.items.len, 1);
	assert_int_equal(a.items.items[0]->trend, want);
	rt_analysis_release(&a);
	for (int i = 0; i < 3; i++)
		snapshot_free(snaps[i]);
}

static void test_inspect_heap_noise(void **state)
{
	(void)state;
	/* in sampled objects: in use, and allocated since the start */
	inspect_three((const double[]){ 3, 4, 7 },
		      (const double[]){ 400, 800, 1200 }, RT_STABLE);
	inspect_three((const double[]){ 2, 3, 10 },
		      (const double[]){ 2, 3, 10 }, RT_GROWING);
	/* the same rise with the site turning over: within the noise */
	inspect_three((const double[]){ 2, 3, 10 },
		      (const double[]){ 100, 200, 300 }, RT_STABLE);
}

/* the sites of one line tested together: their sum at the first one's
 * times (a member with no point there adds 0), the largest noise, the
 * summed turnover */
static void test_series_sum(void **state)
{
	struct series_set set;
	const struct series *m[2];
	struct series *a, *b, sum;
	struct series_verdict v;

	(void)state;
	series_set_init(&set, NULL);
	a = series_set_get(&set, "h:a", NULL, SERIES_HEAP_SITE, true, 1 << 20);
	b = series_set_get(&set, "h:b", NULL, SERIES_HEAP_SITE, true, 1 << 20);
	a->noise = RATE;
	b->noise = RATE / 2;
	for (int t = 0; t <= 30; t += 2) {
		/* each site: +2 samples' worth every 6 s, nothing freed */
		series_push_turnover(a, t, (1 + t / 6) * RATE, 0);
		if (t >= 4)
			series_push_turnover(b, t, (1 + t / 6) * RATE, 10 * t);
	}
	m[0] = a;
	m[1] = b;
	series_sum(&sum, m, 2);
	assert_int_equal(sum.len, 16);
	assert_true(sum.noise == RATE);
	assert_true(series_at(&sum, 1)->v == RATE);	    /* b not there yet */
	assert_true(series_at(&sum, 15)->v == 12 * RATE); /* 6 + 6 */
	assert_true(sum.turnover[15] == 300);
	/* alone, each rose by 4 samples: within the noise; together by 8 */
	series_test(a, &set.o, &v);
	assert_false(v.suspect);
	assert_string_equal(v.why, "floor rise within sampling noise");
	series_test(&sum, &set.o, &v);
	assert_true(v.suspect);
	series_sum_release(&sum);
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
		cmocka_unit_test(test_heap_noise_unit),
		cmocka_unit_test(test_heap_site_variance),
		cmocka_unit_test(test_turnover_ring),
		cmocka_unit_test(test_heap_noise_bounded_cache),
		cmocka_unit_test(test_heap_noise_real_leak),
		cmocka_unit_test(test_inspect_heap_noise),
		cmocka_unit_test(test_series_sum),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
