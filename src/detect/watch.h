/*
 * watch.h - live sampling of Go processes into time series, and the
 * suspects the leak test finds in them (`leakhound watch`).
 *
 * One target = one Go process, reached through its net/http/pprof endpoint
 * (URL), its pid (/proc, plus the endpoint found from its listening
 * sockets), or both. Each target has a sampler thread that, every interval:
 *   - reads /proc/PID/{status,fd,smaps_rollup} (RSS, threads, fds by type),
 *   - fetches the goroutine profile as protobuf (cheap: no stop-the-world
 *     since Go 1.19) and records one series per stack bucket;
 * every heap_every intervals the heap profile (one series per allocation
 * site, in-use bytes as of the last completed GC; `?gc=1` only with
 * heap_gc) and /debug/vars (memstats) when the endpoint has it; every
 * dump_every intervals `goroutine?debug=2` (stops the world: rare), whose
 * wait durations and creators enrich the goroutine series.
 *
 * Cost: the CPU the target spends answering is what watching costs it
 * (profiles are written by the target). It is kept under `budget` of wall
 * time by a token bucket: each answer's cost (the target's CPU time over
 * the request from /proc/PID/stat, or the request's wall time when that is
 * more) is spent from it, and a fetch waits while it is empty; debug=2 (which stops
 * the world for ~20 us per goroutine) waits until the bucket holds its
 * estimated cost. Small targets are sampled every interval; a target with
 * 10 000 goroutines less often.
 *
 * Faults never stop the run: an error is reported once through `diag` (one
 * line naming the target), the series are kept, and sampling goes on. A
 * target whose process is gone, or whose endpoint failed for give_up_s
 * without a process to fall back on, is marked gone. The target restarting
 * (its pid or its start time changes, memstats counters go back) restarts
 * the leak test from that moment.
 *
 * Locking: a target's series, sites and suspects are guarded by its mutex;
 * readers (views, reports, the Prometheus exporter) take it with
 * watch_target_lock().
 */
#ifndef LH_DETECT_WATCH_H
#define LH_DETECT_WATCH_H

#include <pthread.h>
#include <stdio.h>

#include "detect/series.h"
#include "runtime/buildinfo.h"
#include "runtime/proc.h"
#include "runtime/snapshot.h"

struct watch_options {
	double interval_s;   /* goroutine profile and /proc (1) */
	unsigned heap_every; /* heap profile every N intervals (2) */
	unsigned vars_every; /* /debug/vars every N intervals (2) */
	unsigned dump_every; /* goroutine?debug=2 every N intervals (60) */
	bool heap_gc;	     /* ask for ?gc=1 (forces a GC in the target) */
	long timeout_ms;     /* per request (5000) */
	size_t max_body;     /* per response, bytes (64 MiB) */
	double give_up_s;    /* a failing target with no process left (30) */
	double budget;	     /* share of wall time the endpoint may spend
			      * answering us (0.005 = 0.5 %); fetches wait
			      * when it is used up */
	const char *src_dir; /* sources, for the classifier and locations
			      * (borrowed; NULL = none) */
	struct series_options series;
	/* gunzipped bytes per response (1 GiB); watch_stop cancels a
	 * parse in progress */
	uint64_t max_decompressed;
};
#define WATCH_OPTIONS_INIT                                                     \
	{ 1.0, 2, 2, 60, false, 5000, (size_t)64 << 20, 30.0, 0.005, NULL,     \
	  SERIES_OPTIONS_INIT, (uint64_t)1 << 30 }

enum watch_state {
	WATCH_STARTING = 0, /* no sample yet */
	WATCH_OK,
	WATCH_DEGRADED, /* endpoint failing, /proc still read */
	WATCH_GONE,	/* nothing left to sample */
};

/* What one series is about: the first user frame, the wait, and a copy of
 * the stack bucket or heap site (for the classifier). Allocated in the
 * target's arena. */
struct watch_site {
	enum series_kind kind;
	const char *func, *file; /* first user frame, or NULL */
	uint32_t line;
	struct snap_gbucket *bucket; /* SERIES_GOROUTINES */
	struct snap_hsite *hsite;    /* SERIES_HEAP_SITE */
	/* from the latest goroutine?debug=2 */
	int64_t max_wait_min; /* -1 unknown */
	const char *creator_func, *creator_file;
	uint32_t creator_line;
	/* suspect state */
	bool suspect;
	double flagged_at; /* first time it was a suspect */
};

struct watch_suspect {
	struct series *s;
	struct watch_site *site;
	struct series_verdict v;
	const struct lh_rule *rule; /* runtime rule (LHc9x); NULL: unclassified */
	enum lh_class class;
	enum lh_confidence conf;
};

