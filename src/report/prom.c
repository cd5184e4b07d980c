/*
 * prom.c - the Prometheus text exposition (format 0.0.4) of `leakhound
 * watch --listen` and the small libmicrohttpd server that serves it.
 *
 * Every family is written once with its HELP and TYPE lines, then one
 * sample per target (and per label set); label values escape \, " and
 * newline. Per-bucket and per-site series are capped (PROM_MAX_SERIES per
 * target, biggest first) so a process with thousands of stacks cannot
 * blow up the scraper's cardinality; suspects are always exported.
 */
#include <arpa/inet.h>
#include <math.h>
#include <microhttpd.h>
#include <stdio.h>

#include "report/prom.h"

#define PROM_MAX_SERIES 50
#define PROM_MAX_BODY ((size_t)16 << 20)

static void prom__label(struct buf *b, const char *name, const char *v,
			bool first)
{
	buf_printf(b, "%s%s=\"", first ? "" : ",", name);
	for (; v && *v; v++) {
		if (*v == '\\')
			buf_adds(b, "\\\\");
		else if (*v == '"')
			buf_adds(b, "\\\"");
		else if (*v == '\n')
			buf_adds(b, "\\n");
		else
			buf_addc(b, *v);
	}
	buf_addc(b, '"');
}

static void prom__family(struct buf *b, const char *name, const char *type,
			 const char *help)
{
	buf_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void prom__value(struct buf *b, double v)
{
	if (isnan(v))
		buf_adds(b, " NaN\n");
	else if (isinf(v))
		buf_adds(b, v > 0 ? " +Inf\n" : " -Inf\n");
	else if (v == floor(v) && fabs(v) < 1e15)
		buf_printf(b, " %.0f\n", v);
	else
		buf_printf(b, " %.6g\n", v);
}

static double prom__last(const struct series *s)
{
	const struct series_point *p = s ? series_last(s) : NULL;

	return p ? p->v : NAN;
}

/* One gauge per target from a fixed series (skipped when never sampled). */
static void prom__fixed(struct buf *b, struct watch *w, const char *name,
			const char *help, enum watch_fixed f)
{
	bool head = false;

	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];
		const struct series *s = t->fixed[f];

		if (!s || !s->len)
			continue;
		if (!head) {
			prom__family(b, name, "gauge", help);
			head = true;
		}
		buf_printf(b, "%s{", name);
		prom__label(b, "target", t->name, true);
		buf_addc(b, '}');
		prom__value(b, prom__last(s));
	}
}

static void prom__suspect_labels(struct buf *b, const struct watch_target *t,
				 const struct watch_suspect *x)
{
	char loc[600];

	prom__label(b, "target", t->name, true);
	prom__label(b, "rule", x->rule ? x->rule->id : "", false);
	prom__label(b, "class", lh_class_name(x->class), false);
	prom__label(b, "kind", series_kind_name(x->s->kind), false);
	prom__label(b, "series", x->s->label, false);
	if (x->site->file)
		snprintf(loc, sizeof(loc), "%s:%u", x->site->file, x->site->line);
	else
		loc[0] = '\0';
	prom__label(b, "location", loc, false);
}

static int prom__cmp_last(const void *pa, const void *pb)
{
	const struct series *a = *(const struct series *const *)pa;
	const struct series *b = *(const struct series *const *)pb;
	double x = prom__last(a), y = prom__last(b);

	return (x < y) - (x > y);
}

