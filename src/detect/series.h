/*
 * series.h - bounded time series per key and the leak test run on them.
 *
 * A series is one measured quantity of one target over time: the number of
 * goroutines in one stack bucket, the in-use bytes at one heap allocation
 * site, one memstats field, the open fds of one type, the RSS. Each keeps at
 * most `history` points (a ring: the oldest are dropped).
 *
 * The leak test is the seed's definition of a leak: a quantity that keeps
 * rising and does not fall back, even when load is low. A series is a
 * suspect when BOTH
 *   1. its floor rises: the points since the last restart are cut into
 *      `windows` successive windows of equal time (each at least window_s
 *      long) and the minimum of each window is strictly greater than the
 *      minimum of the one before, by at least min_rise in total; and
 *   2. a rank trend test agrees: the Mann-Kendall statistic S, with its
 *      tie-corrected variance, gives z >= z_crit (one-sided), and the
 *      Theil-Sen slope (median of pairwise slopes) is positive; and
 *   3. for a series whose points are sampled estimates (heap sites: the
 *      profile records about one allocation per MemProfileRate bytes and
 *      scales it up), the floor rise R is significant against that
 *      sampling noise: R >= z_noise * sd with
 *        sd^2 = noise * min(m_first + m_last, R + 2 F)
 *      where `noise` is the variance of one point per unit of its value
 *      (snap_heap_noise), m_first and m_last the means of the first and
 *      the last window (the level's noise: a bounded site drawn twice),
 *      and F what left the quantity over the whole span (the freed
 *      bytes, from the series' turnover: the level moved by what was
 *      allocated minus F freed, each a sum of sampled objects, so the
 *      rise is at most R + F allocated minus F freed; over the span, not
 *      between the floors, as a floor is a low point that the level tends
 *      to leave upwards). A site that only accumulates has F = 0 and
 *      needs about z_noise^2 = 6.6 sampled objects of rise. A 2 MiB cache at the default 512 KiB rate is
 *      about four sampled objects whose estimate jumps between 0.5 and
 *      3.5 MiB as its entries turn over: floors of such windows rise by
 *      chance, and the rank test alone cannot tell (successive points
 *      share most of their sampled objects).
 * A big but flat worker pool (flat floors), a sawtooth heap (the floor comes
 * back to the same level after each GC) and an fd count that finalizers
 * keep bringing back down are therefore not suspects; a growth that has
 * stopped stops being one once the plateau fills two windows.
 *
 * Ownership: a series_set owns its series and their keys and labels.
 */
#ifndef LH_DETECT_SERIES_H
#define LH_DETECT_SERIES_H

#include "core/core.h"

enum series_kind {
	SERIES_GOROUTINES = 0, /* goroutines in one stack bucket (count) */
	SERIES_HEAP_SITE,      /* in-use bytes at one allocation site */
	SERIES_MEMSTAT,	       /* one runtime.MemStats field */
	SERIES_FDS,	       /* open fds of one type */
	SERIES_RSS,	       /* resident set size, bytes */
	SERIES_THREADS,	       /* OS threads */
	SERIES_KIND_COUNT,
};

/* "goroutines", "heap", "memstats", "fds", "rss", "threads" */
const char *series_kind_name(enum series_kind k);

struct series_point {
	double t; /* seconds since the watch started */
	double v;
};

struct series {
	char *key;   /* unique in its set, e.g. "g:3fa2c1..." */
	char *label; /* for people: "main.worker at main.go:42 [chan send]" */
	enum series_kind kind;
	bool detect; /* takes part in the leak test */
	double min_rise; /* smallest floor rise that counts (units of v) */
	double noise;	 /* sampling noise: the variance of a point is
			  * noise * |v| (units of v; heap sites: the
			  * site's snap_hsite.inuse_var / inuse_bytes);
			  * 0 = exact values */
	double *turnover; /* parallel to pts, or NULL: a cumulative count of
			   * what left the quantity (heap sites: bytes freed
			   * since the process started, estimated as alloc -
			   * in-use bytes); see series_push_turnover */
	size_t cap, len, head; /* ring of points: oldest at head */
	struct series_point *pts;
	double epoch; /* points before this time predate a restart */
	bool seen;    /* got a point since the last series_set_sweep */
	void *user;   /* borrowed: the caller's data about this series */
};

