/*
 * stream.c - byte sources for the runtime parsers: a file descriptor or a
 * memory buffer, inflated on the fly when it is gzip (RFC 1952, as served by
 * /debug/pprof and written by `go tool pprof`), with a decompressed-size cap
 * against gzip bombs; and a bounded line reader over it.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "runtime/rtinternal.h"

#define STREAM_CHUNK (64 * 1024)

enum { GZ_UNKNOWN, GZ_PLAIN, GZ_ON, GZ_DONE };

struct snap_stream {
	const char *name;
	int fd;
	off_t fd_base; /* file offset of the stream's byte 0, -1 = not
			* seekable (pipe, socket, terminal) */
	/* a part of a regular file read with pread (snap_stream_part) */
	bool part;
	off_t part_pos, part_end;
	const unsigned char *mem;
	size_t memlen, mempos;
	uint64_t raw_off; /* source bytes read */
	bool raw_eof;

	/* raw bytes read but not yet consumed (sniffing, zlib input) */
	unsigned char *raw;
	size_t raw_start, raw_end;

	int gz;
	z_stream z;
	uint64_t out_total;

	/* peeked decompressed bytes */
	unsigned char peek[512];
	size_t peek_start, peek_end;
	uint64_t consumed; /* bytes handed to the reader */
};

struct snap_stream *snap_stream_fd(int fd, const char *name)
{
	struct snap_stream *s = xcalloc(1, sizeof(*s));

	s->fd = fd;
	s->fd_base = lseek(fd, 0, SEEK_CUR);
	s->name = name ? name : "";
	s->raw = xmalloc(STREAM_CHUNK);
	return s;
}