void watchview_prometheus(struct buf *b, struct watch *w)
{
	static const struct {
		const char *field;
		enum watch_fixed f;
	} ms[] = {
		{ "HeapInuse", WF_MS_HEAP_INUSE },   { "HeapObjects", WF_MS_HEAP_OBJECTS },
		{ "NextGC", WF_MS_NEXT_GC },	     { "StackInuse", WF_MS_STACK },
		{ "Sys", WF_MS_SYS },		     { "NumGC", WF_MS_NUM_GC },
	};
	static const struct {
		const char *type;
		enum watch_fixed f;
	} fds[] = {
		{ "file", WF_FDS_FILE }, { "socket", WF_FDS_SOCKET },
		{ "pipe", WF_FDS_PIPE }, { "other", WF_FDS_OTHER },
	};

	for (size_t i = 0; i < w->targets.len; i++)
		watch_target_lock(w->targets.items[i]);

	prom__family(b, "leakhound_up", "gauge",
		     "1 when the target's endpoint (or /proc) answered the last sample.");
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		buf_adds(b, "leakhound_up{");
		prom__label(b, "target", t->name, true);
		buf_addc(b, '}');
		prom__value(b, t->state == WATCH_OK ? 1 : 0);
	}
	prom__family(b, "leakhound_samples_total", "counter", "Samples taken.");
	for (size_t i = 0; i < w->targets.len; i++) {
		buf_adds(b, "leakhound_samples_total{");
		prom__label(b, "target", w->targets.items[i]->name, true);
		buf_addc(b, '}');
		prom__value(b, (double)w->targets.items[i]->samples);
	}
	prom__family(b, "leakhound_errors_total", "counter",
		     "Failed fetches or unreadable answers.");
	for (size_t i = 0; i < w->targets.len; i++) {
		buf_adds(b, "leakhound_errors_total{");
		prom__label(b, "target", w->targets.items[i]->name, true);
		buf_addc(b, '}');
		prom__value(b, (double)w->targets.items[i]->errors);
	}
	prom__family(b, "leakhound_restarts_total", "counter",
		     "Times the target restarted while watched.");
	for (size_t i = 0; i < w->targets.len; i++) {
		buf_adds(b, "leakhound_restarts_total{");
		prom__label(b, "target", w->targets.items[i]->name, true);
		buf_addc(b, '}');
		prom__value(b, (double)w->targets.items[i]->restarts);
	}
	prom__fixed(b, w, "leakhound_goroutines", "Goroutines (goroutine profile total).",
		    WF_GOROUTINES);
	prom__fixed(b, w, "leakhound_heap_inuse_bytes",
		    "In-use heap bytes of the heap profile (as of the last GC).",
		    WF_HEAP_INUSE);
	prom__fixed(b, w, "leakhound_rss_bytes", "Resident set size (/proc).", WF_RSS);
	prom__fixed(b, w, "leakhound_threads", "OS threads (/proc).", WF_THREADS);

	prom__family(b, "leakhound_open_fds", "gauge",
		     "Open file descriptors by type (/proc/PID/fd).");
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		for (size_t k = 0; k < ARRAY_SIZE(fds); k++) {
			const struct series *s = t->fixed[fds[k].f];

			if (!s || !s->len)
				continue;
			buf_adds(b, "leakhound_open_fds{");
			prom__label(b, "target", t->name, true);
			prom__label(b, "type", fds[k].type, false);
			buf_addc(b, '}');
			prom__value(b, prom__last(s));
		}
	}
	prom__family(b, "leakhound_memstats", "gauge",
		     "runtime.MemStats fields from /debug/vars.");
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		for (size_t k = 0; k < ARRAY_SIZE(ms); k++) {
			const struct series *s = t->fixed[ms[k].f];

			if (!s || !s->len)
				continue;
			buf_adds(b, "leakhound_memstats{");
			prom__label(b, "target", t->name, true);
			prom__label(b, "field", ms[k].field, false);
			buf_addc(b, '}');
			prom__value(b, prom__last(s));
		}
	}

	prom__family(b, "leakhound_series_value", "gauge",
		     "Last value of the biggest goroutine-bucket and heap-site series "
		     "(goroutines, in-use bytes).");
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];
		VEC(const struct series *) v = VEC_INIT;

		for (size_t k = 0; k < t->set.all.len; k++) {
			const struct series *s = t->set.all.items[k];
			const struct watch_site *site = s->user;

			if (site && (site->bucket || site->hsite) && s->len)
				VEC_PUSH(&v, s);
		}
		if (v.len)
			qsort(v.items, v.len, sizeof(v.items[0]), prom__cmp_last);
		for (size_t k = 0; k < v.len && k < PROM_MAX_SERIES; k++) {
			buf_adds(b, "leakhound_series_value{");
			prom__label(b, "target", t->name, true);
			prom__label(b, "kind", series_kind_name(v.items[k]->kind), false);
			prom__label(b, "series", v.items[k]->label, false);
			buf_addc(b, '}');
			prom__value(b, prom__last(v.items[k]));
		}
		VEC_FREE(&v);
	}

	prom__family(b, "leakhound_suspect", "gauge",
		     "1 for every series whose floor rises with a significant trend "
		     "(rule = the runtime rule it was classified into).");
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		for (size_t k = 0; k < t->suspects.len; k++) {
			buf_adds(b, "leakhound_suspect{");
			prom__suspect_labels(b, t, &t->suspects.items[k]);
			buf_addc(b, '}');
			prom__value(b, 1);
		}
	}
	prom__family(b, "leakhound_suspect_slope_per_second", "gauge",
		     "Theil-Sen slope of a suspect series, units per second.");
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		for (size_t k = 0; k < t->suspects.len; k++) {
			buf_adds(b, "leakhound_suspect_slope_per_second{");
			prom__suspect_labels(b, t, &t->suspects.items[k]);
			buf_addc(b, '}');
			prom__value(b, t->suspects.items[k].v.slope);
		}
	}
	prom__family(b, "leakhound_suspect_mk_z", "gauge",
		     "Mann-Kendall z score of a suspect series.");
	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		for (size_t k = 0; k < t->suspects.len; k++) {
			buf_adds(b, "leakhound_suspect_mk_z{");
			prom__suspect_labels(b, t, &t->suspects.items[k]);
			buf_addc(b, '}');
			prom__value(b, t->suspects.items[k].v.mk_z);
		}
	}
	for (size_t i = 0; i < w->targets.len; i++)
		watch_target_unlock(w->targets.items[i]);
}

