/*
 * watch.c - `leakhound watch`: sample live Go processes and report what
 * keeps growing, where, and how to fix it.
 */
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/core.h"
#include "detect/rt.h"
#include "detect/watch.h"
#include "report/prom.h"
#include "report/watchview.h"

static const char usage[] =
	"usage: leakhound watch [OPTIONS] [URL...]\n"
	"\n"
	"Watch running Go processes and report what leaks: goroutines piling\n"
	"up at one place, heap that keeps growing at one allocation site, open\n"
	"files or sockets that only go up, and how to fix each. A target is a\n"
	"net/http/pprof endpoint (URL, e.g. http://127.0.0.1:6060) or a process\n"
	"(--pid: its endpoint is found from its listening sockets; without one\n"
	"it is watched from /proc alone). A series is a suspect when its floor\n"
	"rises over successive windows and a Mann-Kendall trend test agrees.\n"
	"\n"
	"options:\n"
	"  -p, --pid N           watch process N (repeatable)\n"
	"      --targets FILE    targets, one URL or pid per line ('#' comments)\n"
	"  -d, --duration D      stop after D (30s, 5m, 1h; default: until Ctrl-C)\n"
	"      --fail-on-leak    exit 1 when a leak is found\n"
	"  -i, --interval S      seconds between samples (default 1)\n"
	"      --window S        shortest window of the floor test (default 5)\n"
	"      --windows N       windows whose floors must rise (default 3)\n"
	"      --heap-every N    heap profile and /debug/vars every N samples\n"
	"                        (default 2)\n"
	"      --dump-every N    goroutine?debug=2 every N samples (default 60,\n"
	"                        0 = never; it stops the world while it runs)\n"
	"      --heap-gc         ask for heap?gc=1 (forces a GC in the target)\n"
	"      --budget PCT      share of the target's time its answers may\n"
	"                        take; sampling slows down to stay under it\n"
	"                        (default 0.5)\n"
	"      --timeout MS      per request (default 5000)\n"
	"      --max-body N      bytes per response (default 67108864)\n"
	"      --max-decompressed N  gunzipped bytes per response; a sample\n"
	"                        parses at most this much (default 1073741824)\n"
	"      --give-up S       drop an endpoint failing for S seconds when\n"
	"                        there is no process to read (default 30)\n"
	"      --src DIR         cross-check suspects with the static rules\n"
	"      --html FILE       write a self-contained HTML report at the end\n"
	"      --listen ADDR     serve Prometheus metrics (e.g. 127.0.0.1:9464)\n"
	"      --format FMT      final report: text, json, sarif or github\n"
	"      --live WHEN       live view: auto (on a terminal), always, never\n"
	"      --color WHEN      auto, always or never (default auto)\n"
	"  -v, --verbose         at the end, the verdict on every series\n"
	"  -h, --help            show this help\n"
	"\n"
	"exit status: 0 no leak, 1 leak found (with --fail-on-leak),\n"
	"2 usage error or no target left to watch\n";

enum { OPT_TARGETS = 256, OPT_FAIL, OPT_WINDOW, OPT_WINDOWS, OPT_HEAP_EVERY,
       OPT_DUMP_EVERY, OPT_HEAP_GC, OPT_TIMEOUT, OPT_SRC, OPT_HTML,
       OPT_LISTEN, OPT_FORMAT, OPT_LIVE, OPT_COLOR, OPT_GIVE_UP,
       OPT_MAX_BODY, OPT_MAX_DECOMP, OPT_BUDGET };

