/*
 * pass.c - reporting helpers for static rules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "static/pass.h"

/* Applies the //go:debug directives above the package clause of f. */
static void pass__go_debug(struct gomod *m, const struct gofile *f)
{
	const char *s = f->src, *end = f->src + f->len;

	while (s < end) {
		const char *eol = memchr(s, '\n', (size_t)(end - s));

		if (!eol)
			eol = end;
		while (s < eol && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		if ((size_t)(eol - s) >= 7 && memcmp(s, "package", 7) == 0)
			return;
		if ((size_t)(eol - s) > 10 && memcmp(s, "//go:debug", 10) == 0 &&
		    (s[10] == ' ' || s[10] == '\t')) {
			const char *t = s + 10;

			while (t < eol) {
				size_t k;

				while (t < eol && (*t == ' ' || *t == '\t' ||
						   *t == ',' || *t == '\r'))
					t++;
				k = strcspn(t, " \t,\r\n");
				if (t + k > eol)
					k = (size_t)(eol - t);
				if (k)
					gomod_godebug(m, t, k);
				t += k;
			}
		}
		s = eol + 1;
	}
}

bool pass_timers_collected(struct lh_pass *p, char *why, size_t n)
{
	bool collected;

	if (!p->timers_known) {
		p->timers = *p->pkg->mod;
		for (size_t i = 0; i < p->pkg->nfiles; i++) {
			const struct gofile *f = p->pkg->files[i];

			if (f->pkgname && strcmp(f->pkgname, "main") == 0 &&
			    !f->is_test)
				pass__go_debug(&p->timers, f);
		}
		p->timers_known = true;
		if (p->verbose && !p->pkg->mod->found &&
		    gomod_timers_collected(&p->timers))
			fprintf(stderr, "leakhound: note: %s: no go.mod found; "
				"assuming the newest Go, where unreferenced "
				"timers are collected: LH201-LH204 are "
				"silent\n", p->pkg->dir);
	}
	collected = gomod_timers_collected(&p->timers);
	if (why && n)
		gomod_timers_why(&p->timers, why, n);
	return collected;
}

bool pass_enabled(const struct lh_pass *p, const struct lh_rule *r)
{
	return !p->enabled || p->enabled[lh_rule_index(r)];
}

static void pass__loc(struct gofile *f, GNode n, struct lh_loc *loc)
{
	TSPoint a = gn_start_point(n), b = gn_end_point(n);

	loc->path = f->path;
	loc->line = a.row + 1;
	loc->col = a.column + 1;
	loc->end_line = b.row + 1;
	loc->end_col = b.column + 1;
}

struct lh_finding *pass_report(struct lh_pass *p, const struct lh_rule *r,
			       struct gofile *f, GNode n, const char *fmt, ...)
{
	struct lh_finding t = { 0 };
	struct buf msg = BUF_INIT;
	size_t len;
	const char *line;
	char *snippet;
	struct lh_finding *x;
	va_list ap;

	if (!pass_enabled(p, r))
		return NULL;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	t.rule = r;
	t.severity = r->severity;
	t.confidence = LH_CONF_HIGH;
	pass__loc(f, n, &t.loc);
	line = go_line(f, t.loc.line, &len);
	snippet = xstrndup(line, len);
	t.snippet = snippet;
	t.message = msg.data;
	t.function = pass_func_name(f, n);
	x = lh_findings_add(p->out, &t);
	free(snippet);
	buf_release(&msg);
	return x;
}

void pass_step(struct lh_pass *p, struct lh_finding *fd, struct gofile *f,
	       GNode n, const char *fmt, ...)
{
	struct lh_step st = { 0 };
	struct buf note = BUF_INIT;
	va_list ap;

	if (!fd)
		return;
	va_start(ap, fmt);
	buf_vprintf(&note, fmt, ap);
	va_end(ap);
	pass__loc(f, n, &st.loc);
	st.note = note.data;
	lh_findings_add_step(p->out, fd, &st);
	buf_release(&note);
}

void pass_fix(struct lh_pass *p, struct lh_finding *fd, const char *fmt, ...)
{
	struct buf fix = BUF_INIT;
	va_list ap;

	if (!fd)
		return;
	va_start(ap, fmt);
	buf_vprintf(&fix, fmt, ap);
	va_end(ap);
	fd->fix = lh_findings_strdup(p->out, fix.data);
	buf_release(&fix);
}

void pass_edit(struct lh_pass *p, struct lh_finding *fd, struct gofile *f,
	       uint32_t start, uint32_t end, const char *text)
{
	struct lh_edit e = { f->path, start, end, text };

	if (fd)
		lh_findings_add_edit(p->out, fd, &e);
}

void pass_edit_after_stmt(struct lh_pass *p, struct lh_finding *fd,
			  struct gofile *f, GNode n, const char *stmt)
{
	uint32_t line, col, end = gn_end_byte(n);
	size_t len, ind = 0;
	const char *text;
	char *ins;

	if (!fd)
		return;
	go_pos(n, &line, &col);
	text = go_line(f, line, &len);
	while (ind < len && (text[ind] == '\t' || text[ind] == ' '))
		ind++;
	ins = xasprintf("\n%.*s%s", (int)ind, text, stmt);
	pass_edit(p, fd, f, end, end, ins);
	free(ins);
}

const char *pass_func_name(struct gofile *f, GNode n)
{
	const struct go_syms *g = GS;
	unsigned lits = 0;
	GNode outer_lit = { 0 };

	for (; !gn_is_null(n); n = gn_parent(n)) {
		TSSymbol s = gn_symbol(n);

		if (s == g->func_literal) {
			lits++;
			outer_lit = n;
		} else if (s == g->function_declaration ||
			   s == g->method_declaration) {
			GNode name = go_field(n, f_name);
			const char *base = go_text_dup(f, name);
			bool ptr;

			if (s == g->method_declaration) {
				GNode recv = go_field(n, f_receiver);
				GNode pd = gn_named_child(recv, 0);
				GNode t = go_field(pd, f_type);

				ptr = !gn_is_null(t) &&
				      gn_symbol(t) == g->pointer_type;
				if (ptr)
					t = gn_named_child(t, 0);
				if (!gn_is_null(t))
					base = arena_printf(&f->pkg->arena,
						"%s.%s", go_text_dup(f, t), base);
			}
			if (lits)
				return arena_printf(&f->pkg->arena,
						    "%s.func%u", base, lits);
			return base;
		}
	}
	LH_UNUSED(outer_lit);
	return NULL;
}
