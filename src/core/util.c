/*
 * util.c - error reporting and small string helpers.
 */
#include <stdio.h>

#include "core.h"

enum lh_status lh_fail(struct lh_error *err, const char *input,
		       const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return LH_ERR;
	snprintf(err->input, sizeof(err->input), "%s", input ? input : "");
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return LH_ERR;
}

/* Writes s with control characters escaped (\n, \x1b...): a file named
 * "a\nb.go" or bytes quoted from a hostile input must neither break the
 * one-line-per-error promise nor drive the terminal. */
static void lh__put_escaped(FILE *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
}

void lh_error_print(FILE *out, const struct lh_error *err)
{
	fputs("leakhound: ", out);
	if (err->input[0]) {
		fputc('\'', out);
		lh__put_escaped(out, err->input);
		fputs("': ", out);
	}
	lh__put_escaped(out, err->msg);
	fputc('\n', out);
}

bool str_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

bool str_eqn(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

size_t str_utf8_invalid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i], need, min, cp;

		if (c < 0x80) {
			uint64_t w;

			i++;
			/* ASCII runs (most of any source file) a word at a
			 * time */
			while (n - i >= sizeof(w)) {
				memcpy(&w, p + i, sizeof(w));
				if (w & UINT64_C(0x8080808080808080))
					break;
				i += sizeof(w);
			}
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1, min = 0x80, cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2, min = 0x800, cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3, min = 0x10000, cp = c & 0x07;
		} else {
			return i;
		}
		if (n - i <= need)
			return i;
		for (unsigned k = 1; k <= need; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += need + 1;
	}
	return n;
}