/* ---------------------------------------------------------------- server */

struct prom_server {
	struct MHD_Daemon *d;
	struct watch *w;
};

static enum MHD_Result prom__handler(void *cls, struct MHD_Connection *c,
				     const char *url, const char *method,
				     const char *version, const char *data,
				     size_t *size, void **ptr)
{
	struct prom_server *ps = cls;
	struct MHD_Response *r;
	struct buf b;
	unsigned status = MHD_HTTP_OK;
	enum MHD_Result ret;
	char *body;
	size_t len;

	(void)version, (void)data, (void)size;
	if (!*ptr) {
		*ptr = (void *)1;
		return MHD_YES;
	}
	buf_init(&b, PROM_MAX_BODY);
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		status = MHD_HTTP_METHOD_NOT_ALLOWED;
		buf_adds(&b, "method not allowed\n");
	} else if (strcmp(url, "/metrics") == 0) {
		watchview_prometheus(&b, ps->w);
	} else if (strcmp(url, "/") == 0) {
		buf_adds(&b, "leakhound watch: metrics at /metrics\n");
	} else {
		status = MHD_HTTP_NOT_FOUND;
		buf_adds(&b, "not found\n");
	}
	if (!b.data)
		buf_add(&b, "", 0);
	body = buf_detach(&b, &len);
	r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(r, "Content-Type",
				"text/plain; version=0.0.4; charset=utf-8");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

enum lh_status prom_server_start(struct prom_server **out, const char *addr,
				 struct watch *w, struct lh_error *err)
{
	struct sockaddr_in sa = { 0 };
	char host[64];
	const char *colon = strrchr(addr, ':');
	char *end;
	long port;
	struct prom_server *ps;

	*out = NULL;
	if (!colon || (size_t)(colon - addr) >= sizeof(host))
		return lh_fail(err, addr, "want HOST:PORT (e.g. 127.0.0.1:9464)");
	memcpy(host, addr, (size_t)(colon - addr));
	host[colon - addr] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (*end || port < 0 || port > 65535 || colon[1] == '\0')
		return lh_fail(err, addr, "bad port");
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	if (strcmp(host, "localhost") == 0)
		strcpy(host, "127.0.0.1");
	if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
		return lh_fail(err, addr, "not an IPv4 address '%s'", host);
	ps = xcalloc(1, sizeof(*ps));
	ps->w = w;
	ps->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD,
				 0, NULL, NULL, prom__handler, ps,
				 MHD_OPTION_SOCK_ADDR, &sa,
				 MHD_OPTION_CONNECTION_LIMIT, 16u,
				 MHD_OPTION_CONNECTION_TIMEOUT, 10u,
				 MHD_OPTION_END);
	if (!ps->d) {
		free(ps);
		return lh_fail(err, addr, "cannot listen (address in use?)");
	}
	*out = ps;
	return LH_OK;
}

uint16_t prom_server_port(const struct prom_server *ps)
{
	const union MHD_DaemonInfo *i =
		MHD_get_daemon_info(ps->d, MHD_DAEMON_INFO_BIND_PORT);

	return i ? i->port : 0;
}

void prom_server_stop(struct prom_server *ps)
{
	if (!ps)
		return;
	MHD_stop_daemon(ps->d);
	free(ps);
}
