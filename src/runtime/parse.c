/*
 * parse.c - format sniffing: picks the parser for an input from its first
 * bytes (after gunzip).
 */
#include "runtime/rtinternal.h"

/* Execution traces: "go 1.19 trace\x00\x00\x00" (16-byte header). */
static bool sniff_trace(const char *p, size_t n)
{
	return n >= 16 && memcmp(p, "go 1.", 5) == 0 &&
	       memmem(p, 16, " trace", 6) != NULL;
}

static bool binary(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] < 0x09 || (p[i] > 0x0d && p[i] < 0x20) || p[i] == 0x7f)
			return true;
	}
	return false;
}

static enum snap_format sniff(const char *p, size_t n)
{
	size_t i = 0;
	const char *nl;

	if (sniff_trace(p, n))
		return SNAP_FMT_TRACE;
	if (binary((const unsigned char *)p, LH_MIN(n, (size_t)128)))
		return SNAP_FMT_PPROF;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
			 p[i] == '\n'))
		i++;
	p += i;
	n -= i;
	if (n && p[0] == '{')
		return SNAP_FMT_EXPVAR;
	if (n >= 14 && memcmp(p, "heap profile: ", 14) == 0)
		return SNAP_FMT_HEAPTEXT;
	nl = memchr(p, '\n', n);
	if (memmem(p, nl ? (size_t)(nl - p) : n, " profile: total ", 16))
		return SNAP_FMT_GCOUNT;
	/* goroutine dumps and tracebacks: a header somewhere in the start */
	if ((n >= 10 && memcmp(p, "goroutine ", 10) == 0) ||
	    memmem(p, n, "\ngoroutine ", 11) || str_has_prefix(p, "panic: ") ||
	    str_has_prefix(p, "fatal error: ") || str_has_prefix(p, "SIG"))
		return SNAP_FMT_GDUMP;
	return SNAP_FMT_UNKNOWN;
}

enum lh_status snap_parse(struct snapshot *s, struct snap_stream *in,
			  const struct snap_limits *lim_in,
			  enum snap_format *fmt, struct lh_error *err)
{
	struct snap_limits lim;
	char head[512];
	ptrdiff_t n;
	enum snap_format f;

	snap_limits_resolve(&lim, lim_in);
	n = snap_stream_peek(in, head, sizeof(head) - 1, &lim, err);
	if (n < 0)
		return LH_ERR;
	head[n] = '\0';
	if (n == 0)
		return lh_fail(err, snap_stream_name(in), "empty input");
	f = sniff(head, (size_t)n);
	if (fmt)
		*fmt = f;
	switch (f) {
	case SNAP_FMT_GDUMP:
		return gdump_parse_text(s, in, &lim, err);
	case SNAP_FMT_GCOUNT:
		return gdump_parse_count(s, in, &lim, err);
	case SNAP_FMT_PPROF:
		return pprof_parse(s, in, &lim, err);
	case SNAP_FMT_HEAPTEXT:
		return heaptext_parse(s, in, &lim, err);
	case SNAP_FMT_EXPVAR:
		return expvar_parse(s, in, &lim, err);
	case SNAP_FMT_TRACE:
		return trace_parse(s, in, &lim, err);
	default:
		return lh_fail(err, snap_stream_name(in),
			       "not a goroutine dump, profile, expvar JSON "
			       "or trace (unrecognised start at byte 0)");
	}
}

enum lh_status snap_parse_mem(struct snapshot *s, const void *data,
			      size_t len, const char *name,
			      const struct snap_limits *lim,
			      enum snap_format *fmt, struct lh_error *err)
{
	struct snap_stream *in = snap_stream_mem(data, len, name);
	enum lh_status st = snap_parse(s, in, lim, fmt, err);

	snap_stream_free(in);
	return st;
}
