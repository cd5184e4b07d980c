/*
 * watch.c - sampler threads, series updates and suspects (see watch.h).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "detect/rt.h"
#include "detect/watch.h"
#include "runtime/discover.h"
#include "runtime/http.h"

#define WATCH_HEAP_SITE_MIN ((int64_t)128 << 10) /* bytes before a site gets a series */
#define WATCH_MIN_RISE_GOROUTINES 5.0
#define WATCH_MIN_RISE_HEAP ((double)(1 << 20))
#define WATCH_MIN_RISE_FDS 5.0
#define WATCH_MIN_RISE_RSS ((double)(16 << 20))
#define WATCH_SITE_FRAMES 64  /* frames kept per copied stack */
#define WATCH_WITHIN_NOISE "floor rise within sampling noise" /* series.c */
#define WATCH_MATCH_FRAMES 8  /* frames compared to match a debug=2 bucket */
#define WATCH_FIRST_DUMP_TICK 3
#define WATCH_MAX_TARGETS 256
#define WATCH_BUDGET_BURST_S 120.0 /* the bucket holds this much budget */
#define WATCH_DUMP_COST_PER_G 20e-6 /* debug=2: seconds per goroutine */

static const struct {
	const char *key, *label;
	enum series_kind kind;
} fixed_info[WF__COUNT] = {
	[WF_GOROUTINES] = { "goroutines", "goroutines", SERIES_GOROUTINES },
	[WF_HEAP_INUSE] = { "heap_inuse", "heap in use (profile)", SERIES_MEMSTAT },
	[WF_RSS] = { "rss", "resident set size", SERIES_RSS },
	[WF_THREADS] = { "threads", "OS threads", SERIES_THREADS },
	[WF_FDS] = { "fds", "open fds", SERIES_FDS },
	[WF_FDS_FILE] = { "fds_file", "open files", SERIES_FDS },
	[WF_FDS_SOCKET] = { "fds_socket", "open sockets", SERIES_FDS },
	[WF_FDS_PIPE] = { "fds_pipe", "open pipes", SERIES_FDS },
	[WF_FDS_OTHER] = { "fds_other", "other fds (anon inodes, ...)", SERIES_FDS },
	[WF_MS_HEAP_INUSE] = { "ms_heap_inuse", "memstats HeapInuse", SERIES_MEMSTAT },
	[WF_MS_HEAP_OBJECTS] = { "ms_heap_objects", "memstats HeapObjects", SERIES_MEMSTAT },
	[WF_MS_NEXT_GC] = { "ms_next_gc", "memstats NextGC", SERIES_MEMSTAT },
	[WF_MS_STACK] = { "ms_stack_inuse", "memstats StackInuse", SERIES_MEMSTAT },
	[WF_MS_SYS] = { "ms_sys", "memstats Sys", SERIES_MEMSTAT },
	[WF_MS_NUM_GC] = { "ms_num_gc", "memstats NumGC", SERIES_MEMSTAT },
};

/* ---------------------------------------------------------------- time */

double watch_now(const struct watch *w)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - w->t0.tv_sec) +
	       (double)(t.tv_nsec - w->t0.tv_nsec) / 1e9;
}

bool watch_sleep(struct watch *w, double s)
{
	struct timespec until;
	bool stop;

	clock_gettime(CLOCK_REALTIME, &until);
	if (s > 0) {
		double whole = floor(s);

		until.tv_sec += (time_t)whole;
		until.tv_nsec += (long)((s - whole) * 1e9);
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
	}
	pthread_mutex_lock(&w->stop_mu);
	while (!w->stop && s > 0) {
		if (pthread_cond_timedwait(&w->stop_cv, &w->stop_mu, &until) ==
		    ETIMEDOUT)
			break;
	}
	stop = w->stop;
	pthread_mutex_unlock(&w->stop_mu);
	return stop;
}

static bool watch__stopping(struct watch *w)
{
	bool stop;

	pthread_mutex_lock(&w->stop_mu);
	stop = w->stop;
	pthread_mutex_unlock(&w->stop_mu);
	return stop;
}

/* ---------------------------------------------------------------- diag */

static void watch__say(struct watch_target *t, const char *fmt, ...)
	LH_PRINTF(2, 3);

/* One line about a target through the diag callback. */
static void watch__say(struct watch_target *t, const char *fmt, ...)
{
	struct lh_error e;
	va_list ap;

	snprintf(e.input, sizeof(e.input), "%s", t->name);
	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof(e.msg), fmt, ap);
	va_end(ap);
	if (!t->w->diag)
		return;
	pthread_mutex_lock(&t->w->diag_mu);
	t->w->diag(t->w->diag_ctx, &e);
	pthread_mutex_unlock(&t->w->diag_mu);
}

/* ---------------------------------------------------------------- lifecycle */

struct watch *watch_new(const struct watch_options *o, lh_diag_fn diag,
			void *diag_ctx)
{
	struct watch *w = xcalloc(1, sizeof(*w));

	w->o = o ? *o : (struct watch_options)WATCH_OPTIONS_INIT;
	series_options_fill(&w->o.series);
	if (w->o.interval_s < 0.05)
		w->o.interval_s = 0.05;
	if (w->o.heap_every == 0)
		w->o.heap_every = 1;
	if (w->o.vars_every == 0)
		w->o.vars_every = 1;
	if (w->o.timeout_ms <= 0)
		w->o.timeout_ms = 5000;
	w->diag = diag;
	w->diag_ctx = diag_ctx;
	pthread_mutex_init(&w->stop_mu, NULL);
	pthread_cond_init(&w->stop_cv, NULL);
	atomic_init(&w->cancel, 0);
	pthread_mutex_init(&w->diag_mu, NULL);
	clock_gettime(CLOCK_MONOTONIC, &w->t0);
	http_global_init();
	if (w->o.src_dir) {
		struct lh_error err;

		w->src = xcalloc(1, sizeof(*w->src));
		if (rt_src_init(w->src, w->o.src_dir, &err) != LH_OK) {
			if (diag)
				diag(diag_ctx, &err);
			free(w->src);
			w->src = NULL;
		}
	}
	return w;
}

static void watch__target_free(struct watch_target *t)
{
	series_set_release(&t->set);
	arena_release(&t->arena);
	VEC_FREE(&t->suspects);
	pthread_mutex_destroy(&t->mu);
	free(t);
}

void watch_free(struct watch *w)
{
	if (!w)
		return;
	watch_stop(w);
	for (size_t i = 0; i < w->targets.len; i++)
		watch__target_free(w->targets.items[i]);
	VEC_FREE(&w->targets);
	if (w->src) {
		rt_src_release(w->src);
		free(w->src);
	}
	pthread_mutex_destroy(&w->stop_mu);
	pthread_cond_destroy(&w->stop_cv);
	pthread_mutex_destroy(&w->diag_mu);
	free(w);
}

