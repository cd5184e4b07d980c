/*
 * pprof.c - profile.proto reader (FORMATS.md B4; google/pprof
 * proto/profile.proto field numbers; Go's runtime/pprof protobuf.go and
 * protomem.go). Input may be gzip'd (as served and as saved by `go tool
 * pprof`) or plain; the stream inflates it with a size cap.
 *
 * Streaming: the top-level Profile message is walked field by field here;
 * each sub-message (Sample, Location, Function, ValueType) is read into a
 * bounded buffer and decoded with protobuf-c (src/runtime/profile.proto).
 * Go writes fields out of number order (samples first, strings last), so
 * samples, locations, functions and strings go to tables and are resolved
 * at the end. Memory is that of the tables: distinct stacks and strings.
 *
 * Heap (and allocs) profiles become heap sites; goroutine, goroutineleak
 * and threadcreate profiles become goroutine buckets whose wait kind is
 * read from the runtime frames the proto keeps (runtime.chansend1, ...).
 */
#include <inttypes.h>

#include "runtime/profile.pb-c.h"
#include "runtime/rtinternal.h"

enum {
	PF_SAMPLE_TYPE = 1,
	PF_SAMPLE = 2,
	PF_MAPPING = 3,
	PF_LOCATION = 4,
	PF_FUNCTION = 5,
	PF_STRING_TABLE = 6,
	PF_DROP_FRAMES = 7,
	PF_KEEP_FRAMES = 8,
	PF_TIME_NANOS = 9,
	PF_DURATION_NANOS = 10,
	PF_PERIOD_TYPE = 11,
	PF_PERIOD = 12,
	PF_COMMENT = 13,
	PF_DEFAULT_SAMPLE_TYPE = 14,
	PF_DOC_URL = 15,
};

enum { WT_VARINT = 0, WT_I64 = 1, WT_LEN = 2, WT_SGROUP = 3, WT_EGROUP = 4,
       WT_I32 = 5 };

typedef Leakhound__Pprof__Sample Sample;
typedef Leakhound__Pprof__Location Location;
typedef Leakhound__Pprof__Function Function;
typedef Leakhound__Pprof__ValueType ValueType;
typedef VEC(struct snap_frame) frame_vec;

struct pp {
	struct snapshot *s;
	struct snap_stream *in;
	const struct snap_limits *lim;
	struct lh_error *err;
	uint8_t rbuf[64 * 1024]; /* read-ahead */
	size_t rpos, rend;
	bool eof;
	uint64_t off; /* offset of rbuf[rpos] */
	struct buf msg;

	VEC(Sample *) samples;
	VEC(Location *) locs;
	VEC(Function *) funcs;
	VEC(const char *) strings; /* in the snapshot's arena */
	VEC(size_t) strlens;
	VEC(ValueType *) types;
	ValueType *period_type;
	int64_t period, time_nanos, default_type;
	struct map loc_index, func_index; /* 8-byte id -> index+1 */
};

static ptrdiff_t pp__fill(struct pp *p)
{
	ptrdiff_t k;

	if (p->rpos < p->rend)
		return (ptrdiff_t)(p->rend - p->rpos);
	if (p->eof)
		return 0;
	k = snap_stream_read(p->in, p->rbuf, sizeof(p->rbuf), p->lim, p->err);
	if (k < 0)
		return -1;
	if (k == 0)
		p->eof = true;
	p->rpos = 0;
	p->rend = (size_t)k;
	return k;
}

