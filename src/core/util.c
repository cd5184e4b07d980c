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

void lh_error_print(FILE *out, const struct lh_error *err)
{
	if (err->input[0])
		fprintf(out, "leakhound: '%s': %s\n", err->input, err->msg);
	else
		fprintf(out, "leakhound: %s\n", err->msg);
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
