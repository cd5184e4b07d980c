/*
 * ps.c - `leakhound ps`: the Go processes on this host, what to watch.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "runtime/discover.h"

static const char usage[] =
	"usage: leakhound ps [OPTIONS]\n"
	"\n"
	"List the Go processes on this host: PID, Go version and main module\n"
	"(read from the binary's .go.buildinfo), uptime, RSS, threads, open\n"
	"fds, and the pprof endpoint when one of the process's listening\n"
	"sockets answers GET /debug/pprof/ (give it to 'leakhound watch').\n"
	"\n"
	"options:\n"
	"      --no-probe        do not connect to listening sockets\n"
	"      --timeout MS      per-socket probe timeout (default 1000)\n"
	"  -h, --help            show this help\n"
	"\n"
	"exit status: 0 listed (even when none), 2 usage error\n";

enum { OPT_NO_PROBE = 256, OPT_TIMEOUT };

static const struct option long_opts[] = {
	{ "no-probe", no_argument, NULL, OPT_NO_PROBE },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void fmt_uptime(char *out, size_t n, double s)
{
	unsigned long t = (unsigned long)s;

	if (t < 3600)
		snprintf(out, n, "%lum%02lus", t / 60, t % 60);
	else if (t < 86400)
		snprintf(out, n, "%luh%02lum", t / 3600, t / 60 % 60);
	else
		snprintf(out, n, "%lud%02luh", t / 86400, t / 3600 % 24);
}

int cmd_ps(int argc, char **argv)
{
	goproc_vec v = VEC_INIT;
	bool probe = true;
	long timeout = PPROF_PROBE_TIMEOUT_MS;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", long_opts, NULL)) != -1) {
		char *end;

		switch (c) {
		case OPT_NO_PROBE:
			probe = false;
			break;
		case OPT_TIMEOUT:
			timeout = strtol(optarg, &end, 10);
			if (*end || timeout < 1 || timeout > 60000)
				return cli_usage_error("ps", "bad --timeout '%s' (1..60000 ms)",
						       optarg);
			break;
		case 'h':
			fputs(usage, stdout);
			return LH_EXIT_CLEAN;
		default:
			return cli_usage_error("ps", "bad option");
		}
	}
	if (optind < argc)
		return cli_usage_error("ps", "unexpected argument '%s'",
				       argv[optind]);
	goproc_list(&v, probe, timeout);
	printf("%7s  %-10s %8s %9s %7s %6s  %-28s %s\n", "PID", "GO", "UPTIME",
	       "RSS", "THREADS", "FDS", "MODULE", "PPROF");
	for (size_t i = 0; i < v.len; i++) {
		const struct goproc *g = &v.items[i];
		char up[32], rss[32];
		const char *mod = g->bi.module[0] ? g->bi.module : g->bi.path;

		fmt_uptime(up, sizeof(up), g->proc.uptime_s);
		snprintf(rss, sizeof(rss), "%.1fM",
			 (double)g->proc.rss_kb / 1024.0);
		printf("%7d  %-10s %8s %9s %7llu %6llu  %-28s %s\n",
		       (int)g->pid, g->bi.version, up, rss,
		       (unsigned long long)g->proc.threads,
		       (unsigned long long)g->proc.fds.total,
		       mod[0] ? mod : "-",
		       g->endpoint[0] ? g->endpoint : "-");
	}
	if (v.len == 0)
		fprintf(stderr, "leakhound ps: no Go process found (readable by this user)\n");
	VEC_FREE(&v);
	return LH_EXIT_CLEAN;
}
