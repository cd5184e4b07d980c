/*
 * series.c - bounded time series and the leak test (floors of successive
 * windows + Mann-Kendall + Theil-Sen), see series.h.
 *
 * Mann-Kendall: S = sum over i < j of sign(x[j] - x[i]); under "no trend"
 * S is approximately normal with mean 0 and variance
 *   (n(n-1)(2n+5) - sum over tie groups t of t(t-1)(2t+5)) / 18,
 * and z = (S - sign(S)) / sqrt(var) (continuity correction).
 * Theil-Sen: the median of (x[j] - x[i]) / (t[j] - t[i]) over all pairs.
 * Both are O(n^2): the points are decimated to at most MK_MAX_POINTS and
 * TS_MAX_POINTS evenly spaced ones first.
 */
#include <math.h>
#include <stdio.h>

#include "detect/series.h"

#define MK_MAX_POINTS 240
#define TS_MAX_POINTS 120

static const char *const kind_names[SERIES_KIND_COUNT] = {
	[SERIES_GOROUTINES] = "goroutines", [SERIES_HEAP_SITE] = "heap",
	[SERIES_MEMSTAT] = "memstats",	    [SERIES_FDS] = "fds",
	[SERIES_RSS] = "rss",		    [SERIES_THREADS] = "threads",
};

const char *series_kind_name(enum series_kind k)
{
	return (unsigned)k < SERIES_KIND_COUNT ? kind_names[k] : "?";
}

void series_options_fill(struct series_options *o)
{
	const struct series_options d = SERIES_OPTIONS_INIT;

	if (o->window_s <= 0)
		o->window_s = d.window_s;
	if (o->windows < 2)
		o->windows = d.windows;
	if (o->windows > SERIES_MAX_WINDOWS)
		o->windows = SERIES_MAX_WINDOWS;
	if (o->z_crit <= 0)
		o->z_crit = d.z_crit;
	if (o->min_rise_rel < 0)
		o->min_rise_rel = 0;
	if (o->min_points < 3)
		o->min_points = d.min_points;
	if (o->history < 16)
		o->history = d.history;
	if (o->max_series == 0)
		o->max_series = d.max_series;
	if (o->z_noise <= 0)
		o->z_noise = d.z_noise;
}

/* ---------------------------------------------------------------- series */


const struct series_point *series_last(const struct series *s)
{
	return s->len ? series_at(s, s->len - 1) : NULL;
}

static bool series__append(struct series *s, double t, double v)
{
	const struct series_point *last = series_last(s);

	if (last && t < last->t)
		return false;
	if (!isfinite(v))
		return false;
	if (s->len == s->cap) {
		s->head = (s->head + 1) % s->cap;
		s->len--;
	}
	s->pts[(s->head + s->len) % s->cap] = (struct series_point){ t, v };
	s->len++;
	s->seen = true;
	return true;
}

void series_push(struct series *s, double t, double v)
{
	if (series__append(s, t, v) && s->turnover) {
		size_t i = (s->head + s->len - 1) % s->cap;

		s->turnover[i] = s->len > 1 ? s->turnover[(i + s->cap - 1) % s->cap]
					    : 0;
	}
}

void series_push_turnover(struct series *s, double t, double v,
			  double turnover)
{
	if (!s->turnover)
		s->turnover = xcalloc(s->cap, sizeof(*s->turnover));
	if (series__append(s, t, v))
		s->turnover[(s->head + s->len - 1) % s->cap] =
			isfinite(turnover) ? turnover : 0;
}

/* ---------------------------------------------------------------- statistics */

static int series__cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int series__sign(double d)
{
	return d > 0 ? 1 : d < 0 ? -1 : 0;
}

double series_mann_kendall(const double *x, size_t n, double *var, double *z)
{
	double s = 0, v, ties = 0, nn = (double)n;
	double *sorted;

	*var = 0;
	*z = 0;
	if (n < 2)
		return 0;
	for (size_t i = 0; i + 1 < n; i++) {
		for (size_t j = i + 1; j < n; j++)
			s += series__sign(x[j] - x[i]);
	}
	sorted = xmalloc(n * sizeof(double));
	memcpy(sorted, x, n * sizeof(double));
	qsort(sorted, n, sizeof(double), series__cmp_double);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		double t;

		while (j < n && sorted[j] == sorted[i])
			j++;
		t = (double)(j - i);
		ties += t * (t - 1) * (2 * t + 5);
		i = j;
	}
	free(sorted);
	v = (nn * (nn - 1) * (2 * nn + 5) - ties) / 18.0;
	*var = v;
	if (v > 0) {
		if (s > 0)
			*z = (s - 1) / sqrt(v);
		else if (s < 0)
			*z = (s + 1) / sqrt(v);
	}
	return s;
}

