/*
 * proc.h - what Linux's /proc says about a process (FORMATS.md B5).
 *
 *   /proc/PID/status        VmRSS, VmHWM, RssAnon, Threads (kB lines)
 *   /proc/PID/stat          field 22 starttime (clock ticks since boot)
 *   /proc/PID/fd/           one symlink per fd: "socket:[INODE]",
 *                           "pipe:[INODE]", "anon_inode:[eventpoll]", a path
 *   /proc/PID/smaps_rollup  Rss, Pss_Anon (kB)
 *   /proc/PID/net/tcp{,6}   "sl local rem st ... inode": st 0A is LISTEN,
 *                           addresses are hex words in host byte order
 *
 * Every reader is bounded (files are small; fd and socket tables are read
 * up to a fixed number of entries) and fails with a one-line error naming
 * the /proc path.
 */
#ifndef LH_RUNTIME_PROC_H
#define LH_RUNTIME_PROC_H

#include <sys/types.h>

#include "core/core.h"

/* Open fds by what they point to. */
struct proc_fds {
	uint64_t total, file, socket, pipe, anon, other;
};

struct proc_sample {
	pid_t pid;
	char comm[64];
	uint64_t rss_kb, hwm_kb, rss_anon_kb, threads;
	struct proc_fds fds;
	bool has_smaps; /* smaps_rollup readable (Linux >= 4.14, same user) */
	uint64_t smaps_rss_kb, smaps_pss_anon_kb;
	uint64_t start_ticks; /* identity: a restarted pid has another one */
	double uptime_s;      /* seconds since the process started */
};

/* Reads status, stat, fd and smaps_rollup of pid into s. Fails (err names
 * the /proc file) when the process is gone or unreadable; a missing
 * smaps_rollup only clears has_smaps. */
LH_WARN_UNUSED enum lh_status proc_read(pid_t pid, struct proc_sample *s,
					struct lh_error *err);

/* Classifies one readlink() target of /proc/PID/fd into fds. */
void proc_fds_count(struct proc_fds *fds, const char *target);

struct proc_listener {
	bool v6;
	char addr[48];	/* numeric, "127.0.0.1" or "::1" */
	uint16_t port;
};

/* The TCP sockets of pid in LISTEN state: its socket fds matched by inode
 * against /proc/PID/net/tcp and tcp6. At most max are stored; *n is how
 * many. */
LH_WARN_UNUSED enum lh_status proc_listeners(pid_t pid,
					     struct proc_listener *out,
					     size_t max, size_t *n,
					     struct lh_error *err);

/* Parses one line of /proc/net/tcp{,6}; true when it is a LISTEN socket,
 * with its address, port and inode. */
bool proc_parse_tcp_line(const char *line, bool v6, struct proc_listener *l,
			 uint64_t *inode);

/* The URL base to reach a listener from this host: a wildcard address
 * (0.0.0.0, ::) becomes loopback. Writes "http://127.0.0.1:PORT". */
void proc_listener_url(const struct proc_listener *l, char *url, size_t n);

/* CPU time the process has used (utime + stime of /proc/PID/stat), in
 * seconds; negative when unreadable. Resolution: one clock tick. */
double proc_cpu_seconds(pid_t pid);

/* Seconds since boot (from /proc/uptime), 0 on failure. */
double proc_boot_uptime(void);

#endif /* LH_RUNTIME_PROC_H */