static const struct option long_opts[] = {
	{ "pid", required_argument, NULL, 'p' },
	{ "targets", required_argument, NULL, OPT_TARGETS },
	{ "duration", required_argument, NULL, 'd' },
	{ "fail-on-leak", no_argument, NULL, OPT_FAIL },
	{ "interval", required_argument, NULL, 'i' },
	{ "window", required_argument, NULL, OPT_WINDOW },
	{ "windows", required_argument, NULL, OPT_WINDOWS },
	{ "heap-every", required_argument, NULL, OPT_HEAP_EVERY },
	{ "dump-every", required_argument, NULL, OPT_DUMP_EVERY },
	{ "heap-gc", no_argument, NULL, OPT_HEAP_GC },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "give-up", required_argument, NULL, OPT_GIVE_UP },
	{ "max-body", required_argument, NULL, OPT_MAX_BODY },
	{ "max-decompressed", required_argument, NULL, OPT_MAX_DECOMP },
	{ "budget", required_argument, NULL, OPT_BUDGET },
	{ "src", required_argument, NULL, OPT_SRC },
	{ "html", required_argument, NULL, OPT_HTML },
	{ "listen", required_argument, NULL, OPT_LISTEN },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "live", required_argument, NULL, OPT_LIVE },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* "30", "30s", "1.5m", "2h" -> seconds; false when malformed or over a year. */
static bool parse_duration(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || v < 0 || !isfinite(v))
		return false;
	if (*end == 's' || *end == '\0')
		;
	else if (*end == 'm')
		v *= 60;
	else if (*end == 'h')
		v *= 3600;
	else
		return false;
	if (*end && end[1])
		return false;
	if (v > 366 * 86400.0) /* a year: sleeps stay far from time_t's edge */
		return false;
	*out = v;
	return true;
}

static bool parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (!*s || *s == '-')
		return false;
	v = strtoul(s, &end, 10);
	if (*end || v > max)
		return false;
	*out = v;
	return true;
}

static bool parse_when(const char *s, int *out)
{
	if (strcmp(s, "auto") == 0)
		*out = -1;
	else if (strcmp(s, "always") == 0)
		*out = 1;
	else if (strcmp(s, "never") == 0)
		*out = 0;
	else
		return false;
	return true;
}

/* ---------------------------------------------------------------- --src */

static bool same_file(const char *a, const char *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];

	if (!a || !b)
		return false;
	if (!realpath(a, ra) || !realpath(b, rb))
		return strcmp(a, b) == 0;
	return strcmp(ra, rb) == 0;
}

/* A runtime finding with no user frame (held http connections, open fds)
 * cannot be placed in the user's code; the static findings of its kind
 * are where to look. */
static const struct {
	const char *runtime, *statics;
} pairs[] = {
	{ "LH791", "LH702" },		/* response bodies never closed */
	{ "LH792", "LH701 LH703 LH704 LH705" }, /* files, conns, ... */
};

static void candidates(lh_findings *rt, struct lh_finding *f,
		       const lh_findings *sf)
{
	size_t shown = 0;

	for (size_t p = 0; p < ARRAY_SIZE(pairs); p++) {
		if (strcmp(pairs[p].runtime, f->rule->id) != 0)
			continue;
		for (size_t j = 0; j < lh_findings_count(sf) && shown < 3; j++) {
			const struct lh_finding *s = lh_findings_at(sf, j);
			struct lh_step step = { 0 };
			char note[700];

			if (!strstr(pairs[p].statics, s->rule->id))
				continue;
			snprintf(note, sizeof(note), "candidate: %s at %s:%u: %s",
				 s->rule->id, s->loc.path, s->loc.line, s->message);
			step.loc = s->loc;
			step.note = note;
			lh_findings_add_step(rt, f, &step);
			shown++;
		}
	}
}

/* Adds "confirmed by LHnnn at file:line" to the runtime findings that a
 * static finding of the same class backs, in the same file near the line
 * (the nearest one wins). Frame files are mapped under dir first. */