static struct watch_target *watch__target_new(struct watch *w,
					      const char *name)
{
	struct watch_target *t = xcalloc(1, sizeof(*t));

	snprintf(t->name, sizeof(t->name), "%s", name);
	pthread_mutex_init(&t->mu, NULL);
	series_set_init(&t->set, &w->o.series);
	arena_init(&t->arena);
	t->w = w;
	t->last_ok = -1;
	t->first_sample = -1;
	VEC_PUSH(&w->targets, t);
	return t;
}

void watch_target_lock(struct watch_target *t)
{
	pthread_mutex_lock(&t->mu);
}

void watch_target_unlock(struct watch_target *t)
{
	pthread_mutex_unlock(&t->mu);
}

const char *watch_state_name(enum watch_state s)
{
	switch (s) {
	case WATCH_STARTING:
		return "starting";
	case WATCH_OK:
		return "ok";
	case WATCH_DEGRADED:
		return "degraded";
	case WATCH_GONE:
		return "gone";
	}
	return "?";
}

static void watch__read_bi(struct watch_target *t)
{
	char exe[64];

	snprintf(exe, sizeof(exe), "/proc/%d/exe", (int)t->pid);
	t->have_bi = buildinfo_read_file(exe, &t->bi, NULL) == LH_OK;
}

enum lh_status watch_add_url(struct watch *w, const char *url,
			     struct lh_error *err)
{
	struct http_client *c;
	struct watch_target *t;
	uint16_t port;

	if (w->targets.len >= WATCH_MAX_TARGETS)
		return lh_fail(err, url, "more than %d targets", WATCH_MAX_TARGETS);
	if (http_client_new(&c, url, NULL, err) != LH_OK)
		return LH_ERR;
	t = watch__target_new(w, url);
	snprintf(t->base, sizeof(t->base), "%s", http_client_base(c));
	http_client_free(c);
	port = url_loopback_port(t->base);
	if (port) {
		t->pid = proc_pid_for_port(port);
		if (t->pid) {
			struct proc_sample ps;

			if (proc_read(t->pid, &ps, NULL) == LH_OK)
				t->start_ticks = ps.start_ticks;
			watch__read_bi(t);
		}
	}
	return LH_OK;
}

enum lh_status watch_add_pid(struct watch *w, pid_t pid, struct lh_error *err)
{
	struct proc_sample ps;
	struct watch_target *t;
	char name[32];

	snprintf(name, sizeof(name), "pid %d", (int)pid);
	if (w->targets.len >= WATCH_MAX_TARGETS)
		return lh_fail(err, name, "more than %d targets", WATCH_MAX_TARGETS);
	if (pid <= 0)
		return lh_fail(err, name, "not a process id");
	if (proc_read(pid, &ps, err) != LH_OK)
		return lh_fail(err, name, "no such process (or not readable)");
	t = watch__target_new(w, name);
	t->pid = pid;
	t->pid_given = true;
	t->start_ticks = ps.start_ticks;
	watch__read_bi(t);
	if (pprof_find_for_pid(pid, t->base, sizeof(t->base),
			       PPROF_PROBE_TIMEOUT_MS, NULL) != LH_OK) {
		t->base[0] = '\0';
		watch__say(t, "no pprof endpoint found; watching from /proc "
			      "alone (RSS, threads, fds)");
	}
	return LH_OK;
}

enum lh_status watch_add_file(struct watch *w, const char *path,
			      struct lh_error *err)
{
	struct buf b;
	char *line, *save = NULL;
	unsigned lineno = 0;
	enum lh_status st = LH_OK;

	buf_init(&b, (size_t)1 << 20);
	if (buf_read_file(&b, path, err) != LH_OK) {
		buf_release(&b);
		return LH_ERR;
	}
	for (line = b.data; line && st == LH_OK; line = save) {
		char *nl = strchr(line, '\n'), *p = line, *e;
		char where[600];

		save = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		lineno++;
		snprintf(where, sizeof(where), "%s:%u", path, lineno);
		while (isspace((unsigned char)*p))
			p++;
		e = p + strlen(p);
		while (e > p && isspace((unsigned char)e[-1]))
			*--e = '\0';
		if (!*p || *p == '#')
			continue;
		if (str_has_prefix(p, "pid ") || isdigit((unsigned char)*p)) {
			char *end;
			long pid = strtol(p + (*p == 'p' ? 4 : 0), &end, 10);

			if (*end || pid <= 0 || pid > 0x3fffffff) {
				st = lh_fail(err, where, "bad target '%s'", p);
				break;
			}
			st = watch_add_pid(w, (pid_t)pid, err);
		} else {
			st = watch_add_url(w, p, err);
		}
		if (st != LH_OK) {
			char msg[sizeof(err->msg)];

			snprintf(msg, sizeof(msg), "%s", err->msg);
			lh_fail(err, where, "%s", msg);
		}
	}
	if (st == LH_OK && w->targets.len == 0)
		st = lh_fail(err, path, "no targets in the file");
	buf_release(&b);
	return st;
}

/* ---------------------------------------------------------------- sites */