/* 1 read, 0 clean end (only when at_start), -1 error */
static int pp__varint(struct pp *p, uint64_t *out, bool at_start)
{
	uint64_t v = 0;
	uint64_t start = p->off;

	for (unsigned shift = 0, i = 0;; shift += 7, i++) {
		ptrdiff_t k = pp__fill(p);
		uint8_t b;

		if (k < 0)
			return -1;
		if (k == 0) {
			if (at_start && i == 0)
				return 0;
			snap_fail_at(p->err, p->in, start, "truncated varint");
			return -1;
		}
		if (i == 10) {
			snap_fail_at(p->err, p->in, start,
				     "malformed varint (more than 10 bytes)");
			return -1;
		}
		b = p->rbuf[p->rpos++];
		p->off++;
		v |= (uint64_t)(b & 0x7f) << (shift < 64 ? shift : 63);
		if (!(b & 0x80))
			break;
	}
	*out = v;
	return 1;
}

/* Reads n bytes into p->msg (grown as data arrives, so an absurd length on
 * a short input fails at its end without a big allocation). */
static bool pp__bytes(struct pp *p, uint64_t n, uint64_t field_off)
{
	buf_reset(&p->msg);
	while (n) {
		ptrdiff_t k = pp__fill(p);
		size_t m;

		if (k < 0)
			return false;
		if (k == 0) {
			snap_fail_at(p->err, p->in, field_off,
				     "truncated profile: field needs %" PRIu64
				     " more bytes",
				     n);
			return false;
		}
		m = (size_t)LH_MIN((uint64_t)k, n);
		buf_add(&p->msg, p->rbuf + p->rpos, m);
		p->rpos += m;
		p->off += m;
		n -= m;
	}
	return true;
}

static bool pp__skip(struct pp *p, uint64_t n, uint64_t field_off)
{
	while (n) {
		ptrdiff_t k = pp__fill(p);
		size_t m;

		if (k < 0)
			return false;
		if (k == 0) {
			snap_fail_at(p->err, p->in, field_off,
				     "truncated profile");
			return false;
		}
		m = (size_t)LH_MIN((uint64_t)k, n);
		p->rpos += m;
		p->off += m;
		n -= m;
	}
	return true;
}

static bool pp__index(struct map *m, uint64_t id, size_t idx)
{
	struct map_entry *e = map_slot(m, (const char *)&id, sizeof(id));

	if (e->value)
		return false; /* duplicate id */
	e->value = (void *)(uintptr_t)(idx + 1);
	return true;
}

/* Indexes a location or function by its id (kept at position idx); a
 * second one with the same id is an error at `off` (false). */
static bool pp__index_id(struct pp *p, struct map *m, uint64_t id, size_t idx,
			 const char *what, uint64_t off)
{
	if (pp__index(m, id, idx))
		return true;
	snap_fail_at(p->err, p->in, off, "duplicate %s id %" PRIu64, what, id);
	return false;
}

static size_t pp__lookup(const struct map *m, uint64_t id)
{
	return (size_t)(uintptr_t)map_get(m, (const char *)&id, sizeof(id));
}

/* One length-delimited top-level field, its bytes in p->msg. */
static bool pp__message(struct pp *p, uint64_t field, uint64_t off)
{
	const uint8_t *d = (const uint8_t *)p->msg.data;
	size_t n = p->msg.len;

	if (!d)
		d = (const uint8_t *)"";
	switch (field) {
	case PF_SAMPLE_TYPE:
	case PF_PERIOD_TYPE: {
		ValueType *v = leakhound__pprof__value_type__unpack(NULL, n, d);

		if (!v)
			goto bad;
		if (field == PF_PERIOD_TYPE) {
			if (p->period_type)
				leakhound__pprof__value_type__free_unpacked(
					p->period_type, NULL);
			p->period_type = v;
		} else {
			VEC_PUSH(&p->types, v);
		}
		return true;
	}
	case PF_SAMPLE: {
		Sample *sm = leakhound__pprof__sample__unpack(NULL, n, d);

		if (!sm)
			goto bad;
		VEC_PUSH(&p->samples, sm);
		return true;
	}
	case PF_LOCATION: {
		Location *l = leakhound__pprof__location__unpack(NULL, n, d);

		if (!l)
			goto bad;
		if (!pp__index_id(p, &p->loc_index, l->id, p->locs.len,
				  "location", off)) {
			leakhound__pprof__location__free_unpacked(l, NULL);
			return false;
		}
		VEC_PUSH(&p->locs, l);
		return true;
	}
	case PF_FUNCTION: {
		Function *f = leakhound__pprof__function__unpack(NULL, n, d);

		if (!f)
			goto bad;
		if (!pp__index_id(p, &p->func_index, f->id, p->funcs.len,
				  "function", off)) {
			leakhound__pprof__function__free_unpacked(f, NULL);
			return false;
		}
		VEC_PUSH(&p->funcs, f);
		return true;
	}
	case PF_STRING_TABLE:
		VEC_PUSH(&p->strings,
			 arena_strndup(&p->s->arena, (const char *)d, n));
		VEC_PUSH(&p->strlens, n);
		return true;
	case PF_COMMENT: /* packed repeated int64: nothing we need */
	case PF_MAPPING:
	default:
		return true;
	}
bad:
	snap_fail_at(p->err, p->in, off,
		     "malformed profile message (field %" PRIu64 ")", field);
	return false;
}

