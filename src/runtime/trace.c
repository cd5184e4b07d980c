/*
 * trace.c - runtime execution traces (runtime/trace.Start,
 * /debug/pprof/trace) in the format of Go 1.7 to 1.20: a 16-byte header
 * "go 1.N trace\0..." (N = 7..19; Go 1.20 still writes "go 1.19") and then
 * events, each a byte (type in the low 6 bits, argument count - 1 in the
 * top 2) and LEB128 arguments, with the event layouts of Go's
 * internal/trace/parser.go. Go 1.5/1.6 traces (another argument layout)
 * and the Go 1.21+ formats ("go 1.21 trace", and the new tracer of 1.22)
 * are rejected with a message saying so.
 *
 * What is kept: per goroutine created during the window, its creating go
 * statement (the GoCreate stack) and its last state change by timestamp
 * (start, block on send/receive/select/sync/cond/net, sleep, syscall,
 * end). Goroutines that had not ended when the trace stopped become
 * buckets keyed by (last state, blocking stack, go statement), so the
 * classifier treats them like a goroutine dump. Goroutines that existed
 * before the window are left out (StartTrace writes a GoCreate for each on
 * its P before that P's first ProcStart): the window saw only part of
 * their lives.
 *
 * Streaming: events are decoded one at a time and dropped; memory holds
 * one record per goroutine, the stack table and the strings.
 */
#include <inttypes.h>

#include "runtime/rtinternal.h"

enum {
	EV_NONE = 0, EV_BATCH = 1, EV_FREQUENCY = 2, EV_STACK = 3,
	EV_GOMAXPROCS = 4, EV_PROC_START = 5, EV_PROC_STOP = 6,
	EV_GC_START = 7, EV_GC_DONE = 8, EV_GC_STW_START = 9,
	EV_GC_STW_DONE = 10, EV_GC_SWEEP_START = 11, EV_GC_SWEEP_DONE = 12,
	EV_GO_CREATE = 13, EV_GO_START = 14, EV_GO_END = 15, EV_GO_STOP = 16,
	EV_GO_SCHED = 17, EV_GO_PREEMPT = 18, EV_GO_SLEEP = 19,
	EV_GO_BLOCK = 20, EV_GO_UNBLOCK = 21, EV_GO_BLOCK_SEND = 22,
	EV_GO_BLOCK_RECV = 23, EV_GO_BLOCK_SELECT = 24, EV_GO_BLOCK_SYNC = 25,
	EV_GO_BLOCK_COND = 26, EV_GO_BLOCK_NET = 27, EV_GO_SYSCALL = 28,
	EV_GO_SYSEXIT = 29, EV_GO_SYSBLOCK = 30, EV_GO_WAITING = 31,
	EV_GO_INSYSCALL = 32, EV_HEAP_ALLOC = 33, EV_HEAP_GOAL = 34,
	EV_TIMER_GOROUTINE = 35, EV_FUTILE_WAKEUP = 36, EV_STRING = 37,
	EV_GO_START_LOCAL = 38, EV_GO_UNBLOCK_LOCAL = 39,
	EV_GO_SYSEXIT_LOCAL = 40, EV_GO_START_LABEL = 41, EV_GO_BLOCK_GC = 42,
	EV_GC_MARK_ASSIST_START = 43, EV_GC_MARK_ASSIST_DONE = 44,
	EV_USER_TASK_CREATE = 45, EV_USER_TASK_END = 46, EV_USER_REGION = 47,
	EV_USER_LOG = 48, EV_CPU_SAMPLE = 49, EV_COUNT = 50,
};

/* The first version (1000 * major + minor) each event appeared in. */
static const uint16_t ev_min_version[EV_COUNT] = {
	[EV_STRING] = 1007, [EV_GO_START_LOCAL] = 1007,
	[EV_GO_UNBLOCK_LOCAL] = 1007, [EV_GO_SYSEXIT_LOCAL] = 1007,
	[EV_GO_START_LABEL] = 1008, [EV_GO_BLOCK_GC] = 1008,
	[EV_GC_MARK_ASSIST_START] = 1009, [EV_GC_MARK_ASSIST_DONE] = 1009,
	[EV_USER_TASK_CREATE] = 1011, [EV_USER_TASK_END] = 1011,
	[EV_USER_REGION] = 1011, [EV_USER_LOG] = 1011, [EV_CPU_SAMPLE] = 1019,
};

/* Last known state of a goroutine. */
enum gstate { GS_RUNNABLE, GS_RUNNING, GS_BLOCKED, GS_SLEEP, GS_SYSCALL,
	      GS_DEAD };

