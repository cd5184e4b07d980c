/*
 * watchhtml.c - the self-contained HTML report of `leakhound watch --html`:
 * one document, no external assets (inline CSS, inline SVG charts, no
 * script), so it can be mailed, archived or attached to a CI run.
 *
 * Each chart is a <figure class="chart"> whose data-points attribute says
 * how many points its polyline holds (the headless-browser test checks it).
 */
#include <math.h>
#include <time.h>

#include "report/watchview.h"

#define HTML_CHART_W 360
#define HTML_CHART_H 110
#define HTML_MAX_POINTS 360
#define HTML_TOP_SERIES 6

static void html__esc(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			fputc(*s, out);
		}
	}
}

static const char html_head[] =
	"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width\">\n"
	"<title>%s</title>\n<style>\n"
	"body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}\n"
	"h1{font-size:1.5em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em}\n"
	"table{border-collapse:collapse;margin:.5em 0}\n"
	"td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}\n"
	"th{background:#f4f4f4}.rule{font-weight:bold;color:#b00}\n"
	".charts{display:flex;flex-wrap:wrap;gap:1em}\n"
	".chart{margin:0;border:1px solid #ddd;padding:.4em;background:#fff}\n"
	".chart.suspect{border-color:#b00}\n"
	".chart figcaption{font-size:12px;max-width:360px;overflow-wrap:anywhere}\n"
	".chart svg{display:block;background:#fafafa}\n"
	".line{fill:none;stroke:#1f6feb;stroke-width:1.5}\n"
	".suspect .line{stroke:#b00}\n"
	".axis{font-size:10px;fill:#666}.floor{stroke:#b00;stroke-dasharray:3 2}\n"
	"code{background:#f4f4f4;padding:0 .2em}.fix{color:#333;max-width:60em}\n"
	"</style>\n</head>\n<body>\n";

static void html__chart(FILE *out, const struct series *s, bool suspect,
			const struct series_verdict *v)
{
	double t0, t1, lo = INFINITY, hi = -INFINITY;
	size_t step, npts = 0;
	char last[32], vlo[32], vhi[32];

	if (s->len < 2)
		return;
	step = s->len > HTML_MAX_POINTS ? (s->len + HTML_MAX_POINTS - 1) /
						  HTML_MAX_POINTS
					: 1;
	t0 = series_at(s, 0)->t;
	t1 = series_last(s)->t;
	for (size_t i = 0; i < s->len; i++) {
		lo = LH_MIN(lo, series_at(s, i)->v);
		hi = LH_MAX(hi, series_at(s, i)->v);
	}
	if (hi <= lo)
		hi = lo + 1;
	for (size_t i = 0; i < s->len; i += step)
		npts++;
	series_format_value(last, sizeof(last), s->kind, series_last(s)->v);
	series_format_value(vlo, sizeof(vlo), s->kind, lo);
	series_format_value(vhi, sizeof(vhi), s->kind, hi);
	fprintf(out, "<figure class=\"chart%s\" data-series=\"", suspect ? " suspect" : "");
	html__esc(out, s->key);
	fprintf(out, "\" data-kind=\"%s\" data-points=\"%zu\">\n<figcaption>",
		series_kind_name(s->kind), npts);
	html__esc(out, s->label);
	fprintf(out, " &mdash; last %s</figcaption>\n", last);
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
		     "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n",
		HTML_CHART_W, HTML_CHART_H, HTML_CHART_W, HTML_CHART_H);
	fprintf(out, "<text class=\"axis\" x=\"2\" y=\"10\">%s</text>"
		     "<text class=\"axis\" x=\"2\" y=\"%d\">%s</text>"
		     "<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f s</text>\n",
		vhi, HTML_CHART_H - 2, vlo, HTML_CHART_W - 2, HTML_CHART_H - 2, t1);
	if (suspect && v) {
		/* the floors of the windows the verdict was taken on */
		double span = v->span, w = span / v->nwindows;

		for (unsigned k = 0; k < v->nwindows && t1 > t0; k++) {
			double xa = ((t1 - span) + k * w - t0) / (t1 - t0);
			double xb = ((t1 - span) + (k + 1) * w - t0) / (t1 - t0);
			double y = 1 - (v->floors[k] - lo) / (hi - lo);

			fprintf(out, "<line class=\"floor\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
				xa * (HTML_CHART_W - 8) + 4, xb * (HTML_CHART_W - 8) + 4,
				y * (HTML_CHART_H - 28) + 14, y * (HTML_CHART_H - 28) + 14);
		}
		fputc('\n', out);
	}
	fputs("<polyline class=\"line\" points=\"", out);
	for (size_t i = 0; i < s->len; i += step) {
		const struct series_point *p = series_at(s, i);
		double x = t1 > t0 ? (p->t - t0) / (t1 - t0) : 0.5;
		double y = 1 - (p->v - lo) / (hi - lo);

		fprintf(out, "%.1f,%.1f ", x * (HTML_CHART_W - 8) + 4,
			y * (HTML_CHART_H - 28) + 14);
	}
	fputs("\"/>\n</svg>\n</figure>\n", out);
}

