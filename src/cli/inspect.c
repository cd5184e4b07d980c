/*
 * inspect.c - `leakhound inspect [OPTIONS] FILE...`: saved goroutine dumps,
 * profiles, expvar JSON and execution traces -> ranked buckets and sites,
 * deltas between snapshots, and findings.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "detect/rt.h"

static const char usage[] =
	"usage: leakhound inspect [OPTIONS] FILE...\n"
	"\n"
	"Read saved runtime data of a Go process and say which leak it shows,\n"
	"where, and how to fix it. FILE is a goroutine dump (debug=2, a panic\n"
	"or SIGQUIT traceback), a count profile (goroutine?debug=1,\n"
	"threadcreate), a pprof profile (heap, allocs, goroutine; gzip'd or\n"
	"not), a heap?debug=1 text, /debug/vars JSON or a runtime/trace file;\n"
	"'-' reads standard input. The format is detected.\n"
	"\n"
	"One file: its goroutine buckets or heap sites ranked by suspicion.\n"
	"Several files of the same kind, in time order: deltas per bucket or\n"
	"site and a verdict (growing, stable, shrinking); growing ones are\n"
	"reported.\n"
	"\n"
	"options:\n"
	"      --base FILE       compare against FILE (like pprof -diff_base)\n"
	"      --src DIR         map frames onto the Go source under DIR and run\n"
	"                        the static rules on those files; say when both\n"
	"                        halves agree\n"
	"      --top N           rows per table (default 10; 0 = no tables)\n"
	"      --min-count N     goroutines in one place worth a finding from a\n"
	"                        single snapshot (default 5)\n"
	"      --long-wait MIN   wait minutes that make a bucket suspicious\n"
	"                        (default 10)\n"
	"      --large-object N  bytes per object that make a site \"large\"\n"
	"                        (default 32768)\n"
	"      --max-decompressed N  cap on gunzipped bytes per file\n"
	"                        (default 1073741824)\n"
	"      --max-line N      longest text line accepted (default 1048576)\n"
	"      --max-frames N    frames kept per stack; deeper ones are cut\n"
	"                        and marked elided (default 1024)\n"
	"      --max-buckets N   distinct stacks per file (default 4194304)\n"
	"      --max-message N   bytes of one protobuf message or JSON\n"
	"                        document (default 67108864)\n"
	"  -j, --jobs N          threads parsing one large goroutine dump\n"
	"                        file (default: one per CPU, at most 8)\n"
	"  -f, --format FMT      text, json, sarif or github (default text)\n"
	"      --min-confidence C  drop findings below C (low, medium, high;\n"
	"                        default low)\n"
	"      --fail-on SEV     exit 1 only for findings at or above SEV\n"
	"                        (info, warning, error; default info)\n"
	"      --color WHEN      auto, always or never (default auto)\n"
	"  -v, --verbose         say what each file was read as\n"
	"  -h, --help            show this help\n"
	"\n"
	"exit status: 0 clean, 1 findings, 2 usage or input error (a bad file\n"
	"gets one line on stderr naming it and the byte offset; the others are\n"
	"still read)\n";

enum { OPT_BASE = 256, OPT_SRC, OPT_TOP, OPT_MIN_COUNT, OPT_LONG_WAIT,
       OPT_LARGE, OPT_MAX_DECOMP, OPT_MAX_LINE, OPT_MIN_CONF, OPT_FAIL_ON,
       OPT_COLOR, OPT_MAX_FRAMES, OPT_MAX_BUCKETS, OPT_MAX_MESSAGE };

static const struct option long_opts[] = {
	{ "base", required_argument, NULL, OPT_BASE },
	{ "src", required_argument, NULL, OPT_SRC },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "min-count", required_argument, NULL, OPT_MIN_COUNT },
	{ "long-wait", required_argument, NULL, OPT_LONG_WAIT },
	{ "large-object", required_argument, NULL, OPT_LARGE },
	{ "max-decompressed", required_argument, NULL, OPT_MAX_DECOMP },
	{ "max-line", required_argument, NULL, OPT_MAX_LINE },
	{ "max-frames", required_argument, NULL, OPT_MAX_FRAMES },
	{ "max-buckets", required_argument, NULL, OPT_MAX_BUCKETS },
	{ "max-message", required_argument, NULL, OPT_MAX_MESSAGE },
	{ "jobs", required_argument, NULL, 'j' },
	{ "format", required_argument, NULL, 'f' },
	{ "min-confidence", required_argument, NULL, OPT_MIN_CONF },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct inspect_args {
	struct rt_options rt;
	struct snap_limits lim;
	const char *base, *src, *color;
	unsigned long long top;
	enum lh_format fmt;
	enum lh_confidence min_conf;
	enum lh_severity fail_on;
	bool verbose;
	const char **files;
	size_t nfiles;
};

static bool parse_num(const char *s, unsigned long long min,
		      unsigned long long max, unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (!*s || *s == '-')
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end || errno || v < min || v > max)
		return false;
	*out = v;
	return true;
}

static int parse_args(int argc, char **argv, struct inspect_args *a)
{
	static const struct rt_options rt = RT_OPTIONS_INIT;
	static const struct snap_limits lim = SNAP_LIMITS_DEFAULT;
	int c;

	a->rt = rt;
	a->lim = lim;
	a->top = 10;
	a->color = "auto";
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:j:vh", long_opts, NULL)) != -1) {
		unsigned long long v;

		switch (c) {
		case OPT_BASE:
			a->base = optarg;
			break;
		case OPT_SRC:
			a->src = optarg;
			break;
		case OPT_TOP:
			if (!parse_num(optarg, 0, 100000, &v))
				return cli_usage_error("inspect",
					"invalid --top '%s'", optarg);
			a->top = v;
			break;
		case OPT_MIN_COUNT:
			if (!parse_num(optarg, 1, 1ull << 40, &v))
				return cli_usage_error("inspect",
					"invalid --min-count '%s'", optarg);
			a->rt.min_count = v;
			break;
		case OPT_LONG_WAIT:
			if (!parse_num(optarg, 1, 1ull << 30, &v))
				return cli_usage_error("inspect",
					"invalid --long-wait '%s'", optarg);
			a->rt.long_wait = (int64_t)v;
			break;
		case OPT_LARGE:
			if (!parse_num(optarg, 1, 1ull << 40, &v))
				return cli_usage_error("inspect",
					"invalid --large-object '%s'", optarg);
			a->rt.large_object = (int64_t)v;
			break;
		case OPT_MAX_DECOMP:
			if (!parse_num(optarg, 1, 1ull << 50, &v))
				return cli_usage_error("inspect",
					"invalid --max-decompressed '%s'",
					optarg);
			a->lim.max_decompressed = v;
			break;
		case OPT_MAX_LINE:
			if (!parse_num(optarg, 64, 1ull << 30, &v))
				return cli_usage_error("inspect",
					"invalid --max-line '%s': want 64 or "
					"more", optarg);
			a->lim.max_line = (size_t)v;
			break;
		case OPT_MAX_FRAMES:
			if (!parse_num(optarg, 1, 1ull << 20, &v))
				return cli_usage_error("inspect",
					"invalid --max-frames '%s'", optarg);
			a->lim.max_frames = (size_t)v;
			break;
		case OPT_MAX_BUCKETS:
			if (!parse_num(optarg, 1, 1ull << 32, &v))
				return cli_usage_error("inspect",
					"invalid --max-buckets '%s'", optarg);
			a->lim.max_buckets = (size_t)v;
			break;
		case OPT_MAX_MESSAGE:
			if (!parse_num(optarg, 1024, 1ull << 32, &v))
				return cli_usage_error("inspect",
					"invalid --max-message '%s': want "
					"1024 or more", optarg);
			a->lim.max_message = (size_t)v;
			break;
		case 'j':
			if (!parse_num(optarg, 1, 64, &v))
				return cli_usage_error("inspect",
					"invalid --jobs '%s': want 1 to 64",
					optarg);
			a->lim.threads = (unsigned)v;
			break;
		case 'f':
			if (!lh_format_parse(optarg, &a->fmt))
				return cli_usage_error("inspect",
					"invalid --format '%s': want text, "
					"json, sarif or github", optarg);
			break;
		case OPT_MIN_CONF:
			if (!lh_confidence_parse(optarg, &a->min_conf))
				return cli_usage_error("inspect",
					"invalid --min-confidence '%s': want "
					"low, medium or high", optarg);
			break;
		case OPT_FAIL_ON:
			if (!lh_severity_parse(optarg, &a->fail_on))
				return cli_usage_error("inspect",
					"invalid --fail-on '%s': want info, "
					"warning or error", optarg);
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
			    strcmp(optarg, "never"))
				return cli_usage_error("inspect",
					"invalid --color '%s'", optarg);
			a->color = optarg;
			break;
		case 'v':
			a->verbose = true;
			break;
		case 'h':
			fputs(usage, stdout);
			return LH_EXIT_CLEAN;
		default:
			return cli_usage_error("inspect", "invalid option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("inspect", "no input files");
	a->files = (const char **)argv + optind;
	a->nfiles = (size_t)(argc - optind);
	if (a->base && a->nfiles != 1)
		return cli_usage_error("inspect",
				       "--base compares one file against the "
				       "base: give exactly one FILE");
	return -1;
}

/* ---------------------------------------------------------------- reading */