bool snap_stream_file_rest(struct snap_stream *s, uint64_t *start,
			   uint64_t *end)
{
	struct stat st;
	uint64_t at;

	if (s->fd < 0 || s->fd_base < 0 || s->part || s->gz != GZ_PLAIN ||
	    fstat(s->fd, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	at = (uint64_t)s->fd_base + s->consumed;
	if ((uint64_t)st.st_size < at)
		return false;
	*start = s->consumed;
	*end = (uint64_t)st.st_size - (uint64_t)s->fd_base;
	return true;
}

struct snap_stream *snap_stream_part(const struct snap_stream *whole,
				     uint64_t start, uint64_t end)
{
	struct snap_stream *s = xcalloc(1, sizeof(*s));

	s->fd = whole->fd;
	s->fd_base = whole->fd_base;
	s->name = whole->name;
	s->raw = xmalloc(STREAM_CHUNK);
	s->part = true;
	s->part_pos = whole->fd_base + (off_t)start;
	s->part_end = whole->fd_base + (off_t)end;
	s->gz = GZ_PLAIN;
	s->raw_off = s->consumed = start;
	return s;
}

ptrdiff_t snap_stream_pread(const struct snap_stream *s, void *dst, size_t n,
			    uint64_t at)
{
	ssize_t k;

	do
		k = pread(s->fd, dst, n, s->fd_base + (off_t)at);
	while (k < 0 && errno == EINTR);
	return k;
}

void snap_stream_skip_to(struct snap_stream *s, uint64_t end)
{
	s->consumed = end;
	s->raw_off = end;
	s->raw_start = s->raw_end = 0;
	s->peek_start = s->peek_end = 0;
	s->raw_eof = true;
}

struct snap_stream *snap_stream_mem(const void *data, size_t len,
				    const char *name)
{
	struct snap_stream *s = xcalloc(1, sizeof(*s));

	s->fd = -1;
	s->mem = data;
	s->memlen = len;
	s->name = name ? name : "";
	s->raw = xmalloc(STREAM_CHUNK);
	return s;
}

void snap_stream_free(struct snap_stream *s)
{
	if (!s)
		return;
	if (s->gz == GZ_ON || s->gz == GZ_DONE)
		inflateEnd(&s->z);
	free(s->raw);
	free(s);
}

const char *snap_stream_name(const struct snap_stream *s)
{
	return s->name;
}

uint64_t snap_stream_offset(const struct snap_stream *s)
{
	return s->consumed;
}

bool snap_stream_gzipped(const struct snap_stream *s)
{
	return s->gz == GZ_ON || s->gz == GZ_DONE;
}

enum lh_status snap_fail_at(struct lh_error *err, struct snap_stream *in,
			    uint64_t off, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return lh_fail(err, in->name, "%s at byte %llu%s", msg,
		       (unsigned long long)off,
		       snap_stream_gzipped(in) ? " (decompressed)" : "");
}

/* read(2) or, for a part, pread(2) within its range; retries EINTR. */
static ssize_t stream__sysread(struct snap_stream *s, void *dst, size_t n)
{
	ssize_t k;

	if (s->part) {
		n = (size_t)LH_MIN((off_t)n, s->part_end - s->part_pos);
		if (n == 0)
			return 0;
	}
	do
		k = s->part ? pread(s->fd, dst, n, s->part_pos)
			    : read(s->fd, dst, n);
	while (k < 0 && errno == EINTR);
	if (k > 0 && s->part)
		s->part_pos += k;
	return k;
}

/* Refills s->raw when empty. Returns false on a read error. */
static bool stream__fill_raw(struct snap_stream *s, struct lh_error *err)
{
	if (s->raw_start < s->raw_end || s->raw_eof)
		return true;
	s->raw_start = s->raw_end = 0;
	if (s->fd < 0) {
		size_t n = LH_MIN((size_t)STREAM_CHUNK, s->memlen - s->mempos);

		memcpy(s->raw, s->mem + s->mempos, n);
		s->mempos += n;
		s->raw_end = n;
	} else {
		ssize_t n = stream__sysread(s, s->raw, STREAM_CHUNK);

		if (n < 0) {
			lh_fail(err, s->name, "cannot read: %s at byte %llu",
				strerror(errno),
				(unsigned long long)s->raw_off);
			return false;
		}
		s->raw_end = (size_t)n;
	}
	if (s->raw_end == 0)
		s->raw_eof = true;
	s->raw_off += s->raw_end;
	return true;
}

/* Decides plain or gzip from the first two raw bytes. */
static bool stream__sniff(struct snap_stream *s, struct lh_error *err)
{
	if (s->gz != GZ_UNKNOWN)
		return true;
	if (!stream__fill_raw(s, err))
		return false;
	/* a one-byte first read could split the magic: top up once */
	if (s->raw_end - s->raw_start == 1 && !s->raw_eof && s->fd >= 0) {
		ssize_t n = stream__sysread(s, s->raw + s->raw_end,
					    STREAM_CHUNK - 1);

		if (n > 0) {
			s->raw_end += (size_t)n;
			s->raw_off += (uint64_t)n;
		}
	}
	if (s->raw_end - s->raw_start >= 2 && s->raw[s->raw_start] == 0x1f &&
	    s->raw[s->raw_start + 1] == 0x8b) {
		memset(&s->z, 0, sizeof(s->z));
		if (inflateInit2(&s->z, 15 + 16) != Z_OK)
			return lh_fail(err, s->name, "cannot start zlib"), false;
		s->gz = GZ_ON;
	} else {
		s->gz = GZ_PLAIN;
	}
	return true;
}

/* Raw (undecompressed view) read for plain or gzip input. */
static ptrdiff_t stream__read(struct snap_stream *s, unsigned char *dst,
			      size_t n, const struct snap_limits *lim,
			      struct lh_error *err)
{
	if (!stream__sniff(s, err))
		return -1;
	if (s->gz == GZ_PLAIN) {
		size_t k;

		/* big reads from a file skip the staging buffer */
		if (s->raw_start == s->raw_end && s->fd >= 0 && !s->raw_eof &&
		    n >= STREAM_CHUNK) {
			ssize_t r = stream__sysread(s, dst, n);

			if (r < 0)
				return lh_fail(err, s->name,
					       "cannot read: %s at byte %llu",
					       strerror(errno),
					       (unsigned long long)s->raw_off),
				       -1;
			if (r == 0)
				s->raw_eof = true;
			s->raw_off += (uint64_t)r;
			return r;
		}
		if (!stream__fill_raw(s, err))
			return -1;
		k = LH_MIN(n, s->raw_end - s->raw_start);
		memcpy(dst, s->raw + s->raw_start, k);
		s->raw_start += k;
		return (ptrdiff_t)k;
	}
	for (;;) {
		int rc;
		size_t got;

		if (s->gz == GZ_DONE) {
			/* concatenated gzip members are legal; trailing
			 * garbage is not */
			if (!stream__fill_raw(s, err))
				return -1;
			if (s->raw_start == s->raw_end)
				return 0;
			if (inflateReset(&s->z) != Z_OK)
				return lh_fail(err, s->name, "cannot reset zlib"),
				       -1;
			s->gz = GZ_ON;
		}
		if (!stream__fill_raw(s, err))
			return -1;
		if (s->raw_start == s->raw_end)
			return lh_fail(err, s->name,
				       "truncated gzip data at byte %llu",
				       (unsigned long long)s->raw_off),
			       -1;
		s->z.next_in = s->raw + s->raw_start;
		s->z.avail_in = (uInt)(s->raw_end - s->raw_start);
		s->z.next_out = dst;
		s->z.avail_out = (uInt)LH_MIN(n, (size_t)1 << 30);
		rc = inflate(&s->z, Z_NO_FLUSH);
		s->raw_start = s->raw_end - s->z.avail_in;
		got = (size_t)(s->z.next_out - dst);
		if (rc == Z_STREAM_END) {
			s->gz = GZ_DONE;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			return lh_fail(err, s->name,
				       "corrupt gzip data (%s) at byte %llu",
				       s->z.msg ? s->z.msg : "inflate failed",
				       (unsigned long long)(s->raw_off -
							    (s->raw_end -
							     s->raw_start))),
			       -1;
		}
		s->out_total += got;
		if (s->out_total > lim->max_decompressed)
			return lh_fail(err, s->name,
				       "decompressed data passes the limit of "
				       "%llu bytes (gzip bomb?) at byte %llu",
				       (unsigned long long)lim->max_decompressed,
				       (unsigned long long)s->out_total),
			       -1;
		if (got)
			return (ptrdiff_t)got;
	}
}

ptrdiff_t snap_stream_peek(struct snap_stream *s, void *dst, size_t n,
			   const struct snap_limits *lim, struct lh_error *err)
{
	if (n > sizeof(s->peek))
		n = sizeof(s->peek);
	if (s->peek_start > 0) {
		memmove(s->peek, s->peek + s->peek_start,
			s->peek_end - s->peek_start);
		s->peek_end -= s->peek_start;
		s->peek_start = 0;
	}
	while (s->peek_end < n) {
		ptrdiff_t k = stream__read(s, s->peek + s->peek_end,
					   n - s->peek_end, lim, err);
		if (k < 0)
			return -1;
		if (k == 0)
			break;
		s->peek_end += (size_t)k;
	}
	n = LH_MIN(n, s->peek_end);
	memcpy(dst, s->peek, n);
	return (ptrdiff_t)n;
}

ptrdiff_t snap_stream_read(struct snap_stream *s, void *dst, size_t n,
			   const struct snap_limits *lim, struct lh_error *err)
{
	ptrdiff_t k;

	if (n == 0)
		return 0;
	if (lim->cancel && atomic_load(lim->cancel)) {
		snap_fail_at(err, s, s->consumed, "parse cancelled");
		return -1;
	}
	if (s->peek_start < s->peek_end) {
		size_t m = LH_MIN(n, s->peek_end - s->peek_start);

		memcpy(dst, s->peek + s->peek_start, m);
		s->peek_start += m;
		s->consumed += m;
		return (ptrdiff_t)m;
	}
	k = stream__read(s, dst, n, lim, err);
	if (k > 0)
		s->consumed += (uint64_t)k;
	return k;
}

/* ---------------------------------------------------------------- lines */

void snap_lines_init(struct snap_lines *l, struct snap_stream *in,
		     const struct snap_limits *lim)
{
	memset(l, 0, sizeof(*l));
	l->in = in;
	l->lim = lim;
	l->cap = LH_MIN((size_t)256 * 1024, lim->max_line + 1);
	if (l->cap < 64)
		l->cap = 64;
	l->buf = xmalloc(l->cap);
	l->base = snap_stream_offset(in);
}

void snap_lines_release(struct snap_lines *l)
{
	free(l->buf);
	l->buf = NULL;
}

int snap_lines_next(struct snap_lines *l, const char **line, size_t *len,
		    struct lh_error *err)
{
	size_t scanned = l->start;

	for (;;) {
		char *nl = memchr(l->buf + scanned, '\n', l->end - scanned);
		size_t n;
		ptrdiff_t k;

		if (nl || (l->eof && l->start < l->end)) {
			char *p = l->buf + l->start;

			n = nl ? (size_t)(nl - p) : l->end - l->start;
			if (n > l->lim->max_line)
				goto toolong;
			l->line_off = l->base + l->start;
			l->partial = !nl;
			l->start += n + (nl ? 1 : 0);
			if (n && p[n - 1] == '\r')
				n--;
			l->lineno++;
			*line = p;
			*len = n;
			return 1;
		}
		if (l->eof)
			return 0;
		if (l->end - l->start > l->lim->max_line)
			goto toolong;
		/* make room: slide the partial line down, then grow */
		if (l->start > 0) {
			memmove(l->buf, l->buf + l->start, l->end - l->start);
			l->base += l->start;
			l->end -= l->start;
			l->start = 0;
		}
		scanned = l->end;
		if (l->end == l->cap) {
			size_t c = LH_MIN(l->cap * 2, l->lim->max_line + 2);

			if (c <= l->cap)
				goto toolong;
			l->buf = xrealloc(l->buf, c);
			l->cap = c;
		}
		k = snap_stream_read(l->in, l->buf + l->end, l->cap - l->end,
				     l->lim, err);
		if (k < 0)
			return -1;
		if (k == 0)
			l->eof = true;
		l->end += (size_t)k;
		scanned = scanned > l->start ? scanned : l->start;
	}
toolong:
	snap_fail_at(err, l->in, l->base + l->start,
		     "line longer than the limit of %zu bytes", l->lim->max_line);
	return -1;
}
