/*
 * github.c - `--format github`: GitHub Actions workflow commands, which the
 * runner turns into annotations on the pull request's diff:
 *
 *   ::warning file=a.go,line=12,col=2,endLine=12,endColumn=30,title=LH702 http response body is not closed on every path::response body is never closed%0Apath: returns at line 18%0Afix: defer resp.Body.Close() ...
 *
 * Escaping follows the runner's command parser (actions/toolkit
 * command.ts): in the message '%', CR and LF become %25, %0D, %0A; in a
 * property value ':' and ',' also become %3A and %2C. Severity maps to the
 * command: error -> ::error, warning -> ::warning, info -> ::notice.
 * A finding without a file (a runtime finding with no user frame) is an
 * annotation without file= (shown on the run's summary).
 */
#include <stdio.h>

#include "report/report.h"

static void github__escape(struct buf *b, const char *s, bool property)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '%':
			buf_adds(b, "%25");
			break;
		case '\r':
			buf_adds(b, "%0D");
			break;
		case '\n':
			buf_adds(b, "%0A");
			break;
		case ':':
			buf_adds(b, property ? "%3A" : ":");
			break;
		case ',':
			buf_adds(b, property ? "%2C" : ",");
			break;
		default:
			buf_addc(b, *s);
		}
	}
}

static const char *github__command(enum lh_severity s)
{
	switch (s) {
	case LH_SEV_ERROR:
		return "error";
	case LH_SEV_WARNING:
		return "warning";
	default:
		return "notice";
	}
}

static void github__props(struct buf *b, const struct lh_finding *x)
{
	const struct lh_loc *l = &x->loc;
	struct buf title = BUF_INIT;

	if (l->path) {
		buf_adds(b, "file=");
		github__escape(b, l->path, true);
		if (l->line)
			buf_printf(b, ",line=%u", l->line);
		if (l->line && l->col)
			buf_printf(b, ",col=%u", l->col);
		/* the runner wants endLine with line, and endColumn only on a
		 * one-line range */
		if (l->line && l->end_line >= l->line)
			buf_printf(b, ",endLine=%u", l->end_line);
		if (l->col && l->end_col && l->end_line == l->line &&
		    l->end_col > l->col)
			buf_printf(b, ",endColumn=%u", l->end_col);
		buf_addc(b, ',');
	}
	buf_printf(&title, "%s %s", x->rule->id, x->rule->title);
	buf_adds(b, "title=");
	github__escape(b, title.data, true);
	buf_release(&title);
}

void lh_render_github(FILE *out, const lh_findings *f,
		      const struct lh_render_options *o)
{
	size_t n = lh_findings_count(f);
	struct buf b = BUF_INIT, msg = BUF_INIT;

	LH_UNUSED(o);
	for (size_t i = 0; i < n; i++) {
		const struct lh_finding *x = lh_findings_at(f, i);

		buf_reset(&b);
		buf_reset(&msg);
		buf_printf(&b, "::%s ", github__command(x->severity));
		github__props(&b, x);
		buf_printf(&msg, "%s [%s, %s confidence]", x->message,
			   lh_class_name(x->rule->class),
			   lh_confidence_name(x->confidence));
		if (x->function)
			buf_printf(&msg, " in %s", x->function);
		for (size_t s = 0; s < x->nsteps; s++) {
			const struct lh_step *st = &x->steps[s];

			buf_adds(&msg, "\npath: ");
			if (st->loc.path && st->loc.line &&
			    (!x->loc.path ||
			     strcmp(st->loc.path, x->loc.path) != 0))
				buf_printf(&msg, "%s:%u: ", st->loc.path,
					   st->loc.line);
			buf_adds(&msg, st->note ? st->note : "");
		}
		buf_printf(&msg, "\nfix: %s", report_advice(x));
		buf_adds(&b, "::");
		github__escape(&b, msg.data, false);
		buf_addc(&b, '\n');
		fwrite(b.data, 1, b.len, out);
	}
	buf_release(&b);
	buf_release(&msg);
}
