/*
 * textprof.c - pieces shared by the pprof text formats (debug=1): the
 * symbolised frame lines "#\t0x<pc>\t<func>+0x<off>\t<file>:<line>" written
 * through text/tabwriter (so one or more tabs between fields), and PC lists.
 */
#include "runtime/rtinternal.h"

bool snap_parse_hex(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;

	if (n == 0 || n > 16)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		unsigned d;

		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return false;
		v = v << 4 | d;
	}
	*out = v;
	return true;
}

bool snap_parse_i64(const char *s, size_t n, int64_t *out)
{
	uint64_t v;
	bool neg = n && s[0] == '-';

	if (!snap_parse_u64(s + neg, n - neg, &v) || v > (uint64_t)INT64_MAX)
		return false;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return true;
}

static bool blank(char c)
{
	return c == '\t' || c == ' ';
}

/* next field of p[*i..n) separated by blanks */
static bool field(const char *p, size_t n, size_t *i, const char **f,
		  size_t *flen)
{
	size_t a = *i, b;

	while (a < n && blank(p[a]))
		a++;
	if (a == n)
		return false;
	b = a;
	while (b < n && p[b] != '\t')
		b++;
	/* a field ends at a tab; trailing spaces (tabwriter padding) go */
	*f = p + a;
	*flen = b - a;
	while (*flen && (*f)[*flen - 1] == ' ')
		(*flen)--;
	*i = b;
	return true;
}

bool snap_text_frame(const char *line, size_t len, struct text_frame *f)
{
	const char *fld, *plus, *colon;
	size_t fl, i = 1;
	uint64_t v;

	memset(f, 0, sizeof(*f));
	if (len < 4 || line[0] != '#' || !blank(line[1]))
		return false;
	if (!field(line, len, &i, &fld, &fl) || fl < 3 || fld[0] != '0' ||
	    fld[1] != 'x' || !snap_parse_hex(fld + 2, fl - 2, &f->pc))
		return false;
	if (!field(line, len, &i, &fld, &fl))
		return true; /* "#\t0x<pc>": no symbol */
	plus = NULL;
	for (size_t k = fl; k-- > 0;) {
		if (fld[k] == '+') {
			plus = fld + k;
			break;
		}
	}
	f->func = fld;
	f->func_len = plus ? (size_t)(plus - fld) : fl;
	if (!field(line, len, &i, &fld, &fl))
		return true;
	/* the file may contain spaces, not tabs: take the rest */
	fl = (size_t)(line + len - fld);
	while (fl && blank(fld[fl - 1]))
		fl--;
	colon = memrchr(fld, ':', fl);
	if (!colon || !snap_parse_u64(colon + 1, (size_t)(fld + fl - colon - 1),
				      &v) || v > UINT32_MAX)
		return false;
	f->file = fld;
	f->file_len = (size_t)(colon - fld);
	f->line = (uint32_t)v;
	return true;
}

bool snap_text_pcs(const char *p, size_t n, uint64_t *out, size_t max,
		   size_t *count)
{
	size_t i = 0, k = 0;

	while (i < n) {
		size_t a;
		uint64_t v;

		while (i < n && p[i] == ' ')
			i++;
		if (i == n)
			break;
		a = i;
		while (i < n && p[i] != ' ')
			i++;
		if (i - a < 3 || p[a] != '0' || p[a + 1] != 'x' ||
		    !snap_parse_hex(p + a + 2, i - a - 2, &v))
			return false;
		if (k < max)
			out[k] = v;
		k++;
	}
	*count = k;
	return true;
}

/* ---------------------------------------------------------------- stacks */

void text_stack_reset(struct text_stack *ts)
{
	ts->frames.len = ts->offs.len = 0;
	buf_reset(&ts->text);
	ts->elided = false;
}

void text_stack_release(struct text_stack *ts)
{
	VEC_FREE(&ts->frames);
	VEC_FREE(&ts->offs);
	buf_release(&ts->text);
}

static size_t text_stack__str(struct text_stack *ts, const char *p, size_t n)
{
	size_t off = ts->text.len;

	buf_add(&ts->text, p, n);
	buf_addc(&ts->text, '\0');
	return off;
}

void text_stack_push(struct text_stack *ts, const struct text_frame *tf,
		     size_t max_frames)
{
	struct snap_frame f = { NULL, NULL, tf->line, tf->pc };

	if (!tf->func)
		return; /* "#\t0x0": an unsymbolised PC */
	if (ts->frames.len >= max_frames) {
		ts->elided = true;
		return;
	}
	VEC_PUSH(&ts->offs, text_stack__str(ts, tf->func, tf->func_len));
	VEC_PUSH(&ts->offs, tf->file ? text_stack__str(ts, tf->file,
						       tf->file_len)
				     : SIZE_MAX);
	VEC_PUSH(&ts->frames, f);
}

struct snap_stack text_stack_get(struct text_stack *ts)
{
	const char *t = ts->text.data ? ts->text.data : "";
	struct snap_stack st;

	for (size_t i = 0; i < ts->frames.len; i++) {
		size_t fo = ts->offs.items[2 * i], lo = ts->offs.items[2 * i + 1];

		ts->frames.items[i].func = t + fo;
		ts->frames.items[i].file = lo == SIZE_MAX ? NULL : t + lo;
	}
	st.frames = ts->frames.items;
	st.nframes = (uint32_t)ts->frames.len;
	st.elided = ts->elided;
	return st;
}
