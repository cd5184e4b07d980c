/*
 * rt.c - follows goroutine buckets and heap sites across snapshots,
 * classifies them into the seven leak classes (FORMATS.md "leak
 * signatures") and turns the suspects into findings.
 *
 * Precision first: one snapshot cannot tell a leak from a busy moment, so
 * from a single snapshot only shapes that cannot be benign (nil channels,
 * goroutineleak's "(leaked)") or that are concentrated at one user line
 * become findings, with their confidence saying so; with several snapshots
 * only what grows does. Goroutines waiting in IO, sleep, syscalls or the
 * runtime, and stacks with no user frame (servers, signal handling), are
 * ranked but never reported, except net/http's persistConn loops that wait
 * for a response body to be read (LH791).
 */
#include <math.h>
#include <stdio.h>

#include "detect/rt.h"
#include "runtime/rtinternal.h"

const char *rt_trend_name(enum rt_trend t)
{
	switch (t) {
	case RT_GROWING:
		return "growing";
	case RT_STABLE:
		return "stable";
	case RT_SHRINKING:
		return "shrinking";
	default:
		return "";
	}
}

/* ---------------------------------------------------------------- keys */

static uint64_t key__goroutine(const struct snap_gbucket *b, bool with_state)
{
	struct buf k = BUF_INIT;
	int first = snap_stack_first(&b->stack, SNAP_ORIGIN_STDLIB);
	uint64_t h;

	if (with_state)
		buf_printf(&k, "%s|%d|", b->reason, (int)b->wait);
	if (b->labels)
		buf_adds(&k, b->labels);
	buf_addc(&k, '|');
	for (uint32_t i = first < 0 ? b->stack.nframes : (uint32_t)first;
	     i < b->stack.nframes; i++) {
		const struct snap_frame *f = &b->stack.frames[i];

		buf_printf(&k, "%s\t%s\t%u\n", f->func, f->file ? f->file : "",
			   f->line);
	}
	if (first < 0) /* only runtime frames: keep them all */
		for (uint32_t i = 0; i < b->stack.nframes; i++)
			buf_printf(&k, "%s\n", b->stack.frames[i].func);
	h = lh_hash(k.data ? k.data : "", k.len);
	buf_release(&k);
	return h;
}

/* ---------------------------------------------------------------- trend */

static void trend(struct rt_item *it, size_t n, const struct rt_options *o,
		  int64_t period)
{
	double first = it->v[0], last = it->v[n - 1];
	double thr = it->heap ? (double)o->min_rise_bytes : 1.0;

	/* heap values are estimates from samples about one period apart:
	 * growth under two samples' worth is noise */
	if (it->heap && thr < 2.0 * (double)period)
		thr = 2.0 * (double)period;
	double lo1 = INFINITY, lo2 = INFINITY, hi1 = 0, hi2 = 0;

	it->monotonic = true;
	for (size_t i = 1; i < n; i++)
		if (it->v[i] < it->v[i - 1])
			it->monotonic = false;
	if (n == 1) {
		it->trend = RT_SINGLE;
		return;
	}
	if (first * o->min_rise_rel > thr)
		thr = first * o->min_rise_rel;
	/* and out of their sampling noise (series.h, test 3): that of the two
	 * estimates compared, or, when less, that of what came and went */
	if (it->heap && last > first && it->v[0] + it->v[n - 1] > 0) {
		double var = it->var[0] + it->var[n - 1];
		double f = it->freed[n - 1] - it->freed[0];

		var = LH_MIN(var, var / (it->v[0] + it->v[n - 1]) *
					  (last - first + 2 * LH_MAX(f, 0.0)));
		if (o->noise_z * sqrt(var) > thr)
			thr = o->noise_z * sqrt(var);
	}
	for (size_t i = 0; i < n; i++) {
		if (i < n / 2) {
			lo1 = LH_MIN(lo1, it->v[i]);
			hi1 = LH_MAX(hi1, it->v[i]);
		} else {
			lo2 = LH_MIN(lo2, it->v[i]);
			hi2 = LH_MAX(hi2, it->v[i]);
		}
	}
	if (last - first >= thr && lo2 > lo1)
		it->trend = RT_GROWING;
	else if (first - last >= thr && hi2 < hi1)
		it->trend = RT_SHRINKING;
	else
		it->trend = RT_STABLE;
}