/* The biggest series of one kind (by last value) that are not already
 * shown, up to HTML_TOP_SERIES. */
static void html__top(FILE *out, const struct watch_target *t,
		      enum series_kind kind)
{
	bool used[HTML_TOP_SERIES] = { false };
	const struct series *top[HTML_TOP_SERIES] = { NULL };

	(void)used;
	for (size_t i = 0; i < t->set.all.len; i++) {
		const struct series *s = t->set.all.items[i];
		const struct watch_site *site = s->user;
		double v;

		if (s->kind != kind || !s->detect || s->len < 3 ||
		    (site && site->suspect) || !site ||
		    (!site->bucket && !site->hsite))
			continue;
		v = series_last(s)->v;
		for (int k = 0; k < HTML_TOP_SERIES; k++) {
			if (!top[k] || v > series_last(top[k])->v) {
				memmove(&top[k + 1], &top[k],
					(HTML_TOP_SERIES - 1 - k) * sizeof(top[0]));
				top[k] = s;
				break;
			}
		}
	}
	for (int k = 0; k < HTML_TOP_SERIES && top[k]; k++)
		html__chart(out, top[k], false, NULL);
}

static void html__target(FILE *out, struct watch_target *t)
{
	static const enum watch_fixed rows[] = {
		WF_GOROUTINES,	 WF_HEAP_INUSE, WF_RSS,	       WF_FDS,
		WF_FDS_FILE,	 WF_FDS_SOCKET, WF_THREADS,    WF_MS_HEAP_INUSE,
		WF_MS_NEXT_GC,	 WF_MS_HEAP_OBJECTS,
	};

	fputs("<section class=\"target\">\n<h2>", out);
	html__esc(out, t->name);
	fputs("</h2>\n<p>", out);
	if (t->pid)
		fprintf(out, "pid %d &middot; ", (int)t->pid);
	if (t->have_bi) {
		html__esc(out, t->bi.version);
		fputs(" &middot; ", out);
		html__esc(out, t->bi.module[0] ? t->bi.module : t->bi.path);
		fputs(" &middot; ", out);
	}
	if (t->base[0]) {
		fputs("endpoint <code>", out);
		html__esc(out, t->base);
		fputs("</code> &middot; ", out);
	}
	fprintf(out, "%s, %llu samples, %llu errors, %llu restarts</p>\n",
		watch_state_name(t->state), (unsigned long long)t->samples,
		(unsigned long long)t->errors, (unsigned long long)t->restarts);
	if (t->last_error[0]) {
		fputs("<p>last error: <code>", out);
		html__esc(out, t->last_error);
		fputs("</code></p>\n", out);
	}

	fprintf(out, "<h3>Suspects (%zu)</h3>\n", t->suspects.len);
	if (t->suspects.len) {
		fputs("<table class=\"suspects\"><tr><th>rule</th><th>series</th>"
		      "<th>floor</th><th>trend</th><th>first user frame</th></tr>\n",
		      out);
		for (size_t j = 0; j < t->suspects.len; j++) {
			const struct watch_suspect *x = &t->suspects.items[j];
			char a[32], b[32], r[32];

			series_format_value(a, sizeof(a), x->s->kind, x->v.floors[0]);
			series_format_value(b, sizeof(b), x->s->kind,
					x->v.floors[x->v.nwindows - 1]);
			series_format_value(r, sizeof(r), x->s->kind, x->v.slope);
			fprintf(out, "<tr><td class=\"rule\">%s</td><td>",
				x->rule ? x->rule->id : "unclassified");
			html__esc(out, x->s->label);
			fprintf(out, "</td><td>%s &rarr; %s</td><td>MK z=%.1f, %s/s</td><td>",
				a, b, x->v.mk_z, r);
			if (x->site->func) {
				fputs("<code>", out);
				html__esc(out, x->site->func);
				fputs("</code> ", out);
			}
			if (x->site->file) {
				html__esc(out, x->site->file);
				fprintf(out, ":%u", x->site->line);
			}
			fputs("</td></tr>\n", out);
		}
		fputs("</table>\n", out);
	}

	fputs("<h3>Series</h3>\n<div class=\"charts\">\n", out);
	for (size_t j = 0; j < t->suspects.len; j++)
		html__chart(out, t->suspects.items[j].s, true,
			    &t->suspects.items[j].v);
	for (size_t k = 0; k < ARRAY_SIZE(rows); k++) {
		const struct series *s = t->fixed[rows[k]];
		const struct watch_site *site = s ? s->user : NULL;

		if (s && !(site && site->suspect))
			html__chart(out, s, false, NULL);
	}
	html__top(out, t, SERIES_GOROUTINES);
	html__top(out, t, SERIES_HEAP_SITE);
	fputs("</div>\n</section>\n", out);
}