static const char *watch__dup(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

static void watch__copy_stack(struct arena *a, struct snap_stack *dst,
			      const struct snap_stack *src)
{
	uint32_t n = src->nframes < WATCH_SITE_FRAMES ? src->nframes
						     : WATCH_SITE_FRAMES;

	dst->nframes = n;
	dst->elided = src->elided || n < src->nframes;
	dst->frames = n ? arena_alloc(a, n * sizeof(*dst->frames)) : NULL;
	for (uint32_t i = 0; i < n; i++) {
		dst->frames[i] = src->frames[i];
		dst->frames[i].func = watch__dup(a, src->frames[i].func);
		dst->frames[i].file = watch__dup(a, src->frames[i].file);
	}
}

static void watch__site_user(struct watch_site *site,
			     const struct snap_stack *st, int idx)
{
	if (idx < 0 || (uint32_t)idx >= st->nframes)
		return;
	site->func = st->frames[idx].func;
	site->file = st->frames[idx].file;
	site->line = st->frames[idx].line;
}

static struct watch_site *watch__site_new(struct watch_target *t,
					  enum series_kind kind)
{
	struct watch_site *site = arena_alloc(&t->arena, sizeof(*site));

	site->kind = kind;
	site->max_wait_min = -1;
	return site;
}

static struct watch_site *watch__gsite(struct watch_target *t,
				       const struct snap_gbucket *b)
{
	struct watch_site *site = watch__site_new(t, SERIES_GOROUTINES);
	struct snap_gbucket *c = arena_alloc(&t->arena, sizeof(*c));

	*c = *b;
	c->reason = watch__dup(&t->arena, b->reason);
	c->labels = watch__dup(&t->arena, b->labels);
	watch__copy_stack(&t->arena, &c->stack, &b->stack);
	c->creator.func = watch__dup(&t->arena, b->creator.func);
	c->creator.file = watch__dup(&t->arena, b->creator.file);
	if (c->block >= (int)c->stack.nframes)
		c->block = -1;
	site->bucket = c;
	watch__site_user(site, &c->stack, c->block);
	return site;
}

static struct watch_site *watch__hsite(struct watch_target *t,
				       const struct snap_hsite *h)
{
	struct watch_site *site = watch__site_new(t, SERIES_HEAP_SITE);
	struct snap_hsite *c = arena_alloc(&t->arena, sizeof(*c));

	*c = *h;
	watch__copy_stack(&t->arena, &c->stack, &h->stack);
	c->alloc_fn = watch__dup(&t->arena, h->alloc_fn);
	if (c->user >= (int)c->stack.nframes)
		c->user = -1;
	site->hsite = c;
	watch__site_user(site, &c->stack, c->user);
	return site;
}

/* The site's counts as of the newest profile: what classifies it (the
 * object size above all) must describe the memory that stays, not the
 * first profile, where a site that will pin 72 KiB buffers may hold only
 * the small buffers its append grew through. */
static void watch__hsite_update(struct watch_site *site,
				const struct snap_hsite *h)
{
	struct snap_hsite *c = site->hsite;

	c->inuse_objects = h->inuse_objects;
	c->inuse_bytes = h->inuse_bytes;
	c->alloc_objects = h->alloc_objects;
	c->alloc_bytes = h->alloc_bytes;
	c->obj_bytes = h->obj_bytes;
	c->samples = h->samples;
}

static const char *watch__base(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;

	return s ? s + 1 : path;
}

/* ---------------------------------------------------------------- series updates */

static struct series *watch__fixed(struct watch_target *t, enum watch_fixed f)
{
	if (!t->fixed[f]) {
		bool detect = false;
		double rise = 0;

		/* fds by type are leak signals of their own; RSS only when
		 * there is no profile to say more (from /proc alone) */
		if (f >= WF_FDS_FILE && f <= WF_FDS_OTHER) {
			detect = true;
			rise = WATCH_MIN_RISE_FDS;
		} else if (f == WF_RSS && !t->base[0]) {
			detect = true;
			rise = WATCH_MIN_RISE_RSS;
		}
		t->fixed[f] = series_set_get(&t->set, fixed_info[f].key,
					     fixed_info[f].label,
					     fixed_info[f].kind, detect, rise);
		if (t->fixed[f] && !t->fixed[f]->user)
			t->fixed[f]->user = watch__site_new(t, fixed_info[f].kind);
	}
	return t->fixed[f];
}

static void watch__push_fixed(struct watch_target *t, enum watch_fixed f,
			      double now, double v)
{
	struct series *s = watch__fixed(t, f);

	if (s)
		series_push(s, now, v);
}

static void watch__restart(struct watch_target *t, double now, const char *why)
{
	t->restarts++;
	series_set_restart(&t->set, now);
	for (size_t i = 0; i < t->set.all.len; i++) {
		struct watch_site *site = t->set.all.items[i]->user;

		if (site)
			site->suspect = false;
	}
	watch__say(t, "target restarted (%s): leak test starts over, series kept",
		   why);
}

static void watch__put_proc(struct watch_target *t, const struct proc_sample *p,
			    double now)
{
	watch__push_fixed(t, WF_RSS, now, (double)p->rss_kb * 1024.0);
	watch__push_fixed(t, WF_THREADS, now, (double)p->threads);
	watch__push_fixed(t, WF_FDS, now, (double)p->fds.total);
	watch__push_fixed(t, WF_FDS_FILE, now, (double)p->fds.file);
	watch__push_fixed(t, WF_FDS_SOCKET, now, (double)p->fds.socket);
	watch__push_fixed(t, WF_FDS_PIPE, now, (double)p->fds.pipe);
	watch__push_fixed(t, WF_FDS_OTHER, now,
			  (double)(p->fds.anon + p->fds.other));
}

/* The frame a series is named after: the first user frame, else the first
 * standard library one (net/http's loops), else the innermost. */
static const struct snap_frame *watch__label_frame(const struct snap_stack *st,
						   int user)
{
	int i = user;

	if (i < 0 || (uint32_t)i >= st->nframes)
		i = snap_stack_first(st, SNAP_ORIGIN_STDLIB);
	if (i < 0 || (uint32_t)i >= st->nframes)
		i = st->nframes ? 0 : -1;
	return i >= 0 ? &st->frames[i] : NULL;
}

static void watch__put_goroutines(struct watch_target *t,
				  const struct snapshot *s, double now)
{
	for (size_t i = 0; i < s->gbuckets.len; i++) {
		const struct snap_gbucket *b = s->gbuckets.items[i];
		char key[40], label[512];
		struct series *ser;

		snprintf(key, sizeof(key), "g:%016llx", (unsigned long long)b->sig);
		ser = series_set_find(&t->set, key);
		if (!ser) {
			const struct snap_frame *f = watch__label_frame(&b->stack, b->block);

			snprintf(label, sizeof(label), "%s: %s (%s:%u)",
				 snap_wait_name(b->wait),
				 f && f->func ? f->func : "?",
				 f && f->file ? watch__base(f->file) : "?",
				 f ? f->line : 0);
			ser = series_set_get(&t->set, key, label,
					     SERIES_GOROUTINES, true,
					     WATCH_MIN_RISE_GOROUTINES);
			if (!ser)
				continue;
			ser->user = watch__gsite(t, b);
		}
		series_push(ser, now, (double)b->count);
	}
	watch__push_fixed(t, WF_GOROUTINES, now, (double)s->goroutines);
	series_set_sweep(&t->set, 1u << SERIES_GOROUTINES, now);
}

static void watch__put_heap(struct watch_target *t, const struct snapshot *s,
			    double now)
{
	double total = 0;

	for (size_t i = 0; i < s->hsites.len; i++) {
		const struct snap_hsite *h = s->hsites.items[i];
		char key[40], label[512];
		struct series *ser;

		total += (double)h->inuse_bytes;
		snprintf(key, sizeof(key), "h:%016llx", (unsigned long long)h->sig);
		ser = series_set_find(&t->set, key);
		if (!ser) {
			const struct snap_frame *f = watch__label_frame(&h->stack, h->user);

			if (h->inuse_bytes < WATCH_HEAP_SITE_MIN)
				continue;
			snprintf(label, sizeof(label), "heap: %s (%s:%u)",
				 f && f->func ? f->func : "?",
				 f && f->file ? watch__base(f->file) : "?",
				 f ? f->line : 0);
			ser = series_set_get(&t->set, key, label,
					     SERIES_HEAP_SITE, true,
					     WATCH_MIN_RISE_HEAP);
			if (!ser)
				continue;
			ser->user = watch__hsite(t, h);
		} else if (ser->user) {
			watch__hsite_update(ser->user, h);
		}
		/* the site's sampling noise per byte (the largest seen: the
		 * mix of object sizes behind a site can change) */
		if (h->inuse_bytes > 0 && h->inuse_var > 0)
			ser->noise = LH_MAX(ser->noise, h->inuse_var /
						       (double)h->inuse_bytes);
		/* and what the site freed so far: the allocations that came
		 * and went, whose sampling noise a rise is measured against
		 * (series.h) */
		series_push_turnover(ser, now, (double)h->inuse_bytes,
				     (double)(h->alloc_bytes - h->inuse_bytes));
	}
	watch__push_fixed(t, WF_HEAP_INUSE, now, total);
	series_set_sweep(&t->set, 1u << SERIES_HEAP_SITE, now);
}

static void watch__put_memstats(struct watch_target *t,
				const struct snap_memstats *m, double now)
{
	struct series *gc = t->fixed[WF_MS_NUM_GC];
	const struct series_point *last = gc ? series_last(gc) : NULL;

	/* counters going back: a new process behind the same endpoint */
	if (last && (double)m->num_gc < last->v && !t->pid_given && !t->pid) {
		watch__restart(t, now, "memstats NumGC went back");
		t->pid_lost = false;
	}
	watch__push_fixed(t, WF_MS_HEAP_INUSE, now, (double)m->heap_inuse);
	watch__push_fixed(t, WF_MS_HEAP_OBJECTS, now, (double)m->heap_objects);
	watch__push_fixed(t, WF_MS_NEXT_GC, now, (double)m->next_gc);
	watch__push_fixed(t, WF_MS_STACK, now, (double)m->stack_inuse);
	watch__push_fixed(t, WF_MS_SYS, now, (double)m->sys);
	watch__push_fixed(t, WF_MS_NUM_GC, now, (double)m->num_gc);
}

/* Frames from the blocking site on: what identifies a goroutine's code
 * path across the proto form (runtime frames kept) and debug=2 (hidden). */
static bool watch__same_path(const struct snap_gbucket *a,
			     const struct snap_gbucket *b)
{
	int ia = a->block, ib = b->block;
	int k = 0;

	if (ia < 0 || ib < 0)
		return false;
	for (; k < WATCH_MATCH_FRAMES && (uint32_t)ia < a->stack.nframes &&
	       (uint32_t)ib < b->stack.nframes;
	     k++, ia++, ib++) {
		const struct snap_frame *x = &a->stack.frames[ia];
		const struct snap_frame *y = &b->stack.frames[ib];

		if (!x->func || !y->func || strcmp(x->func, y->func) != 0 ||
		    x->line != y->line)
			return false;
	}
	return k > 0;
}

static void watch__put_dump(struct watch_target *t, const struct snapshot *s)
{
	for (size_t i = 0; i < t->set.all.len; i++) {
		struct watch_site *site = t->set.all.items[i]->user;

		if (!site || !site->bucket)
			continue;
		for (size_t j = 0; j < s->gbuckets.len; j++) {
			const struct snap_gbucket *d = s->gbuckets.items[j];

			if (!watch__same_path(site->bucket, d))
				continue;
			if (d->max_wait > site->max_wait_min)
				site->max_wait_min = d->max_wait;
			if (d->creator.func && !site->creator_func) {
				site->creator_func =
					arena_strdup(&t->arena, d->creator.func);
				site->creator_file =
					watch__dup(&t->arena, d->creator.file);
				site->creator_line = d->creator.line;
			}
		}
	}
}

/* ---------------------------------------------------------------- sampling */

enum watch_src { SRC_GOROUTINE, SRC_HEAP, SRC_VARS, SRC_DUMP };

static const char *const src_name[] = {
	[SRC_GOROUTINE] = "goroutine profile",
	[SRC_HEAP] = "heap profile",
	[SRC_VARS] = "/debug/vars",
	[SRC_DUMP] = "goroutine dump",
};

/* Fetches and parses one source into a fresh snapshot. */
static enum lh_status watch__fetch(struct watch_target *t, enum watch_src src,
				   struct snapshot **out, struct lh_error *err)
{
	const char *path;
	struct buf body = BUF_INIT;
	struct http_response r;
	struct snapshot *s;
	enum snap_format fmt = SNAP_FMT_UNKNOWN;
	enum lh_status st;
	char name[512];
	struct snap_limits lim = SNAP_LIMITS_DEFAULT;
	struct watch *w = t->w;
	double cpu0, cpu1;

	*out = NULL;
	switch (src) {
	case SRC_GOROUTINE:
		path = "/debug/pprof/goroutine";
		break;
	case SRC_HEAP:
		path = t->w->o.heap_gc ? "/debug/pprof/heap?gc=1"
				       : "/debug/pprof/heap";
		break;
	case SRC_VARS:
		path = "/debug/vars";
		break;
	default:
		path = "/debug/pprof/goroutine?debug=2";
		break;
	}
	buf_init(&body, t->w->o.max_body);
	cpu0 = t->pid ? proc_cpu_seconds(t->pid) : -1;
	st = http_get(t->http, path, &body, &r, err);
	cpu1 = cpu0 >= 0 ? proc_cpu_seconds(t->pid) : -1;
	t->fetch_s += r.seconds;
	/* what answering cost the target: the request's wall time, or the
	 * target's CPU time over it when /proc shows more (profiles written
	 * on several threads); the GC work the answer leaves behind is not
	 * in either, so the budget is set below the 1 % we aim for */
	t->tokens -= cpu1 - cpu0 > r.seconds && cpu0 >= 0 ? cpu1 - cpu0
							 : r.seconds;
	if (r.seconds > t->fetch_max_s)
		t->fetch_max_s = r.seconds;
	if (st != LH_OK) {
		if (src == SRC_VARS && r.status == 404)
			t->vars = -1; /* no expvar in this program: fine */
		buf_release(&body);
		return LH_ERR;
	}
	t->fetch_bytes += body.len;
	snprintf(name, sizeof(name), "%s%s", t->base, path);
	s = snapshot_new(name);
	lim.max_decompressed = w->o.max_decompressed;
	lim.cancel = &w->cancel;
	lim.threads = 1; /* a body in memory is parsed in one pass anyway */
	st = snap_parse_mem(s, body.data, body.len, name, &lim, &fmt, err);
	buf_release(&body);
	if (st == LH_OK) {
		static const enum snap_format want[] = {
			[SRC_GOROUTINE] = SNAP_FMT_PPROF,
			[SRC_HEAP] = SNAP_FMT_PPROF,
			[SRC_VARS] = SNAP_FMT_EXPVAR,
			[SRC_DUMP] = SNAP_FMT_GDUMP,
		};

		if (fmt != want[src])
			st = lh_fail(err, name, "expected a %s, got %s",
				     src_name[src], snap_format_name(fmt));
		else if (src == SRC_VARS && !s->mem.have)
			st = lh_fail(err, name, "no memstats in /debug/vars");
	}
	if (st != LH_OK) {
		snapshot_free(s);
		return LH_ERR;
	}
	*out = s;
	return LH_OK;
}

/* Endpoint errors: one line at the start of a failure streak. */
static void watch__endpoint_failed(struct watch_target *t, enum watch_src src,
				   const struct lh_error *err, double now)
{
	char msg[sizeof(t->last_error)];
	bool first;

	if (atomic_load(&t->w->cancel))
		return; /* cut short by watch_stop: not the endpoint's fault */
	snprintf(msg, sizeof(msg), "%s: %s", src_name[src], err->msg);
	watch_target_lock(t);
	t->errors++;
	first = t->state != WATCH_DEGRADED;
	snprintf(t->last_error, sizeof(t->last_error), "%s", msg);
	if (t->pid || t->state == WATCH_STARTING || now - t->last_ok < t->w->o.give_up_s ||
	    t->last_ok < 0)
		t->state = WATCH_DEGRADED;
	if (!t->pid && t->last_ok >= 0 && now - t->last_ok >= t->w->o.give_up_s)
		t->state = WATCH_GONE;
	if (!t->pid && t->last_ok < 0 && now >= t->w->o.give_up_s)
		t->state = WATCH_GONE;
	watch_target_unlock(t);
	if (first)
		watch__say(t, "%s (%s '%s'); keeping %zu series, retrying", msg,
			   "at", err->input, t->set.all.len);
	if (t->state == WATCH_GONE)
		watch__say(t, "endpoint failing for %.0f s and no process to "
			      "read: target dropped", t->w->o.give_up_s);
}

static void watch__sample_proc(struct watch_target *t, unsigned tick,
			       double now)
{
	struct proc_sample ps;
	uint16_t port;

	if (!t->pid && !t->pid_given && (tick % 5 == 0 || t->pid_lost) &&
	    (port = url_loopback_port(t->base)) != 0) {
		pid_t pid = proc_pid_for_port(port);

		if (pid && proc_read(pid, &ps, NULL) == LH_OK) {
			watch_target_lock(t);
			t->pid = pid;
			t->start_ticks = ps.start_ticks;
			if (t->pid_lost)
				watch__restart(t, now, "new process behind the endpoint");
			t->pid_lost = false;
			watch__read_bi(t);
			watch_target_unlock(t);
		}
	}
	if (!t->pid)
		return;
	if (proc_read(t->pid, &ps, NULL) != LH_OK ||
	    (t->start_ticks && ps.start_ticks != t->start_ticks)) {
		if (t->pid_given) {
			watch_target_lock(t);
			t->state = WATCH_GONE;
			watch_target_unlock(t);
			watch__say(t, "process %d exited: target done, series kept",
				   (int)t->pid);
		} else {
			watch__say(t, "process %d behind the endpoint exited",
				   (int)t->pid);
			t->pid_lost = true;
		}
		watch_target_lock(t);
		t->pid = 0;
		t->start_ticks = 0;
		watch_target_unlock(t);
		return;
	}
	watch_target_lock(t);
	watch__put_proc(t, &ps, now);
	if (t->state == WATCH_STARTING && !t->base[0])
		t->state = WATCH_OK;
	watch_target_unlock(t);
}

/* Refills the cost budget; true when a fetch of estimated cost `need`
 * fits. Says once when the budget starts slowing the sampling down. */
static bool watch__afford(struct watch_target *t, double now, double need)
{
	double cap = t->w->o.budget * WATCH_BUDGET_BURST_S;

	if (t->refilled_at <= 0 && t->tokens == 0)
		t->tokens = cap; /* a full bucket to start with */
	t->tokens += t->w->o.budget * (now - t->refilled_at);
	t->refilled_at = now;
	if (t->tokens > cap)
		t->tokens = cap;
	if (t->tokens > need)
		return true;
	if (!t->throttled++)
		watch__say(t, "answering takes %.0f ms a sample: sampling "
			      "less often to keep the target's cost under "
			      "%.1f %% (--budget)",
			   t->fetch_max_s * 1000, t->w->o.budget * 100);
	return false;
}

static void watch__sample(struct watch_target *t, unsigned tick)
{
	struct watch *w = t->w;
	double now = watch_now(w);
	struct snapshot *s;
	struct lh_error err;
	double goroutines;

	watch__sample_proc(t, tick, now);
	if (t->state == WATCH_GONE || !t->http) {
		watch_target_lock(t);
		if (t->first_sample < 0)
			t->first_sample = now;
		t->samples++;
		watch_target_unlock(t);
		return;
	}

	if (tick % w->o.heap_every == 0)
		t->heap_due = true;
	if (tick % w->o.vars_every == 0)
		t->vars_due = t->vars >= 0;
	if (w->o.dump_every &&
	    (tick == WATCH_FIRST_DUMP_TICK ||
	     (tick > WATCH_FIRST_DUMP_TICK && tick % w->o.dump_every == 0)))
		t->dump_due = true;
	if (!watch__afford(t, now, 0))
		return;
	if (watch__fetch(t, SRC_GOROUTINE, &s, &err) != LH_OK) {
		watch__endpoint_failed(t, SRC_GOROUTINE, &err, now);
		return;
	}
	goroutines = (double)s->goroutines;
	watch_target_lock(t);
	if (t->state == WATCH_DEGRADED)
		watch__say(t, "endpoint answers again");
	t->state = WATCH_OK;
	t->last_ok = now;
	if (t->first_sample < 0)
		t->first_sample = now;
	t->samples++;
	watch__put_goroutines(t, s, now);
	watch_target_unlock(t);
	snapshot_free(s);

	if (t->heap_due && watch__afford(t, now, 0)) {
		t->heap_due = false;
		if (watch__fetch(t, SRC_HEAP, &s, &err) != LH_OK) {
			watch__endpoint_failed(t, SRC_HEAP, &err, now);
		} else {
			watch_target_lock(t);
			watch__put_heap(t, s, now);
			watch_target_unlock(t);
			snapshot_free(s);
		}
	}
	if (t->vars_due && t->vars >= 0 && watch__afford(t, now, 0)) {
		t->vars_due = false;
		if (watch__fetch(t, SRC_VARS, &s, &err) != LH_OK) {
			if (t->vars != -1)
				watch__endpoint_failed(t, SRC_VARS, &err, now);
		} else {
			t->vars = 1;
			watch_target_lock(t);
			watch__put_memstats(t, &s->mem, now);
			watch_target_unlock(t);
			snapshot_free(s);
		}
	}
	/* debug=2 stops the world: only when the budget holds its cost */
	if (t->dump_due &&
	    watch__afford(t, now, goroutines * WATCH_DUMP_COST_PER_G)) {
		t->dump_due = false;
		if (watch__fetch(t, SRC_DUMP, &s, &err) != LH_OK) {
			watch__endpoint_failed(t, SRC_DUMP, &err, now);
		} else {
			watch_target_lock(t);
			watch__put_dump(t, s);
			watch_target_unlock(t);
			snapshot_free(s);
		}
	}
}

static void *watch__run(void *arg)
{
	struct watch_target *t = arg;
	struct watch *w = t->w;
	struct http_options ho = HTTP_OPTIONS_INIT;
	struct lh_error err;
	unsigned tick = 0;

	ho.timeout_ms = w->o.timeout_ms;
	ho.connect_timeout_ms = LH_MIN(w->o.timeout_ms, 2000L);
	ho.max_body = w->o.max_body;
	ho.cancel = &w->cancel;
	if (t->base[0] && http_client_new(&t->http, t->base, &ho, &err) != LH_OK) {
		watch__say(t, "%s", err.msg);
		t->http = NULL;
	}
	while (!watch__stopping(w)) {
		double start = watch_now(w), left;

		watch__sample(t, tick++);
		if (t->state == WATCH_GONE)
			break;
		left = start + w->o.interval_s - watch_now(w);
		if (watch_sleep(w, left > 0 ? left : 0))
			break;
	}
	http_client_free(t->http);
	t->http = NULL;
	return NULL;
}

void watch_start(struct watch *w)
{
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		if (pthread_create(&t->thread, NULL, watch__run, t) == 0)
			t->thread_started = true;
		else
			watch__say(t, "cannot start a sampler thread");
	}
}