static struct snapshot *read_one(const char *path, const struct snap_limits *lim,
				 bool verbose)
{
	struct snapshot *s = snapshot_new(path);
	struct lh_error err = { 0 };
	enum snap_format fmt = SNAP_FMT_UNKNOWN;
	struct snap_stream *in;
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	enum lh_status st;

	if (fd < 0) {
		lh_fail(&err, path, "cannot open: %s", strerror(errno));
		lh_error_print(stderr, &err);
		snapshot_free(s);
		return NULL;
	}
	in = snap_stream_fd(fd, path);
	st = snap_parse(s, in, lim, &fmt, &err);
	snap_stream_free(in);
	if (fd != STDIN_FILENO)
		close(fd);
	if (st != LH_OK) {
		lh_error_print(stderr, &err);
		snapshot_free(s);
		return NULL;
	}
	if (verbose)
		fprintf(stderr, "leakhound: '%s': %s%s%s, %zu buckets, %zu "
			"sites\n", path, snap_format_name(fmt),
			s->profile ? " " : "", s->profile ? s->profile : "",
			s->gbuckets.len, s->hsites.len);
	return s;
}

/* ---------------------------------------------------------------- groups */

/* What a snapshot is compared with: the same group. */
static const char *group_of(const struct snapshot *s)
{
	if (s->has & SNAP_HAS_TRACE)
		return "trace";
	if (s->has & (SNAP_HAS_HEAP | SNAP_HAS_HEAPTEXT))
		return "heap";
	if (s->has & (SNAP_HAS_GDUMP | SNAP_HAS_GCOUNT | SNAP_HAS_GPROTO))
		return s->profile && strcmp(s->profile, "goroutine") != 0
			       ? s->profile
			       : "goroutine";
	return "memstats";
}