double series_theil_sen(const double *t, const double *x, size_t n)
{
	double *slopes, med;
	size_t m = 0;

	if (n < 2)
		return 0;
	slopes = xmalloc(n * (n - 1) / 2 * sizeof(double));
	for (size_t i = 0; i + 1 < n; i++) {
		for (size_t j = i + 1; j < n; j++) {
			if (t[j] > t[i])
				slopes[m++] = (x[j] - x[i]) / (t[j] - t[i]);
		}
	}
	if (m == 0) {
		free(slopes);
		return 0;
	}
	qsort(slopes, m, sizeof(double), series__cmp_double);
	med = m % 2 ? slopes[m / 2] : (slopes[m / 2 - 1] + slopes[m / 2]) / 2;
	free(slopes);
	return med;
}

/* Copies up to max evenly spaced points of s (from index first) into t, x. */
static size_t series__decimate(const struct series *s, size_t first,
			       size_t max, double *t, double *x)
{
	size_t n = s->len - first;

	if (n <= max) {
		for (size_t i = 0; i < n; i++) {
			t[i] = series_at(s, first + i)->t;
			x[i] = series_at(s, first + i)->v;
		}
		return n;
	}
	for (size_t i = 0; i < max; i++) {
		size_t k = first + i * (n - 1) / (max - 1);

		t[i] = series_at(s, k)->t;
		x[i] = series_at(s, k)->v;
	}
	return max;
}

/* ---------------------------------------------------------------- leak test */

void series_test(const struct series *s, const struct series_options *opts,
		 struct series_verdict *v)
{
	struct series_options o = opts ? *opts : (struct series_options)
						 SERIES_OPTIONS_INIT;
	size_t first = 0, n, m;
	double t0, w, need;
	double tt[MK_MAX_POINTS], xx[MK_MAX_POINTS];

	series_options_fill(&o);
	memset(v, 0, sizeof(*v));
	while (first < s->len && series_at(s, first)->t < s->epoch)
		first++;
	n = s->len - first;
	v->npoints = (unsigned)n;
	if (n < o.min_points) {
		v->why = "too few points";
		return;
	}
	t0 = series_at(s, first)->t;
	v->span = series_at(s, s->len - 1)->t - t0;
	if (v->span < o.window_s * o.windows) {
		v->why = "not watched long enough";
		return;
	}

	/* 1. floors of successive windows */
	w = v->span / o.windows;
	v->nwindows = o.windows;
	for (unsigned k = 0; k < o.windows; k++)
		v->floors[k] = INFINITY;
	for (size_t i = first; i < s->len; i++) {
		const struct series_point *p = series_at(s, i);
		unsigned k = (unsigned)((p->t - t0) / w);

		if (k >= o.windows)
			k = o.windows - 1;
		if (p->v < v->floors[k])
			v->floors[k] = p->v;
	}
	for (unsigned k = 0; k < o.windows; k++) {
		if (isinf(v->floors[k])) {
			v->why = "gap in the data";
			return;
		}
	}
	v->rise = v->floors[o.windows - 1] - v->floors[0];
	for (unsigned k = 1; k < o.windows; k++) {
		if (!(v->floors[k] > v->floors[k - 1])) {
			v->why = "floor not rising";
			return;
		}
	}
	need = LH_MAX(s->min_rise, o.min_rise_rel * fabs(v->floors[0]));
	if (v->rise < need) {
		v->why = "floor rise too small";
		return;
	}

	/* 1b. sampled estimates: the rise must stand out of their noise,
	 * that of the level (the window means, not the floors, which sit low
	 * in the noise) or, when less, that of the sampled objects that came
	 * and went between the two floors */
	if (s->noise > 0) {
		double sum[3] = { 0, 0, 0 }, var;
		unsigned cnt[2] = { 0, 0 };

		for (size_t i = first; i < s->len; i++) {
			const struct series_point *p = series_at(s, i);
			unsigned k = (unsigned)((p->t - t0) / w);

			if (k >= o.windows)
				k = o.windows - 1;
			sum[2] += fabs(p->v);
			if (k == 0 || k == o.windows - 1) {
				sum[k != 0] += fabs(p->v);
				cnt[k != 0]++;
			}
		}
		/* a level drawn twice; the mean of all points when more (a
		 * first window caught low in the noise is what makes floors
		 * rise by chance) */
		var = LH_MAX(sum[0] / cnt[0] + sum[1] / cnt[1],
			     2 * sum[2] / (double)n);
		if (s->turnover) {
			/* over the whole span, not between the floors: a floor
			 * is a low point, which the level tends to leave
			 * upwards, so the turnover right after it is biased */
			double f = s->turnover[(s->head + s->len - 1) % s->cap] -
				   s->turnover[(s->head + first) % s->cap];

			var = LH_MIN(var, v->rise + 2 * LH_MAX(f, 0.0));
		}
		v->noise_sd = sqrt(s->noise * var);
		if (v->rise < o.z_noise * v->noise_sd) {
			v->why = "floor rise within sampling noise";
			return;
		}
	}

