/*
 * discover.c - Go processes and pprof endpoints on this host (see
 * discover.h).
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

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

/* ---------------------------------------------------------------- port -> pid */

/* The inode of the LISTEN socket on port, from /proc/net/tcp{,6}. */
static uint64_t discover__listen_inode(uint16_t port)
{
	for (int v6 = 0; v6 <= 1; v6++) {
		struct buf b;
		char *line, *save = NULL;
		uint64_t found = 0;

		buf_init(&b, (size_t)32 << 20);
		if (buf_read_file(&b, v6 ? "/proc/net/tcp6" : "/proc/net/tcp",
				  NULL) != LH_OK) {
			buf_release(&b);
			continue;
		}
		for (line = strtok_r(b.data, "\n", &save); line && !found;
		     line = strtok_r(NULL, "\n", &save)) {
			struct proc_listener l;
			uint64_t ino;

			if (proc_parse_tcp_line(line, v6, &l, &ino) &&
			    l.port == port && ino)
				found = ino;
		}
		buf_release(&b);
		if (found)
			return found;
	}
	return 0;
}

pid_t proc_pid_for_port(uint16_t port)
{
	uint64_t ino = discover__listen_inode(port);
	char want[64];
	DIR *d;
	struct dirent *e;
	pid_t found = 0;

	if (!ino)
		return 0;
	snprintf(want, sizeof(want), "socket:[%llu]", (unsigned long long)ino);
	d = opendir("/proc");
	if (!d)
		return 0;
	while (!found && (e = readdir(d)) != NULL) {
		char path[64], target[64];
		DIR *fd;
		struct dirent *f;

		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		snprintf(path, sizeof(path), "/proc/%d/fd", atoi(e->d_name));
		fd = opendir(path);
		if (!fd)
			continue;
		while ((f = readdir(fd)) != NULL) {
			ssize_t n = readlinkat(dirfd(fd), f->d_name, target,
					       sizeof(target) - 1);

			if (n <= 0)
				continue;
			target[n] = '\0';
			if (strcmp(target, want) == 0) {
				found = (pid_t)atoi(e->d_name);
				break;
			}
		}
		closedir(fd);
	}
	closedir(d);
	return found;
}

uint16_t url_loopback_port(const char *url)
{
	const char *h = strstr(url, "://");
	const char *p;
	long port;

	if (!h)
		return 0;
	h += 3;
	if (str_has_prefix(h, "127.0.0.1:"))
		p = h + 10;
	else if (str_has_prefix(h, "localhost:"))
		p = h + 10;
	else if (str_has_prefix(h, "[::1]:"))
		p = h + 6;
	else
		return 0;
	port = strtol(p, NULL, 10);
	return port > 0 && port < 65536 ? (uint16_t)port : 0;
}