struct tg {
	uint64_t id;
	uint64_t create_stack, start_stack; /* GoCreate: go statement, func */
	uint64_t state_ts;		    /* ticks of the last state change */
	uint64_t block_stack;
	uint8_t state, block_ev;
	bool created; /* a GoCreate was seen */
	bool census;  /* created by StartTrace's census: existed before */
};

#define TRACE_MAX_ARGS 4096 /* an EvStack of 1000 frames has 4002 */

struct tr {
	struct snapshot *s;
	struct snap_stream *in;
	const struct snap_limits *lim;
	struct lh_error *err;
	unsigned ver;
	uint8_t rbuf[64 * 1024];
	size_t rpos, rend;
	bool eof;
	uint64_t off;
	uint64_t args[TRACE_MAX_ARGS];
	size_t nargs;
	uint64_t freq, last_ts, max_ts;
	uint64_t cur_p, cur_g;
	struct map lastg; /* p -> g */
	struct map pstarted; /* p -> 1 once an EvProcStart was seen on it */
	struct map gs;	  /* goroutine id -> struct tg * */
	VEC(struct tg *) all;
	struct map stacks;  /* id -> uint64_t[1 + 4n] (n, then pc fn file line) */
	VEC(uint64_t *) stack_mem;
	struct map strings; /* id -> char * (arena) */
	uint64_t nstrings;
};

static int tr__byte(struct tr *t)
{
	if (t->rpos == t->rend) {
		ptrdiff_t k;

		if (t->eof)
			return -2;
		k = snap_stream_read(t->in, t->rbuf, sizeof(t->rbuf), t->lim,
				     t->err);
		if (k < 0)
			return -1;
		if (k == 0) {
			t->eof = true;
			return -2;
		}
		t->rpos = 0;
		t->rend = (size_t)k;
	}
	t->off++;
	return t->rbuf[t->rpos++];
}

static bool tr__varint(struct tr *t, uint64_t *v)
{
	uint64_t x = 0, start = t->off;

	for (unsigned i = 0; i < 10; i++) {
		int b = tr__byte(t);

		if (b == -1)
			return false;
		if (b == -2) {
			snap_fail_at(t->err, t->in, start,
				     "truncated trace (varint)");
			return false;
		}
		x |= (uint64_t)(b & 0x7f) << (7 * i);
		if (!(b & 0x80)) {
			*v = x;
			return true;
		}
	}
	snap_fail_at(t->err, t->in, start, "malformed varint in trace");
	return false;
}

static bool tr__bytes(struct tr *t, uint64_t n, char *dst)
{
	for (uint64_t i = 0; i < n; i++) {
		int b = tr__byte(t);

		if (b < 0) {
			if (b == -2)
				snap_fail_at(t->err, t->in, t->off,
					     "truncated trace (string)");
			return false;
		}
		if (dst)
			dst[i] = (char)b;
	}
	return true;
}

static struct tg *tr__g(struct tr *t, uint64_t id)
{
	struct map_entry *e = map_slot(&t->gs, (const char *)&id, sizeof(id));

	if (!e->value) {
		struct tg *g = arena_alloc(&t->s->arena, sizeof(*g));

		g->id = id;
		g->state = GS_RUNNABLE;
		e->value = g;
		VEC_PUSH(&t->all, g);
	}
	return e->value;
}

static void tr__state(struct tr *t, uint64_t gid, uint64_t ts, int state,
		      int ev, uint64_t stack)
{
	struct tg *g;

	if (gid == 0)
		return;
	g = tr__g(t, gid);
	if (ts < g->state_ts)
		return; /* an older event from another P's batch */
	g->state_ts = ts;
	g->state = (uint8_t)state;
	if (state == GS_BLOCKED) {
		g->block_ev = (uint8_t)ev;
		g->block_stack = stack;
	}
}

/* One decoded event (t->args; args[0] is the timestamp delta for every
 * event but Batch, Frequency, Stack, TimerGoroutine). */