static void cross_check(lh_findings *rt, const char *dir)
{
	struct lh_scan_options so = { 0 };
	struct lh_scan_stats st = { 0 };
	struct lh_error err = { 0 };
	struct rt_src src;
	const char *paths[1];
	char pattern[PATH_MAX];
	lh_findings *sf = lh_findings_new();

	snprintf(pattern, sizeof(pattern), "%s/...", dir);
	paths[0] = pattern;
	so.paths = paths;
	so.npaths = 1;
	so.diag = NULL;
	if (lh_scan(&so, sf, &st, &err) != LH_OK) {
		lh_error_print(stderr, &err);
		lh_findings_free(sf);
		return;
	}
	if (rt_src_init(&src, dir, &err) != LH_OK) {
		lh_error_print(stderr, &err);
		lh_findings_free(sf);
		return;
	}
	for (size_t i = 0; i < lh_findings_count(rt); i++) {
		struct lh_finding *f = lh_findings_at_mut(rt, i);
		const char *mapped = f->loc.path ? rt_src_map(&src, f->loc.path)
						 : NULL;
		const struct lh_finding *best = NULL;
		long bestd = 51;

		/* no location, or one outside the tree (a standard library
		 * frame, for stacks without user code) */
		if (!f->loc.path || !mapped) {
			candidates(rt, f, sf);
			continue;
		}
		for (size_t j = 0; j < lh_findings_count(sf); j++) {
			const struct lh_finding *s = lh_findings_at(sf, j);
			long d;

			if (s->rule->class != f->rule->class ||
			    !same_file(s->loc.path, mapped))
				continue;
			d = labs((long)s->loc.line - (long)f->loc.line);
			if (d < bestd) {
				bestd = d;
				best = s;
			}
		}
		if (best) {
			struct lh_step step = { 0 };
			char note[700];

			snprintf(note, sizeof(note), "confirmed by %s at %s:%u: %s",
				 best->rule->id, best->loc.path, best->loc.line,
				 best->message);
			step.loc = best->loc;
			step.note = note;
			lh_findings_add_step(rt, f, &step);
			f->confidence = LH_CONF_HIGH;
		}
	}
	rt_src_release(&src);
	lh_findings_free(sf);
}

/* ---------------------------------------------------------------- run */

/* Suspects no runtime rule covers but that still say "leak": RSS growing
 * with no profile to say where (a target watched from /proc alone). */
static size_t unclassified_leaks(struct watch *w)
{
	size_t n = 0;

	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		watch_target_lock(t);
		for (size_t j = 0; j < t->suspects.len; j++) {
			const struct watch_suspect *x = &t->suspects.items[j];

			if (!x->rule && x->s == t->fixed[WF_RSS]) {
				fprintf(stderr,
					"leakhound: %s: resident memory keeps growing "
					"(%.1f -> %.1f MiB) and there is no pprof endpoint "
					"to say where\n",
					t->name, x->v.floors[0] / (1 << 20),
					x->v.floors[x->v.nwindows - 1] / (1 << 20));
				n++;
			}
		}
		watch_target_unlock(t);
	}
	return n;
}

