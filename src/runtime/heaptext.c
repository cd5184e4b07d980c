/*
 * heaptext.c - the legacy heap profile text, /debug/pprof/heap?debug=1 and
 * allocs?debug=1 (FORMATS.md B3; runtime/pprof writeHeapInternal):
 *
 *   heap profile: 865: 20938368 [1976: 45236256] @ heap/65536
 *   60: 15728640 [60: 15728640] @ 0x47a8f6 0x47a30f ...
 *   #\t0x47a8f5\tbytes.growSlice+0x95\tbytes/buffer.go:240
 *   <blank>
 *   # runtime.MemStats
 *   # Alloc = 24128792
 *   ...
 *
 * The header's rate is 2 * MemProfileRate. Record values are raw sampled
 * counts; they are scaled here the way pprof's legacy reader does
 * (scale = 1 / (1 - exp(-avg/rate)), avg = bytes/objects), so sites from the
 * text and the proto form compare.
 *
 * Go always ends the text with the MemStats trailer: an input without it
 * was cut (an error).
 */
#include <math.h>

#include "runtime/rtinternal.h"

struct htext {
	struct snapshot *s;
	struct snap_stream *in;
	const struct snap_limits *lim;
	struct lh_error *err;
	double rate;
	bool open;
	int64_t v[4]; /* inuse objs, inuse bytes, alloc objs, alloc bytes */
	uint64_t off;
	VEC(uint64_t) pcs;
	struct text_stack ts;
};

static void scale(double rate, int64_t *count, int64_t *size)
{
	double avg, s;

	if (*count <= 0 || *size <= 0 || rate <= 1)
		return;
	avg = (double)*size / (double)*count;
	s = 1.0 / (1.0 - exp(-avg / rate));
	*count = lh_d2i64((double)*count * s);
	*size = lh_d2i64((double)*size * s);
}

static enum lh_status htext__finish(struct htext *h)
{
	struct snap_stack st;
	struct snap_hsite *site;
	int64_t io = h->v[0], ib = h->v[1], ao = h->v[2], ab = h->v[3];
	int64_t avg = 0;

	if (!h->open)
		return LH_OK;
	h->open = false;
	if (io > 0)
		avg = ib / io;
	else if (ao > 0)
		avg = ab / ao;
	scale(h->rate, &io, &ib);
	scale(h->rate, &ao, &ab);
	st = text_stack_get(&h->ts);
	site = snapshot_add_heap(h->s, &st, io, ib, ao, ab, avg, h->lim);
	if (!site)
		return snap_fail_at(h->err, h->in, h->off,
				    "more than %zu distinct allocation sites",
				    h->lim->max_buckets);
	/* raw PCs before the first symbolised frame: hidden runtime frames
	 * (the first symbolised line shows pc-1 of its return address) */
	if (st.nframes) {
		uint32_t hidden = 0;

		for (size_t i = 0; i < h->pcs.len; i++) {
			if (h->pcs.items[i] == st.frames[0].pc + 1 ||
			    h->pcs.items[i] == st.frames[0].pc)
				break;
			hidden++;
		}
		if (hidden < h->pcs.len && hidden > site->hidden_pcs)
			site->hidden_pcs = hidden;
	}
	return LH_OK;
}

/* "a: b [c: d]" -> v[0..4); the rest after it in *rest */
static bool four(const char *p, size_t n, int64_t v[4], const char **rest)
{
	const char *e = p + n;
	int k = 0;

	while (k < 4) {
		const char *a;

		while (p < e && (*p == ' ' || *p == '['))
			p++;
		a = p;
		while (p < e && (*p == '-' || (*p >= '0' && *p <= '9')))
			p++;
		if (!snap_parse_i64(a, (size_t)(p - a), &v[k]))
			return false;
		while (p < e && *p == ' ')
			p++;
		if (k % 2 == 0) {
			if (p == e || *p != ':')
				return false;
			p++;
		} else if (k == 3) {
			if (p == e || *p != ']')
				return false;
			p++;
		}
		k++;
	}
	*rest = p;
	return true;
}

struct mskey {
	const char *name;
	size_t off;
};
#define MS(n, f) { n, offsetof(struct snap_memstats, f) }
static const struct mskey ms_keys[] = {
	MS("Alloc", alloc),	      MS("TotalAlloc", total_alloc),
	MS("Sys", sys),		      MS("Mallocs", mallocs),
	MS("Frees", frees),	      MS("HeapAlloc", heap_alloc),
	MS("HeapSys", heap_sys),      MS("HeapIdle", heap_idle),
	MS("HeapInuse", heap_inuse),  MS("HeapReleased", heap_released),
	MS("HeapObjects", heap_objects), MS("NextGC", next_gc),
	MS("LastGC", last_gc),	      MS("PauseTotalNs", pause_total_ns),
	MS("NumGC", num_gc),	      MS("NumForcedGC", num_forced_gc),
	MS("StackInuse", stack_inuse), MS("StackSys", stack_sys),
};

bool snap_memstat_set(struct snap_memstats *m, const char *name, size_t n,
		      double v)
{
	for (size_t i = 0; i < ARRAY_SIZE(ms_keys); i++) {
		if (str_eqn(name, n, ms_keys[i].name)) {
			*(uint64_t *)((char *)m + ms_keys[i].off) =
				lh_d2u64(v);
			m->have = true;
			return true;
		}
	}
	if (str_eqn(name, n, "GCCPUFraction")) {
		m->gc_cpu_fraction = v;
		return true;
	}
	return false;
}

