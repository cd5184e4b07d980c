/*
 * watchview.c - live view and log lines of `leakhound watch` (see
 * watchview.h).
 */
#include <math.h>

#include "report/watchview.h"

#define VIEW_SPARK_WIDTH 32
#define VIEW_MAX_SUSPECTS 8
#define VIEW_PROGRESS_EVERY 10.0

static const char *const spark_chars[8] = {
	"\u2581", "\u2582", "\u2583", "\u2584",
	"\u2585", "\u2586", "\u2587", "\u2588",
};

void watchview_sparkline(const struct series *s, unsigned width, char *out,
			 size_t n)
{
	size_t first, len = 0;
	double lo = INFINITY, hi = -INFINITY;

	out[0] = '\0';
	if (!s || !s->len)
		return;
	first = s->len > width ? s->len - width : 0;
	for (size_t i = first; i < s->len; i++) {
		double v = series_at(s, i)->v;

		lo = LH_MIN(lo, v);
		hi = LH_MAX(hi, v);
	}
	for (size_t i = first; i < s->len; i++) {
		double v = series_at(s, i)->v;
		int k = hi > lo ? (int)((v - lo) / (hi - lo) * 7.999) : 0;
		size_t cl = strlen(spark_chars[k]);

		if (len + cl + 1 > n)
			break;
		memcpy(out + len, spark_chars[k], cl);
		len += cl;
	}
	out[len] = '\0';
}

static double view__last(const struct series *s)
{
	const struct series_point *p = s ? series_last(s) : NULL;

	return p ? p->v : NAN;
}

static void view__target_head(FILE *out, const struct watch_target *t)
{
	fprintf(out, "%s", t->name);
	if (t->pid)
		fprintf(out, "  pid %d", (int)t->pid);
	if (t->have_bi)
		fprintf(out, "  %s  %s", t->bi.version,
			t->bi.module[0] ? t->bi.module : t->bi.path);
	if (t->base[0] && strcmp(t->base, t->name) != 0)
		fprintf(out, "  %s", t->base);
	fprintf(out, "  [%s, %llu samples", watch_state_name(t->state),
		(unsigned long long)t->samples);
	if (t->errors)
		fprintf(out, ", %llu errors", (unsigned long long)t->errors);
	if (t->restarts)
		fprintf(out, ", %llu restarts", (unsigned long long)t->restarts);
	fprintf(out, "]\n");
}

static const enum watch_fixed view_rows[] = {
	WF_GOROUTINES, WF_HEAP_INUSE, WF_MS_HEAP_INUSE, WF_FDS, WF_RSS,
	WF_THREADS,
};

void watchview_live(FILE *out, struct watch *w, bool color, double duration)
{
	double now = watch_now(w);
	const char *b = color ? "\033[1m" : "", *r = color ? "\033[0m" : "";
	const char *red = color ? "\033[31m" : "";

	fprintf(out, "\033[H\033[J");
	fprintf(out, "%sleakhound watch%s  %.0f s", b, r, now);
	if (duration > 0)
		fprintf(out, " of %.0f s", duration);
	fprintf(out, ", every %.1f s  (Ctrl-C stops and reports)\n\n",
		w->o.interval_s);
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];
		size_t shown = 0;

		watch_target_lock(t);
		fputs(b, out);
		view__target_head(out, t);
		fputs(r, out);
		for (size_t k = 0; k < ARRAY_SIZE(view_rows); k++) {
			const struct series *s = t->fixed[view_rows[k]];
			char spark[VIEW_SPARK_WIDTH * 4 + 1], val[32];

			if (!s || !s->len)
				continue;
			watchview_sparkline(s, VIEW_SPARK_WIDTH, spark,
					    sizeof(spark));
			series_format_value(val, sizeof(val), s->kind, view__last(s));
			fprintf(out, "  %-22.22s %s %s\n", s->label, spark, val);
		}
		if (t->state == WATCH_DEGRADED && t->last_error[0])
			fprintf(out, "  %s! %s%s\n", red, t->last_error, r);
		for (size_t j = 0; j < t->suspects.len && shown < VIEW_MAX_SUSPECTS;
		     j++) {
			const struct watch_suspect *x = &t->suspects.items[j];
			char line[640], spark[VIEW_SPARK_WIDTH * 4 + 1];

			if (!shown++)
				fprintf(out, "\n  %ssuspects%s\n", b, r);
			watch_suspect_line(t, x, line, sizeof(line));
			watchview_sparkline(x->s, 16, spark, sizeof(spark));
			fprintf(out, "  %s%s%s %s", x->rule ? red : "", line, r, spark);
			if (x->site->file)
				fprintf(out, "\n      at %s:%u", x->site->file,
					x->site->line);
			fprintf(out, "  (for %.0f s)\n", now - x->site->flagged_at);
		}
		watch_target_unlock(t);
		fputc('\n', out);
	}
	{
		double eta = watch_verdict_eta(w);

		if (eta > 0)
			fprintf(out, "waiting for the first verdict: %.0f s more "
				     "(the floor must rise over %u windows of %.0f s or more)\n",
				eta, w->o.series.windows, w->o.series.window_s);
	}
	fflush(out);
}