static const char *pp__str(const struct pp *p, int64_t i)
{
	if (i < 0 || (uint64_t)i >= p->strings.len)
		return NULL;
	return p->strings.items[i];
}

static int pp__type(const struct pp *p, const char *name)
{
	for (size_t i = 0; i < p->types.len; i++) {
		const char *t = pp__str(p, p->types.items[i]->type);

		if (t && strcmp(t, name) == 0)
			return (int)i;
	}
	return -1;
}

/* Builds the frames of sample sm into fr; false on a dangling id. */
static bool pp__stack(struct pp *p, const Sample *sm, frame_vec *fr,
		      bool *elided)
{
	fr->len = 0;
	*elided = false;
	for (size_t i = 0; i < sm->n_location_id; i++) {
		size_t li = pp__lookup(&p->loc_index, sm->location_id[i]);
		const Location *l;

		if (!li)
			return false;
		l = p->locs.items[li - 1];
		if (l->n_line == 0) {
			struct snap_frame f = { "?", NULL, 0, l->address };

			if (fr->len < p->lim->max_frames)
				VEC_PUSH(fr, f);
			else
				*elided = true;
			continue;
		}
		for (size_t k = 0; k < l->n_line; k++) {
			size_t fi = pp__lookup(&p->func_index,
					       l->line[k]->function_id);
			const Function *fn;
			struct snap_frame f = { "?", NULL, 0, l->address };
			const char *name, *file;

			if (!fi)
				return false;
			fn = p->funcs.items[fi - 1];
			name = pp__str(p, fn->name);
			file = pp__str(p, fn->filename);
			if (!name)
				return false;
			f.func = *name ? name : "?";
			f.file = file && *file ? file : NULL;
			f.line = l->line[k]->line > 0 &&
						 l->line[k]->line <= UINT32_MAX
					 ? (uint32_t)l->line[k]->line
					 : 0;
			if (fr->len < p->lim->max_frames)
				VEC_PUSH(fr, f);
			else
				*elided = true;
		}
	}
	return true;
}

static enum lh_status pp__resolve(struct pp *p)
{
	struct snapshot *s = p->s;
	int io = pp__type(p, "inuse_objects"), ib = pp__type(p, "inuse_space");
	int ao = pp__type(p, "alloc_objects"), ab = pp__type(p, "alloc_space");
	const char *ptype = p->period_type ? pp__str(p, p->period_type->type)
					   : NULL;
	bool heap = ib >= 0 || ab >= 0;
	bool gor = false;
	frame_vec fr = VEC_INIT;
	struct buf labels = BUF_INIT;
	enum lh_status st = LH_OK;