static int time_cmp(const void *a, const void *b)
{
	const struct snapshot *x = *(const struct snapshot *const *)a;
	const struct snapshot *y = *(const struct snapshot *const *)b;

	return (x->time_ns > y->time_ns) - (x->time_ns < y->time_ns);
}

/* ---------------------------------------------------------------- tables */

static void human(double v, bool bytes, char *out, size_t n)
{
	static const char *const u[] = { "B", "K", "M", "G", "T" };
	size_t k = 0;
	bool neg = v < 0;

	if (!bytes) {
		snprintf(out, n, "%.0f", v);
		return;
	}
	if (neg)
		v = -v;
	while (v >= 1024 && k + 1 < ARRAY_SIZE(u)) {
		v /= 1024;
		k++;
	}
	snprintf(out, n, "%s%.*f%s", neg ? "-" : "", k ? 1 : 0, v, u[k]);
}

static const char *base_name(const char *p)
{
	const char *s = p ? strrchr(p, '/') : NULL;

	return s ? s + 1 : p ? p : "?";
}

static void where(const struct rt_item *it, char *out, size_t n)
{
	const struct snap_stack *st = it->heap ? &it->hs->stack
					       : &it->gb->stack;
	int i = it->heap ? it->hs->user : it->gb->block;
	const struct snap_frame *f;

	if (i < 0) /* no user frame: the first non-runtime one */
		i = snap_stack_first(st, SNAP_ORIGIN_STDLIB);
	if (i < 0)
		i = 0;
	if (st->nframes == 0) {
		snprintf(out, n, "(no frames)");
		return;
	}
	f = &st->frames[i];
	if (f->file)
		snprintf(out, n, "%s (%s:%u)", f->func, base_name(f->file),
			 f->line);
	else
		snprintf(out, n, "%s", f->func);
}