struct series_options {
	double window_s;   /* shortest window, seconds (default 5) */
	unsigned windows;  /* successive windows whose floors must rise (3) */
	double z_crit;	   /* Mann-Kendall one-sided z (2.326: p < 0.01) */
	double min_rise_rel; /* floor rise relative to the first floor (0.05) */
	unsigned min_points; /* fewer points: no verdict (8) */
	size_t history;	     /* points kept per series (720) */
	size_t max_series;   /* series per set; more are dropped (4096) */
	double z_noise;	     /* rise over its sampling noise, in standard
			      * deviations (test 3; 2.576: p < 0.005) */
};
#define SERIES_OPTIONS_INIT { 5.0, 3, 2.326, 0.05, 8, 720, 4096, 2.576 }

/* Fills zero fields of o with the defaults above. */
void series_options_fill(struct series_options *o);

/* The i-th point, oldest first (i < s->len). */
static inline const struct series_point *series_at(const struct series *s,
						   size_t i)
{
	return &s->pts[(s->head + i) % s->cap];
}
/* The newest point, or NULL when empty. */
const struct series_point *series_last(const struct series *s);

/* A value of a series of kind k for people: "12.3 MiB" for byte series
 * (and memstats of a MiB or more), "245" for counts. */
void series_format_value(char *out, size_t n, enum series_kind k, double v);
/* Appends a point; drops the oldest when full. Points must come in time
 * order (a point older than the newest is ignored). A series with a
 * turnover ring repeats the last turnover. */
void series_push(struct series *s, double t, double v);
/* series_push with the cumulative turnover at t (starts the series'
 * turnover ring: earlier points get 0, so call it from the first point). */
void series_push_turnover(struct series *s, double t, double v,
			  double turnover);

/* ---------------------------------------------------------------- test */

#define SERIES_MAX_WINDOWS 16

struct series_verdict {
	bool suspect;
	const char *why;  /* static text: the reason when not a suspect */
	unsigned npoints; /* points tested (since the epoch) */
	double span;	  /* seconds covered */
	unsigned nwindows;
	double floors[SERIES_MAX_WINDOWS];
	double rise;	  /* last floor - first floor */
	double noise_sd;  /* standard deviation of the rise from sampling
			   * noise (test 3); 0 when exact */
	double mk_s, mk_var, mk_z;
	double slope;	  /* Theil-Sen, units of v per second */
};

/* Runs the leak test on s's points since its epoch. */
void series_test(const struct series *s, const struct series_options *o,
		 struct series_verdict *v);

/* Mann-Kendall on x[0..n): returns S; *var gets the tie-corrected variance
 * and *z the continuity-corrected normal score (0 when var is 0). */
double series_mann_kendall(const double *x, size_t n, double *var, double *z);
/* Theil-Sen slope of (t, x) over n points: the median of the pairwise
 * slopes with t[j] > t[i]; 0 when there is no such pair. */
double series_theil_sen(const double *t, const double *x, size_t n);

/* dst = the sum of m[0..n) (n >= 1) at the times of m[0]'s points since
 * its epoch (a member without a point at such a time adds 0), with the
 * largest noise among them and the sum of their turnovers: the leak test of
 * several series together (the heap sites of one source line). Kind,
 * min_rise and epoch are m[0]'s. Free with series_sum_release(dst). */
void series_sum(struct series *dst, const struct series *const *m, size_t n);
void series_sum_release(struct series *dst);

/* ---------------------------------------------------------------- set */

struct series_set {
	struct series_options o;
	struct map index; /* key -> struct series * */
	VEC(struct series *) all; /* in creation order */
	size_t dropped;	  /* series refused because max_series was reached */
};

/* o may be NULL (defaults). */
void series_set_init(struct series_set *set, const struct series_options *o);
void series_set_release(struct series_set *set);
/* The series with that key, created (with label, kind, min_rise; label
 * copied) when missing. NULL when the set is full. Borrowed: valid until
 * the set is released. */
struct series *series_set_get(struct series_set *set, const char *key,
			      const char *label, enum series_kind kind,
			      bool detect, double min_rise);
/* The series with that key, or NULL. */
struct series *series_set_find(const struct series_set *set, const char *key);
/* After a sample of the kinds in kind_mask (1u << SERIES_*): every such
 * series that got no point since the last sweep gets v = 0 at t (a stack
 * bucket or heap site that is gone has zero goroutines or bytes). Clears the
 * `seen` marks of those kinds. */
void series_set_sweep(struct series_set *set, unsigned kind_mask, double t);
/* The target restarted at t: the leak test starts over from t (the points
 * before stay for charts). */
void series_set_restart(struct series_set *set, double t);

#endif /* LH_DETECT_SERIES_H */
