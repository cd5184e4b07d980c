/*
 * gdump.c - goroutine dumps in traceback text: /debug/pprof/goroutine?debug=2
 * (runtime.Stack(buf, true)), and the tracebacks printed by a panic, a fatal
 * error or SIGQUIT. Grammar: FORMATS.md B1, from runtime/traceback.go.
 *
 *   goroutine 20 [chan send, 1 minutes]:          header
 *   goroutine 1 gp=0xc0.. m=0 mp=0x.. [select]:   crash header (1.23+)
 *   main.fetch.func1(0x1, {0xc0.., 0x3})          frame: FUNC(args)
 *   \t/src/main.go:28 +0x38 fp=0x.. sp=0x.. pc=0x..
 *   ...additional frames elided...  |  ...12 frames elided...
 *   created by main.fetch in goroutine 1          creator (+ file line)
 *   [originating from goroutine 7]:               ancestors (skipped)
 *   <blank line>                                  end of record
 *
 * Streaming: lines are read one at a time; a record's frames are kept in a
 * work buffer until its blank line, then merged into the snapshot's bucket
 * for its signature. Lines outside records (panic preamble, register dumps,
 * "exit status 2") are skipped; an input without any record is an error.
 *
 * A large plain regular file is cut at record starts ("\n\ngoroutine N")
 * into parts parsed on several threads, each part into a snapshot of its
 * own, merged in file order: the same buckets, counts and errors as one
 * pass, since a blank line leaves the parser in the same state wherever it
 * is. Pipes, gzip and memory stay one pass.
 *
 * Truncation: Go ends a complete dump with a record's last line (a file
 * line, "...frames elided..." or a creator's file line; runtime.Stack
 * prints no blank line after the last record). So an input that ends right
 * after a goroutine header, a function line or a "created by" line, all
 * of which Go always follows with more lines, was cut: an error naming the
 * byte. A cut just after a file line cannot be told from a whole dump.
 */
#include <stdio.h>

#include "runtime/rtinternal.h"

/* A frame under construction: offsets into rec.text. */
struct pframe {
	size_t func, file; /* offsets, file = SIZE_MAX when none */
	uint32_t line;
};

struct rec {
	bool open;
	uint64_t goid;
	uint64_t off; /* byte offset of the header */
	char reason[128];
	bool has_labels;   /* labels:{...} seen, at labels_off in text */
	size_t labels_off;
	unsigned flags;
	int64_t wait_min;
	bool elided, ancestors;
	bool want_file;	       /* a frame line awaits its file line */
	bool skip_file;	       /* a dropped frame's file line comes next */
	bool creator_pending;  /* "created by" awaits its file line */
	bool have_creator;
	struct pframe creator;
	uint64_t creator_goid;
	VEC(struct pframe) frames;
	VEC(char) text; /* frame strings, NUL-terminated, then the signature */
};

struct gdump {
	struct snapshot *s;
	struct snap_stream *in;
	const struct snap_limits *lim;
	struct lh_error *err;
	struct rec r;
	bool partial; /* the current line is the unterminated last one */
	bool later;   /* a part after the first: no preamble to note */
	VEC(struct snap_frame) tmp;
	VEC(uint64_t) new_offs; /* header offset of each new bucket, in order
				 * (parts: for the bucket limit at merge) */
	uint64_t records;
};

/* Appends p[0..n) to the record's text. */
static inline void text_add(struct rec *r, const void *p, size_t n)
{
	VEC_GROW(&r->text, n);
	memcpy(r->text.items + r->text.len, p, n);
	r->text.len += n;
}