int cmd_watch(int argc, char **argv)
{
	struct watch_options o = WATCH_OPTIONS_INIT;
	struct lh_error err = { 0 };
	struct lh_render_options ro = { 0 };
	struct watchview_log log;
	struct prom_server *prom = NULL;
	struct sigaction sa = { 0 };
	VEC(long) pids = VEC_INIT;
	const char *targets_file = NULL, *src = NULL, *html = NULL,
		   *listen_addr = NULL;
	enum lh_format fmt = LH_FORMAT_TEXT;
	double duration = 0;
	bool fail_on_leak = false, verbose = false;
	int live = -1, color = -1, c, status = LH_EXIT_CLEAN;
	struct watch *w;
	lh_findings *f;
	size_t nleaks;

	optind = 1;
	while ((c = getopt_long(argc, argv, "p:d:i:vh", long_opts, NULL)) != -1) {
		unsigned long v;

		switch (c) {
		case 'p':
			if (!parse_uint(optarg, 0x3fffffff, &v) || v == 0) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --pid '%s'", optarg);
			}
			VEC_PUSH(&pids, (long)v);
			break;
		case OPT_TARGETS:
			targets_file = optarg;
			break;
		case 'd':
			if (!parse_duration(optarg, &duration)) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --duration '%s'", optarg);
			}
			break;
		case OPT_FAIL:
			fail_on_leak = true;
			break;
		case 'i':
			if (!parse_duration(optarg, &o.interval_s) ||
			    o.interval_s < 0.05 || o.interval_s > 3600) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --interval '%s' (0.05 to 3600 s)",
						       optarg);
			}
			break;
		case OPT_WINDOW:
			if (!parse_duration(optarg, &o.series.window_s) ||
			    o.series.window_s < 0.1) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --window '%s'", optarg);
			}
			break;
		case OPT_WINDOWS:
			if (!parse_uint(optarg, SERIES_MAX_WINDOWS, &v) || v < 2) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --windows '%s' (2 to %d)",
						       optarg, SERIES_MAX_WINDOWS);
			}
			o.series.windows = (unsigned)v;
			break;
		case OPT_HEAP_EVERY:
		case OPT_DUMP_EVERY:
			if (!parse_uint(optarg, 100000, &v) ||
			    (c == OPT_HEAP_EVERY && v == 0)) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --%s '%s'",
						       c == OPT_HEAP_EVERY ? "heap-every"
									   : "dump-every",
						       optarg);
			}
			if (c == OPT_HEAP_EVERY)
				o.heap_every = o.vars_every = (unsigned)v;
			else
				o.dump_every = (unsigned)v;
			break;
		case OPT_HEAP_GC:
			o.heap_gc = true;
			break;
		case OPT_TIMEOUT:
			if (!parse_uint(optarg, 600000, &v) || v < 10) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --timeout '%s' (10 to 600000 ms)",
						       optarg);
			}
			o.timeout_ms = (long)v;
			break;
		case OPT_MAX_BODY:
		case OPT_MAX_DECOMP:
			if (!parse_uint(optarg, 1ul << 40, &v) || v < 1024) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --%s '%s' (1024 or more bytes)",
						       c == OPT_MAX_BODY ? "max-body" : "max-decompressed",
						       optarg);
			}
			if (c == OPT_MAX_BODY)
				o.max_body = (size_t)v;
			else
				o.max_decompressed = v;
			break;
		case OPT_GIVE_UP:
			if (!parse_duration(optarg, &o.give_up_s) || o.give_up_s < 1) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --give-up '%s'", optarg);
			}
			break;
		case OPT_BUDGET: {
			char *end;

			o.budget = strtod(optarg, &end) / 100.0;
			if (*end || !(o.budget > 0) || o.budget > 1) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --budget '%s' (0 to 100 %%)",
						       optarg);
			}
			break;
		}
		case OPT_SRC:
			src = optarg;
			break;
		case OPT_HTML:
			html = optarg;
			break;
		case OPT_LISTEN:
			listen_addr = optarg;
			break;
		case OPT_FORMAT:
			if (!lh_format_parse(optarg, &fmt)) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "unknown format '%s'", optarg);
			}
			break;
		case OPT_LIVE:
		case OPT_COLOR:
			if (!parse_when(optarg, c == OPT_LIVE ? &live : &color)) {
				VEC_FREE(&pids);
				return cli_usage_error("watch", "bad --%s '%s' (auto, always, never)",
						       c == OPT_LIVE ? "live" : "color", optarg);
			}
			break;
		case 'v':
			verbose = true;
			break;
		case 'h':
			VEC_FREE(&pids);
			fputs(usage, stdout);
			return LH_EXIT_CLEAN;
		default:
			VEC_FREE(&pids);
			return cli_usage_error("watch", "bad option");
		}
	}
	if (optind == argc && pids.len == 0 && !targets_file) {
		VEC_FREE(&pids);
		return cli_usage_error("watch", "no target (give a URL, --pid or --targets)");
	}

	o.src_dir = src;
	w = watch_new(&o, cli_print_diag, NULL);
	for (int i = optind; i < argc; i++) {
		if (watch_add_url(w, argv[i], &err) != LH_OK)
			lh_error_print(stderr, &err);
	}
	for (size_t i = 0; i < pids.len; i++) {
		if (watch_add_pid(w, (pid_t)pids.items[i], &err) != LH_OK)
			lh_error_print(stderr, &err);
	}
	VEC_FREE(&pids);
	if (targets_file && watch_add_file(w, targets_file, &err) != LH_OK)
		lh_error_print(stderr, &err);
	if (w->targets.len == 0) {
		fprintf(stderr, "leakhound watch: no target to watch\n");
		watch_free(w);
		return LH_EXIT_ERROR;
	}
	if (listen_addr &&
	    prom_server_start(&prom, listen_addr, w, &err) != LH_OK) {
		lh_error_print(stderr, &err);
		watch_free(w);
		return LH_EXIT_ERROR;
	}
	if (live < 0)
		live = isatty(STDERR_FILENO);
	if (color < 0)
		color = live && isatty(STDERR_FILENO) && !getenv("NO_COLOR");

	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	for (size_t i = 0; i < w->targets.len; i++) {
		struct watch_target *t = w->targets.items[i];

		fprintf(stderr, "leakhound: watching %s", t->name);
		if (t->pid)
			fprintf(stderr, " (pid %d)", (int)t->pid);
		if (t->have_bi)
			fprintf(stderr, " %s %s", t->bi.version,
				t->bi.module[0] ? t->bi.module : t->bi.path);
		if (t->base[0] && strcmp(t->base, t->name) != 0)
			fprintf(stderr, " through %s", t->base);
		fprintf(stderr, ", every %.1f s\n", o.interval_s);
	}
	if (prom)
		fprintf(stderr, "leakhound: Prometheus metrics at http://%.*s:%u/metrics\n",
			(int)(strrchr(listen_addr, ':') - listen_addr), listen_addr,
			prom_server_port(prom));

	watchview_log_init(&log);
	watch_start(w);
	while (!interrupted) {
		double now;

		if (watch_sleep(w, 1.0))
			break;
		watch_evaluate(w);
		if (live)
			watchview_live(stderr, w, color, duration);
		else
			watchview_log(stderr, w, &log);
		now = watch_now(w);
		if (duration > 0 && now >= duration)
			break;
		if (watch_live(w) == 0) {
			fprintf(stderr, "leakhound: no target left to watch\n");
			status = LH_EXIT_ERROR;
			break;
		}
	}
	watch_stop(w);
	watch_evaluate(w);
	if (!live)
		watchview_log(stderr, w, &log);
	watchview_log_release(&log);
	if (verbose)
		watch_explain(stderr, w, 40);

	f = lh_findings_new();
	watch_findings(w, f);
	if (src)
		cross_check(f, src);
	lh_findings_sort(f);
	nleaks = lh_findings_count(f) + unclassified_leaks(w);
	ro.color = color;
	ro.tool_command = "leakhound watch";
	if (lh_render(stdout, fmt, f, &ro) != LH_OK)
		fprintf(stderr, "leakhound: cannot write the report\n");
	if (fmt == LH_FORMAT_TEXT) {
		size_t nseries = 0, nf = lh_findings_count(f);

		for (size_t i = 0; i < w->targets.len; i++)
			nseries += w->targets.items[i]->set.all.len;
		printf("%sleakhound: %zu finding%s (%zu target%s watched for "
		       "%.0f s, %zu series)\n",
		       nf ? "\n" : "", nf, nf == 1 ? "" : "s", w->targets.len,
		       w->targets.len == 1 ? "" : "s", watch_now(w), nseries);
	}
	if (html) {
		FILE *fp = fopen(html, "w");

		if (!fp || watchview_html(fp, w, f, NULL) != LH_OK) {
			fprintf(stderr, "leakhound: '%s': cannot write the HTML report\n",
				html);
			status = LH_EXIT_ERROR;
		}
		if (fp)
			fclose(fp);
	}
	prom_server_stop(prom);
	if (nleaks && fail_on_leak)
		status = LH_EXIT_FINDINGS;
	lh_findings_free(f);
	watch_free(w);
	return status;
}
