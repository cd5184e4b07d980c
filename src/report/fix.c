/*
 * fix.c - autofix: apply the mechanical edits findings carry (--fix), or
 * print them as a unified diff (--diff).
 *
 * Per file, the edits of every finding are gathered as groups (one group =
 * one finding's edits in that file), sorted, and taken in finding order: a
 * group is applied whole or not at all. It is skipped when one of its
 * edits overlaps an edit already taken (two insertions at one offset
 * conflict unless they insert the same text, which is applied once), or
 * falls outside the file (it changed since the scan). The new file is
 * written through a temporary file and rename(2).
 *
 * The diff is computed from the edits themselves, not by comparing texts:
 * each edit covers whole lines of the old file, edits on touching lines
 * are merged, and hunks get three lines of context, like `diff -u`.
 */
#include <stdio.h>

#include "report/report.h"

#define FIX_MAX_FILE (64u << 20)
#define FIX_CONTEXT 3

struct fix_file {
	const char *path; /* as the first finding spelled it */
	char *key;	  /* real path, or path when it cannot be resolved */
	VEC(struct fix_edit) edits;
};

typedef VEC(struct fix_file) fix_file_vec;

/* ---------------------------------------------------------------- apply */

static int fix__cmp(const void *pa, const void *pb)
{
	const struct fix_edit *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	return a->group < b->group ? -1 : a->group > b->group;
}

static bool fix__same(const struct fix_edit *a, const struct fix_edit *b)
{
	return a->start == b->start && a->end == b->end &&
	       strcmp(a->text ? a->text : "", b->text ? b->text : "") == 0;
}

/* True when a and b cannot both be applied. */
static bool fix__overlap(const struct fix_edit *a, const struct fix_edit *b)
{
	if (fix__same(a, b))
		return false;
	if (a->start == a->end && b->start == b->end)
		return a->start == b->start;
	if (a->start == a->end)
		return a->start > b->start && a->start < b->end;
	if (b->start == b->end)
		return b->start > a->start && b->start < a->end;
	return a->start < b->end && b->start < a->end;
}

size_t fix_select(struct fix_edit *e, size_t n, size_t len, size_t ngroups,
		  bool *rejected)
{
	size_t out = 0;

	for (size_t g = 0; g < ngroups; g++) {
		bool ok = true;

		for (size_t i = 0; i < n && ok; i++) {
			if (e[i].group != g)
				continue;
			if (e[i].start > e[i].end || e[i].end > len) {
				ok = false;
				break;
			}
			for (size_t k = 0; k < n && ok; k++) {
				bool mine = e[k].group == g && k < i;

				if ((e[k].accepted || mine) &&
				    fix__overlap(&e[i], &e[k]))
					ok = false;
			}
		}
		rejected[g] = !ok;
		for (size_t i = 0; i < n && ok; i++) {
			bool dup = false;

			if (e[i].group != g)
				continue;
			for (size_t k = 0; k < n && !dup; k++)
				dup = e[k].accepted && fix__same(&e[i], &e[k]);
			e[i].accepted = !dup;
			out += !dup;
		}
	}
	/* accepted edits first, in file order */
	qsort(e, n, sizeof(*e), fix__cmp);
	for (size_t i = 0, k = 0; i < n; i++) {
		if (e[i].accepted) {
			struct fix_edit t = e[k];

			e[k++] = e[i];
			e[i] = t;
		}
	}
	qsort(e, out, sizeof(*e), fix__cmp);
	return out;
}

void fix_apply(const char *src, size_t len, const struct fix_edit *e,
	       size_t n, struct buf *out)
{
	size_t at = 0;

	for (size_t i = 0; i < n; i++) {
		if (e[i].start < at || e[i].end < e[i].start || e[i].end > len)
			LH_BUG("fix_apply: edits overlap or pass the end");
		buf_add(out, src + at, e[i].start - at);
		buf_adds(out, e[i].text ? e[i].text : "");
		at = e[i].end;
	}
	buf_add(out, src + at, len - at);
}

/* ---------------------------------------------------------------- diff */

