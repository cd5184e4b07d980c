/*
 * rtinternal.h - helpers shared by the runtime parsers (not for other
 * modules): pulling bytes from a snap_stream and splitting them into lines.
 */
#ifndef LH_RUNTIME_RTINTERNAL_H
#define LH_RUNTIME_RTINTERNAL_H

#include "runtime/snapshot.h"

/* Fills lim with the defaults where `in` is NULL, else copies it and puts
 * defaults into its zero fields. */
void snap_limits_resolve(struct snap_limits *out, const struct snap_limits *in);

/* Reads up to n bytes into dst (inflating gzip input). Returns the number
 * read, 0 at the end of the input, -1 on error (err filled). */
ptrdiff_t snap_stream_read(struct snap_stream *s, void *dst, size_t n,
			   const struct snap_limits *lim, struct lh_error *err);
/* Copies up to n of the next bytes into dst without consuming them.
 * Returns how many are available (fewer only at the end), -1 on error. */
ptrdiff_t snap_stream_peek(struct snap_stream *s, void *dst, size_t n,
			   const struct snap_limits *lim, struct lh_error *err);
/* Bytes consumed by the reader so far (decompressed). */
uint64_t snap_stream_offset(const struct snap_stream *s);
/* True when the input is gzip (known after the first read or peek). */
bool snap_stream_gzipped(const struct snap_stream *s);

/* Parallel parsing of large plain files. snap_stream_file_rest: true when
 * `s` reads a regular file, plain (not gzip, known after a peek), and sets
 * [*start, *end) to its unconsumed bytes in stream offsets.
 * snap_stream_part: a stream over [start, end) of that same file, read
 * with pread(2) so parts can be read from several threads at once; its
 * offsets (errors) are those of `whole`. Caller frees with
 * snap_stream_free(); `whole` must outlive it. snap_stream_pread: reads up
 * to n bytes at stream offset `at` (no state changed; -1 on error).
 * snap_stream_skip_to: marks `s` consumed up to `end` (its parts were
 * read instead), so its next read returns 0. */
bool snap_stream_file_rest(struct snap_stream *s, uint64_t *start,
			   uint64_t *end);
struct snap_stream *snap_stream_part(const struct snap_stream *whole,
				     uint64_t start, uint64_t end);
ptrdiff_t snap_stream_pread(const struct snap_stream *s, void *dst, size_t n,
			    uint64_t at);
void snap_stream_skip_to(struct snap_stream *s, uint64_t end);

/* A line reader. Lines exclude their "\n" (and a "\r" before it). A line
 * longer than lim->max_line is an error. */
struct snap_lines {
	struct snap_stream *in;
	const struct snap_limits *lim;
	char *buf;
	size_t cap, start, end;
	bool eof;
	uint64_t base;	   /* stream offset of buf[0] */
	uint64_t line_off; /* offset of the line last returned */
	uint64_t lineno;
	bool partial; /* the line last returned had no newline (input end) */
};
void snap_lines_init(struct snap_lines *l, struct snap_stream *in,
		     const struct snap_limits *lim);
void snap_lines_release(struct snap_lines *l);
/* 1: line and len set (borrowed until the next call); 0: end; -1: error. */
int snap_lines_next(struct snap_lines *l, const char **line, size_t *len,
		    struct lh_error *err);

/* Fails with "<fmt> at byte <off>" naming the stream's input. */
enum lh_status snap_fail_at(struct lh_error *err, struct snap_stream *in,
			    uint64_t off, const char *fmt, ...)
	LH_PRINTF(4, 5);

/* Go's wait-kind refinement from frames: semacquire under sync.(*Mutex).Lock
 * becomes SNAP_WAIT_MUTEX, and so on; runtime frames (proto) such as
 * runtime.chansend1 give the kind when there is no reason string. */
enum snap_wait snap_wait_refine(enum snap_wait w, const struct snap_stack *st);

/* Parses a decimal number in s[0..n). */
bool snap_parse_u64(const char *s, size_t n, uint64_t *out);

/* One symbolised frame line of the pprof text formats (debug=1):
 *   "#\t0x<pc>\t<func>+0x<off>\t<file>:<line>"   (fields: 1+ tabs/spaces)
 *   "#\t0x<pc>"                                   (no symbol)
 * Fills the out-params (pointers into line; func/file NULL when absent).
 * False when the line is not of that shape. */
struct text_frame {
	uint64_t pc;
	const char *func, *file;
	size_t func_len, file_len;
	uint32_t line;
};
bool snap_text_frame(const char *line, size_t len, struct text_frame *f);
/* Parses " 0x<hex> 0x<hex>..." after '@': pushes up to max PCs into out
 * (VEC of uint64_t); false on a malformed token. */
bool snap_text_pcs(const char *p, size_t n, uint64_t *out, size_t max,
		   size_t *count);

/* The symbolised frames of one record of the pprof text formats, their
 * strings kept in `text` until the record ends. Zero-initialised is
 * empty. */
struct text_stack {
	VEC(struct snap_frame) frames;
	VEC(size_t) offs; /* per frame: func, file offsets (SIZE_MAX none) */
	struct buf text;
	bool elided; /* frames past max_frames were dropped */
};
void text_stack_reset(struct text_stack *ts);
void text_stack_release(struct text_stack *ts);
/* Adds the frame of a frame line (strings copied); past max_frames it is
 * dropped and the stack marked elided. Unsymbolised lines are skipped. */
void text_stack_push(struct text_stack *ts, const struct text_frame *tf,
		     size_t max_frames);
/* The record's stack. Borrowed: valid until the next push or reset. */
struct snap_stack text_stack_get(struct text_stack *ts);
bool snap_parse_hex(const char *s, size_t n, uint64_t *out);
/* Parses an optionally negative decimal. */
bool snap_parse_i64(const char *s, size_t n, int64_t *out);

/* Stores a runtime.MemStats field by its Go name ("HeapInuse"); false for
 * fields the model does not keep. */
bool snap_memstat_set(struct snap_memstats *m, const char *name, size_t n,
		      double v);

#endif /* LH_RUNTIME_RTINTERNAL_H */