static void print_table(const char *group, const struct rt_analysis *a,
			size_t top)
{
	size_t n = a->n;
	const struct snapshot *last = a->snaps[n - 1];
	double total = 0;

	for (size_t i = 0; i < a->items.len; i++)
		total += a->items.items[i]->v[n - 1];
	if (a->heap) {
		char t[32];

		human(total, true, t, sizeof(t));
		printf("%s: %s in use at %zu sites", group, t, a->items.len);
	} else {
		printf("%s: %.0f goroutines in %zu buckets", group, total,
		       a->items.len);
	}
	if (n > 1)
		printf(", %zu snapshots (%s .. %s)\n", n,
		       base_name(a->snaps[0]->name), base_name(last->name));
	else
		printf(" (%s)\n", base_name(last->name));
	if (last->preamble)
		printf("  %s\n", last->preamble);
	if (a->heap)
		printf("  %4s %9s %9s %9s %9s %-9s %-6s %s\n", "rank", "inuse",
		       "delta", "objects", "objsize", "trend", "rule", "where");
	else
		printf("  %4s %7s %7s %-9s %-24s %6s %-6s %s\n", "rank", "count",
		       "delta", "trend", "wait", "minutes", "rule", "where");
	for (size_t i = 0; i < a->items.len && i < top; i++) {
		const struct rt_item *it = a->items.items[i];
		char w[300], v1[32], v2[32], v3[32], v4[32], mins[32];
		double d = it->v[n - 1] - it->v[0];

		where(it, w, sizeof(w));
		if (a->heap) {
			human(it->v[n - 1], true, v1, sizeof(v1));
			human(d, true, v2, sizeof(v2));
			human(it->obj[n - 1], false, v3, sizeof(v3));
			human(it->merged && it->obj[n - 1] > 0
				      ? it->v[n - 1] / it->obj[n - 1]
				      : (double)it->hs->obj_bytes,
			      true, v4, sizeof(v4));
			printf("  %4zu %9s %9s %9s %9s %-9s %-6s %s\n", i + 1,
			       v1, n > 1 ? v2 : "", v3, v4,
			       rt_trend_name(it->trend),
			       it->rule ? it->rule->id : "", w);
		} else {
			const struct snap_gbucket *b = it->gb;

			if (b->max_wait < 0)
				mins[0] = '\0';
			else if (b->min_wait == b->max_wait)
				snprintf(mins, sizeof(mins), "%lld",
					 (long long)b->max_wait);
			else
				snprintf(mins, sizeof(mins), "%lld-%lld",
					 (long long)b->min_wait,
					 (long long)b->max_wait);
			snprintf(v2, sizeof(v2), "%+.0f", d);
			printf("  %4zu %7.0f %7s %-9s %-24.24s %6s %-6s %s\n",
			       i + 1, it->v[n - 1], n > 1 ? v2 : "",
			       rt_trend_name(it->trend),
			       b->reason[0] ? b->reason
					    : snap_wait_name(it->wait),
			       mins, it->rule ? it->rule->id : "", w);
		}
	}
	if (a->items.len > top && top)
		printf("  ... %zu more\n", a->items.len - top);
	printf("\n");
}

static void print_memstats(struct snapshot **v, size_t n)
{
	static const struct {
		const char *name;
		size_t off;
	} fields[] = {
		{ "HeapInuse", offsetof(struct snap_memstats, heap_inuse) },
		{ "HeapObjects", offsetof(struct snap_memstats, heap_objects) },
		{ "StackInuse", offsetof(struct snap_memstats, stack_inuse) },
		{ "Sys", offsetof(struct snap_memstats, sys) },
		{ "NumGC", offsetof(struct snap_memstats, num_gc) },
	};
	size_t have = 0;

	for (size_t i = 0; i < n; i++)
		have += v[i]->mem.have;
	if (!have)
		return;
	printf("memstats (%zu snapshot%s):\n", have, have == 1 ? "" : "s");
	for (size_t k = 0; k < ARRAY_SIZE(fields); k++) {
		bool bytes = k != 1 && k != 4;

		printf("  %-12s", fields[k].name);
		for (size_t i = 0; i < n; i++) {
			char h[32];

			if (!v[i]->mem.have)
				continue;
			human((double)*(const uint64_t *)((const char *)&v[i]->mem +
							  fields[k].off),
			      bytes, h, sizeof(h));
			printf(" %9s", h);
		}
		printf("\n");
	}
	printf("\n");
}