/* Old lines: starts[i] is the offset of line i (0-based); starts[n] = len. */
struct fix_lines {
	VEC(size_t) starts;
	size_t n;
};

static void fix__lines(struct fix_lines *l, const char *s, size_t len)
{
	VEC_PUSH(&l->starts, (size_t)0);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n' && i + 1 < len)
			VEC_PUSH(&l->starts, i + 1);
	}
	l->n = len ? l->starts.len : 0;
	VEC_PUSH(&l->starts, len);
}

/* 0-based line holding offset off (n when off is len past a final \n). */
static size_t fix__line_of(const struct fix_lines *l, const char *s,
			   size_t len, size_t off)
{
	size_t lo = 0, hi = l->n;

	if (off >= len)
		return len && s[len - 1] != '\n' ? l->n - 1 : l->n;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (l->starts.items[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* One changed region: old lines [a, b) and the new text replacing them. */
struct fix_region {
	size_t a, b;
	struct buf text;
};

/* Drops the old lines a region's new text starts or ends with: they are
 * context, not change (an insertion then shows as '+' lines only). */
static void fix__trim(struct fix_region *r, const struct fix_lines *l,
		      const char *src)
{
	size_t head = 0;

	while (r->a < r->b) {
		size_t s = l->starts.items[r->a], e = l->starts.items[r->a + 1];

		if (r->text.len - head < e - s ||
		    memcmp(r->text.data + head, src + s, e - s) != 0)
			break;
		/* "b" without newline is not the line "b\n" */
		if (src[e - 1] != '\n' && r->text.len - head != e - s)
			break;
		head += e - s;
		r->a++;
	}
	while (r->a < r->b) {
		size_t s = l->starts.items[r->b - 1], e = l->starts.items[r->b];

		size_t at;

		if (r->text.len - head < e - s)
			break;
		at = r->text.len - (e - s);
		if (memcmp(r->text.data + at, src + s, e - s) != 0 ||
		    (at > head && r->text.data[at - 1] != '\n'))
			break;
		r->text.len -= e - s;
		r->b--;
	}
	if (head) {
		memmove(r->text.data, r->text.data + head, r->text.len - head);
		r->text.len -= head;
	}
	if (r->text.data)
		r->text.data[r->text.len] = '\0';
}

static void fix__emit_lines(struct buf *out, char mark, const char *s,
			    size_t len)
{
	size_t i = 0;

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) + 1 : len;

		buf_addc(out, mark);
		buf_add(out, s + i, end - i);
		if (!nl)
			buf_adds(out, "\n\\ No newline at end of file\n");
		i = end;
	}
}

static size_t fix__count_lines(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n + (len && s[len - 1] != '\n');
}

static void fix__range(struct buf *out, char sign, size_t first,
		       size_t count)
{
	/* diff -u: an empty range names the line before it */
	buf_printf(out, "%c%zu", sign, count ? first + 1 : first);
	if (count != 1)
		buf_printf(out, ",%zu", count);
}

void fix_diff(struct buf *out, const char *path, const char *src, size_t len,
	      const struct fix_edit *e, size_t n)
{
	struct fix_lines l = { VEC_INIT, 0 };
	VEC(struct fix_region) regs = VEC_INIT;
	const char *shown = path;
	bool rel;
	long delta = 0;

	if (n == 0)
		return;
	fix__lines(&l, src, len);
	for (size_t ei = 0; ei < n;) {
		struct fix_region *r;
		size_t at, to;

		VEC_GROW(&regs, 1);
		r = &regs.items[regs.len++];
		r->a = fix__line_of(&l, src, len, e[ei].start);
		r->b = LH_MIN(r->a + 1, l.n);
		buf_init(&r->text, 0);
		at = l.starts.items[r->a];
		to = l.starts.items[r->b];
		for (;;) {
			/* take every edit that starts inside the region (or
			 * right at its end), growing it over the lines the
			 * edit reaches */
			while (ei < n && e[ei].start <= to) {
				size_t last = e[ei].end > e[ei].start
						      ? e[ei].end - 1
						      : e[ei].start;
				size_t b = fix__line_of(&l, src, len, last) + 1;

				if (b > r->b)
					r->b = LH_MIN(b, l.n);
				to = l.starts.items[r->b];
				buf_add(&r->text, src + at, e[ei].start - at);
				buf_adds(&r->text, e[ei].text ? e[ei].text : "");
				at = e[ei].end;
				ei++;
			}
			/* new text ending inside a line joins the next old
			 * line: the region must hold that line too */
			if (at < to || to >= len || r->text.len == 0 ||
			    r->text.data[r->text.len - 1] == '\n')
				break;
			r->b++;
			to = l.starts.items[r->b];
		}
		if (to > at)
			buf_add(&r->text, src + at, to - at);
		fix__trim(r, &l, src);
	}
	/* edits that changed nothing leave empty regions */
	{
		size_t k = 0;

		for (size_t ri = 0; ri < regs.len; ri++) {
			struct fix_region *r = &regs.items[ri];

			if (r->a == r->b && r->text.len == 0)
				buf_release(&r->text);
			else
				regs.items[k++] = *r;
		}
		regs.len = k;
	}
	if (regs.len == 0)
		goto out;
	while (shown[0] == '.' && shown[1] == '/')
		shown += 2;
	rel = shown[0] != '/';
	buf_printf(out, "--- %s%s\n+++ %s%s\n", rel ? "a/" : "", shown,
		   rel ? "b/" : "", shown);
	for (size_t ri = 0; ri < regs.len;) {
		size_t rj = ri, ha, hb, newcount = 0, oldcount;
		long hdelta = 0;
		struct buf body = BUF_INIT;

		/* a hunk: regions whose context windows touch */
		while (rj + 1 < regs.len &&
		       regs.items[rj + 1].a - regs.items[rj].b <=
			       2 * FIX_CONTEXT)
			rj++;
		ha = regs.items[ri].a > FIX_CONTEXT
			     ? regs.items[ri].a - FIX_CONTEXT
			     : 0;
		hb = LH_MIN(regs.items[rj].b + FIX_CONTEXT, l.n);
		for (size_t k = ri, at = ha; k <= rj; k++) {
			struct fix_region *r = &regs.items[k];
			size_t os = l.starts.items[r->a],
			       oe = l.starts.items[r->b];

			fix__emit_lines(&body, ' ', src + l.starts.items[at],
					os - l.starts.items[at]);
			fix__emit_lines(&body, '-', src + os, oe - os);
			fix__emit_lines(&body, '+', r->text.data ? r->text.data
								 : "",
					r->text.len);
			newcount += (r->a - at) +
				    fix__count_lines(r->text.data, r->text.len);
			hdelta += (long)fix__count_lines(r->text.data,
							 r->text.len) -
				  (long)(r->b - r->a);
			at = r->b;
			if (k == rj) {
				fix__emit_lines(&body, ' ', src + oe,
						l.starts.items[hb] - oe);
				newcount += hb - r->b;
			}
		}
		oldcount = hb - ha;
		buf_adds(out, "@@ ");
		fix__range(out, '-', ha, oldcount);
		buf_addc(out, ' ');
		fix__range(out, '+', (size_t)((long)ha + delta), newcount);
		buf_adds(out, " @@\n");
		buf_add(out, body.data, body.len);
		buf_release(&body);
		delta += hdelta;
		ri = rj + 1;
	}
out:
	for (size_t i = 0; i < regs.len; i++)
		buf_release(&regs.items[i].text);
	VEC_FREE(&regs);
	VEC_FREE(&l.starts);
}

/* ---------------------------------------------------------------- driver */

/* The file's entry, found by its real path: "p/a.go" and "./p/a.go" are
 * one file, whose edits must be chosen together (two rewrites of one file
 * would apply the second set to the already fixed text). */
static struct fix_file *fix__file(fix_file_vec *files, const char *path)
{
	char *real = realpath(path, NULL);
	const char *key = real ? real : path;

	for (size_t i = 0; i < files->len; i++) {
		if (strcmp(files->items[i].key, key) == 0) {
			free(real);
			return &files->items[i];
		}
	}
	VEC_GROW(files, 1);
	files->items[files->len] =
		(struct fix_file){ path, xstrdup(key), VEC_INIT };
	free(real);
	return &files->items[files->len++];
}

static void fix__diag(const struct lh_fix_options *o, struct lh_fix_stats *st,
		      const struct lh_error *err)
{
	st->errors++;
	if (o->diag)
		o->diag(o->diag_ctx, err);
}

enum lh_status lh_fix(lh_findings *f, const struct lh_fix_options *o,
		      struct lh_fix_stats *stats)
{
	fix_file_vec files = VEC_INIT;
	size_t n = lh_findings_count(f);
	bool *fixed = xcalloc(n + 1, sizeof(*fixed));
	bool *failed = xcalloc(n + 1, sizeof(*failed));
	struct lh_fix_stats st = { 0 };
	enum lh_status status = LH_OK;

	for (size_t i = 0; i < n; i++) {
		const struct lh_finding *x = lh_findings_at(f, i);

		for (size_t k = 0; k < x->nedits; k++) {
			const struct lh_edit *ed = &x->edits[k];
			struct fix_file *ff;

			if (!ed->path)
				continue;
			ff = fix__file(&files, ed->path);
			VEC_PUSH(&ff->edits, ((struct fix_edit){
				ed->start, ed->end, ed->text, i, false }));
		}
	}
	for (size_t fi = 0; fi < files.len; fi++) {
		struct fix_file *ff = &files.items[fi];
		struct buf src, dst = BUF_INIT;
		struct lh_error err;
		bool *rej = xcalloc(n + 1, sizeof(*rej));
		size_t k;

		buf_init(&src, FIX_MAX_FILE);
		if (buf_read_file(&src, ff->path, &err) != LH_OK) {
			fix__diag(o, &st, &err);
			for (size_t i = 0; i < ff->edits.len; i++)
				failed[ff->edits.items[i].group] = true;
			goto next;
		}
		k = fix_select(ff->edits.items, ff->edits.len, src.len, n, rej);
		for (size_t i = 0; i < ff->edits.len; i++) {
			size_t g = ff->edits.items[i].group;

			if (rej[g] && !failed[g]) {
				lh_fail(&err, ff->path, "fix of %s at line %u "
					"skipped: it overlaps another fix or "
					"the file changed since the scan",
					lh_findings_at(f, g)->rule->id,
					lh_findings_at(f, g)->loc.line);
				st.conflicts++;
				if (o->diag)
					o->diag(o->diag_ctx, &err);
			}
			if (rej[g])
				failed[g] = true;
			else
				fixed[g] = true;
		}
		if (k == 0)
			goto next;
		if (o->diff) {
			fix_diff(&dst, ff->path, src.data ? src.data : "",
				 src.len, ff->edits.items, k);
			if (fwrite(dst.data, 1, dst.len, o->diff) != dst.len)
				status = LH_ERR;
		} else {
			fix_apply(src.data ? src.data : "", src.len,
				  ff->edits.items, k, &dst);
			if (report_write_atomic(ff->path, dst.data ? dst.data
								   : "",
						dst.len, &err) != LH_OK) {
				fix__diag(o, &st, &err);
				for (size_t i = 0; i < ff->edits.len; i++)
					failed[ff->edits.items[i].group] = true;
				goto next;
			}
		}
		st.files++;
		st.edits += k;
next:
		free(rej);
		buf_release(&src);
		buf_release(&dst);
		VEC_FREE(&ff->edits);
		free(ff->key);
	}
	/* a finding is fixed when all of its files took all of its edits */
	for (size_t i = n; i-- > 0;) {
		if (!fixed[i] || failed[i])
			continue;
		st.fixed++;
		if (!o->diff)
			lh_findings_remove(f, i);
	}
	VEC_FREE(&files);
	free(fixed);
	free(failed);
	if (o->diff && fflush(o->diff) != 0)
		status = LH_ERR;
	if (stats)
		*stats = st;
	return status;
}
