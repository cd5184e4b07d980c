/*
 * proc.c - readers of /proc/PID/{status,stat,fd,smaps_rollup,net/tcp*}
 * (see proc.h for the formats).
 */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "runtime/proc.h"

#define PROC_MAX_FILE ((size_t)1 << 20)	   /* status, stat, smaps_rollup */
#define PROC_MAX_NET ((size_t)32 << 20)	   /* net/tcp of a busy host */
#define PROC_MAX_FDS 1000000		   /* readlink()s per sample */
#define PROC_MAX_SOCKETS 65536		   /* inodes kept for matching */
#define PROC_TCP_LISTEN 0x0A

typedef VEC(uint64_t) proc__inodes;

static enum lh_status proc__read(const char *path, size_t max, struct buf *b,
				 struct lh_error *err)
{
	buf_init(b, max);
	if (buf_read_file(b, path, err) != LH_OK) {
		buf_release(b);
		return LH_ERR;
	}
	return LH_OK;
}

/* The number after "Key:" in a "Key:\t  123 kB" file, or 0. */
static uint64_t proc__field(const char *text, const char *key)
{
	size_t k = strlen(key);

	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p) {
		if (strncmp(p, key, k) == 0 && p[k] == ':')
			return strtoull(p + k + 1, NULL, 10);
	}
	return 0;
}

static void proc__name(const char *text, char *out, size_t n)
{
	const char *p = strstr(text, "Name:");
	size_t i = 0;

	out[0] = '\0';
	if (p != text && (!p || p[-1] != '\n'))
		return;
	p += 5;
	while (*p == '\t' || *p == ' ')
		p++;
	while (p[i] && p[i] != '\n' && i + 1 < n) {
		out[i] = p[i];
		i++;
	}
	out[i] = '\0';
}

double proc_boot_uptime(void)
{
	struct buf b;
	double up = 0;

	if (proc__read("/proc/uptime", 4096, &b, NULL) != LH_OK)
		return 0;
	up = strtod(b.data, NULL);
	buf_release(&b);
	return up;
}

/* Field 22 (starttime) of /proc/PID/stat; comm may hold spaces and ')'. */
static enum lh_status proc__stat(pid_t pid, struct proc_sample *s,
				 struct lh_error *err)
{
	char path[64];
	struct buf b;
	const char *p;
	long hz = sysconf(_SC_CLK_TCK);

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (proc__read(path, PROC_MAX_FILE, &b, err) != LH_OK)
		return LH_ERR;
	p = strrchr(b.data, ')');
	if (!p) {
		buf_release(&b);
		return lh_fail(err, path, "no ')' after the command name");
	}
	p++;
	/* after ")": state is field 3, starttime field 22 */
	for (int field = 3; field < 22 && p; field++) {
		while (*p == ' ')
			p++;
		p = strchr(p, ' ');
	}
	if (!p) {
		buf_release(&b);
		return lh_fail(err, path, "fewer than 22 fields");
	}
	s->start_ticks = strtoull(p + 1, NULL, 10);
	if (hz > 0) {
		double up = proc_boot_uptime() - (double)s->start_ticks / (double)hz;

		s->uptime_s = up > 0 ? up : 0;
	}
	buf_release(&b);
	return LH_OK;
}

double proc_cpu_seconds(pid_t pid)
{
	char path[64];
	struct buf b;
	const char *p;
	unsigned long long ut, st;
	long hz = sysconf(_SC_CLK_TCK);

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (hz <= 0 || proc__read(path, PROC_MAX_FILE, &b, NULL) != LH_OK)
		return -1;
	p = strrchr(b.data, ')');
	/* after ")": state is field 3, utime 14, stime 15 */
	for (int field = 3; field < 14 && p; field++) {
		p++;
		while (*p == ' ')
			p++;
		p = strchr(p, ' ');
	}
	if (!p || sscanf(p, " %llu %llu", &ut, &st) != 2) {
		buf_release(&b);
		return -1;
	}
	buf_release(&b);
	return (double)(ut + st) / (double)hz;
}

void proc_fds_count(struct proc_fds *fds, const char *target)
{
	fds->total++;
	if (str_has_prefix(target, "socket:"))
		fds->socket++;
	else if (str_has_prefix(target, "pipe:"))
		fds->pipe++;
	else if (str_has_prefix(target, "anon_inode:"))
		fds->anon++;
	else if (target[0] == '/')
		fds->file++;
	else
		fds->other++;
}

/* Walks /proc/PID/fd: counts by type and, when inodes is not NULL, keeps
 * the socket inodes (sorted). */
static enum lh_status proc__fds(pid_t pid, struct proc_fds *fds,
				proc__inodes *inodes,
				struct lh_error *err)
{
	char path[64], target[4096];
	DIR *d;
	struct dirent *e;
	unsigned long seen = 0;

	memset(fds, 0, sizeof(*fds));
	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	d = opendir(path);
	if (!d)
		return lh_fail(err, path, "cannot open: %s", strerror(errno));
	while ((e = readdir(d)) != NULL && seen < PROC_MAX_FDS) {
		ssize_t n;

		if (e->d_name[0] == '.')
			continue;
		seen++;
		n = readlinkat(dirfd(d), e->d_name, target, sizeof(target) - 1);
		if (n < 0)
			continue; /* closed meanwhile */
		target[n] = '\0';
		proc_fds_count(fds, target);
		if (inodes && inodes->len < PROC_MAX_SOCKETS &&
		    str_has_prefix(target, "socket:["))
			VEC_PUSH(inodes, strtoull(target + 8, NULL, 10));
	}
	closedir(d);
	return LH_OK;
}