/* ---------------------------------------------------------------- source */

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == ']' ||
	       c == ')';
}

/* What a goroutine blocked on `line` most likely waits on. */
static enum snap_wait sniff_wait(const char *line)
{
	const char *p = line, *arrow;

	while (*p == ' ' || *p == '\t')
		p++;
	if (str_has_prefix(p, "select {") || str_has_prefix(p, "select{"))
		return SNAP_WAIT_SELECT;
	if (strstr(p, ".RLock()") || strstr(p, ".Lock()"))
		return SNAP_WAIT_MUTEX;
	if (strstr(p, ".Wait()"))
		return SNAP_WAIT_SEMACQUIRE;
	if (str_has_prefix(p, "for ") && strstr(p, "range "))
		return SNAP_WAIT_CHAN_RECV;
	arrow = strstr(p, "<-");
	if (!arrow)
		return SNAP_WAIT_UNKNOWN;
	/* "x <- v" is a send; "<-x", "v := <-x", "case <-x" receive */
	{
		const char *q = arrow;

		while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
			q--;
		if (q > p && ident_char(q[-1]) && !str_has_prefix(p, "case ") &&
		    !strstr(p, "=") && !strstr(p, "return "))
			return SNAP_WAIT_CHAN_SEND;
		if (str_has_prefix(p, "case ") && q > p + 5 &&
		    ident_char(q[-1]) && !strstr(p, "="))
			return SNAP_WAIT_CHAN_SEND;
	}
	return SNAP_WAIT_CHAN_RECV;
}

enum heap_shape { SHAPE_NONE, SHAPE_MAP, SHAPE_SLICE };

static enum heap_shape sniff_heap(const char *line)
{
	const char *p = line, *br, *eq;

	if (strstr(p, "append("))
		return SHAPE_SLICE;
	br = strchr(p, '[');
	eq = strstr(p, "] = ");
	if (br && eq && br < eq && br > p && ident_char(br[-1]))
		return SHAPE_MAP;
	return SHAPE_NONE;
}

static bool frame_line(struct rt_src *src, const struct snap_frame *f,
		       char *out, size_t n)
{
	const char *path;

	if (!src || !f->file || !f->line)
		return false;
	path = rt_src_map(src, f->file);
	return path && rt_src_line(path, f->line, out, n);
}

/* ---------------------------------------------------------------- classes */

static bool has_frame(const struct snap_stack *st, const char *const *names,
		      size_t n, bool prefix)
{
	for (uint32_t i = 0; i < st->nframes; i++) {
		const char *f = st->frames[i].func;

		for (size_t k = 0; k < n; k++) {
			/* the first byte rules most frames out cheaply: this
			 * runs for every frame of every heap site */
			if (f[0] != names[k][0])
				continue;
			if (prefix ? str_has_prefix(f, names[k])
				   : strcmp(f, names[k]) == 0)
				return true;
		}
	}
	return false;
}

/* Index of frame `name` when every frame above it is runtime, else -1. */
static int top_frame(const struct snap_stack *st, const char *name)
{
	for (uint32_t i = 0; i < st->nframes; i++) {
		if (strcmp(st->frames[i].func, name) == 0)
			return (int)i;
		if (snap_frame_origin(st->frames[i].func) != SNAP_ORIGIN_RUNTIME)
			return -1;
	}
	return -1;
}

