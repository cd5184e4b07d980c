/*
 * discover.c - Go processes and pprof endpoints on this host (see
 * discover.h).
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>

#include "runtime/discover.h"
#include "runtime/http.h"

#define PPROF_PROBE_MAX_BODY ((size_t)256 << 10)

bool pprof_probe(const char *base, long timeout_ms)
{
	struct http_options o = HTTP_OPTIONS_INIT;
	struct http_client *c;
	struct http_response r;
	struct buf b = BUF_INIT;
	bool ok = false;

	o.connect_timeout_ms = timeout_ms;
	o.timeout_ms = timeout_ms;
	o.max_body = PPROF_PROBE_MAX_BODY;
	o.max_redirects = 1;
	if (http_client_new(&c, base, &o, NULL) != LH_OK)
		return false;
	if (http_get(c, "/debug/pprof/", &b, &r, NULL) == LH_OK)
		ok = strstr(b.data, "goroutine?debug=") &&
		     strstr(b.data, "heap?debug=");
	buf_release(&b);
	http_client_free(c);
	return ok;
}

enum lh_status pprof_find_for_pid(pid_t pid, char *url, size_t n,
				  long timeout_ms, struct lh_error *err)
{
	struct proc_listener ls[DISCOVER_MAX_LISTENERS];
	size_t nl;
	char name[32];

	snprintf(name, sizeof(name), "pid %d", (int)pid);
	if (proc_listeners(pid, ls, ARRAY_SIZE(ls), &nl, err) != LH_OK)
		return LH_ERR;
	for (size_t i = 0; i < nl; i++) {
		proc_listener_url(&ls[i], url, n);
		if (pprof_probe(url, timeout_ms))
			return LH_OK;
	}
	url[0] = '\0';
	if (nl == 0)
		return lh_fail(err, name, "no listening TCP socket");
	return lh_fail(err, name,
		       "none of its %zu listening sockets answers as pprof", nl);
}

static int goproc__cmp(const void *a, const void *b)
{
	const struct goproc *x = a, *y = b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

void goproc_list(goproc_vec *out, bool probe, long timeout_ms)
{
	DIR *d = opendir("/proc");
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		struct goproc g;
		char exe[64];
		char *end;
		long pid;

		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		pid = strtol(e->d_name, &end, 10);
		if (*end || pid <= 0)
			continue;
		memset(&g, 0, sizeof(g));
		g.pid = (pid_t)pid;
		snprintf(exe, sizeof(exe), "/proc/%ld/exe", pid);
		if (buildinfo_read_file(exe, &g.bi, NULL) != LH_OK)
			continue; /* kernel thread, not Go, or not ours */
		if (proc_read(g.pid, &g.proc, NULL) != LH_OK)
			continue; /* gone meanwhile */
		if (probe &&
		    pprof_find_for_pid(g.pid, g.endpoint, sizeof(g.endpoint),
				       timeout_ms, NULL) != LH_OK)
			g.endpoint[0] = '\0';
		VEC_PUSH(out, g);
	}
	closedir(d);
	if (out->len)
		qsort(out->items, out->len, sizeof(out->items[0]), goproc__cmp);
}