enum lh_status proc_read(pid_t pid, struct proc_sample *s,
			 struct lh_error *err)
{
	char path[64];
	struct buf b;

	memset(s, 0, sizeof(*s));
	s->pid = pid;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (proc__read(path, PROC_MAX_FILE, &b, err) != LH_OK)
		return LH_ERR;
	proc__name(b.data, s->comm, sizeof(s->comm));
	s->rss_kb = proc__field(b.data, "VmRSS");
	s->hwm_kb = proc__field(b.data, "VmHWM");
	s->rss_anon_kb = proc__field(b.data, "RssAnon");
	s->threads = proc__field(b.data, "Threads");
	buf_release(&b);
	if (proc__stat(pid, s, err) != LH_OK)
		return LH_ERR;
	if (proc__fds(pid, &s->fds, NULL, err) != LH_OK)
		return LH_ERR;
	snprintf(path, sizeof(path), "/proc/%d/smaps_rollup", (int)pid);
	if (proc__read(path, PROC_MAX_FILE, &b, NULL) == LH_OK) {
		s->has_smaps = true;
		s->smaps_rss_kb = proc__field(b.data, "Rss");
		s->smaps_pss_anon_kb = proc__field(b.data, "Pss_Anon");
		buf_release(&b);
	}
	return LH_OK;
}

/* ---------------------------------------------------------------- sockets */

static bool proc__hexword(const char **p, uint32_t *w)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++) {
		char c = (*p)[i];
		int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			return false;
		v = v << 4 | (uint32_t)d;
	}
	*p += 8;
	*w = v;
	return true;
}

bool proc_parse_tcp_line(const char *line, bool v6, struct proc_listener *l,
			 uint64_t *inode)
{
	const char *p = strchr(line, ':');
	uint32_t words[4];
	unsigned port, st;
	int nwords = v6 ? 4 : 1;
	char *end;

	memset(l, 0, sizeof(*l));
	if (!p)
		return false;
	p++;
	while (*p == ' ')
		p++;
	for (int i = 0; i < nwords; i++) {
		if (!proc__hexword(&p, &words[i]))
			return false;
	}
	if (*p != ':')
		return false;
	port = (unsigned)strtoul(p + 1, &end, 16);
	if (end == p + 1 || port > 65535)
		return false;
	p = end;
	/* remote address:port */
	while (*p == ' ')
		p++;
	p = strchr(p, ' ');
	if (!p)
		return false;
	st = (unsigned)strtoul(p, &end, 16);
	if (end == p || st != PROC_TCP_LISTEN)
		return false;
	p = end;
	/* tx:rx tr:when retrnsmt uid timeout inode */
	for (int i = 0; i < 5; i++) {
		while (*p == ' ')
			p++;
		p = strchr(p, ' ');
		if (!p)
			return false;
	}
	*inode = strtoull(p, &end, 10);
	if (end == p)
		return false;
	l->v6 = v6;
	l->port = (uint16_t)port;
	/* the kernel prints each 32-bit word in host order: memcpy them back */
	inet_ntop(v6 ? AF_INET6 : AF_INET, words, l->addr, sizeof(l->addr));
	return true;
}

static int proc__cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

enum lh_status proc_listeners(pid_t pid, struct proc_listener *out,
			      size_t max, size_t *n, struct lh_error *err)
{
	proc__inodes inodes = VEC_INIT;
	struct proc_fds fds;

	*n = 0;
	if (proc__fds(pid, &fds, &inodes, err) != LH_OK)
		return LH_ERR;
	if (inodes.len)
		qsort(inodes.items, inodes.len, sizeof(uint64_t), proc__cmp_u64);
	for (int v6 = 0; v6 <= 1 && inodes.len; v6++) {
		char path[64];
		struct buf b;
		char *line, *save = NULL;

		snprintf(path, sizeof(path), "/proc/%d/net/tcp%s", (int)pid,
			 v6 ? "6" : "");
		if (proc__read(path, PROC_MAX_NET, &b, NULL) != LH_OK)
			continue; /* no IPv6 on this host */
		for (line = strtok_r(b.data, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			struct proc_listener l;
			uint64_t ino;

			if (!proc_parse_tcp_line(line, v6, &l, &ino) || ino == 0)
				continue;
			if (!bsearch(&ino, inodes.items, inodes.len,
				     sizeof(uint64_t), proc__cmp_u64))
				continue;
			if (*n < max)
				out[(*n)++] = l;
		}
		buf_release(&b);
	}
	VEC_FREE(&inodes);
	return LH_OK;
}

void proc_listener_url(const struct proc_listener *l, char *url, size_t n)
{
	if (!l->v6) {
		bool any = strcmp(l->addr, "0.0.0.0") == 0;

		snprintf(url, n, "http://%s:%u", any ? "127.0.0.1" : l->addr,
			 l->port);
	} else if (strcmp(l->addr, "::") == 0) {
		/* Go's ":port" listens dual-stack */
		snprintf(url, n, "http://127.0.0.1:%u", l->port);
	} else if (str_has_prefix(l->addr, "::ffff:")) {
		snprintf(url, n, "http://%s:%u", l->addr + 7, l->port);
	} else {
		snprintf(url, n, "http://[%s]:%u", l->addr, l->port);
	}
}