void watch_stop(struct watch *w)
{
	pthread_mutex_lock(&w->stop_mu);
	w->stop = true;
	pthread_cond_broadcast(&w->stop_cv);
	pthread_mutex_unlock(&w->stop_mu);
	atomic_store(&w->cancel, 1);
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		if (t->thread_started) {
			pthread_join(t->thread, NULL);
			t->thread_started = false;
		}
	}
}

size_t watch_live(const struct watch *w)
{
	size_t n = 0;

	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		watch_target_lock(t);
		n += t->state != WATCH_GONE;
		watch_target_unlock(t);
	}
	return n;
}

double watch_verdict_eta(const struct watch *w)
{
	const struct series_options *o = &w->o.series;
	double need = o->window_s * o->windows;
	double best = need;

	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];
		double left;

		watch_target_lock(t);
		if (t->first_sample >= 0) {
			double since = LH_MAX(t->first_sample,
					      t->set.all.len ? t->set.all.items[0]->epoch : 0);

			left = need - (watch_now(w) - since);
			if (left < best)
				best = left;
		}
		watch_target_unlock(t);
	}
	return best > 0 ? best : 0;
}

/* ---------------------------------------------------------------- verdicts */

/* Classifies a suspect series with the runtime classifier (rt.c): the
 * series' window floors become a short run of snapshots holding just its
 * bucket or site, so rt_analyze sees it growing and names its class the
 * way `leakhound inspect` does for saved profiles. */
