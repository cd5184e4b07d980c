/*
 * watchview.h - what `leakhound watch` shows while it runs, and what it
 * leaves behind: the live terminal view (redrawn in place), plain log
 * lines when the output is not a terminal, the self-contained HTML report
 * and the Prometheus text exposition.
 *
 * All functions lock each target while they read it.
 */
#ifndef LH_REPORT_WATCHVIEW_H
#define LH_REPORT_WATCHVIEW_H

#include <stdio.h>

#include "detect/watch.h"

/* Sparkline of the last `width` points of s (UTF-8 block characters,
 * scaled between the min and max shown) into out. */
void watchview_sparkline(const struct series *s, unsigned width, char *out,
			 size_t n);

/* Redraws the whole live view on a terminal (cursor home, clear below). */
void watchview_live(FILE *out, struct watch *w, bool color, double duration);

/* State of the plain log between calls: what was already said. */
struct watchview_log {
	double last_progress;
	struct map said; /* suspect key -> (void *)1 while it is a suspect */
	bool verdict_said;
};
void watchview_log_init(struct watchview_log *l);
void watchview_log_release(struct watchview_log *l);
/* Prints what changed since the last call: new suspects, suspects that
 * stopped growing, and a progress line every 10 s. */
void watchview_log(FILE *out, struct watch *w, struct watchview_log *l);

/* Writes the HTML report: per target, a chart (inline SVG) for every
 * series worth showing, the suspects, and the findings. Returns LH_ERR
 * when writing fails. */
LH_WARN_UNUSED enum lh_status watchview_html(FILE *out, struct watch *w,
					     const lh_findings *f,
					     const char *title);

/* Prometheus text exposition (format 0.0.4) of every target's main series,
 * suspects and health, appended to b. */
void watchview_prometheus(struct buf *b, struct watch *w);

#endif /* LH_REPORT_WATCHVIEW_H */