enum lh_status watchview_html(FILE *out, struct watch *w, const lh_findings *f,
			      const char *title)
{
	time_t now = time(NULL);
	char when[64];
	size_t nf = f ? lh_findings_count(f) : 0;

	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S UTC", gmtime(&now));
	fprintf(out, html_head, title ? title : "leakhound watch report");
	fputs("<h1>", out);
	html__esc(out, title ? title : "leakhound watch report");
	fprintf(out, "</h1>\n<p>%s &middot; watched %.0f s, every %.1f s "
		     "&middot; leak test: floor rising over %u windows of at "
		     "least %.0f s and Mann&ndash;Kendall z &ge; %.2f &middot; "
		     "leakhound %s</p>\n",
		when, watch_now(w), w->o.interval_s, w->o.series.windows,
		w->o.series.window_s, w->o.series.z_crit, LH_VERSION);
	fprintf(out, "<h2>Findings (%zu)</h2>\n", nf);
	if (nf) {
		fputs("<table class=\"findings\"><tr><th>rule</th><th>where</th>"
		      "<th>what</th><th>fix</th></tr>\n", out);
		for (size_t i = 0; i < nf; i++) {
			const struct lh_finding *x = lh_findings_at(f, i);

			fprintf(out, "<tr><td class=\"rule\">%s</td><td>", x->rule->id);
			if (x->loc.path) {
				html__esc(out, x->loc.path);
				fprintf(out, ":%u", x->loc.line);
			}
			if (x->function) {
				fputs("<br><code>", out);
				html__esc(out, x->function);
				fputs("</code>", out);
			}
			fputs("</td><td>", out);
			html__esc(out, x->message);
			for (size_t k = 0; k < x->nsteps; k++) {
				fputs("<br>&middot; ", out);
				html__esc(out, x->steps[k].note);
			}
			fputs("</td><td class=\"fix\">", out);
			html__esc(out, x->fix ? x->fix : lh_class_advice(x->rule->class));
			fputs("</td></tr>\n", out);
		}
		fputs("</table>\n", out);
	} else {
		fputs("<p>No leak found.</p>\n", out);
	}
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		watch_target_lock(t);
		html__target(out, t);
		watch_target_unlock(t);
	}
	/* the browser's own count of what it drew, for people and for the
	 * headless test: each chart gets data-rendered = points parsed */
	fputs("<script>\n"
	      "for (const f of document.querySelectorAll('figure.chart')) {\n"
	      "  const p = f.querySelector('polyline');\n"
	      "  const n = p ? p.points.numberOfItems : 0;\n"
	      "  const w = p ? p.getBBox().width : 0;\n"
	      "  f.dataset.rendered = String(w > 0 || n == 1 ? n : 0);\n"
	      "}\n"
	      "document.body.dataset.charts = String("
	      "document.querySelectorAll('figure.chart').length);\n"
	      "</script>\n", out);
	fputs("</body>\n</html>\n", out);
	return ferror(out) ? LH_ERR : LH_OK;
}
