/*
 * discover.h - finding Go processes and their pprof endpoints on this host,
 * without an agent in the target: /proc for the processes and their
 * listening sockets, the ELF build info for "is it Go, which version", and
 * one `GET /debug/pprof/` per listening socket to see which answers as
 * net/http/pprof's index page.
 */
#ifndef LH_RUNTIME_DISCOVER_H
#define LH_RUNTIME_DISCOVER_H

#include "runtime/buildinfo.h"
#include "runtime/proc.h"

#define PPROF_PROBE_TIMEOUT_MS 1000L
#define DISCOVER_MAX_LISTENERS 16

/* Whether base ("http://127.0.0.1:6060") answers GET /debug/pprof/ with
 * net/http/pprof's index (links to goroutine?debug= and heap?debug=). */
bool pprof_probe(const char *base, long timeout_ms);

/* The pprof endpoint of pid: the first of its listening TCP sockets that
 * answers as pprof, written to url. LH_ERR (err says why, naming the pid)
 * when it has none or /proc cannot be read. */
LH_WARN_UNUSED enum lh_status pprof_find_for_pid(pid_t pid, char *url,
						 size_t n, long timeout_ms,
						 struct lh_error *err);

struct goproc {
	pid_t pid;
	struct go_buildinfo bi;
	struct proc_sample proc;
	char endpoint[96]; /* "" when none found or not probed */
};

typedef VEC(struct goproc) goproc_vec;

/* Every Go process this user can read, in pid order. With probe, fills each
 * one's pprof endpoint. Processes that vanish or are unreadable are
 * skipped. Caller frees out with VEC_FREE(). */
void goproc_list(goproc_vec *out, bool probe, long timeout_ms);

#endif /* LH_RUNTIME_DISCOVER_H */

/* The pid of the process listening on TCP `port` of this host (loopback or
 * wildcard), found by matching the LISTEN socket's inode in
 * /proc/net/tcp{,6} against every readable /proc/PID/fd. 0 when none is
 * found (another user's process, another network namespace). */
pid_t proc_pid_for_port(uint16_t port);

/* The port of a loopback URL ("http://127.0.0.1:6060", "localhost",
 * "[::1]"), or 0 when the host is not loopback or no port is given. */
uint16_t url_loopback_port(const char *url);
