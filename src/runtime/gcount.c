/*
 * gcount.c - the pprof "count profile" text format (FORMATS.md B2):
 * /debug/pprof/goroutine?debug=1, threadcreate?debug=1, goroutineleak and
 * custom pprof.Profile output. From runtime/pprof printCountProfile:
 *
 *   goroutine profile: total 77
 *   15 @ 0x43b296 0x40708c 0x6b1e7f 0x46b241     count, then raw PCs
 *   # labels: {"k":"v"}                          optional
 *   #\t0x6b1e7e\tmain.fetch.func1+0x3e\tmain.go:45   one per logical frame
 *   <blank>
 *
 * Leading runtime frames are not symbolised (the wait state is unknown);
 * sync frames are, so Go <= 1.19 mutex/WaitGroup waits are still told.
 *
 * Truncation: Go writes a blank line after every record, and the counts
 * of the records add up to the total of the header (both come from the
 * same list of stacks). An input whose last record has no blank line, or
 * whose counts fall short of the total, was cut: an error.
 */
#include "runtime/rtinternal.h"

struct gcount {
	struct snapshot *s;
	struct snap_stream *in;
	const struct snap_limits *lim;
	struct lh_error *err;
	bool open;
	uint64_t count, off;
	struct buf labels; /* "{...}" of the current record, when any */
	bool has_labels;
	struct text_stack ts;
};

static enum lh_status gcount__finish(struct gcount *g)
{
	struct snap_stack st;

	if (!g->open)
		return LH_OK;
	g->open = false;
	st = text_stack_get(&g->ts);
	if (!snapshot_add_goroutines(g->s, "", SNAP_WAIT_UNKNOWN, 0,
				     g->has_labels ? g->labels.data : NULL,
				     &st, NULL, 0, g->count, -1, 0, g->lim))
		return snap_fail_at(g->err, g->in, g->off,
				    "more than %zu distinct stacks",
				    g->lim->max_buckets);
	return LH_OK;
}

enum lh_status gdump_parse_count(struct snapshot *s, struct snap_stream *in,
				 const struct snap_limits *lim_in,
				 struct lh_error *err)
{
	struct snap_limits lim;
	struct snap_lines lr;
	struct gcount g = { 0 };
	enum lh_status st = LH_OK;
	const char *line;
	size_t len;
	bool header = false;
	uint64_t total = 0, sum = 0;
	int rc;

	snap_limits_resolve(&lim, lim_in);
	g.s = s;
	g.in = in;
	g.lim = &lim;
	g.err = err;
	buf_init(&g.labels, 0);
	snap_lines_init(&lr, in, &lim);
	while ((rc = snap_lines_next(&lr, &line, &len, err)) == 1) {
		const char *at;
		struct text_frame tf;

		if (!header) {
			const char *p = memmem(line, len, " profile: total ", 16);
			uint64_t v;

			if (len == 0)
				continue;
			if (!p || p == line || memchr(line, ' ', (size_t)(p - line)) ||
			    !snap_parse_u64(p + 16, (size_t)(line + len - p - 16), &v)) {
				st = snap_fail_at(err, in, lr.line_off,
						  "not a count profile: expected "
						  "'<name> profile: total N'");
				break;
			}
			s->profile = arena_strndup(&s->arena, line,
						   (size_t)(p - line));
			s->declared_total += v;
			total = v;
			header = true;
			continue;
		}
		if (len == 0) {
			st = gcount__finish(&g);
			if (st != LH_OK)
				break;
			continue;
		}
		if (line[0] != '#') {
			uint64_t v;
			size_t npc;

			st = gcount__finish(&g);
			if (st != LH_OK)
				break;
			at = memchr(line, '@', len);
			if (!at || at == line || at[-1] != ' ' ||
			    !snap_parse_u64(line, (size_t)(at - 1 - line), &v) ||
			    !snap_text_pcs(at + 1, (size_t)(line + len - at - 1),
					   NULL, 0, &npc)) {
				st = snap_fail_at(err, in, lr.line_off,
						  "bad count record: expected "
						  "'N @ 0x...'");
				break;
			}
			g.open = true;
			g.count = v;
			sum = sum + v < sum ? UINT64_MAX : sum + v;
			g.off = lr.line_off;
			g.has_labels = false;
			text_stack_reset(&g.ts);
			continue;
		}
		if (!g.open) {
			st = snap_fail_at(err, in, lr.line_off,
					  "frame line outside a record");
			break;
		}
		if (len > 10 && memcmp(line, "# labels: ", 10) == 0) {
			if (g.ts.frames.len == 0 && !g.has_labels) {
				buf_reset(&g.labels);
				buf_add(&g.labels, line + 10, len - 10);
				g.has_labels = true;
			}
			continue;
		}
		if (!snap_text_frame(line, len, &tf)) {
			st = snap_fail_at(err, in, lr.line_off,
					  "bad frame line");
			break;
		}
		text_stack_push(&g.ts, &tf, lim.max_frames);
	}
	if (rc < 0)
		st = LH_ERR;
	if (st == LH_OK && g.open)
		st = snap_fail_at(err, in, snap_stream_offset(in),
				  "truncated count profile: no blank line "
				  "after its last record");
	if (st == LH_OK && header && sum < total)
		st = snap_fail_at(err, in, snap_stream_offset(in),
				  "truncated count profile: its records count "
				  "%llu of the %llu its header declares",
				  (unsigned long long)sum,
				  (unsigned long long)total);
	if (st == LH_OK && !header)
		st = snap_fail_at(err, in, snap_stream_offset(in),
				  "empty input (not a count profile)");
	if (st == LH_OK)
		s->has |= SNAP_HAS_GCOUNT;
	snap_lines_release(&lr);
	buf_release(&g.labels);
	text_stack_release(&g.ts);
	return st;
}