	if (p->strings.len == 0 || p->strlens.items[0] != 0)
		return snap_fail_at(p->err, p->in, p->off,
				    "not a pprof profile: string_table[0] "
				    "must be empty");
	if (!heap && p->types.len == 1) {
		const char *t = pp__str(p, p->types.items[0]->type);
		const char *u = pp__str(p, p->types.items[0]->unit);

		gor = u && strcmp(u, "count") == 0 && t &&
		      (strcmp(t, "goroutine") == 0 ||
		       strcmp(t, "goroutineleak") == 0 ||
		       strcmp(t, "threadcreate") == 0);
	}
	if (!heap && !gor) {
		const char *t = p->types.len ? pp__str(p, p->types.items[0]->type)
					     : NULL;

		return snap_fail_at(p->err, p->in, p->off,
				    "a '%s' profile: leakhound reads heap, "
				    "allocs and goroutine profiles",
				    ptype ? ptype : t ? t : "unknown");
	}
	if (p->time_nanos > 0)
		s->time_ns = p->time_nanos;
	if (heap) {
		const char *dflt = pp__str(p, p->default_type);

		s->profile = dflt && strcmp(dflt, "alloc_space") == 0 ? "allocs"
								      : "heap";
		s->heap_allocs = s->profile[0] == 'a';
		s->heap_period = p->period;
	} else {
		s->profile = arena_strdup(&s->arena,
					  pp__str(p, p->types.items[0]->type));
	}
	for (size_t i = 0; i < p->samples.len && st == LH_OK; i++) {
		const Sample *sm = p->samples.items[i];
		struct snap_stack stk;
		bool elided;

		if (!pp__stack(p, sm, &fr, &elided)) {
			st = snap_fail_at(p->err, p->in, p->off,
					  "sample %zu refers to a missing "
					  "location or function", i);
			break;
		}
		stk.frames = fr.items;
		stk.nframes = (uint32_t)fr.len;
		stk.elided = elided;
		if (heap) {
			int64_t v[4] = { 0, 0, 0, 0 }, obj = 0;
			int idx[4] = { io, ib, ao, ab };

			for (int k = 0; k < 4; k++)
				if (idx[k] >= 0 && (size_t)idx[k] < sm->n_value)
					v[k] = sm->value[idx[k]];
			for (size_t k = 0; k < sm->n_label; k++) {
				const char *key = pp__str(p, sm->label[k]->key);

				if (key && strcmp(key, "bytes") == 0)
					obj = sm->label[k]->num;
			}
			if (!snapshot_add_heap(s, &stk, v[0], v[1], v[2], v[3],
					       obj, p->lim))
				st = snap_fail_at(p->err, p->in, p->off,
						  "more than %zu distinct "
						  "allocation sites",
						  p->lim->max_buckets);
		} else {
			int64_t c = sm->n_value ? sm->value[0] : 0;

			buf_reset(&labels);
			for (size_t k = 0; k < sm->n_label; k++) {
				const char *key = pp__str(p, sm->label[k]->key);
				const char *val = pp__str(p, sm->label[k]->str);

				if (!key || !val || !sm->label[k]->str)
					continue;
				buf_adds(&labels, labels.len ? ", " : "{");
				buf_printf(&labels, "\"%s\":\"%s\"", key, val);
			}
			if (labels.len)
				buf_addc(&labels, '}');
			if (c < 0)
				c = 0;
			if (!snapshot_add_goroutines(
				    s, "", SNAP_WAIT_UNKNOWN, 0,
				    labels.len ? labels.data : NULL, &stk, NULL,
				    0, (uint64_t)c, -1, 0, p->lim))
				st = snap_fail_at(p->err, p->in, p->off,
						  "more than %zu distinct "
						  "stacks",
						  p->lim->max_buckets);
		}
	}
	if (st == LH_OK)
		s->has |= heap ? SNAP_HAS_HEAP : SNAP_HAS_GPROTO;
	VEC_FREE(&fr);
	buf_release(&labels);
	return st;
}