static bool is_closure(const char *func)
{
	const char *p = strstr(func, ".func");

	return p && p[5] >= '0' && p[5] <= '9';
}

static enum lh_confidence conf_up(enum lh_confidence c)
{
	return c < LH_CONF_HIGH ? c + 1 : c;
}

static void classify_goroutine(struct rt_item *it, size_t n,
			       const struct rt_options *o, struct rt_src *src)
{
	const struct snap_gbucket *b = it->gb;
	double count = it->v[n - 1];
	bool growing = it->trend == RT_GROWING;
	bool strong = growing && it->monotonic && n >= 3;
	const struct lh_rule *r = NULL;
	char line[512];

	it->wait = b->wait;
	if (it->wait == SNAP_WAIT_UNKNOWN && b->block >= 0 &&
	    frame_line(src, &b->stack.frames[b->block], line, sizeof(line)))
		it->wait = sniff_wait(line);
	if (top_frame(&b->stack, "net/http.(*persistConn).readLoop") >= 0 &&
	    (it->wait == SNAP_WAIT_SELECT || it->wait == SNAP_WAIT_UNKNOWN)) {
		r = &lh_rule_lh791;
	} else if (b->block < 0) {
		r = NULL;
	} else {
		switch (it->wait) {
		case SNAP_WAIT_CHAN_SEND_NIL:
		case SNAP_WAIT_CHAN_RECV_NIL:
			r = &lh_rule_lh193;
			break;
		case SNAP_WAIT_SELECT_NOCASES:
			/* a deliberate park in main is the one benign use */
			if (strcmp(b->stack.frames[b->block].func,
				   "main.main") != 0)
				r = &lh_rule_lh193;
			break;
		case SNAP_WAIT_CHAN_SEND:
		case SNAP_WAIT_CHAN_RECV:
		case SNAP_WAIT_SELECT:
			r = &lh_rule_lh191;
			break;
		case SNAP_WAIT_MUTEX:
		case SNAP_WAIT_RWMUTEX:
		case SNAP_WAIT_WAITGROUP:
		case SNAP_WAIT_COND:
		case SNAP_WAIT_SEMACQUIRE:
			r = &lh_rule_lh192;
			break;
		case SNAP_WAIT_UNKNOWN:
			r = &lh_rule_lh190;
			break;
		default:
			r = NULL;
		}
	}
	it->rule = NULL;
	if (!r || count <= 0)
		return;
	if (r == &lh_rule_lh193) {
		it->conf = it->wait == SNAP_WAIT_SELECT_NOCASES ? LH_CONF_MEDIUM
								: LH_CONF_HIGH;
	} else if (b->flags & SNAP_G_LEAKED) {
		it->conf = LH_CONF_HIGH;
	} else if (growing) {
		it->conf = strong ? LH_CONF_HIGH : LH_CONF_MEDIUM;
	} else if (it->trend != RT_SINGLE || r == &lh_rule_lh190 ||
		   count < (double)o->min_count) {
		return; /* flat, shrinking or small: not a finding */
	} else if (r == &lh_rule_lh791) {
		it->conf = LH_CONF_MEDIUM;
	} else {
		/* one snapshot, concentrated at one user line. A receive or
		 * select there may be an idle worker pool; a send or a lock
		 * rarely is. */
		bool hard = it->wait == SNAP_WAIT_CHAN_SEND ||
			    r == &lh_rule_lh192;

		it->conf = hard ? LH_CONF_MEDIUM : LH_CONF_LOW;
		if (b->max_wait >= o->long_wait)
			it->conf = conf_up(it->conf);
		if (!hard && count >= 10.0 * (double)o->min_count)
			it->conf = conf_up(it->conf);
	}
	it->rule = r;
}