/* Appends p[0..n) and a NUL; *off receives where it starts. */
static inline void text_str(struct rec *r, const char *p, size_t n,
			    size_t *off)
{
	*off = r->text.len;
	VEC_GROW(&r->text, n + 1);
	memcpy(r->text.items + r->text.len, p, n);
	r->text.items[r->text.len + n] = '\0';
	r->text.len += n + 1;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* ---------------------------------------------------------------- header */

/* Splits the bracket content of a header at top-level ", " separators,
 * honouring quoted strings (with escapes) and {...} nesting, since labels
 * may contain ',' ']' ':' inside quotes. Calls item() on each part. */
static void hdr__items(struct gdump *g, const char *p, size_t n,
		       void (*item)(struct gdump *, const char *, size_t,
				    bool first))
{
	size_t start = 0;
	int depth = 0;
	bool quoted = false, first = true;

	for (size_t i = 0; i <= n; i++) {
		char c = i < n ? p[i] : ',';

		if (quoted) {
			if (c == '\\')
				i++;
			else if (c == '"')
				quoted = false;
			continue;
		}
		if (c == '"')
			quoted = true;
		else if (c == '{')
			depth++;
		else if (c == '}' && depth > 0)
			depth--;
		else if (c == ',' && depth == 0) {
			size_t a = start, b = i;

			while (a < b && is_space(p[a]))
				a++;
			while (b > a && is_space(p[b - 1]))
				b--;
			item(g, p + a, b - a, first);
			first = false;
			start = i + 1;
		}
	}
}

static bool strip_suffix(const char *p, size_t *n, const char *suf)
{
	size_t m = strlen(suf);

	if (*n >= m && memcmp(p + *n - m, suf, m) == 0) {
		*n -= m;
		return true;
	}
	return false;
}

static void hdr__item(struct gdump *g, const char *p, size_t n, bool first)
{
	struct rec *r = &g->r;
	uint64_t v;

	if (first) {
		bool again = true;

		while (again) {
			again = false;
			if (strip_suffix(p, &n, " (scan)"))
				again = true;
			if (strip_suffix(p, &n, " (durable)")) {
				r->flags |= SNAP_G_DURABLE;
				again = true;
			}
			if (strip_suffix(p, &n, " (leaked)")) {
				r->flags |= SNAP_G_LEAKED;
				again = true;
			}
		}
		n = LH_MIN(n, sizeof(r->reason) - 1);
		memcpy(r->reason, p, n);
		r->reason[n] = '\0';
		return;
	}
	if (n > 8 && memcmp(p + n - 8, " minutes", 8) == 0 &&
	    snap_parse_u64(p, n - 8, &v)) {
		r->wait_min = (int64_t)LH_MIN(v, (uint64_t)INT64_MAX);
	} else if (str_eqn(p, n, "locked to thread")) {
		r->flags |= SNAP_G_LOCKED;
	} else if (n > 16 && memcmp(p, "synctest bubble ", 16) == 0) {
		r->flags |= SNAP_G_SYNCTEST;
	} else if (n > 7 && memcmp(p, "labels:", 7) == 0) {
		text_str(r, p + 7, n - 7, &r->labels_off);
		r->has_labels = true;
	}
	/* anything else: an annotation from a newer Go, ignored */
}

/* "goroutine N[ gp=.. m=.. mp=..] [ ... ]:" -> true and r filled. */
static bool parse_header(struct gdump *g, const char *line, size_t len)
{
	struct rec *r = &g->r;
	const char *p = line + 10, *end = line + len;
	const char *q = p, *br;

	while (q < end && *q >= '0' && *q <= '9')
		q++;
	if (q == p || q == end || *q != ' ')
		return false;
	if (len < 3 || line[len - 1] != ':' || line[len - 2] != ']')
		return false;
	br = memchr(q, '[', (size_t)(end - q));
	if (!br || br[-1] != ' ')
		return false;
	if (!snap_parse_u64(p, (size_t)(q - p), &r->goid))
		return false;
	r->open = true;
	r->reason[0] = '\0';
	r->has_labels = false;
	r->flags = 0;
	r->wait_min = -1;
	r->elided = r->ancestors = r->want_file = r->skip_file = false;
	r->creator_pending = r->have_creator = false;
	r->creator_goid = 0;
	r->frames.len = 0;
	r->text.len = 0;
	hdr__items(g, br + 1, (size_t)(end - 2 - (br + 1)), hdr__item);
	return true;
}

/* ---------------------------------------------------------------- frames */

/* "\tFILE:LINE[ +0xOFF][ fp=.. sp=.. pc=..]" into text; sets *line. The
 * suffixes hold no ':', so the last ':' is the one before the line. */
static bool parse_file(struct gdump *g, const char *p, size_t n,
		       size_t *file_off, uint32_t *lineno)
{
	const char *colon, *d, *e = p + n;
	uint64_t v = 0;

	while (n && is_space(*p)) {
		p++;
		n--;
	}
	colon = memrchr(p, ':', n);
	if (!colon || colon == p)
		return false;
	for (d = colon + 1; d < e && *d >= '0' && *d <= '9' && d - colon <= 10;
	     d++)
		v = v * 10 + (uint64_t)(*d - '0');
	if (d == colon + 1 || v > UINT32_MAX)
		return false;
	/* what may follow: " +0x<pc offset>" and crash tracebacks'
	 * " fp=0x.. sp=0x.. pc=0x.." */
	if (d < e && !((size_t)(e - d) > 4 && (memcmp(d, " +0x", 4) == 0 ||
					       memcmp(d, " fp=", 4) == 0)))
		return false;
	text_str(&g->r, p, (size_t)(colon - p), file_off);
	*lineno = (uint32_t)v;
	return true;
}

/* ---------------------------------------------------------------- records */

/* Ends the open record at the line at `end` (a blank line, the next
 * header, or the input's end when at_end). */
static enum lh_status finish_record(struct gdump *g, uint64_t end, bool at_end)
{
	struct rec *r = &g->r;
	struct snap_stack st;
	struct snap_frame creator = { 0 };
	struct snap_gbucket *b;
	const char *t;

	uint64_t sig;

	if (!r->open)
		return LH_OK;
	r->open = false;
	if (r->want_file || r->creator_pending || r->skip_file)
		return snap_fail_at(g->err, g->in, end,
				    "truncated goroutine %llu: %s without "
				    "its file line",
				    (unsigned long long)r->goid,
				    r->creator_pending ? "'created by'"
						       : "frame");
	/* Go prints at least one line under every header (frames, or "stack
	 * unavailable"); at the end of the input, none means a cut */
	if (at_end && r->frames.len == 0 && !r->elided && !r->have_creator &&
	    !(r->flags & SNAP_G_NOSTACK))
		return snap_fail_at(g->err, g->in, end,
				    "truncated goroutine %llu: no frames after "
				    "its header",
				    (unsigned long long)r->goid);
	/* the signature: everything that identifies the bucket, as kept in
	 * the record (frame and creator strings in text, lines below) */
	text_add(r, r->elided ? "E" : "-", 1);
	text_add(r, &r->flags, sizeof(r->flags));
	text_add(r, r->reason, strlen(r->reason));
	for (size_t i = 0; i < r->frames.len; i++)
		text_add(r, &r->frames.items[i].line, sizeof(uint32_t));
	if (r->have_creator)
		text_add(r, &r->creator.line, sizeof(uint32_t));
	sig = lh_hash(r->text.items, r->text.len);
	if (snapshot_bump_goroutines(g->s, sig, 1, r->wait_min)) {
		g->records++;
		return LH_OK;
	}
	t = r->text.items ? r->text.items : "";
	g->tmp.len = 0;
	VEC_GROW(&g->tmp, r->frames.len + 1);
	for (size_t i = 0; i < r->frames.len; i++) {
		struct pframe *f = &r->frames.items[i];
		struct snap_frame sf = {
			t + f->func,
			f->file == SIZE_MAX ? NULL : t + f->file,
			f->line,
			0,
		};
		g->tmp.items[g->tmp.len++] = sf;
	}
	st.frames = g->tmp.items;
	st.nframes = (uint32_t)g->tmp.len;
	st.elided = r->elided;
	if (r->have_creator) {
		creator.func = t + r->creator.func;
		creator.file = r->creator.file == SIZE_MAX
				       ? NULL
				       : t + r->creator.file;
		creator.line = r->creator.line;
	}
	b = snapshot_add_goroutines_sig(
		g->s, sig, r->reason, snap_wait_from_reason(r->reason, strlen(r->reason)),
		r->flags, r->has_labels ? t + r->labels_off : NULL, &st,
		r->have_creator ? &creator : NULL, r->creator_goid, 1,
		r->wait_min, r->goid, g->lim);
	if (!b)
		return snap_fail_at(g->err, g->in, r->off,
				    "more than %zu distinct goroutine stacks",
				    g->lim->max_buckets);
	if (g->later)
		VEC_PUSH(&g->new_offs, r->off);
	g->records++;
	return LH_OK;
}

/* A line inside a record (not its header, not blank). */
static enum lh_status record_line(struct gdump *g, const char *line,
				  size_t len, uint64_t off)
{
	struct rec *r = &g->r;

	if (r->want_file || r->creator_pending) {
		size_t fo;
		uint32_t ln;

		if (!len || !is_space(line[0]) ||
		    !parse_file(g, line, len, &fo, &ln))
			return snap_fail_at(g->err, g->in, off,
					    "expected a file:line after a "
					    "frame of goroutine %llu",
					    (unsigned long long)r->goid);
		if (r->creator_pending) {
			r->creator.file = fo;
			r->creator.line = ln;
			r->creator_pending = false;
			r->have_creator = true;
		} else {
			struct pframe *f = &r->frames.items[r->frames.len - 1];

			f->file = fo;
			f->line = ln;
			r->want_file = false;
		}
		return LH_OK;
	}
	if (r->skip_file) {
		r->skip_file = false;
		if (len && is_space(line[0]))
			return LH_OK;
		return snap_fail_at(g->err, g->in, off,
				    "expected a file:line after a frame of "
				    "goroutine %llu",
				    (unsigned long long)r->goid);
	}
	if (r->ancestors)
		return LH_OK; /* frames of ancestor goroutines: not ours */
	if (len >= 11 && memcmp(line, "...", 3) == 0 &&
	    memcmp(line + len - 9, "elided...", 9) == 0) {
		r->elided = true;
		return LH_OK;
	}
	if (len > 11 && memcmp(line, "created by ", 11) == 0) {
		const char *p = line + 11, *e = line + len;
		const char *in = NULL;

		for (const char *q = e; q - p >= 14; q--) {
			if (memcmp(q - 14, " in goroutine ", 14) == 0) {
				in = q - 14;
				break;
			}
		}
		if (in) {
			uint64_t v;

			if (snap_parse_u64(in + 14, (size_t)(e - in - 14), &v))
				r->creator_goid = v;
			e = in;
		}
		text_str(r, p, (size_t)(e - p), &r->creator.func);
		r->creator.file = SIZE_MAX;
		r->creator_pending = true;
		return LH_OK;
	}
	if (len > 29 && memcmp(line, "[originating from goroutine ", 28) == 0) {
		r->ancestors = true;
		return LH_OK;
	}
	{
		/* printed with a leading tab by the runtime */
		const char *p = line;
		size_t m = len;

		while (m && is_space(*p)) {
			p++;
			m--;
		}
		if (m >= 33 &&
		    memcmp(p, "goroutine running on other thread", 33) == 0) {
			r->flags |= SNAP_G_NOSTACK;
			return LH_OK;
		}
	}
	if (!is_space(line[0]) && line[len - 1] == ')') {
		const char *lp = memrchr(line, '(', len);
		struct pframe f;

		if (lp && lp > line) {
			if (r->frames.len >= g->lim->max_frames) {
				/* too deep: drop it and its file line */
				r->elided = true;
				r->skip_file = true;
				return LH_OK;
			}
			text_str(r, line, (size_t)(lp - line), &f.func);
			f.file = SIZE_MAX;
			f.line = 0;
			VEC_PUSH(&r->frames, f);
			r->want_file = true;
			return LH_OK;
		}
	}
	if (g->partial)
		return snap_fail_at(g->err, g->in, off,
				    "truncated goroutine %llu: the input ends "
				    "mid-line",
				    (unsigned long long)r->goid);
	return snap_fail_at(g->err, g->in, off,
			    "unexpected line in goroutine %llu: '%.*s'",
			    (unsigned long long)r->goid, (int)LH_MIN(len, (size_t)40),
			    line);
}

static bool is_header(const char *line, size_t len)
{
	return len > 13 && memcmp(line, "goroutine ", 10) == 0 &&
	       line[10] >= '0' && line[10] <= '9';
}

static void note_preamble(struct gdump *g, const char *line, size_t len)
{
	static const char *const prefixes[] = {
		"panic: ", "fatal error: ", "SIGQUIT", "SIGABRT", "SIGSEGV",
		"SIGBUS", "SIGILL", "SIGTRAP", "unexpected fault", "runtime: ",
		"fatal: ",
	};

	if (g->s->preamble || g->records)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(prefixes); i++) {
		size_t m = strlen(prefixes[i]);

		if (len >= m && memcmp(line, prefixes[i], m) == 0) {
			g->s->preamble = arena_strndup(&g->s->arena, line,
						       LH_MIN(len, (size_t)300));
			return;
		}
	}
}

