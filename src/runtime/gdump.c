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
	struct buf text;
};

struct gdump {
	struct snapshot *s;
	struct snap_stream *in;
	const struct snap_limits *lim;
	struct lh_error *err;
	struct rec r;
	bool partial; /* the current line is the unterminated last one */
	VEC(struct snap_frame) tmp;
	uint64_t records;
};

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
		r->labels_off = r->text.len;
		buf_add(&r->text, p + 7, n - 7);
		buf_addc(&r->text, '\0');
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
	buf_reset(&r->text);
	hdr__items(g, br + 1, (size_t)(end - 2 - (br + 1)), hdr__item);
	return true;
}

/* ---------------------------------------------------------------- frames */

/* "\tFILE:LINE[ +0xOFF][ fp=.. sp=.. pc=..]" into text; sets *line. */
static bool parse_file(struct gdump *g, const char *p, size_t n,
		       size_t *file_off, uint32_t *lineno)
{
	const char *cut;
	const char *colon;
	uint64_t v;
	size_t m;

	while (n && is_space(*p)) {
		p++;
		n--;
	}
	/* crash tracebacks end file lines with " fp=0x.. sp=0x.. pc=0x.." */
	cut = memrchr(p, ' ', n);
	if (cut && p + n - cut > 4 && memcmp(cut, " pc=", 4) == 0) {
		for (const char *q = cut; q > p + 3; q--) {
			if (q[-4] == ' ' && q[-3] == 'f' && q[-2] == 'p' &&
			    q[-1] == '=') {
				n = (size_t)(q - 4 - p);
				break;
			}
		}
	}
	for (size_t i = n; i-- > 0;) {
		if (p[i] == ' ' && i + 3 < n && p[i + 1] == '+' &&
		    p[i + 2] == '0' && p[i + 3] == 'x') {
			n = i;
			break;
		}
	}
	colon = memrchr(p, ':', n);
	if (!colon || colon == p)
		return false;
	m = (size_t)(p + n - colon - 1);
	if (!snap_parse_u64(colon + 1, m, &v) || v > UINT32_MAX)
		return false;
	*file_off = g->r.text.len;
	buf_add(&g->r.text, p, (size_t)(colon - p));
	buf_addc(&g->r.text, '\0');
	*lineno = (uint32_t)v;
	return true;
}

static void add_text(struct rec *r, const char *p, size_t n, size_t *off)
{
	*off = r->text.len;
	buf_add(&r->text, p, n);
	buf_addc(&r->text, '\0');
}

/* ---------------------------------------------------------------- records */

static enum lh_status finish_record(struct gdump *g)
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
		return snap_fail_at(g->err, g->in, snap_stream_offset(g->in),
				    "truncated goroutine %llu: frame without "
				    "its file line",
				    (unsigned long long)r->goid);
	/* the signature: everything that identifies the bucket, as kept in
	 * the record (frame and creator strings in text, lines below) */
	buf_addc(&r->text, r->elided ? 'E' : '-');
	buf_add(&r->text, &r->flags, sizeof(r->flags));
	buf_adds(&r->text, r->reason);
	for (size_t i = 0; i < r->frames.len; i++)
		buf_add(&r->text, &r->frames.items[i].line, sizeof(uint32_t));
	if (r->have_creator)
		buf_add(&r->text, &r->creator.line, sizeof(uint32_t));
	sig = lh_hash(r->text.data, r->text.len);
	if (snapshot_bump_goroutines(g->s, sig, 1, r->wait_min)) {
		g->records++;
		return LH_OK;
	}
	t = r->text.data ? r->text.data : "";
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
		add_text(r, p, (size_t)(e - p), &r->creator.func);
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
			add_text(r, line, (size_t)(lp - line), &f.func);
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

enum lh_status gdump_parse_text(struct snapshot *s, struct snap_stream *in,
				const struct snap_limits *lim_in,
				struct lh_error *err)
{
	struct snap_limits lim;
	struct snap_lines lr;
	struct gdump g = { 0 };
	enum lh_status st = LH_OK;
	const char *line;
	size_t len;
	int rc;

	snap_limits_resolve(&lim, lim_in);
	g.s = s;
	g.in = in;
	g.lim = &lim;
	g.err = err;
	buf_init(&g.r.text, 0);
	snap_lines_init(&lr, in, &lim);
	while ((rc = snap_lines_next(&lr, &line, &len, err)) == 1) {
		if (is_header(line, len)) {
			st = finish_record(&g);
			if (st != LH_OK)
				break;
			if (parse_header(&g, line, len)) {
				g.r.off = lr.line_off;
				continue;
			}
			if (g.r.open)
				goto bad;
			continue; /* "goroutine 5 gp=... m=..." prose */
		}
		if (!g.r.open) {
			note_preamble(&g, line, len);
			continue;
		}
		if (len == 0) {
			st = finish_record(&g);
			if (st != LH_OK)
				break;
			continue;
		}
		g.partial = lr.partial;
		st = record_line(&g, line, len, lr.line_off);
		if (st != LH_OK)
			break;
		continue;
bad:
		st = snap_fail_at(err, in, lr.line_off, "bad goroutine header");
		break;
	}
	if (rc < 0)
		st = LH_ERR;
	if (st == LH_OK)
		st = finish_record(&g);
	if (st == LH_OK && g.records == 0)
		st = snap_fail_at(err, in, snap_stream_offset(in),
				  "no goroutine records found (not a "
				  "goroutine dump?)");
	if (st == LH_OK)
		s->has |= SNAP_HAS_GDUMP;
	snap_lines_release(&lr);
	buf_release(&g.r.text);
	VEC_FREE(&g.r.frames);
	VEC_FREE(&g.tmp);
	return st;
}