static bool tr__event(struct tr *t, unsigned typ, uint64_t off)
{
	uint64_t *a = t->args, ts;
	size_t n = t->nargs;
	uint64_t stk = n ? a[n - 1] : 0;

	switch (typ) {
	case EV_BATCH:
		if (n < 2)
			goto bad;
		map_put(&t->lastg, (const char *)&t->cur_p, sizeof(t->cur_p),
			(void *)(uintptr_t)(t->cur_g + 1));
		t->cur_p = a[0];
		{
			uintptr_t g = (uintptr_t)map_get(
				&t->lastg, (const char *)&t->cur_p,
				sizeof(t->cur_p));

			t->cur_g = g ? g - 1 : 0;
		}
		t->last_ts = a[1];
		return true;
	case EV_FREQUENCY:
		if (n < 1)
			goto bad;
		t->freq = a[0];
		return true;
	case EV_TIMER_GOROUTINE:
		return true;
	case EV_STACK: {
		uint64_t id, cnt, *mem;
		struct map_entry *e;

		if (n < 2 || a[1] > 1000 || n != 2 + 4 * a[1]) {
			snap_fail_at(t->err, t->in, off,
				     "malformed stack event in trace");
			return false;
		}
		id = a[0];
		cnt = a[1];
		if (id == 0 || cnt == 0)
			return true;
		e = map_slot(&t->stacks, (const char *)&id, sizeof(id));
		if (e->value)
			return true;
		if (t->stacks.len > t->lim->max_buckets) {
			snap_fail_at(t->err, t->in, off,
				     "more than %zu stacks in trace",
				     t->lim->max_buckets);
			return false;
		}
		mem = xmalloc(sizeof(uint64_t) * (1 + 4 * cnt));
		mem[0] = cnt;
		memcpy(mem + 1, a + 2, sizeof(uint64_t) * 4 * cnt);
		e->value = mem;
		VEC_PUSH(&t->stack_mem, mem);
		return true;
	}
	default:
		break;
	}
	if (n < 1)
		goto bad;
	ts = t->last_ts + a[0];
	t->last_ts = ts;
	if (ts > t->max_ts)
		t->max_ts = ts;
	switch (typ) {
	case EV_PROC_START:
		map_put(&t->pstarted, (const char *)&t->cur_p, sizeof(t->cur_p),
			(void *)1);
		return true;
	case EV_GO_CREATE: {
		struct tg *g;

		if (n < 4)
			goto bad;
		g = tr__g(t, a[1]);
		g->created = true;
		/* StartTrace writes a GoCreate for every live goroutine on its
		 * P before that P's first ProcStart */
		g->census = !map_get(&t->pstarted, (const char *)&t->cur_p,
				     sizeof(t->cur_p));
		g->start_stack = a[2];
		g->create_stack = a[3];
		if (ts >= g->state_ts) {
			g->state_ts = ts;
			g->state = GS_RUNNABLE;
		}
		return true;
	}
	case EV_GO_START:
	case EV_GO_START_LOCAL:
	case EV_GO_START_LABEL:
		if (n < 2)
			goto bad;
		t->cur_g = a[1];
		tr__state(t, a[1], ts, GS_RUNNING, typ, 0);
		return true;
	case EV_GO_END:
		tr__state(t, t->cur_g, ts, GS_DEAD, typ, 0);
		t->cur_g = 0;
		return true;
	case EV_GO_SCHED:
	case EV_GO_PREEMPT:
		tr__state(t, t->cur_g, ts, GS_RUNNABLE, typ, 0);
		t->cur_g = 0;
		return true;
	case EV_GO_SLEEP:
		tr__state(t, t->cur_g, ts, GS_SLEEP, typ, stk);
		t->cur_g = 0;
		return true;
	case EV_GO_STOP:
	case EV_GO_BLOCK:
	case EV_GO_BLOCK_SEND:
	case EV_GO_BLOCK_RECV:
	case EV_GO_BLOCK_SELECT:
	case EV_GO_BLOCK_SYNC:
	case EV_GO_BLOCK_COND:
	case EV_GO_BLOCK_NET:
	case EV_GO_BLOCK_GC:
		tr__state(t, t->cur_g, ts, GS_BLOCKED, typ, stk);
		t->cur_g = 0;
		return true;
	case EV_GO_SYSBLOCK:
		tr__state(t, t->cur_g, ts, GS_SYSCALL, typ, 0);
		t->cur_g = 0;
		return true;
	case EV_GO_UNBLOCK:
	case EV_GO_UNBLOCK_LOCAL:
	case EV_GO_SYSEXIT:
	case EV_GO_SYSEXIT_LOCAL:
		if (n < 2)
			goto bad;
		tr__state(t, a[1], ts, GS_RUNNABLE, typ, 0);
		return true;
	case EV_GO_WAITING:
		if (n < 2)
			goto bad;
		tr__state(t, a[1], ts, GS_BLOCKED, EV_GO_BLOCK, 0);
		return true;
	case EV_GO_INSYSCALL:
		if (n < 2)
			goto bad;
		tr__state(t, a[1], ts, GS_SYSCALL, typ, 0);
		return true;
	default:
		return true;
	}
bad:
	snap_fail_at(t->err, t->in, off, "event %u has too few arguments", typ);
	return false;
}