/* Parses g->in to its end into g->s. `at_end`: the end of g->in is the
 * end of the input (the last part, or the whole). */
static enum lh_status gdump__run(struct gdump *g, bool at_end)
{
	struct snap_lines lr;
	enum lh_status st = LH_OK;
	const char *line;
	size_t len;
	int rc;

	snap_lines_init(&lr, g->in, g->lim);
	while ((rc = snap_lines_next(&lr, &line, &len, g->err)) == 1) {
		if (is_header(line, len)) {
			st = finish_record(g, lr.line_off, false);
			if (st != LH_OK)
				break;
			if (parse_header(g, line, len)) {
				g->r.off = lr.line_off;
				continue;
			}
			if (g->r.open)
				goto bad;
			continue; /* "goroutine 5 gp=... m=..." prose */
		}
		if (!g->r.open) {
			if (!g->later)
				note_preamble(g, line, len);
			continue;
		}
		if (len == 0) {
			st = finish_record(g, lr.line_off, false);
			if (st != LH_OK)
				break;
			continue;
		}
		g->partial = lr.partial;
		st = record_line(g, line, len, lr.line_off);
		if (st != LH_OK)
			break;
		continue;
bad:
		st = snap_fail_at(g->err, g->in, lr.line_off,
				  "bad goroutine header");
		break;
	}
	if (rc < 0)
		st = LH_ERR;
	if (st == LH_OK)
		st = finish_record(g, snap_stream_offset(g->in), at_end);
	snap_lines_release(&lr);
	return st;
}