	/* 2. rank trend: Mann-Kendall, and Theil-Sen for the rate */
	m = series__decimate(s, first, MK_MAX_POINTS, tt, xx);
	v->mk_s = series_mann_kendall(xx, m, &v->mk_var, &v->mk_z);
	m = series__decimate(s, first, TS_MAX_POINTS, tt, xx);
	v->slope = series_theil_sen(tt, xx, m);
	if (v->mk_z < o.z_crit) {
		v->why = "no significant trend";
		return;
	}
	if (!(v->slope > 0)) {
		v->why = "median slope not positive";
		return;
	}
	v->suspect = true;
	v->why = "floor rising and trend significant";
}

/* ---------------------------------------------------------------- sums */

void series_sum(struct series *dst, const struct series *const *m, size_t n)
{
	const struct series *a = m[0];
	size_t first = 0, *at = xcalloc(n, sizeof(size_t));
	bool turnover = false;

	while (first < a->len && series_at(a, first)->t < a->epoch)
		first++;
	memset(dst, 0, sizeof(*dst));
	dst->kind = a->kind;
	dst->min_rise = a->min_rise;
	dst->epoch = a->epoch;
	dst->cap = LH_MAX(a->len - first, (size_t)1);
	dst->pts = xcalloc(dst->cap, sizeof(*dst->pts));
	for (size_t j = 0; j < n; j++) {
		dst->noise = LH_MAX(dst->noise, m[j]->noise);
		turnover |= m[j]->turnover != NULL;
	}
	if (turnover)
		dst->turnover = xcalloc(dst->cap, sizeof(*dst->turnover));
	for (size_t i = first; i < a->len; i++) {
		double t = series_at(a, i)->t, v = 0, f = 0;

		for (size_t j = 0; j < n; j++) {
			const struct series *b = m[j];

			while (at[j] < b->len && series_at(b, at[j])->t < t)
				at[j]++;
			if (at[j] < b->len && series_at(b, at[j])->t == t) {
				v += series_at(b, at[j])->v;
				if (b->turnover)
					f += b->turnover[(b->head + at[j]) % b->cap];
			}
		}
		dst->pts[dst->len] = (struct series_point){ t, v };
		if (turnover)
			dst->turnover[dst->len] = f;
		dst->len++;
	}
	free(at);
}

void series_sum_release(struct series *dst)
{
	free(dst->pts);
	free(dst->turnover);
	memset(dst, 0, sizeof(*dst));
}

/* ---------------------------------------------------------------- set */

void series_set_init(struct series_set *set, const struct series_options *o)
{
	memset(set, 0, sizeof(*set));
	set->o = o ? *o : (struct series_options)SERIES_OPTIONS_INIT;
	series_options_fill(&set->o);
	map_init(&set->index);
}

void series_set_release(struct series_set *set)
{
	for (size_t i = 0; i < set->all.len; i++) {
		struct series *s = set->all.items[i];

		free(s->key);
		free(s->label);
		free(s->pts);
		free(s->turnover);
		free(s);
	}
	VEC_FREE(&set->all);
	map_release(&set->index);
}

struct series *series_set_find(const struct series_set *set, const char *key)
{
	return map_gets(&set->index, key);
}

struct series *series_set_get(struct series_set *set, const char *key,
			      const char *label, enum series_kind kind,
			      bool detect, double min_rise)
{
	struct series *s = map_gets(&set->index, key);

	if (s)
		return s;
	if (set->all.len >= set->o.max_series) {
		set->dropped++;
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->key = xstrdup(key);
	s->label = xstrdup(label ? label : key);
	s->kind = kind;
	s->detect = detect;
	s->min_rise = min_rise;
	s->cap = set->o.history;
	s->pts = xcalloc(s->cap, sizeof(*s->pts));
	map_puts(&set->index, key, s);
	VEC_PUSH(&set->all, s);
	return s;
}

void series_set_sweep(struct series_set *set, unsigned kind_mask, double t)
{
	for (size_t i = 0; i < set->all.len; i++) {
		struct series *s = set->all.items[i];

		if (!(kind_mask & (1u << s->kind)))
			continue;
		if (!s->seen)
			series_push(s, t, 0);
		s->seen = false;
	}
}

void series_set_restart(struct series_set *set, double t)
{
	for (size_t i = 0; i < set->all.len; i++)
		set->all.items[i]->epoch = t;
}

void series_format_value(char *out, size_t n, enum series_kind k, double v)
{
	if (k == SERIES_HEAP_SITE || k == SERIES_RSS ||
	    (k == SERIES_MEMSTAT && fabs(v) >= 1 << 20)) {
		double a = fabs(v);

		if (a >= (double)(1 << 30))
			snprintf(out, n, "%.1f GiB", v / (double)(1 << 30));
		else if (a >= (double)(1 << 20))
			snprintf(out, n, "%.1f MiB", v / (double)(1 << 20));
		else
			snprintf(out, n, "%.0f KiB", v / 1024.0);
	} else {
		snprintf(out, n, "%.0f", v);
	}
}
