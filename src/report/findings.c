/*
 * findings.c - the finding model: a set of findings owning their strings
 * (in one arena), sorting, merging and fingerprints.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/core.h"

struct lh_findings {
	VEC(struct lh_finding) v;
	struct arena arena;
	/* arenas taken over from merged sets */
	VEC(struct arena) old;
};

lh_findings *lh_findings_new(void)
{
	lh_findings *f = xcalloc(1, sizeof(*f));

	arena_init(&f->arena);
	return f;
}

void lh_findings_free(lh_findings *f)
{
	if (!f)
		return;
	VEC_FREE(&f->v);
	arena_release(&f->arena);
	for (size_t i = 0; i < f->old.len; i++)
		arena_release(&f->old.items[i]);
	VEC_FREE(&f->old);
	free(f);
}

size_t lh_findings_count(const lh_findings *f)
{
	return f->v.len;
}

const struct lh_finding *lh_findings_at(const lh_findings *f, size_t i)
{
	return i < f->v.len ? &f->v.items[i] : NULL;
}

struct lh_finding *lh_findings_at_mut(lh_findings *f, size_t i)
{
	return i < f->v.len ? &f->v.items[i] : NULL;
}

const char *lh_findings_strdup(lh_findings *f, const char *s)
{
	return s ? arena_strdup(&f->arena, s) : NULL;
}

static void findings__copy_loc(lh_findings *f, struct lh_loc *dst,
			       const struct lh_loc *src)
{
	*dst = *src;
	dst->path = lh_findings_strdup(f, src->path);
}

struct lh_finding *lh_findings_add(lh_findings *f,
				   const struct lh_finding *t)
{
	struct lh_finding *n;

	VEC_GROW(&f->v, 1);
	n = &f->v.items[f->v.len++];
	*n = *t;
	findings__copy_loc(f, &n->loc, &t->loc);
	n->message = lh_findings_strdup(f, t->message);
	n->function = lh_findings_strdup(f, t->function);
	n->snippet = lh_findings_strdup(f, t->snippet);
	n->fix = lh_findings_strdup(f, t->fix);
	if (t->nsteps) {
		n->steps = arena_alloc(&f->arena, t->nsteps * sizeof(*n->steps));
		for (size_t i = 0; i < t->nsteps; i++) {
			findings__copy_loc(f, &n->steps[i].loc, &t->steps[i].loc);
			n->steps[i].note =
				lh_findings_strdup(f, t->steps[i].note);
		}
	}
	if (t->nedits) {
		n->edits = arena_alloc(&f->arena, t->nedits * sizeof(*n->edits));
		for (size_t i = 0; i < t->nedits; i++) {
			n->edits[i] = t->edits[i];
			n->edits[i].path = lh_findings_strdup(f, t->edits[i].path);
			n->edits[i].text = lh_findings_strdup(f, t->edits[i].text);
		}
	}
	return n;
}

void lh_findings_merge(lh_findings *dst, lh_findings *src)
{
	VEC_GROW(&dst->v, src->v.len);
	if (src->v.len)
		memcpy(dst->v.items + dst->v.len, src->v.items,
		       src->v.len * sizeof(*src->v.items));
	dst->v.len += src->v.len;
	src->v.len = 0;
	/* the strings stay where they are: take over src's arenas */
	VEC_PUSH(&dst->old, src->arena);
	arena_init(&src->arena);
	for (size_t i = 0; i < src->old.len; i++)
		VEC_PUSH(&dst->old, src->old.items[i]);
	src->old.len = 0;
}

static int findings__strcmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int findings__cmp(const void *pa, const void *pb)
{
	const struct lh_finding *a = pa, *b = pb;
	int c = findings__strcmp(a->loc.path, b->loc.path);

	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	c = strcmp(a->rule->id, b->rule->id);
	if (c)
		return c;
	return findings__strcmp(a->message, b->message);
}

void lh_findings_sort(lh_findings *f)
{
	size_t out = 0;

	if (f->v.len > 1)
		qsort(f->v.items, f->v.len, sizeof(*f->v.items),
		      findings__cmp);
	for (size_t i = 0; i < f->v.len; i++) {
		if (out && findings__cmp(&f->v.items[out - 1],
					 &f->v.items[i]) == 0)
			continue;
		f->v.items[out++] = f->v.items[i];
	}
	f->v.len = out;
}

void lh_findings_remove(lh_findings *f, size_t i)
{
	if (i >= f->v.len)
		return;
	memmove(&f->v.items[i], &f->v.items[i + 1],
		(f->v.len - i - 1) * sizeof(*f->v.items));
	f->v.len--;
}

/* Hash of s with runs of white space dropped. */
static uint64_t findings__hash_trimmed(uint64_t h, const char *s)
{
	struct buf b = BUF_INIT;

	for (; s && *s; s++) {
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			buf_addc(&b, *s);
	}
	h ^= lh_hash(b.data ? b.data : "", b.len) + 0x9e3779b97f4a7c15ull +
	     (h << 6) + (h >> 2);
	buf_release(&b);
	return h;
}

/* "./a/b.go" and "a/b.go" name the same file. */
static const char *findings__path(const char *p)
{
	while (p && p[0] == '.' && p[1] == '/')
		p += 2;
	return p;
}

size_t lh_findings_drop_below(lh_findings *f, enum lh_confidence min)
{
	size_t out = 0, n = f->v.len;

	for (size_t i = 0; i < n; i++) {
		if (f->v.items[i].confidence >= min)
			f->v.items[out++] = f->v.items[i];
	}
	f->v.len = out;
	return n - out;
}

void lh_findings_fingerprint(lh_findings *f)
{
	for (size_t i = 0; i < f->v.len; i++) {
		struct lh_finding *x = &f->v.items[i];
		uint64_t h = 0;

		if (x->fingerprint)
			continue;
		h = findings__hash_trimmed(h, x->rule->id);
		h = findings__hash_trimmed(h, findings__path(x->loc.path));
		h = findings__hash_trimmed(h, x->function);
		if (x->snippet) {
			h = findings__hash_trimmed(h, x->snippet);
		} else if (x->function) {
			/* a runtime finding: its message holds counts that
			 * change from run to run; the frame does not */
			char line[16];

			snprintf(line, sizeof(line), "%u", x->loc.line);
			h = findings__hash_trimmed(h, line);
		} else {
			h = findings__hash_trimmed(h, x->message);
		}
		x->fingerprint = h ? h : 1;
	}
}

void lh_findings_add_step(lh_findings *f, struct lh_finding *x,
			  const struct lh_step *step)
{
	struct lh_step *steps = arena_alloc(&f->arena,
					    (x->nsteps + 1) * sizeof(*steps));

	if (x->nsteps)
		memcpy(steps, x->steps, x->nsteps * sizeof(*steps));
	findings__copy_loc(f, &steps[x->nsteps].loc, &step->loc);
	steps[x->nsteps].note = lh_findings_strdup(f, step->note);
	x->steps = steps;
	x->nsteps++;
}

void lh_findings_add_edit(lh_findings *f, struct lh_finding *x,
			  const struct lh_edit *edit)
{
	struct lh_edit *edits = arena_alloc(&f->arena,
					    (x->nedits + 1) * sizeof(*edits));

	if (x->nedits)
		memcpy(edits, x->edits, x->nedits * sizeof(*edits));
	edits[x->nedits] = *edit;
	edits[x->nedits].path = lh_findings_strdup(f, edit->path);
	edits[x->nedits].text = lh_findings_strdup(f, edit->text);
	x->edits = edits;
	x->nedits++;
}