static void watch__classify(struct watch *w, struct watch_suspect *x)
{
	const struct watch_site *site = x->site;
	struct snapshot *snaps[SERIES_MAX_WINDOWS];
	struct rt_options ro = RT_OPTIONS_INIT;
	struct rt_analysis a;
	unsigned n = x->v.nwindows;

	x->rule = NULL;
	if (site->kind == SERIES_FDS) {
		x->rule = &lh_rule_lh792;
		x->class = LH_CLASS_RESOURCE;
		return;
	}
	if (!site->bucket && !site->hsite)
		return;
	for (unsigned k = 0; k < n; k++) {
		snaps[k] = snapshot_new("watch");
		snaps[k]->time_ns = (int64_t)k * 1000000000LL;
		if (site->bucket) {
			const struct snap_gbucket *b = site->bucket;
			struct snap_frame creator = b->creator;

			if (!creator.func && site->creator_func) {
				creator.func = site->creator_func;
				creator.file = site->creator_file;
				creator.line = site->creator_line;
			}
			snaps[k]->has = SNAP_HAS_GPROTO;
			snapshot_add_goroutines(snaps[k], b->reason, b->wait,
						b->flags, b->labels, &b->stack,
						&creator, b->creator_goid,
						lh_d2u64(x->v.floors[k]),
						site->max_wait_min, 0, NULL);
		} else {
			const struct snap_hsite *h = site->hsite;
			double scale = h->inuse_bytes > 0
					       ? (double)h->inuse_objects /
							 (double)h->inuse_bytes
					       : 0;

			snaps[k]->has = SNAP_HAS_HEAP;
			/* alloc_fn: recomputed from the same stack */
			snapshot_add_heap(snaps[k], &h->stack,
					  lh_d2i64(x->v.floors[k] * scale),
					  lh_d2i64(x->v.floors[k]),
					  h->alloc_objects, h->alloc_bytes,
					  h->obj_bytes, NULL);
		}
	}
	rt_analyze(&a, (const struct snapshot *const *)snaps, n,
		   site->hsite != NULL, &ro, w->src);
	for (size_t i = 0; i < a.items.len; i++) {
		if (a.items.items[i]->rule) {
			x->rule = a.items.items[i]->rule;
			x->conf = a.items.items[i]->conf;
			break;
		}
	}
	rt_analysis_release(&a);
	for (unsigned k = 0; k < n; k++)
		snapshot_free(snaps[k]);
	x->class = x->rule ? x->rule->class : LH_CLASS_NONE;
}