static const char *tr__str(struct tr *t, uint64_t id)
{
	const char *s = map_get(&t->strings, (const char *)&id, sizeof(id));

	return s ? s : "";
}

/* Frames of stack id into fr (innermost first). */
static bool tr__frames(struct tr *t, uint64_t id, struct snap_stack *st,
		       struct snap_frame *buf, size_t max)
{
	const uint64_t *m;

	st->frames = buf;
	st->nframes = 0;
	st->elided = false;
	if (!id)
		return false;
	m = map_get(&t->stacks, (const char *)&id, sizeof(id));
	if (!m)
		return false;
	for (uint64_t i = 0; i < m[0] && st->nframes < max; i++) {
		const uint64_t *f = m + 1 + 4 * i;
		struct snap_frame *fr = &buf[st->nframes++];

		fr->pc = f[0];
		fr->func = tr__str(t, f[1]);
		if (!*fr->func)
			fr->func = "?";
		fr->file = tr__str(t, f[2]);
		if (!*fr->file)
			fr->file = NULL;
		fr->line = f[3] <= UINT32_MAX ? (uint32_t)f[3] : 0;
	}
	st->elided = m[0] > max;
	return st->nframes > 0;
}

static const char *tr__reason(unsigned ev)
{
	switch (ev) {
	case EV_GO_BLOCK_SEND:
		return "chan send";
	case EV_GO_BLOCK_RECV:
		return "chan receive";
	case EV_GO_BLOCK_SELECT:
		return "select";
	case EV_GO_BLOCK_SYNC:
		return "semacquire";
	case EV_GO_BLOCK_COND:
		return "sync.Cond.Wait";
	case EV_GO_BLOCK_NET:
		return "IO wait";
	case EV_GO_BLOCK_GC:
		return "GC assist wait";
	case EV_GO_STOP: /* nil channel or select {} (runtime: GoStop) */
		return "select (no cases)";
	default:
		return "waiting";
	}
}

static enum lh_status tr__finish(struct tr *t)
{
	struct snap_frame *fb = xmalloc(sizeof(*fb) * 1001);
	struct snap_frame *cb = xmalloc(sizeof(*cb) * 1001);
	enum lh_status st = LH_OK;

	for (size_t i = 0; i < t->all.len && st == LH_OK; i++) {
		const struct tg *g = t->all.items[i];
		struct snap_stack stk, cstk;
		struct snap_frame creator = { 0 };
		const char *reason;
		int64_t mins = -1;
		int ci;

		if (!g->created || g->state == GS_DEAD)
			continue;
		if (g->census)
			continue; /* existed before the window */
		tr__frames(t, g->create_stack, &cstk, cb, 1000);
		ci = snap_stack_first(&cstk, SNAP_ORIGIN_STDLIB);
		if (ci >= 0)
			creator = cstk.frames[ci];
		switch (g->state) {
		case GS_BLOCKED:
			reason = tr__reason(g->block_ev);
			tr__frames(t, g->block_stack, &stk, fb, t->lim->max_frames);
			break;
		case GS_SLEEP:
			reason = "sleep";
			tr__frames(t, g->block_stack, &stk, fb, t->lim->max_frames);
			break;
		case GS_SYSCALL:
			reason = "syscall";
			tr__frames(t, g->start_stack, &stk, fb, 1);
			break;
		case GS_RUNNING:
			reason = "running";
			tr__frames(t, g->start_stack, &stk, fb, 1);
			break;
		default:
			reason = "runnable";
			tr__frames(t, g->start_stack, &stk, fb, 1);
			break;
		}
		if (t->freq && t->max_ts > g->state_ts) {
			double sec = (double)(t->max_ts - g->state_ts) /
				     (double)t->freq;

			if (sec >= 60)
				mins = (int64_t)(sec / 60);
		}
		if (!snapshot_add_goroutines(t->s, reason,
					     snap_wait_from_reason(reason,
								   strlen(reason)),
					     0, NULL, &stk,
					     creator.func ? &creator : NULL, 0, 1,
					     mins, g->id, t->lim))
			st = snap_fail_at(t->err, t->in, t->off,
					  "more than %zu distinct stacks",
					  t->lim->max_buckets);
	}
	free(fb);
	free(cb);
	return st;
}

static enum lh_status tr__header(struct tr *t)
{
	char h[16];
	unsigned minor = 0;
	size_t i = 5;

