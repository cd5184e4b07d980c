/*
 * snapshot.c - the runtime data model: buckets of goroutines keyed by a
 * signature of (state, stack, creator), heap sites keyed by stack, interned
 * frame strings, and the classification of frames and wait reasons.
 */
#include <math.h>
#include <stdio.h>

#include "runtime/rtinternal.h"

void snap_limits_resolve(struct snap_limits *out, const struct snap_limits *in)
{
	static const struct snap_limits dflt = SNAP_LIMITS_DEFAULT;

	*out = in ? *in : dflt;
	if (!out->max_line)
		out->max_line = dflt.max_line;
	if (!out->max_decompressed)
		out->max_decompressed = dflt.max_decompressed;
	if (!out->max_frames)
		out->max_frames = dflt.max_frames;
	if (!out->max_buckets)
		out->max_buckets = dflt.max_buckets;
	if (!out->max_message)
		out->max_message = dflt.max_message;
}

bool snap_parse_u64(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;

	if (n == 0 || n > 20)
		return false;
	if (n < 20) { /* 19 digits cannot overflow */
		for (size_t i = 0; i < n; i++) {
			unsigned d = (unsigned)(s[i] - '0');

			if (d > 9)
				return false;
			v = v * 10 + d;
		}
		*out = v;
		return true;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned d = (unsigned)(s[i] - '0');

		if (d > 9 || v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/* ---------------------------------------------------------------- lifecycle */

struct snapshot *snapshot_new(const char *name)
{
	struct snapshot *s = xcalloc(1, sizeof(*s));

	arena_init(&s->arena);
	s->name = arena_strdup(&s->arena, name ? name : "");
	map_init(&s->gindex);
	map_init(&s->hindex);
	map_init(&s->strings);
	buf_init(&s->scratch, 0);
	return s;
}

void snapshot_free(struct snapshot *s)
{
	if (!s)
		return;
	VEC_FREE(&s->gbuckets);
	VEC_FREE(&s->hsites);
	map_release(&s->gindex);
	map_release(&s->hindex);
	map_release(&s->strings);
	buf_release(&s->scratch);
	arena_release(&s->arena);
	free(s);
}

const char *snapshot_intern(struct snapshot *s, const char *p, size_t n)
{
	struct map_entry *e = map_slot(&s->strings, p, n);

	if (!e->value)
		e->value = arena_strndup(&s->arena, p, n);
	return e->value;
}

/* ---------------------------------------------------------------- origins */

size_t snap_func_pkg_len(const char *func)
{
	/* the package path ends at the first '.' after the last '/' */
	const char *slash = strrchr(func, '/');
	const char *p = slash ? slash : func;
	const char *dot;

	/* a '/' inside generic brackets or arguments is not a path: only
	 * look before the first '[' */
	const char *br = strchr(func, '[');

	if (br && slash && slash > br) {
		p = func;
		for (const char *q = func; q < br; q++)
			if (*q == '/')
				p = q;
	}
	dot = strchr(p, '.');
	return dot ? (size_t)(dot - func) : strlen(func);
}

enum snap_origin snap_frame_origin(const char *func)
{
	size_t n = snap_func_pkg_len(func);
	const char *slash;

	if (str_eqn(func, n, "runtime") || str_has_prefix(func, "runtime/") ||
	    str_has_prefix(func, "internal/runtime/"))
		return SNAP_ORIGIN_RUNTIME;
	if (n == 0 || str_eqn(func, n, "main") ||
	    str_eqn(func, n, "command-line-arguments"))
		return SNAP_ORIGIN_USER;
	/* "panic", "gopanic" and other bare names printed by tracebacks */
	if (n == strlen(func))
		return SNAP_ORIGIN_RUNTIME;
	slash = memchr(func, '/', n);
	if (memchr(func, '.', slash ? (size_t)(slash - func) : n))
		return SNAP_ORIGIN_USER; /* example.com/..., github.com/... */
	/* golang.org/x is not the standard library: it has a dot. Vendored
	 * std copies ("vendor/golang.org/x/net/...") are. */
	return SNAP_ORIGIN_STDLIB;
}

int snap_stack_first(const struct snap_stack *st, enum snap_origin min)
{
	for (uint32_t i = 0; i < st->nframes; i++) {
		if (snap_frame_origin(st->frames[i].func) >= min)
			return (int)i;
	}
	return -1;
}

/* ---------------------------------------------------------------- waits */

static const struct {
	const char *reason;
	enum snap_wait wait;
} wait_table[] = {
	{ "chan send", SNAP_WAIT_CHAN_SEND },
	{ "chan receive", SNAP_WAIT_CHAN_RECV },
	{ "chan send (nil chan)", SNAP_WAIT_CHAN_SEND_NIL },
	{ "chan receive (nil chan)", SNAP_WAIT_CHAN_RECV_NIL },
	{ "select", SNAP_WAIT_SELECT },
	{ "select (no cases)", SNAP_WAIT_SELECT_NOCASES },
	{ "sync.Mutex.Lock", SNAP_WAIT_MUTEX },
	{ "sync.RWMutex.RLock", SNAP_WAIT_RWMUTEX },
	{ "sync.RWMutex.Lock", SNAP_WAIT_RWMUTEX },
	{ "sync.WaitGroup.Wait", SNAP_WAIT_WAITGROUP },
	{ "sync.Cond.Wait", SNAP_WAIT_COND },
	{ "semacquire", SNAP_WAIT_SEMACQUIRE },
	{ "IO wait", SNAP_WAIT_IO },
	{ "sleep", SNAP_WAIT_SLEEP },
	{ "syscall", SNAP_WAIT_SYSCALL },
	{ "running", SNAP_WAIT_RUNNING },
	{ "runnable", SNAP_WAIT_RUNNING },
	{ "preempted", SNAP_WAIT_RUNNING },
	{ "copystack", SNAP_WAIT_RUNNING },
	{ "idle", SNAP_WAIT_RUNTIME },
	{ "waiting", SNAP_WAIT_OTHER },
	{ "dead", SNAP_WAIT_RUNTIME },
	{ "GC assist marking", SNAP_WAIT_RUNTIME },
	{ "GC assist wait", SNAP_WAIT_RUNTIME },
	{ "GC sweep wait", SNAP_WAIT_RUNTIME },
	{ "GC scavenge wait", SNAP_WAIT_RUNTIME },
	{ "GC worker (idle)", SNAP_WAIT_RUNTIME },
	{ "GC worker (active)", SNAP_WAIT_RUNTIME },
	{ "GC mark termination", SNAP_WAIT_RUNTIME },
	{ "GC weak to strong wait", SNAP_WAIT_RUNTIME },
	{ "GOMAXPROCS updater (idle)", SNAP_WAIT_RUNTIME },
	{ "garbage collection", SNAP_WAIT_RUNTIME },
	{ "garbage collection scan", SNAP_WAIT_RUNTIME },
	{ "dumping heap", SNAP_WAIT_RUNTIME },
	{ "panicwait", SNAP_WAIT_RUNTIME },
	{ "finalizer wait", SNAP_WAIT_RUNTIME },
	{ "cleanup wait", SNAP_WAIT_RUNTIME },
	{ "force gc (idle)", SNAP_WAIT_RUNTIME },
	{ "timer goroutine (idle)", SNAP_WAIT_RUNTIME },
	{ "trace reader (blocked)", SNAP_WAIT_RUNTIME },
	{ "trace goroutine status", SNAP_WAIT_RUNTIME },
	{ "trace proc status", SNAP_WAIT_RUNTIME },
	{ "page trace flush", SNAP_WAIT_RUNTIME },
	{ "wait for GC cycle", SNAP_WAIT_RUNTIME },
	{ "debug call", SNAP_WAIT_RUNTIME },
	{ "stopping the world", SNAP_WAIT_RUNTIME },
	{ "flushing proc caches", SNAP_WAIT_RUNTIME },
	{ "coroutine", SNAP_WAIT_OTHER },
	{ "synctest.Run", SNAP_WAIT_OTHER },
	{ "synctest.Wait", SNAP_WAIT_OTHER },
};

enum snap_wait snap_wait_from_reason(const char *reason, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(wait_table); i++) {
		if (str_eqn(reason, n, wait_table[i].reason))
			return wait_table[i].wait;
	}
	return n ? SNAP_WAIT_OTHER : SNAP_WAIT_UNKNOWN;
}

const char *snap_wait_name(enum snap_wait w)
{
	static const char *const names[SNAP_WAIT__COUNT] = {
		[SNAP_WAIT_UNKNOWN] = "unknown",
		[SNAP_WAIT_CHAN_SEND] = "chan send",
		[SNAP_WAIT_CHAN_RECV] = "chan receive",
		[SNAP_WAIT_CHAN_SEND_NIL] = "chan send (nil chan)",
		[SNAP_WAIT_CHAN_RECV_NIL] = "chan receive (nil chan)",
		[SNAP_WAIT_SELECT] = "select",
		[SNAP_WAIT_SELECT_NOCASES] = "select (no cases)",
		[SNAP_WAIT_MUTEX] = "sync.Mutex.Lock",
		[SNAP_WAIT_RWMUTEX] = "sync.RWMutex lock",
		[SNAP_WAIT_WAITGROUP] = "sync.WaitGroup.Wait",
		[SNAP_WAIT_COND] = "sync.Cond.Wait",
		[SNAP_WAIT_SEMACQUIRE] = "semacquire",
		[SNAP_WAIT_IO] = "IO wait",
		[SNAP_WAIT_SLEEP] = "sleep",
		[SNAP_WAIT_SYSCALL] = "syscall",
		[SNAP_WAIT_RUNNING] = "running",
		[SNAP_WAIT_RUNTIME] = "runtime",
		[SNAP_WAIT_OTHER] = "other",
	};
	return (unsigned)w < SNAP_WAIT__COUNT ? names[w] : "unknown";
}

/* Frames that name the blocking operation. Runtime frames come from
 * profile.proto (which keeps them) and crash tracebacks; sync frames from
 * every format. The first match from the innermost frame wins. */
static const struct {
	const char *func;
	enum snap_wait wait;
	bool prefix;
} wait_frames[] = {
	{ "runtime.chansend", SNAP_WAIT_CHAN_SEND, true },
	{ "runtime.chanrecv", SNAP_WAIT_CHAN_RECV, true },
	{ "runtime.selectgo", SNAP_WAIT_SELECT, false },
	{ "runtime.block", SNAP_WAIT_SELECT_NOCASES, false },
	{ "runtime.netpollblock", SNAP_WAIT_IO, false },
	{ "internal/poll.runtime_pollWait", SNAP_WAIT_IO, false },
	{ "time.Sleep", SNAP_WAIT_SLEEP, false },
	{ "sync.(*Mutex).Lock", SNAP_WAIT_MUTEX, true },
	{ "sync.(*Mutex).lockSlow", SNAP_WAIT_MUTEX, false },
	{ "internal/sync.(*Mutex).Lock", SNAP_WAIT_MUTEX, true },
	{ "sync.(*RWMutex).RLock", SNAP_WAIT_RWMUTEX, false },
	{ "sync.(*RWMutex).Lock", SNAP_WAIT_RWMUTEX, false },
	{ "sync.(*WaitGroup).Wait", SNAP_WAIT_WAITGROUP, false },
	{ "sync.(*Cond).Wait", SNAP_WAIT_COND, false },
	{ "sync.runtime_notifyListWait", SNAP_WAIT_COND, false },
	{ "sync.runtime_Semacquire", SNAP_WAIT_SEMACQUIRE, true },
	{ "internal/sync.runtime_Semacquire", SNAP_WAIT_SEMACQUIRE, true },
	{ "runtime.semacquire", SNAP_WAIT_SEMACQUIRE, true },
	{ "syscall.Syscall", SNAP_WAIT_SYSCALL, true },
	{ "syscall.RawSyscall", SNAP_WAIT_SYSCALL, true },
	{ "internal/runtime/syscall.Syscall", SNAP_WAIT_SYSCALL, true },
	{ "os/signal.signal_recv", SNAP_WAIT_RUNTIME, false },
	{ "runtime.runfinq", SNAP_WAIT_RUNTIME, false },
	{ "runtime.bgsweep", SNAP_WAIT_RUNTIME, false },
	{ "runtime.bgscavenge", SNAP_WAIT_RUNTIME, false },
	{ "runtime.forcegchelper", SNAP_WAIT_RUNTIME, false },
	{ "runtime.gcBgMarkWorker", SNAP_WAIT_RUNTIME, false },
};

static bool wait__is_sync(enum snap_wait w)
{
	return w >= SNAP_WAIT_MUTEX && w <= SNAP_WAIT_COND;
}

/* The first frame (innermost) that names the operation wins, except that a
 * sync frame further out refines a bare semaphore wait. Frames past the
 * first user frame are not looked at. */
static enum snap_wait wait__from_frames(const struct snap_stack *st,
					bool sync_only)
{
	enum snap_wait found = SNAP_WAIT_UNKNOWN;

	for (uint32_t i = 0; i < st->nframes; i++) {
		const char *f = st->frames[i].func;

		for (size_t k = 0; k < ARRAY_SIZE(wait_frames); k++) {
			enum snap_wait w = wait_frames[k].wait;
			bool hit = wait_frames[k].prefix
					   ? str_has_prefix(f, wait_frames[k].func)
					   : strcmp(f, wait_frames[k].func) == 0;

			if (!hit || (sync_only && !wait__is_sync(w)))
				continue;
			if (found == SNAP_WAIT_UNKNOWN)
				found = w;
			else if (found == SNAP_WAIT_SEMACQUIRE &&
				 wait__is_sync(w))
				return w;
			break;
		}
		if (found != SNAP_WAIT_UNKNOWN &&
		    found != SNAP_WAIT_SEMACQUIRE)
			return found;
		if (snap_frame_origin(f) == SNAP_ORIGIN_USER)
			break;
	}
	return found;
}

enum snap_wait snap_wait_refine(enum snap_wait w, const struct snap_stack *st)
{
	enum snap_wait f;

	switch (w) {
	case SNAP_WAIT_SEMACQUIRE:
	case SNAP_WAIT_OTHER: /* e.g. "sync.Cond.Wait" spelled differently */
		f = wait__from_frames(st, true);
		return f != SNAP_WAIT_UNKNOWN ? f : w;
	case SNAP_WAIT_UNKNOWN:
		return wait__from_frames(st, false);
	default:
		return w;
	}
}

/* ---------------------------------------------------------------- buckets */

static void sig__add(struct buf *b, const char *s)
{
	buf_adds(b, s ? s : "");
	buf_addc(b, '\0');
}

static void sig__frame(struct buf *b, const struct snap_frame *f)
{
	sig__add(b, f->func);
	sig__add(b, f->file);
	buf_add(b, &f->line, sizeof(f->line));
}

static void snap__copy_stack(struct snapshot *s, struct snap_stack *dst,
			     const struct snap_stack *src)
{
	dst->nframes = src->nframes;
	dst->elided = src->elided;
	dst->frames = arena_alloc(&s->arena,
				  sizeof(*dst->frames) * (src->nframes + 1));
	for (uint32_t i = 0; i < src->nframes; i++) {
		const struct snap_frame *f = &src->frames[i];
		struct snap_frame *g = &dst->frames[i];

		g->func = snapshot_intern(s, f->func, strlen(f->func));
		g->file = f->file ? snapshot_intern(s, f->file, strlen(f->file))
				  : NULL;
		g->line = f->line;
		g->pc = f->pc;
	}
}

struct snap_gbucket *snapshot_gbucket(const struct snapshot *s, uint64_t sig)
{
	return map_get(&s->gindex, (const char *)&sig, sizeof(sig));
}

struct snap_hsite *snapshot_hsite(const struct snapshot *s, uint64_t sig)
{
	return map_get(&s->hindex, (const char *)&sig, sizeof(sig));
}

/* a + b, held at UINT64_MAX: counts come from the input ("N @ 0x..." of a
 * count profile) and a hostile one would wrap the totals */
static uint64_t sat_add(uint64_t a, uint64_t b)
{
	return a + b < a ? UINT64_MAX : a + b;
}

static void gbucket__add(struct snapshot *s, struct snap_gbucket *g,
			 uint64_t count, int64_t wait_min)
{
	g->count = sat_add(g->count, count);
	s->goroutines = sat_add(s->goroutines, count);
	if (wait_min >= 0) {
		if (g->min_wait < 0 || wait_min < g->min_wait)
			g->min_wait = wait_min;
		if (wait_min > g->max_wait)
			g->max_wait = wait_min;
		g->waited = sat_add(g->waited, count);
	}
}

struct snap_gbucket *snapshot_bump_goroutines(struct snapshot *s,
					      uint64_t sig, uint64_t count,
					      int64_t wait_min)
{
	struct snap_gbucket *g = snapshot_gbucket(s, sig);

	if (g)
		gbucket__add(s, g, count, wait_min);
	return g;
}

struct snap_gbucket *snapshot_add_goroutines_sig(
	struct snapshot *s, uint64_t sig, const char *reason,
	enum snap_wait wait, unsigned flags, const char *labels,
	const struct snap_stack *stack, const struct snap_frame *creator,
	uint64_t creator_goid, uint64_t count, int64_t wait_min, uint64_t goid,
	const struct snap_limits *lim)
{
	struct snap_gbucket *g = snapshot_gbucket(s, sig);

	if (!g) {
		static const struct snap_limits dflt = SNAP_LIMITS_DEFAULT;

		if (s->gindex.len >= (lim ? lim : &dflt)->max_buckets)
			return NULL;
		g = arena_alloc(&s->arena, sizeof(*g));
		g->sig = sig;
		g->reason = snapshot_intern(s, reason ? reason : "",
					    reason ? strlen(reason) : 0);
		g->flags = flags;
		g->labels = labels ? snapshot_intern(s, labels, strlen(labels))
				   : NULL;
		g->min_wait = g->max_wait = -1;
		g->example_id = goid;
		snap__copy_stack(s, &g->stack, stack);
		if (creator && creator->func) {
			struct snap_stack one = { (struct snap_frame *)creator,
						  1, false };
			struct snap_stack cp;

			snap__copy_stack(s, &cp, &one);
			g->creator = cp.frames[0];
		}
		g->creator_goid = creator_goid;
		g->wait = snap_wait_refine(wait, &g->stack);
		g->block = snap_stack_first(&g->stack, SNAP_ORIGIN_USER);
		map_slot(&s->gindex, (const char *)&sig, sizeof(sig))->value = g;
		VEC_PUSH(&s->gbuckets, g);
	}
	gbucket__add(s, g, count, wait_min);
	return g;
}

struct snap_gbucket *snapshot_merge_gbucket(struct snapshot *s,
					    const struct snap_gbucket *b,
					    const struct snap_limits *lim)
{
	struct snap_gbucket *g = snapshot_gbucket(s, b->sig);

	if (!g) {
		g = snapshot_add_goroutines_sig(
			s, b->sig, b->reason, b->wait, b->flags, b->labels,
			&b->stack, b->creator.func ? &b->creator : NULL,
			b->creator_goid, 0, -1, b->example_id, lim);
		if (!g)
			return NULL;
		g->wait = b->wait; /* already refined from b's frames */
	}
	g->count = sat_add(g->count, b->count);
	s->goroutines = sat_add(s->goroutines, b->count);
	if (b->waited) {
		if (g->min_wait < 0 || b->min_wait < g->min_wait)
			g->min_wait = b->min_wait;
		if (b->max_wait > g->max_wait)
			g->max_wait = b->max_wait;
		g->waited = sat_add(g->waited, b->waited);
	}
	return g;
}

struct snap_gbucket *snapshot_add_goroutines(
	struct snapshot *s, const char *reason, enum snap_wait wait,
	unsigned flags, const char *labels, const struct snap_stack *stack,
	const struct snap_frame *creator, uint64_t creator_goid,
	uint64_t count, int64_t wait_min, uint64_t goid,
	const struct snap_limits *lim)
{
	struct buf *b = &s->scratch;

	buf_reset(b);
	sig__add(b, reason);
	sig__add(b, labels);
	buf_add(b, &flags, sizeof(flags));
	for (uint32_t i = 0; i < stack->nframes; i++)
		sig__frame(b, &stack->frames[i]);
	buf_addc(b, stack->elided ? 'E' : '-');
	if (creator && creator->func)
		sig__frame(b, creator);
	return snapshot_add_goroutines_sig(
		s, lh_hash(b->data, b->len), reason, wait, flags, labels, stack,
		creator, creator_goid, count, wait_min, goid, lim);
}

/* Runtime functions that say how a heap object came to be, matched as
 * prefixes from the innermost frame among the leading runtime frames. Go
 * hides these frames in heap profiles (runtime/pprof drops leading
 * "runtime." frames), but keeps them when every frame is runtime, and Go
 * 1.24.0 let internal/runtime/maps frames through (golang/go#71174). */
static const char *const alloc_fns[] = {
	"runtime.growslice",	   "runtime.mapassign",
	"runtime.hashGrow",	   "runtime.makeBucketArray",
	"runtime.makemap",	   "runtime.(*hmap).newoverflow",
	"internal/runtime/maps.",
};

static const char *snap__alloc_fn(const struct snap_stack *st)
{
	for (uint32_t i = 0; i < st->nframes; i++) {
		const char *f = st->frames[i].func;

		if (snap_frame_origin(f) != SNAP_ORIGIN_RUNTIME)
			break;
		for (size_t k = 0; k < ARRAY_SIZE(alloc_fns); k++)
			if (str_has_prefix(f, alloc_fns[k]))
				return f;
	}
	return NULL;
}

double snap_heap_noise(double obj_bytes, double period)
{
	if (!(period > 1))
		return 0;
	if (!(obj_bytes > 0))
		return period;
	return obj_bytes / expm1(obj_bytes / period);
}

struct snap_hsite *snapshot_add_heap(struct snapshot *s,
				     const struct snap_stack *stack,
				     int64_t inuse_objects, int64_t inuse_bytes,
				     int64_t alloc_objects, int64_t alloc_bytes,
				     int64_t obj_bytes,
				     const struct snap_limits *lim)
{
	struct buf *b = &s->scratch;
	struct snap_hsite *h;
	uint64_t sig;

	buf_reset(b);
	for (uint32_t i = 0; i < stack->nframes; i++)
		sig__frame(b, &stack->frames[i]);
	sig = lh_hash(b->data, b->len);
	h = snapshot_hsite(s, sig);
	if (!h) {
		static const struct snap_limits dflt = SNAP_LIMITS_DEFAULT;

		if (s->hindex.len >= (lim ? lim : &dflt)->max_buckets)
			return NULL;
		h = arena_alloc(&s->arena, sizeof(*h));
		h->sig = sig;
		snap__copy_stack(s, &h->stack, stack);
		h->user = snap_stack_first(&h->stack, SNAP_ORIGIN_USER);
		h->alloc_fn = snap__alloc_fn(&h->stack);
		map_slot(&s->hindex, (const char *)&sig, sizeof(sig))->value = h;
		VEC_PUSH(&s->hsites, h);
	}
	/* this sample's object size from its own values (the `bytes` label
	 * is the size of all its allocations, freed ones included) */
	if (inuse_bytes > 0)
		h->inuse_var += (double)inuse_bytes *
				snap_heap_noise(inuse_objects > 0
							? (double)inuse_bytes /
								  (double)inuse_objects
							: (double)obj_bytes,
						(double)s->heap_period);
	h->inuse_objects += inuse_objects;
	h->inuse_bytes += inuse_bytes;
	h->alloc_objects += alloc_objects;
	h->alloc_bytes += alloc_bytes;
	/* one sample: its `bytes` label; same stack, several sizes (a map's
	 * values and its bucket arrays): the average object */
	if (h->samples++ == 0)
		h->obj_bytes = obj_bytes;
	else if (h->inuse_objects > 0)
		h->obj_bytes = h->inuse_bytes / h->inuse_objects;
	else if (h->alloc_objects > 0)
		h->obj_bytes = h->alloc_bytes / h->alloc_objects;
	return h;
}

const char *snap_format_name(enum snap_format f)
{
	switch (f) {
	case SNAP_FMT_GDUMP:
		return "goroutine dump";
	case SNAP_FMT_GCOUNT:
		return "goroutine count profile";
	case SNAP_FMT_PPROF:
		return "pprof profile";
	case SNAP_FMT_HEAPTEXT:
		return "heap profile (text)";
	case SNAP_FMT_EXPVAR:
		return "expvar JSON";
	case SNAP_FMT_TRACE:
		return "execution trace";
	default:
		return "unknown";
	}
}