static bool watch__same_loc(const char *fa, uint32_t la, const char *fb,
			    uint32_t lb)
{
	return fa && fb && la == lb && strcmp(fa, fb) == 0;
}

static int watch__suspect_cmp(const void *pa, const void *pb)
{
	const struct watch_suspect *a = pa, *b = pb;
	double ra, rb;

	if ((a->rule != NULL) != (b->rule != NULL))
		return a->rule ? -1 : 1;
	ra = a->v.rise / LH_MAX(fabs(a->v.floors[0]), 1.0);
	rb = b->v.rise / LH_MAX(fabs(b->v.floors[0]), 1.0);
	return (ra < rb) - (ra > rb);
}

/* A heap site whose floors rise, but by less than the sampling noise of
 * its few samples: the sites of its source line together (a Ticker and its
 * channel, a map's values and its buckets, reached by several stacks) may
 * hold enough samples to tell. When their sum passes, *v is its verdict. */
static void watch__test_line(struct watch *w, struct watch_target *t,
			     const struct series *s, struct series_verdict *v)
{
	const struct watch_site *site = s->user;
	VEC(const struct series *) m = VEC_INIT;
	struct series sum;
	struct series_verdict sv;

	if (site->kind != SERIES_HEAP_SITE || !site->file)
		return;
	VEC_PUSH(&m, s);
	for (size_t i = 0; i < t->set.all.len; i++) {
		const struct series *o = t->set.all.items[i];
		const struct watch_site *os = o->user;

		if (o != s && o->detect && os && os->kind == SERIES_HEAP_SITE &&
		    watch__same_loc(os->file, os->line, site->file, site->line))
			VEC_PUSH(&m, o);
	}
	if (m.len > 1) {
		series_sum(&sum, m.items, m.len);
		series_test(&sum, &w->o.series, &sv);
		if (sv.suspect)
			*v = sv;
		series_sum_release(&sum);
	}
	VEC_FREE(&m);
}