static void gdump__init(struct gdump *g, struct snapshot *s,
			struct snap_stream *in, const struct snap_limits *lim,
			struct lh_error *err)
{
	memset(g, 0, sizeof(*g));
	g->s = s;
	g->in = in;
	g->lim = lim;
	g->err = err;
}

static void gdump__release(struct gdump *g)
{
	VEC_FREE(&g->r.text);
	VEC_FREE(&g->r.frames);
	VEC_FREE(&g->tmp);
	VEC_FREE(&g->new_offs);
}

/* ---------------------------------------------------------------- parts */

/* A file is cut in parts of at least this size. */
#define GDUMP_PART_MIN ((uint64_t)8 << 20)
#define GDUMP_MAX_THREADS 8
/* How far past a cut point a record start is looked for. */
#define GDUMP_SEEK_MAX ((size_t)4 << 20)

struct gdump_part {
	struct gdump g;
	struct snapshot *s; /* the caller's for part 0, else its own */
	struct snap_stream *in;
	struct lh_error err;
	enum lh_status st;
	bool last;
};

/* The offset of the first record start ("goroutine <digit>" right after a
 * blank line) in [from, end), looked for within GDUMP_SEEK_MAX bytes; 0
 * when there is none. */
static uint64_t gdump__record_start(struct snap_stream *in, uint64_t from,
				    uint64_t end)
{
	enum { WIN = 64 * 1024, KEY = 12 }; /* "\n\ngoroutine " + digit */
	char *buf = xmalloc(WIN);
	uint64_t at = from, found = 0;

	while (!found && at < end && at - from < GDUMP_SEEK_MAX) {
		ptrdiff_t n = snap_stream_pread(in, buf, WIN, at);
		const char *p = buf, *e;

		if (n < KEY)
			break;
		e = buf + n;
		while ((p = memmem(p, (size_t)(e - p), "\n\ngoroutine ", 12))) {
			if (e - p > KEY && p[12] >= '1' && p[12] <= '9') {
				found = at + (uint64_t)(p - buf) + 2;
				break;
			}
			p++;
		}
		at += (uint64_t)n - KEY; /* overlap: a key across windows */
	}
	free(buf);
	return found < end ? found : 0;
}