void watchview_log_init(struct watchview_log *l)
{
	memset(l, 0, sizeof(*l));
	map_init(&l->said);
}

void watchview_log_release(struct watchview_log *l)
{
	map_release(&l->said);
}

static void view__progress(FILE *out, struct watch *w, double now)
{
	double eta = watch_verdict_eta(w);

	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		watch_target_lock(t);
		fprintf(out, "leakhound: %.0f s: %s [%s]", now, t->name,
			watch_state_name(t->state));
		for (size_t k = 0; k < ARRAY_SIZE(view_rows); k++) {
			const struct series *s = t->fixed[view_rows[k]];
			char val[32];

			if (!s || !s->len)
				continue;
			series_format_value(val, sizeof(val), s->kind, view__last(s));
			fprintf(out, " %s=%s", s->key, val);
		}
		if (eta > 0)
			fprintf(out, "; first verdict in %.0f s", eta);
		else
			fprintf(out, "; %zu suspect%s", t->suspects.len,
				t->suspects.len == 1 ? "" : "s");
		fputc('\n', out);
		watch_target_unlock(t);
	}
}

void watchview_log(FILE *out, struct watch *w, struct watchview_log *l)
{
	double now = watch_now(w);

	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];
		char pre[32];
		size_t pl;

		snprintf(pre, sizeof(pre), "%zu|", i);
		pl = strlen(pre);
		watch_target_lock(t);
		/* forget suspects that stopped growing, saying so */
		for (size_t k = 0; k < l->said.cap; k++) {
			struct map_entry *e = &l->said.slots[k];
			struct series *s;

			if (!e->key || !e->value || strncmp(e->key, pre, pl) != 0)
				continue;
			s = series_set_find(&t->set, e->key + pl);
			if (s && s->user && ((struct watch_site *)s->user)->suspect)
				continue;
			fprintf(out, "leakhound: %s: no longer a suspect: %s\n",
				t->name, s ? s->label : e->key + pl);
			e->value = NULL;
		}
		for (size_t j = 0; j < t->suspects.len; j++) {
			const struct watch_suspect *x = &t->suspects.items[j];
			char line[640], key[300];

			snprintf(key, sizeof(key), "%s%s", pre, x->s->key);
			if (map_gets(&l->said, key))
				continue;
			map_puts(&l->said, key, (void *)1);
			watch_suspect_line(t, x, line, sizeof(line));
			fprintf(out, "leakhound: %s: suspect: %s", t->name, line);
			if (x->site->file)
				fprintf(out, " at %s:%u", x->site->file, x->site->line);
			fputc('\n', out);
		}
		watch_target_unlock(t);
	}
	if (now - l->last_progress >= VIEW_PROGRESS_EVERY) {
		l->last_progress = now;
		view__progress(out, w, now);
	}
	fflush(out);
}