static void watch__evaluate_target(struct watch *w, struct watch_target *t,
				   double now)
{
	t->suspects.len = 0;
	for (size_t i = 0; i < t->set.all.len; i++) {
		struct series *s = t->set.all.items[i];
		struct watch_site *site = s->user;
		struct watch_suspect x;

		if (!s->detect || !site)
			continue;
		memset(&x, 0, sizeof(x));
		series_test(s, &w->o.series, &x.v);
		if (!x.v.suspect && x.v.why &&
		    strcmp(x.v.why, WATCH_WITHIN_NOISE) == 0)
			watch__test_line(w, t, s, &x.v);
		if (!x.v.suspect) {
			site->suspect = false;
			continue;
		}
		if (!site->suspect) {
			site->suspect = true;
			site->flagged_at = now;
		}
		x.s = s;
		x.site = site;
		x.conf = LH_CONF_MEDIUM;
		watch__classify(w, &x);
		/* what the classifier calls benign (servers in IO wait, the
		 * partner loop of a reported pair) grows with the leak but is
		 * not one; RSS is kept only when it is all there is */
		if (!x.rule && s != t->fixed[WF_RSS]) {
			site->suspect = false;
			continue;
		}
		VEC_PUSH(&t->suspects, x);
	}
	/* one leak, several signals: a heap site at the line that starts the
	 * leaking goroutines, or sockets next to held http connections */
	for (size_t i = 0; i < t->suspects.len; i++) {
		struct watch_suspect *h = &t->suspects.items[i];
		bool drop = false;

		for (size_t j = 0; j < t->suspects.len && !drop; j++) {
			const struct watch_suspect *g = &t->suspects.items[j];

			if (i == j || !g->rule || g->site->kind != SERIES_GOROUTINES)
				continue;
			if (h->site->kind == SERIES_HEAP_SITE &&
			    (watch__same_loc(h->site->file, h->site->line,
					     g->site->creator_file,
					     g->site->creator_line) ||
			     watch__same_loc(h->site->file, h->site->line,
					     g->site->file, g->site->line)))
				drop = true;
			if (h->s == t->fixed[WF_FDS_SOCKET] &&
			    g->rule == &lh_rule_lh791)
				drop = true;
		}
		/* several sites of one line (a Ticker and its channel), or of
		 * one leak with no user frame (a held connection's goroutines
		 * and buffers): one finding */
		for (size_t j = 0; j < t->suspects.len && !drop; j++) {
			const struct watch_suspect *g = &t->suspects.items[j];

			if (j == i || g->rule != h->rule || !h->rule)
				continue;
			if (j < i && g->site->kind == h->site->kind &&
			    watch__same_loc(h->site->file, h->site->line,
					    g->site->file, g->site->line))
				drop = true;
			if (!h->site->file && !g->site->file &&
			    (g->site->kind < h->site->kind ||
			     (g->site->kind == h->site->kind && j < i)))
				drop = true;
		}
		if (drop) {
			t->suspects.items[i] = t->suspects.items[--t->suspects.len];
			i--;
		}
	}
	if (t->suspects.len)
		qsort(t->suspects.items, t->suspects.len,
		      sizeof(t->suspects.items[0]), watch__suspect_cmp);
}

void watch_evaluate(struct watch *w)
{
	double now = watch_now(w);

	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		watch_target_lock(t);
		watch__evaluate_target(w, t, now);
		watch_target_unlock(t);
	}
}

/* ---------------------------------------------------------------- output */

void watch_suspect_line(const struct watch_target *t,
			const struct watch_suspect *x, char *out, size_t n)
{
	char a[32], b[32], r[32];
	const char *unit = x->site->kind == SERIES_HEAP_SITE ||
					   x->site->kind == SERIES_RSS
				   ? "/s"
				   : "/s";

	(void)t;
	series_format_value(a, sizeof(a), x->site->kind, x->v.floors[0]);
	series_format_value(b, sizeof(b), x->site->kind,
			 x->v.floors[x->v.nwindows - 1]);
	series_format_value(r, sizeof(r), x->site->kind, x->v.slope);
	snprintf(out, n, "%s %s: floor %s -> %s, %s%s%s", 
		 x->rule ? x->rule->id : "?", x->s->label, a, b,
		 x->v.slope >= 0 ? "+" : "", r, unit);
}

/* Where a suspect's finding points. */
struct watch_loc {
	const char *func, *file;
	uint32_t line;
	bool user;	 /* a user frame: mapped through --src */
	const char *why; /* a note when it is not the series' own user frame */
};

/* The site's first user frame; for a stack with none (net/http's
 * connection goroutines), the first frame outside the runtime; for fd
 * counts (no stack), the first user frame of the heap site holding the
 * most in-use bytes among those that open files or sockets. */