static void gdump__part_main(size_t item, unsigned worker, void *ctx)
{
	struct gdump_part *p = (struct gdump_part *)ctx + item;

	(void)worker;
	p->st = gdump__run(&p->g, p->last);
}

/* Adds part p's buckets to s, in order; on the bucket limit, the error
 * names the header of the record that passed it. */
static enum lh_status gdump__merge(struct snapshot *s, struct gdump_part *p,
				   const struct snap_limits *lim,
				   struct lh_error *err)
{
	for (size_t i = 0; i < p->s->gbuckets.len; i++) {
		if (!snapshot_merge_gbucket(s, p->s->gbuckets.items[i], lim))
			return snap_fail_at(err, p->in, p->g.new_offs.items[i],
					    "more than %zu distinct goroutine "
					    "stacks",
					    lim->max_buckets);
	}
	return LH_OK;
}

/* Parses a large plain file in parts on threads. Returns false (nothing
 * done) when the input is not one or too small to be worth it. */
static bool gdump__parallel(struct snapshot *s, struct snap_stream *in,
			    const struct snap_limits *lim, struct lh_error *err,
			    enum lh_status *st, uint64_t *records)
{
	unsigned want = lim->threads ? lim->threads
				     : LH_MIN(lh_ncpu(), GDUMP_MAX_THREADS);
	uint64_t start, end, cuts[GDUMP_MAX_THREADS + 1];
	struct gdump_part *parts;
	size_t n = 0;

