/*
 * jsonutil.c - JSON helpers of the renderers: UTF-8 repair, dumping.
 */
#include <stdio.h>

#include "report/report.h"

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t jsonutil__seq(const unsigned char *s, size_t n)
{
	size_t len;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* overlong, surrogate, or past U+10FFFF */
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

void rj_utf8_repair(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		size_t k = jsonutil__seq(p + i, n - i);

		if (k == 0 || (k == 1 && p[i] == 0)) {
			buf_adds(b, "\xef\xbf\xbd");
			i++;
			continue;
		}
		buf_add(b, p + i, k);
		i += k;
	}
}

json_t *rj_strn(const char *s, size_t n)
{
	json_t *v;
	struct buf b = BUF_INIT;

	if (!s)
		return json_null();
	/* json_stringn checks UTF-8 (and takes NUL as a character) */
	if (!memchr(s, '\0', n)) {
		v = json_stringn(s, n);
		if (v)
			return v;
	}
	rj_utf8_repair(&b, s, n);
	v = json_stringn(b.data ? b.data : "", b.len);
	buf_release(&b);
	return v ? v : json_string("");
}

json_t *rj_str(const char *s)
{
	return s ? rj_strn(s, strlen(s)) : json_null();
}

enum lh_status rj_dump(FILE *out, json_t *v)
{
	int rc = json_dumpf(v, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	json_decref(v);
	if (rc != 0 || fputc('\n', out) == EOF || fflush(out) != 0 ||
	    ferror(out))
		return LH_ERR;
	return LH_OK;
}

void report_fingerprint_hex(uint64_t fp, char out[17])
{
	snprintf(out, 17, "%016llx", (unsigned long long)fp);
}

const char *report_advice(const struct lh_finding *x)
{
	return x->fix ? x->fix : lh_class_advice(x->rule->class);
}