static void watch__locate(const struct watch_target *t,
			  const struct watch_site *site, struct watch_loc *l)
{
	const struct snap_stack *st = NULL;
	const struct snap_frame *f;
	int user = -1;
	double best = -1;

	memset(l, 0, sizeof(*l));
	if (site->file) {
		l->func = site->func;
		l->file = site->file;
		l->line = site->line;
		l->user = true;
		return;
	}
	if (site->bucket) {
		st = &site->bucket->stack;
		user = site->bucket->block;
	} else if (site->hsite) {
		st = &site->hsite->stack;
		user = site->hsite->user;
	}
	if (st) {
		f = rt_site_frame(st, user, &l->user);
		if (f && f->file) {
			l->func = f->func;
			l->file = f->file;
			l->line = f->line;
			l->why = "no frame of this stack is user code: the "
				 "location is the first one outside the runtime";
		}
		return;
	}
	if (site->kind != SERIES_FDS)
		return;
	for (size_t i = 0; i < t->set.all.len; i++) {
		const struct series *s = t->set.all.items[i];
		const struct watch_site *h = s->user;
		double v;

		if (!h || !h->hsite || !h->file || !s->len ||
		    !rt_heap_opens_fds(h->hsite))
			continue;
		v = series_at(s, s->len - 1)->v;
		if (v > best) {
			best = v;
			l->func = h->func;
			l->file = h->file;
			l->line = h->line;
			l->user = true;
			l->why = "fds have no stack: the location is the heap "
				 "site that opens files or sockets holding the "
				 "most memory";
		}
	}
}

void watch_findings(struct watch *w, lh_findings *out)
{
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		watch_target_lock(t);
		for (size_t j = 0; j < t->suspects.len; j++) {
			const struct watch_suspect *x = &t->suspects.items[j];
			const struct watch_site *site = x->site;
			struct lh_finding f = { 0 };
			struct lh_finding *nf;
			struct lh_step st = { 0 };
			struct watch_loc wl;
			char msg[768], ev[640], a[32], b[32], r[32];
			char snippet[512];

			if (!x->rule)
				continue;
			series_format_value(a, sizeof(a), site->kind, x->v.floors[0]);
			series_format_value(b, sizeof(b), site->kind,
					 x->v.floors[x->v.nwindows - 1]);
			series_format_value(r, sizeof(r), site->kind, x->v.slope);
			snprintf(msg, sizeof(msg), "%s keep growing in %s: %s -> %s over %.0f s (%s/s)",
				 site->kind == SERIES_HEAP_SITE ? "in-use bytes"
				 : site->kind == SERIES_FDS     ? x->s->label
								: "goroutines",
				 t->name, a, b, x->v.span, r);
			f.rule = x->rule;
			f.severity = x->rule->severity;
			f.confidence = x->conf;
			watch__locate(t, site, &wl);
			f.loc.path = wl.file;
			if (wl.file && wl.user && w->src) {
				const char *m = rt_src_map(w->src, wl.file);

				if (m)
					f.loc.path = m;
			}
			f.loc.line = wl.line;
			f.message = msg;
			if (f.loc.path && f.loc.line &&
			    rt_src_line(f.loc.path, f.loc.line, snippet,
					sizeof(snippet)))
				f.snippet = snippet;
			f.function = wl.func;
			f.fix = rt_rule_fix(x->rule);
			nf = lh_findings_add(out, &f);
			if (wl.why) {
				st.note = wl.why;
				lh_findings_add_step(out, nf, &st);
			}
			snprintf(ev, sizeof(ev), "series '%s': floors of %u windows rise; Mann-Kendall z = %.1f, Theil-Sen slope %s/s",
				 x->s->label, x->v.nwindows, x->v.mk_z, r);
			if (x->v.noise_sd > 0) {
				size_t len = strlen(ev);

				snprintf(ev + len, sizeof(ev) - len,
					 "; the rise is %.1f standard deviations of the heap profile's sampling noise",
					 x->v.rise / x->v.noise_sd);
			}
			st.note = ev;
			lh_findings_add_step(out, nf, &st);
			if (site->creator_func) {
				snprintf(ev, sizeof(ev), "created by %s", site->creator_func);
				st.loc.path = site->creator_file;
				st.loc.line = site->creator_line;
				st.note = ev;
				lh_findings_add_step(out, nf, &st);
			}
			if (x->class == LH_CLASS_TIMER && t->have_bi) {
				snprintf(ev, sizeof(ev), "built with %s%s: %s",
					 t->bi.version,
					 strstr(t->bi.godebug, "asynctimerchan=1")
						 ? " and asynctimerchan=1" : "",
					 buildinfo_async_timers(&t->bi)
						 ? "an unstopped ticker or timer is never collected"
						 : "timers are collected once unreferenced, so these are still referenced");
				memset(&st, 0, sizeof(st));
				st.note = ev;
				lh_findings_add_step(out, nf, &st);
			}
			if (site->max_wait_min > 0) {
				snprintf(ev, sizeof(ev), "oldest waits for %lld minutes",
					 (long long)site->max_wait_min);
				memset(&st, 0, sizeof(st));
				st.note = ev;
				lh_findings_add_step(out, nf, &st);
			}
		}
		watch_target_unlock(t);
	}
}

void watch_explain(FILE *out, struct watch *w, size_t max)
{
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];
		size_t shown = 0;

		watch_target_lock(t);
		fprintf(out, "leakhound: %s: leak test per series (%zu series):\n",
			t->name, t->set.all.len);
		for (size_t j = 0; j < t->set.all.len && shown < max; j++) {
			const struct series *s = t->set.all.items[j];
			struct series_verdict v;
			char a[32], b[32];

			if (!s->detect || !s->len)
				continue;
			shown++;
			series_test(s, &w->o.series, &v);
			if (!v.suspect && s->user && v.why &&
			    strcmp(v.why, WATCH_WITHIN_NOISE) == 0) {
				watch__test_line(w, t, s, &v);
				if (v.suspect)
					v.why = "within sampling noise alone; "
						"with the other sites of its line, "
						"floor rising and trend significant";
			}
			series_format_value(a, sizeof(a), s->kind,
					 v.nwindows ? v.floors[0] : series_at(s, 0)->v);
			series_format_value(b, sizeof(b), s->kind, series_last(s)->v);
			fprintf(out, "  %-60.60s %s -> %s: %s (%u points, z %.1f)\n",
				s->label, a, b, v.why, v.npoints, v.mk_z);
		}
		watch_target_unlock(t);
	}
}