static void pp__release(struct pp *p)
{
	for (size_t i = 0; i < p->samples.len; i++)
		leakhound__pprof__sample__free_unpacked(p->samples.items[i],
							NULL);
	for (size_t i = 0; i < p->locs.len; i++)
		leakhound__pprof__location__free_unpacked(p->locs.items[i],
							  NULL);
	for (size_t i = 0; i < p->funcs.len; i++)
		leakhound__pprof__function__free_unpacked(p->funcs.items[i],
							  NULL);
	for (size_t i = 0; i < p->types.len; i++)
		leakhound__pprof__value_type__free_unpacked(p->types.items[i],
							    NULL);
	if (p->period_type)
		leakhound__pprof__value_type__free_unpacked(p->period_type,
							    NULL);
	VEC_FREE(&p->samples);
	VEC_FREE(&p->locs);
	VEC_FREE(&p->funcs);
	VEC_FREE(&p->types);
	VEC_FREE(&p->strings);
	VEC_FREE(&p->strlens);
	map_release(&p->loc_index);
	map_release(&p->func_index);
	buf_release(&p->msg);
}

enum lh_status pprof_parse(struct snapshot *s, struct snap_stream *in,
			   const struct snap_limits *lim_in,
			   struct lh_error *err)
{
	struct snap_limits lim;
	struct pp *p = xcalloc(1, sizeof(*p));
	enum lh_status st = LH_ERR;
	size_t nfields = 0;

	snap_limits_resolve(&lim, lim_in);
	p->s = s;
	p->in = in;
	p->lim = &lim;
	p->err = err;
	p->off = snap_stream_offset(in);
	buf_init(&p->msg, 0);
	for (;;) {
		uint64_t key, v, field, off = p->off;
		int rc = pp__varint(p, &key, true);
		unsigned wt;

		if (rc < 0)
			goto out;
		if (rc == 0)
			break;
		field = key >> 3;
		wt = (unsigned)(key & 7);
		if (field == 0) {
			snap_fail_at(err, in, off,
				     "not a pprof profile: field number 0");
			goto out;
		}
		nfields++;
		switch (wt) {
		case WT_VARINT:
			if (pp__varint(p, &v, false) < 0)
				goto out;
			if (field == PF_TIME_NANOS)
				p->time_nanos = (int64_t)v;
			else if (field == PF_PERIOD)
				p->period = (int64_t)v;
			else if (field == PF_DEFAULT_SAMPLE_TYPE)
				p->default_type = (int64_t)v;
			else if (field == PF_SAMPLE_TYPE || field == PF_SAMPLE ||
				 field == PF_LOCATION || field == PF_FUNCTION ||
				 field == PF_STRING_TABLE) {
				snap_fail_at(err, in, off,
					     "not a pprof profile: field %" PRIu64
					     " has the wrong wire type",
					     field);
				goto out;
			}
			break;
		case WT_LEN:
			if (pp__varint(p, &v, false) < 0)
				goto out;
			if (v > lim.max_message) {
				snap_fail_at(err, in, off,
					     "field of %" PRIu64 " bytes is "
					     "larger than the limit of %zu "
					     "(corrupt length?)",
					     v, lim.max_message);
				goto out;
			}
			if (field > PF_DOC_URL || field == PF_MAPPING ||
			    field == PF_COMMENT || field == PF_DROP_FRAMES ||
			    field == PF_KEEP_FRAMES) {
				if (!pp__skip(p, v, off))
					goto out;
				break;
			}
			if (!pp__bytes(p, v, off) || !pp__message(p, field, off))
				goto out;
			break;
		case WT_I64:
			if (!pp__skip(p, 8, off))
				goto out;
			break;
		case WT_I32:
			if (!pp__skip(p, 4, off))
				goto out;
			break;
		default:
			snap_fail_at(err, in, off,
				     "not a pprof profile: wire type %u", wt);
			goto out;
		}
	}
	if (nfields == 0) {
		snap_fail_at(err, in, p->off, "empty profile");
		goto out;
	}
	st = pp__resolve(p);
out:
	pp__release(p);
	free(p);
	return st;
}