/* ---------------------------------------------------------------- --src */

/* "main.(*Cache).Get" -> "Cache.Get"; "main.fetch.func1" -> "fetch.func1" */
static void short_func(const char *func, char *out, size_t n)
{
	const char *p = func + snap_func_pkg_len(func);
	size_t k = 0;

	if (*p == '.')
		p++;
	for (; *p && k + 1 < n; p++) {
		if (*p == '(' || *p == ')' || *p == '*')
			continue;
		out[k++] = *p;
	}
	out[k] = '\0';
}

static bool same_func(const char *runtime_fn, const char *static_fn)
{
	char a[256];
	size_t n;

	if (!runtime_fn || !static_fn)
		return false;
	short_func(runtime_fn, a, sizeof(a));
	if (strcmp(a, static_fn) == 0)
		return true;
	/* a goroutine's closure and the function whose go statement the
	 * static rule reports: "fetch.func1" vs "fetch" */
	n = strlen(static_fn);
	return strncmp(a, static_fn, n) == 0 && a[n] == '.';
}

/* Runs the static rules on the files the runtime findings point into and
 * marks the agreements. Returns the number of agreeing findings. */
static size_t cross_check(lh_findings *f, struct rt_src *src, bool verbose,
			  size_t *nfiles, size_t *nstatic)
{
	VEC(const char *) paths = VEC_INIT;
	struct map seen = MAP_INIT;
	struct lh_scan_options so = { 0 };
	struct lh_scan_stats ss = { 0 };
	struct lh_error err = { 0 };
	lh_findings *sf;
	size_t agree = 0, n = lh_findings_count(f);

	for (size_t i = 0; i < n; i++) {
		const struct lh_finding *x = lh_findings_at(f, i);
		const char *p = x->loc.path;

		if (!p || access(p, R_OK) != 0)
			continue;
		if (!map_gets(&seen, p)) {
			map_puts(&seen, p, (void *)1);
			VEC_PUSH(&paths, p);
		}
	}
	*nfiles = paths.len;
	*nstatic = 0;
	if (!paths.len) {
		map_release(&seen);
		return 0;
	}
	so.paths = paths.items;
	so.npaths = paths.len;
	so.verbose = verbose;
	so.diag = cli_print_diag;
	sf = lh_findings_new();
	if (lh_scan(&so, sf, &ss, &err) != LH_OK) {
		lh_error_print(stderr, &err);
	} else {
		size_t m = lh_findings_count(sf);

		*nstatic = m;
		for (size_t i = 0; i < n; i++) {
			struct lh_finding *x = lh_findings_at_mut(f, i);
			bool agreed = false;

			if (x->rule->kind != LH_RULE_RUNTIME || !x->loc.path)
				continue;
			for (size_t k = 0; k < m; k++) {
				const struct lh_finding *y = lh_findings_at(sf, k);
				struct lh_step st = { 0 };
				char note[600];

				if (y->rule->class != x->rule->class ||
				    !y->loc.path ||
				    strcmp(y->loc.path, x->loc.path) != 0 ||
				    !same_func(x->function, y->function))
					continue;
				snprintf(note, sizeof(note),
					 "static analysis agrees: %s %s",
					 y->rule->id, y->message);
				st.loc = y->loc;
				st.note = note;
				lh_findings_add_step(f, x, &st);
				agreed = true;
			}
			if (agreed) {
				x->confidence = LH_CONF_HIGH;
				agree++;
			}
		}
		/* the static findings are reported too */
		lh_findings_merge(f, sf);
	}
	lh_findings_free(sf);
	VEC_FREE(&paths);
	map_release(&seen);
	return agree;
}

/* ---------------------------------------------------------------- main */

