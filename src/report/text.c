/*
 * text.c - compiler-style text output:
 *
 *   x.go:12:2: LH702 response body is never closed [resource, warning]
 *       resp, err := http.Get(url)
 *       ^
 *     path: returns at line 18 with resp.Body still open
 *     fix: defer resp.Body.Close() right after the error check ...
 */
#include <stdio.h>

#include "core/core.h"

#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_YEL "\033[33m"
#define C_CYAN "\033[36m"
#define C_DIM "\033[2m"
#define C_OFF "\033[0m"

static void text__loc(FILE *out, const struct lh_loc *l)
{
	if (!l->path) {
		fputs("<unknown>", out);
		return;
	}
	fputs(l->path, out);
	if (l->line)
		fprintf(out, ":%u", l->line);
	if (l->line && l->col)
		fprintf(out, ":%u", l->col);
}

/* The source line, then a caret under col; tabs in the prefix are kept so
 * the caret lines up in any tab width. */
static void text__snippet(FILE *out, const char *snippet, uint32_t col,
			  bool color)
{
	size_t len = strlen(snippet);

	fprintf(out, "    %s\n    ", snippet);
	for (uint32_t i = 1; i < col && i - 1 < len; i++)
		fputc(snippet[i - 1] == '\t' ? '\t' : ' ', out);
	fprintf(out, "%s^%s\n", color ? C_BOLD C_CYAN : "", color ? C_OFF : "");
}

static void text__wrapped(FILE *out, const char *label, const char *text)
{
	const int width = 80;
	int col = fprintf(out, "  %s: ", label);
	const int indent = col;

	while (*text) {
		size_t w = strcspn(text, " ");

		if (col > indent) { /* the space goes before a word, never at a line end */
			if (col + 1 + (int)w > width) {
				fprintf(out, "\n%*s", indent, "");
				col = indent;
			} else {
				fputc(' ', out);
				col++;
			}
		}
		fwrite(text, 1, w, out);
		col += (int)w;
		text += w;
		while (*text == ' ')
			text++;
	}
	fputc('\n', out);
}

void lh_render_text(FILE *out, const lh_findings *f,
		    const struct lh_render_options *o)
{
	bool color = o && o->color;
	size_t n = lh_findings_count(f);

	for (size_t i = 0; i < n; i++) {
		const struct lh_finding *x = lh_findings_at(f, i);
		const char *sev = lh_severity_name(x->severity);

		if (color)
			fputs(C_BOLD, out);
		text__loc(out, &x->loc);
		fprintf(out, ": %s%s%s %s%s", color ? (x->severity ==
				LH_SEV_ERROR ? C_RED : C_YEL) : "",
			x->rule->id, color ? C_OFF C_BOLD : "", x->message,
			color ? C_OFF : "");
		fprintf(out, " %s[%s, %s, %s confidence]%s\n",
			color ? C_DIM : "", lh_class_name(x->rule->class), sev,
			lh_confidence_name(x->confidence), color ? C_OFF : "");
		if (x->snippet)
			text__snippet(out, x->snippet, x->loc.col, color);
		for (size_t s = 0; s < x->nsteps; s++) {
			const struct lh_step *st = &x->steps[s];

			fputs("  path: ", out);
			if (st->loc.path && st->loc.line &&
			    (!x->loc.path || strcmp(st->loc.path,
						    x->loc.path) != 0)) {
				text__loc(out, &st->loc);
				fputs(": ", out);
			}
			fprintf(out, "%s\n", st->note ? st->note : "");
		}
		text__wrapped(out, "fix", x->fix ? x->fix
				 : lh_class_advice(x->rule->class));
		if (i + 1 < n)
			fputc('\n', out);
	}
}