	if (want < 2 || !snap_stream_file_rest(in, &start, &end) ||
	    end - start < 2 * GDUMP_PART_MIN)
		return false;
	want = (unsigned)LH_MIN((uint64_t)LH_MIN(want, GDUMP_MAX_THREADS),
				(end - start) / GDUMP_PART_MIN);
	cuts[n++] = start;
	for (unsigned k = 1; k < want; k++) {
		uint64_t c = gdump__record_start(
			in, start + (end - start) / want * k, end);

		if (c > cuts[n - 1])
			cuts[n++] = c;
	}
	if (n < 2)
		return false;
	cuts[n] = end;
	parts = xcalloc(n, sizeof(*parts));
	for (size_t k = 0; k < n; k++) {
		struct gdump_part *p = &parts[k];

		p->s = k ? snapshot_new(s->name) : s;
		p->in = snap_stream_part(in, cuts[k], cuts[k + 1]);
		p->last = k == n - 1;
		gdump__init(&p->g, p->s, p->in, lim, &p->err);
		p->g.later = k > 0;
	}
	pool_run((unsigned)n, n, gdump__part_main, parts);
	*st = LH_OK;
	*records = 0;
	for (size_t k = 0; k < n; k++) {
		struct gdump_part *p = &parts[k];

		if (*st == LH_OK && p->st != LH_OK) {
			*err = p->err;
			*st = LH_ERR;
		}
		if (*st == LH_OK && k > 0)
			*st = gdump__merge(s, p, lim, err);
		if (*st == LH_OK)
			*records += p->g.records;
	}
	for (size_t k = 0; k < n; k++) {
		gdump__release(&parts[k].g);
		snap_stream_free(parts[k].in);
		if (k)
			snapshot_free(parts[k].s);
	}
	free(parts);
	snap_stream_skip_to(in, end);
	return true;
}

enum lh_status gdump_parse_text(struct snapshot *s, struct snap_stream *in,
				const struct snap_limits *lim_in,
				struct lh_error *err)
{
	struct snap_limits lim;
	struct gdump g;
	enum lh_status st;
	uint64_t records;

	snap_limits_resolve(&lim, lim_in);
	if (!gdump__parallel(s, in, &lim, err, &st, &records)) {
		gdump__init(&g, s, in, &lim, err);
		st = gdump__run(&g, true);
		records = g.records;
		gdump__release(&g);
	}
	if (st == LH_OK && records == 0)
		st = snap_fail_at(err, in, snap_stream_offset(in),
				  "no goroutine records found (not a "
				  "goroutine dump?)");
	if (st == LH_OK)
		s->has |= SNAP_HAS_GDUMP;
	return st;
}