static const char *const timer_fns[] = {
	"time.NewTicker", "time.NewTimer", "time.After", "time.AfterFunc",
	"time.Tick",
};
static const char *const ctx_fns[] = {
	"context.WithCancel",	    "context.WithTimeout",
	"context.WithDeadline",	    "context.WithCancelCause",
	"context.WithDeadlineCause", "context.WithTimeoutCause",
	"context.(*cancelCtx).propagateCancel",
};
static const char *const fd_fns[] = {
	"os.newFile", "os.NewFile", "net.newFD", "os.OpenFile", "os.Open",
	"os.Create", "net.(*netFD).accept",
};
static const char *const map_fns[] = {
	"runtime.mapassign", "runtime.hashGrow", "runtime.makeBucketArray",
	"runtime.makemap", "internal/runtime/maps.",
};

bool rt_heap_opens_fds(const struct snap_hsite *h)
{
	return has_frame(&h->stack, fd_fns, ARRAY_SIZE(fd_fns), false);
}

const struct snap_frame *rt_site_frame(const struct snap_stack *st, int user,
				       bool *is_user)
{
	*is_user = user >= 0 && (uint32_t)user < st->nframes;
	if (*is_user)
		return &st->frames[user];
	for (uint32_t i = 0; i < st->nframes; i++)
		if (snap_frame_origin(st->frames[i].func) != SNAP_ORIGIN_RUNTIME)
			return &st->frames[i];
	return NULL;
}

static void classify_heap(struct rt_item *it, size_t n,
			  const struct rt_options *o, struct rt_src *src)
{
	const struct snap_hsite *h = it->hs;
	const struct snap_stack *st = &h->stack;
	bool growing = it->trend == RT_GROWING;
	const struct lh_rule *r;
	char line[512];

	it->rule = NULL;
	if (has_frame(st, timer_fns, ARRAY_SIZE(timer_fns), false))
		r = &lh_rule_lh291;
	else if (has_frame(st, ctx_fns, ARRAY_SIZE(ctx_fns), false))
		r = &lh_rule_lh292;
	else if (rt_heap_opens_fds(h))
		r = &lh_rule_lh792;
	else if (h->user < 0)
		r = has_frame(st, (const char *const[]){
					  "net/http.(*Transport).dialConn" },
			      1, false)
			    ? &lh_rule_lh791
			    : NULL;
	else if (has_frame(st, (const char *const[]){ "sync.(*Pool).Get" }, 1,
			   false))
		r = &lh_rule_lh691;
	else if (h->obj_bytes >= o->large_object)
		r = &lh_rule_lh491;
	else if (h->alloc_fn && (str_has_prefix(h->alloc_fn, "runtime.growslice")))
		r = &lh_rule_lh392;
	else if (h->alloc_fn &&
		 has_frame(&(struct snap_stack){
				   &(struct snap_frame){ h->alloc_fn, NULL, 0, 0 },
				   1, false },
			   map_fns, ARRAY_SIZE(map_fns), true))
		r = &lh_rule_lh391;
	else {
		enum heap_shape sh = SHAPE_NONE;

		if (frame_line(src, &st->frames[h->user], line, sizeof(line)))
			sh = sniff_heap(line);
		if (sh == SHAPE_MAP)
			r = &lh_rule_lh391;
		else if (sh == SHAPE_SLICE)
			r = &lh_rule_lh392;
		else if (is_closure(st->frames[h->user].func))
			r = &lh_rule_lh591;
		else
			r = &lh_rule_lh390;
	}
	if (growing) {
		it->conf = it->monotonic && n >= 3 ? LH_CONF_HIGH
						   : LH_CONF_MEDIUM;
		it->rule = r;
	} else if (it->trend == RT_SINGLE && r == &lh_rule_lh291 &&
		   it->obj[0] >= 20.0 * (double)o->min_count) {
		/* many live tickers from one line is rarely on purpose */
		it->conf = LH_CONF_LOW;
		it->rule = r;
	}
}

/* ---------------------------------------------------------------- score */