static void memstat_line(struct snapshot *s, const char *line, size_t len)
{
	const char *eq = memmem(line, len, " = ", 3);
	const char *k = line + 2, *v;
	size_t vn;
	char num[64];

	if (!eq || len < 3)
		return;
	v = eq + 3;
	vn = (size_t)(line + len - v);
	if (str_eqn(k, (size_t)(eq - k), "Stack")) {
		/* "Stack = inuse / sys" */
		uint64_t a;
		const char *sl = memchr(v, ' ', vn);

		if (sl && snap_parse_u64(v, (size_t)(sl - v), &a)) {
			s->mem.stack_inuse = a;
			s->mem.have = true;
		}
		return;
	}
	if (vn == 0 || vn >= sizeof(num))
		return;
	memcpy(num, v, vn);
	num[vn] = '\0';
	snap_memstat_set(&s->mem, k, (size_t)(eq - k), strtod(num, NULL));
}

enum lh_status heaptext_parse(struct snapshot *s, struct snap_stream *in,
			      const struct snap_limits *lim_in,
			      struct lh_error *err)
{
	struct snap_limits lim;
	struct snap_lines lr;
	struct htext h = { 0 };
	enum lh_status st = LH_OK;
	const char *line, *rest;
	size_t len;
	bool header = false, memstats = false;
	int rc;

	snap_limits_resolve(&lim, lim_in);
	h.s = s;
	h.in = in;
	h.lim = &lim;
	h.err = err;
	snap_lines_init(&lr, in, &lim);
	while ((rc = snap_lines_next(&lr, &line, &len, err)) == 1) {
		struct text_frame tf;
		int64_t v[4];

		if (!header) {
			const char *r;
			uint64_t rate = 0;

			if (len == 0)
				continue;
			if (len < 14 || memcmp(line, "heap profile: ", 14) != 0 ||
			    !four(line + 14, len - 14, v, &rest) ||
			    !(r = memmem(rest, (size_t)(line + len - rest),
					 "@ heap", 6))) {
				st = snap_fail_at(err, in, lr.line_off,
						  "not a heap profile: expected "
						  "'heap profile: ... @ heap/N'");
				break;
			}
			r = memchr(r, '/', (size_t)(line + len - r));
			if (r)
				snap_parse_u64(r + 1, (size_t)(line + len - r - 1),
					       &rate);
			h.rate = (double)rate / 2;
			s->heap_period = (int64_t)rate / 2;
			header = true;
			continue;
		}
		if (len == 0) {
			st = htext__finish(&h);
			if (st != LH_OK)
				break;
			continue;
		}
		if (memstats || (len >= 18 &&
				 memcmp(line, "# runtime.MemStats", 18) == 0)) {
			st = htext__finish(&h);
			if (st != LH_OK)
				break;
			if (memstats && len > 2 && line[0] == '#')
				memstat_line(s, line, len);
			memstats = true;
			continue;
		}
		if (line[0] != '#') {
			size_t npc;

			st = htext__finish(&h);
			if (st != LH_OK)
				break;
			if (!four(line, len, h.v, &rest) ||
			    (rest = memchr(rest, '@', (size_t)(line + len - rest))) == NULL) {
				st = snap_fail_at(err, in, lr.line_off,
						  "bad heap record: expected "
						  "'a: b [c: d] @ 0x...'");
				break;
			}
			h.pcs.len = 0;
			if (!snap_text_pcs(rest + 1, (size_t)(line + len - rest - 1),
					   NULL, 0, &npc)) {
				st = snap_fail_at(err, in, lr.line_off,
						  "bad PC list");
				break;
			}
			npc = LH_MIN(npc, (size_t)64);
			VEC_GROW(&h.pcs, npc);
			snap_text_pcs(rest + 1, (size_t)(line + len - rest - 1),
				      h.pcs.items, npc, &npc);
			h.pcs.len = LH_MIN(npc, (size_t)64);
			h.open = true;
			h.off = lr.line_off;
			text_stack_reset(&h.ts);
			continue;
		}
		if (!h.open)
			continue; /* a comment between records */
		if (!snap_text_frame(line, len, &tf)) {
			st = snap_fail_at(err, in, lr.line_off,
					  "bad frame line");
			break;
		}
		text_stack_push(&h.ts, &tf, lim.max_frames);
	}
	if (rc < 0)
		st = LH_ERR;
	if (st == LH_OK)
		st = htext__finish(&h);
	if (st == LH_OK && !header)
		st = snap_fail_at(err, in, snap_stream_offset(in),
				  "empty input (not a heap profile)");
	/* Go ends every heap?debug=1 with its MemStats: none means a cut */
	if (st == LH_OK && !memstats)
		st = snap_fail_at(err, in, snap_stream_offset(in),
				  "truncated heap profile: no '# "
				  "runtime.MemStats' trailer");
	if (st == LH_OK) {
		s->has |= SNAP_HAS_HEAPTEXT;
		if (!s->profile)
			s->profile = "heap";
	}
	snap_lines_release(&lr);
	text_stack_release(&h.ts);
	VEC_FREE(&h.pcs);
	return st;
}
