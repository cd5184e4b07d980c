/*
 * buf.c - growable, optionally bounded, NUL-terminated byte buffer.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "core.h"

void buf_init(struct buf *b, size_t max)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->max = max;
}

void buf_release(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static bool buf__room(struct buf *b, size_t n)
{
	size_t need;

	if (b->max && (n > b->max || b->len > b->max - n))
		return false;
	need = b->len + n + 1;
	if (need > b->cap) {
		size_t c = b->cap ? b->cap : 64;

		while (c < need)
			c *= 2;
		b->data = xrealloc(b->data, c);
		b->cap = c;
	}
	return true;
}

bool buf_reserve(struct buf *b, size_t n)
{
	size_t need;

	if (b->max && (n > b->max || b->len > b->max - n))
		return false;
	need = b->len + n + 1;
	if (need > b->cap) { /* exactly: the caller knows what comes */
		b->data = xrealloc(b->data, need);
		b->cap = need;
	}
	return true;
}

bool buf_add(struct buf *b, const void *data, size_t n)
{
	if (!buf__room(b, n))
		return false;
	if (n)
		memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

bool buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

bool buf_addc(struct buf *b, char c)
{
	return buf_add(b, &c, 1);
}

bool buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0 || !buf__room(b, (size_t)n))
		return false;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return true;
}

bool buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return ok;
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *p = b->data;

	if (!p)
		p = xcalloc(1, 1);
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

enum lh_status buf_read_file(struct buf *b, const char *path,
			     struct lh_error *err)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (!fp)
		return lh_fail(err, path, "cannot open: %s", strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (!buf_add(b, chunk, n)) {
			fclose(fp);
			return lh_fail(err, path,
				       "file is larger than the limit of %zu bytes",
				       b->max);
		}
	}
	if (ferror(fp)) {
		int e = errno;
		fclose(fp);
		return lh_fail(err, path, "cannot read: %s", strerror(e));
	}
	fclose(fp);
	if (!b->data)
		buf_add(b, "", 0);
	return LH_OK;
}