/* Named series every target has (NULL until first sampled). */
enum watch_fixed {
	WF_GOROUTINES = 0, WF_HEAP_INUSE, WF_RSS, WF_THREADS, WF_FDS,
	WF_FDS_FILE, WF_FDS_SOCKET, WF_FDS_PIPE, WF_FDS_OTHER,
	WF_MS_HEAP_INUSE, WF_MS_HEAP_OBJECTS, WF_MS_NEXT_GC, WF_MS_STACK,
	WF_MS_SYS, WF_MS_NUM_GC,
	WF__COUNT
};

struct watch_target {
	char name[256];	  /* as given: URL or "pid N" */
	char base[256];	  /* pprof endpoint base URL, "" when none */
	pid_t pid;	  /* 0 when unknown */
	bool pid_given;	  /* --pid: the process is the target */
	bool pid_lost;	  /* the process behind the URL exited */
	uint64_t start_ticks;
	struct go_buildinfo bi;
	bool have_bi;

	pthread_mutex_t mu;
	pthread_t thread;
	bool thread_started;
	enum watch_state state;
	struct series_set set;
	struct series *fixed[WF__COUNT];
	struct arena arena; /* watch_site and their copies */
	VEC(struct watch_suspect) suspects;
	uint64_t samples, errors, restarts;
	double last_ok; /* time of the last good endpoint sample */
	double first_sample;
	char last_error[768];
	int vars; /* /debug/vars: -1 absent, 0 unknown, 1 present */
	double fetch_s, fetch_max_s; /* time spent fetching, total and worst */
	double tokens, refilled_at;  /* the cost budget (seconds of fetching) */
	bool heap_due, vars_due, dump_due;
	uint64_t throttled;	     /* fetches put off by the budget */
	uint64_t fetch_bytes;

	struct watch *w; /* owner */
	struct http_client *http; /* sampler thread only */
};

struct rt_src;

struct watch {
	struct watch_options o;
	struct rt_src *src; /* o.src_dir's files, or NULL */
	VEC(struct watch_target *) targets;
	struct timespec t0;
	pthread_mutex_t stop_mu;
	pthread_cond_t stop_cv;
	bool stop;
	atomic_int cancel; /* set by watch_stop: requests and parses in
			    * progress end (http_options, snap_limits) */
	lh_diag_fn diag; /* one line per fault, from sampler threads */
	void *diag_ctx;
	pthread_mutex_t diag_mu;
};

/* o may be NULL (defaults). A src_dir that cannot be read is reported
 * through diag and ignored. Caller frees with watch_free(). */
struct watch *watch_new(const struct watch_options *o, lh_diag_fn diag,
			void *diag_ctx);
void watch_free(struct watch *w);

/* Adds a target by endpoint URL ("http://127.0.0.1:6060"). When the host is
 * loopback, the listening process is looked up to read /proc too. */
LH_WARN_UNUSED enum lh_status watch_add_url(struct watch *w, const char *url,
					    struct lh_error *err);
/* Adds a target by pid: its pprof endpoint is searched among its listening
 * sockets; without one it is watched from /proc alone. */
LH_WARN_UNUSED enum lh_status watch_add_pid(struct watch *w, pid_t pid,
					    struct lh_error *err);
/* Reads a targets file: one URL or "pid N" (or a bare number) per line, '#'
 * comments. Bad lines are errors naming FILE:LINE. */
LH_WARN_UNUSED enum lh_status watch_add_file(struct watch *w,
					     const char *path,
					     struct lh_error *err);

/* Starts the sampler threads. */
void watch_start(struct watch *w);
/* Asks the samplers to stop and joins them. Idempotent. */
void watch_stop(struct watch *w);
/* Seconds since watch_new. */
double watch_now(const struct watch *w);
/* Sleeps up to `s` seconds; returns early (true) when stop was asked. */
bool watch_sleep(struct watch *w, double s);

/* Runs the leak test on every target's series and rebuilds its suspects
 * (most urgent first: classified, then by relative growth). */
void watch_evaluate(struct watch *w);
/* Targets not gone. */
size_t watch_live(const struct watch *w);
/* Seconds until the first verdict is possible (0 when there is one). */
double watch_verdict_eta(const struct watch *w);

void watch_target_lock(struct watch_target *t);
void watch_target_unlock(struct watch_target *t);
const char *watch_state_name(enum watch_state s);

/* The current suspects of every target as findings (runtime rules, first
 * user frame, evidence as steps, the class's fix advice). */
void watch_findings(struct watch *w, lh_findings *out);

/* One line describing a suspect: "goroutines in chan send at main.leak
 * (main.go:28): 12 -> 240, +7.6/s". Written to out (size n). */
void watch_suspect_line(const struct watch_target *t,
			const struct watch_suspect *x, char *out, size_t n);

/* For -v: the leak test's verdict on up to `max` detection series of each
 * target, with its reason ("floor not rising", ...). */
void watch_explain(FILE *out, struct watch *w, size_t max);

#endif /* LH_DETECT_WATCH_H */