static double wait_weight(enum snap_wait w)
{
	switch (w) {
	case SNAP_WAIT_CHAN_SEND_NIL:
	case SNAP_WAIT_CHAN_RECV_NIL:
	case SNAP_WAIT_SELECT_NOCASES:
		return 3.0;
	case SNAP_WAIT_CHAN_SEND:
	case SNAP_WAIT_MUTEX:
	case SNAP_WAIT_RWMUTEX:
	case SNAP_WAIT_WAITGROUP:
	case SNAP_WAIT_COND:
	case SNAP_WAIT_SEMACQUIRE:
		return 1.5;
	case SNAP_WAIT_CHAN_RECV:
	case SNAP_WAIT_SELECT:
		return 1.0;
	case SNAP_WAIT_UNKNOWN:
		return 0.5;
	default:
		return 0.05;
	}
}

static void score(struct rt_item *it, size_t n)
{
	double last = it->v[n - 1], delta = last - it->v[0];

	if (it->heap) {
		it->score = (n > 1 ? LH_MAX(delta, 0.0) : 0.0) + last * 0.01 +
			    (n == 1 ? last : 0.0);
	} else {
		const struct snap_gbucket *b = it->gb;

		it->score = last * wait_weight(it->wait) *
			    (1.0 + log1p((double)LH_MAX(b->max_wait, 0)));
		if (b->flags & SNAP_G_LEAKED)
			it->score *= 4;
		if (b->block < 0 && it->rule != &lh_rule_lh791)
			it->score *= 0.1;
		if (n > 1 && delta > 0)
			it->score *= 1.0 + delta;
	}
	if (it->rule)
		it->score = it->score * 10 + 1;
}