int cmd_inspect(int argc, char **argv)
{
	struct inspect_args a = { 0 };
	struct rt_src src;
	bool have_src = false;
	VEC(struct snapshot *) snaps = VEC_INIT;
	VEC(const char *) groups = VEC_INIT;
	lh_findings *f;
	size_t errors = 0, failing = 0, agree = 0, nsrc = 0, nstatic = 0;
	struct lh_render_options ro = { 0 };
	bool text, ok;
	int status = parse_args(argc, argv, &a);

	if (status >= 0)
		return status;
	text = a.fmt == LH_FORMAT_TEXT;
	if (a.src) {
		struct lh_error err = { 0 };

		if (rt_src_init(&src, a.src, &err) != LH_OK) {
			lh_error_print(stderr, &err);
			return LH_EXIT_ERROR;
		}
		have_src = true;
	}
	for (size_t i = 0; i < a.nfiles + (a.base ? 1 : 0); i++) {
		const char *p = a.base ? (i == 0 ? a.base : a.files[i - 1])
				       : a.files[i];
		struct snapshot *s = read_one(p, &a.lim, a.verbose);

		if (!s) {
			errors++;
			continue;
		}
		VEC_PUSH(&snaps, s);
	}
	if (a.base && snaps.len == 2 &&
	    strcmp(group_of(snaps.items[0]), group_of(snaps.items[1])) != 0) {
		fprintf(stderr, "leakhound: '%s': not the same kind of data as "
			"the base '%s'\n", a.files[0], a.base);
		errors++;
	}
	f = lh_findings_new();
	for (size_t i = 0; i < snaps.len; i++) {
		const char *g = group_of(snaps.items[i]);
		bool dup = false;

		for (size_t k = 0; k < groups.len; k++)
			dup |= strcmp(groups.items[k], g) == 0;
		if (!dup)
			VEC_PUSH(&groups, g);
	}
	for (size_t gi = 0; gi < groups.len; gi++) {
		VEC(struct snapshot *) v = VEC_INIT;
		bool all_timed = true;
		struct rt_analysis an;

		for (size_t i = 0; i < snaps.len; i++) {
			if (strcmp(group_of(snaps.items[i]), groups.items[gi]))
				continue;
			VEC_PUSH(&v, snaps.items[i]);
			all_timed &= snaps.items[i]->time_ns > 0;
		}
		if (all_timed && !a.base)
			qsort(v.items, v.len, sizeof(v.items[0]), time_cmp);
		if (strcmp(groups.items[gi], "memstats") != 0) {
			bool heap = strcmp(groups.items[gi], "heap") == 0;

			rt_analyze(&an, (const struct snapshot *const *)v.items,
				   v.len, heap, &a.rt, have_src ? &src : NULL);
			if (text && a.top)
				print_table(groups.items[gi], &an, a.top);
			rt_report(&an, &a.rt, have_src ? &src : NULL, f);
			rt_analysis_release(&an);
		}
		if (text && a.top)
			print_memstats(v.items, v.len);
		VEC_FREE(&v);
	}
	if (have_src)
		agree = cross_check(f, &src, a.verbose, &nsrc, &nstatic);
	lh_findings_drop_below(f, a.min_conf);
	lh_findings_fingerprint(f);
	ro.color = text && (strcmp(a.color, "always") == 0 ||
			    (strcmp(a.color, "auto") == 0 &&
			     isatty(STDOUT_FILENO) && !getenv("NO_COLOR")));
	ro.verbose = a.verbose;
	ro.tool_command = "leakhound inspect";
	ro.inputs = a.files;
	ro.ninputs = a.nfiles;
	ok = lh_render(stdout, a.fmt, f, &ro) == LH_OK;
	for (size_t i = 0; i < lh_findings_count(f); i++)
		failing += lh_findings_at(f, i)->severity >= a.fail_on;
	if (text) {
		size_t n = lh_findings_count(f);

		printf("%sleakhound: %zu finding%s from %zu file%s", n ? "\n" : "",
		       n, n == 1 ? "" : "s", snaps.len,
		       snaps.len == 1 ? "" : "s");
		if (have_src)
			printf("; static scan of %zu file%s: %zu finding%s, "
			       "%zu runtime finding%s confirmed by it",
			       nsrc, nsrc == 1 ? "" : "s", nstatic,
			       nstatic == 1 ? "" : "s", agree,
			       agree == 1 ? "" : "s");
		printf("%s\n", errors ? ", with input errors" : "");
	}
	ok = fflush(stdout) == 0 && ok;
	lh_findings_free(f);
	for (size_t i = 0; i < snaps.len; i++)
		snapshot_free(snaps.items[i]);
	VEC_FREE(&snaps);
	VEC_FREE(&groups);
	if (have_src)
		rt_src_release(&src);
	if (!ok) {
		fprintf(stderr, "leakhound: cannot write the report\n");
		return LH_EXIT_ERROR;
	}
	if (errors)
		return LH_EXIT_ERROR;
	return failing ? LH_EXIT_FINDINGS : LH_EXIT_CLEAN;
}