	if (!tr__bytes(t, 16, h) ||
	    memcmp(h, "go 1.", 5) != 0)
		return snap_fail_at(t->err, t->in, 0, "not a Go execution trace");
	while (i < 8 && h[i] >= '0' && h[i] <= '9')
		minor = minor * 10 + (unsigned)(h[i++] - '0');
	if (memcmp(h + i, " trace", 6) != 0)
		return snap_fail_at(t->err, t->in, 0, "not a Go execution trace");
	t->ver = 1000 + minor;
	if (minor < 7 || minor > 19)
		return snap_fail_at(t->err, t->in, 0,
				    "trace format 'go 1.%u' is not read "
				    "(leakhound reads Go 1.7 to 1.20 traces)",
				    minor);
	return LH_OK;
}

enum lh_status trace_parse(struct snapshot *s, struct snap_stream *in,
			   const struct snap_limits *lim_in,
			   struct lh_error *err)
{
	struct snap_limits lim;
	struct tr *t = xcalloc(1, sizeof(*t));
	enum lh_status st;
	uint64_t nevents = 0;

	snap_limits_resolve(&lim, lim_in);
	t->s = s;
	t->in = in;
	t->lim = &lim;
	t->err = err;
	t->off = snap_stream_offset(in);
	st = tr__header(t);
	while (st == LH_OK) {
		uint64_t off = t->off;
		int b = tr__byte(t);
		unsigned typ, narg;

		if (b == -1) {
			st = LH_ERR;
			break;
		}
		if (b == -2)
			break;
		typ = (unsigned)b & 0x3f;
		narg = ((unsigned)b >> 6) + 1;
		if (typ == EV_NONE || typ >= EV_COUNT ||
		    ev_min_version[typ] > t->ver) {
			st = snap_fail_at(err, in, off,
					  "unknown trace event type %u", typ);
			break;
		}
		nevents++;
		if (typ == EV_STRING) {
			uint64_t id, len;
			char *str;

			if (!tr__varint(t, &id) || !tr__varint(t, &len)) {
				st = LH_ERR;
				break;
			}
			if (id == 0 || len == 0 || len > 1000000) {
				st = snap_fail_at(err, in, off,
						  "bad trace string (id %" PRIu64
						  ", length %" PRIu64 ")",
						  id, len);
				break;
			}
			if (++t->nstrings > lim.max_buckets) {
				st = snap_fail_at(err, in, off,
						  "too many strings in trace");
				break;
			}
			str = arena_alloc(&s->arena, len + 1);
			if (!tr__bytes(t, len, str)) {
				st = LH_ERR;
				break;
			}
			map_put(&t->strings, (const char *)&id, sizeof(id), str);
			continue;
		}
		t->nargs = 0;
		if (narg < 4) {
			for (unsigned i = 0; i < narg; i++)
				if (!tr__varint(t, &t->args[t->nargs++])) {
					st = LH_ERR;
					break;
				}
		} else {
			uint64_t len, start;

			if (!tr__varint(t, &len)) {
				st = LH_ERR;
				break;
			}
			start = t->off;
			while (t->off - start < len) {
				if (t->nargs == TRACE_MAX_ARGS) {
					st = snap_fail_at(err, in, off,
							  "trace event with too "
							  "many arguments");
					break;
				}
				if (!tr__varint(t, &t->args[t->nargs++])) {
					st = LH_ERR;
					break;
				}
			}
			if (st == LH_OK && t->off - start != len)
				st = snap_fail_at(err, in, off,
						  "trace event has the wrong "
						  "length");
		}
		if (st != LH_OK)
			break;
		if (typ == EV_USER_LOG) {
			uint64_t len;

			if (!tr__varint(t, &len) || len > 1000000 ||
			    !tr__bytes(t, len, NULL)) {
				st = LH_ERR;
				if (len > 1000000)
					snap_fail_at(err, in, off,
						     "trace log string too long");
				break;
			}
		}
		if (!tr__event(t, typ, off))
			st = LH_ERR;
	}
	if (st == LH_OK && nevents == 0)
		st = snap_fail_at(err, in, t->off, "empty trace");
	if (st == LH_OK && !t->freq)
		st = snap_fail_at(err, in, t->off,
				  "truncated trace: no frequency event (the "
				  "trace was not stopped cleanly?)");
	if (st == LH_OK)
		st = tr__finish(t);
	if (st == LH_OK) {
		s->has |= SNAP_HAS_TRACE;
		s->profile = "trace";
	}
	for (size_t i = 0; i < t->stack_mem.len; i++)
		free(t->stack_mem.items[i]);
	VEC_FREE(&t->stack_mem);
	VEC_FREE(&t->all);
	map_release(&t->lastg);
	map_release(&t->pstarted);
	map_release(&t->gs);
	map_release(&t->stacks);
	map_release(&t->strings);
	free(t);
	return st;
}