static int item_cmp(const void *a, const void *b)
{
	const struct rt_item *x = *(const struct rt_item *const *)a;
	const struct rt_item *y = *(const struct rt_item *const *)b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* ---------------------------------------------------------------- analyze */

static struct rt_item *item_get(struct rt_analysis *a, struct map *idx,
				uint64_t key)
{
	struct map_entry *e = map_slot(idx, (const char *)&key, sizeof(key));
	struct rt_item *it = e->value;

	if (!it) {
		it = arena_alloc(&a->arena, sizeof(*it));
		it->heap = a->heap;
		it->key = key;
		it->v = arena_alloc(&a->arena, sizeof(double) * a->n);
		it->obj = arena_alloc(&a->arena, sizeof(double) * a->n);
		if (a->heap) {
			it->h = arena_alloc(&a->arena, sizeof(void *) * a->n);
			it->var = arena_alloc(&a->arena, sizeof(double) * a->n);
			it->freed = arena_alloc(&a->arena, sizeof(double) * a->n);
		}
		else
			it->g = arena_alloc(&a->arena, sizeof(void *) * a->n);
		e->value = it;
		VEC_PUSH(&a->items, it);
	}
	return it;
}

/* Heap items of one rule at one user line (reached through different
 * callers or runtime paths) are one finding: add them up and judge the sum. */
static void merge_sites(struct rt_analysis *a, size_t n,
			const struct rt_options *o, struct rt_src *src)
{
	struct map idx = MAP_INIT;
	size_t w = 0;

	for (size_t k = 0; k < a->items.len; k++) {
		struct rt_item *it = a->items.items[k];
		const struct snap_frame *f;
		struct rt_item *to;
		char key[600];

		if (!it->rule || it->hs->user < 0) {
			a->items.items[w++] = it;
			continue;
		}
		f = &it->hs->stack.frames[it->hs->user];
		snprintf(key, sizeof(key), "%s|%s|%s|%u", it->rule->id, f->func,
			 f->file ? f->file : "", f->line);
		to = map_gets(&idx, key);
		if (!to) {
			map_puts(&idx, key, it);
			a->items.items[w++] = it;
			continue;
		}
		for (size_t i = 0; i < n; i++) {
			to->v[i] += it->v[i];
			to->obj[i] += it->obj[i];
			to->var[i] += it->var[i];
			to->freed[i] += it->freed[i];
		}
		to->merged++;
	}
	a->items.len = w;
	map_release(&idx);
	for (size_t k = 0; k < a->items.len; k++) {
		struct rt_item *it = a->items.items[k];

		if (!it->merged || !it->rule)
			continue;
		trend(it, n, o, a->snaps[n - 1]->heap_period);
		classify_heap(it, n, o, src);
		score(it, n);
	}
}

void rt_analyze(struct rt_analysis *a, const struct snapshot *const *snaps,
		size_t n, bool heap, const struct rt_options *o_in,
		struct rt_src *src)
{
	static const struct rt_options dflt = RT_OPTIONS_INIT;
	const struct rt_options *o = o_in ? o_in : &dflt;
	struct map idx = MAP_INIT;
	bool states = true;
	struct rt_item *read = NULL, *write = NULL;

	memset(a, 0, sizeof(*a));
	arena_init(&a->arena);
	a->snaps = snaps;
	a->n = n;
	a->heap = heap;
	for (size_t i = 0; i < n; i++)
		if (!(snaps[i]->has & (SNAP_HAS_GDUMP | SNAP_HAS_TRACE)))
			states = false;
	for (size_t i = 0; i < n; i++) {
		const struct snapshot *s = snaps[i];

		if (heap) {
			for (size_t k = 0; k < s->hsites.len; k++) {
				const struct snap_hsite *h = s->hsites.items[k];
				struct rt_item *it = item_get(a, &idx, h->sig);

				it->h[i] = h;
				it->hs = h;
				it->v[i] += (double)h->inuse_bytes;
				it->obj[i] += (double)h->inuse_objects;
				it->var[i] += h->inuse_var;
				it->freed[i] += (double)(h->alloc_bytes -
							 h->inuse_bytes);
			}
			continue;
		}
		for (size_t k = 0; k < s->gbuckets.len; k++) {
			const struct snap_gbucket *b = s->gbuckets.items[k];
			struct rt_item *it =
				item_get(a, &idx, key__goroutine(b, states));

			if (!it->g[i] || b->count > it->g[i]->count)
				it->g[i] = b;
			else
				it->merged++;
			it->gb = it->g[i];
			it->v[i] += (double)b->count;
		}
	}
	map_release(&idx);
	for (size_t k = 0; k < a->items.len; k++) {
		struct rt_item *it = a->items.items[k];

		/* the representative: from the newest snapshot holding it */
		for (size_t i = n; i-- > 0;) {
			if (heap ? it->h[i] != NULL : it->g[i] != NULL) {
				if (heap)
					it->hs = it->h[i];
				else
					it->gb = it->g[i];
				break;
			}
		}
		trend(it, n, o, heap ? snaps[n - 1]->heap_period : 0);
		if (heap)
			classify_heap(it, n, o, src);
		else
			classify_goroutine(it, n, o, src);
		if (!heap && top_frame(&it->gb->stack,
				       "net/http.(*persistConn).readLoop") >= 0 &&
		    (!read || it->v[n - 1] > read->v[n - 1]))
			read = it;
		if (!heap && top_frame(&it->gb->stack,
				       "net/http.(*persistConn).writeLoop") >= 0 &&
		    (!write || it->v[n - 1] > write->v[n - 1]))
			write = it;
		score(it, n);
	}
	if (heap)
		merge_sites(a, n, o, src);
	if (read && read->rule == &lh_rule_lh791)
		read->pair = write;
	/* no items: items is NULL, which qsort must not be given */
	if (a->items.len > 1)
		qsort(a->items.items, a->items.len, sizeof(a->items.items[0]),
		      item_cmp);
}

void rt_analysis_release(struct rt_analysis *a)
{
	VEC_FREE(&a->items);
	arena_release(&a->arena);
}
