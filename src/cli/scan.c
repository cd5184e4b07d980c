/*
 * scan.c - `leakhound scan [OPTIONS] PATH...`: static analysis of Go source.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

static const char usage[] =
	"usage: leakhound scan [OPTIONS] PATH...\n"
	"\n"
	"Find leaks in Go source. PATH is a .go file, a directory (one package)\n"
	"or DIR/... (every package below DIR); default ./... .\n"
	"Skips vendor/, testdata/, hidden directories, _test.go files and\n"
	"generated files.\n"
	"\n"
	"options:\n"
	"  -j, --jobs N          parse and analyse on N threads (default: cores)\n"
	"      --tests           include _test.go files\n"
	"      --generated       include generated files (\"// Code generated\n"
	"                        ... DO NOT EDIT.\"), skipped by default\n"
	"      --enable IDS      run only these rules (comma-separated)\n"
	"      --disable IDS     do not run these rules\n"
	"  -f, --format FMT      text, json, sarif or github (default text)\n"
	"      --fail-on SEV     exit 1 only for findings at or above SEV\n"
	"                        (info, warning, error; default info)\n"
	"      --min-confidence C  drop findings below C (low, medium, high;\n"
	"                        default medium)\n"
	"      --baseline FILE   drop findings recorded in FILE\n"
	"      --max-baseline-size N  refuse a baseline FILE larger than N\n"
	"                        bytes (default 64 MiB)\n"
	"      --write-baseline FILE  record the findings in FILE and exit 0\n"
	"      --report-unused-ignores  report //leakhound:ignore and\n"
	"                        //nolint:leakhound comments that silence nothing\n"
	"      --fix             apply the mechanical fixes findings carry\n"
	"      --diff            print the fixes as a unified diff instead of\n"
	"                        the report; change nothing\n"
	"      --color WHEN      auto, always or never (default auto)\n"
	"      --max-file-size N reject .go files larger than N bytes (default\n"
	"                        16 MiB) and go.mod files (default 4 MiB)\n"
	"      --max-depth N     reject .go files nested deeper than N syntax\n"
	"                        levels (default 16384, at most 32768)\n"
	"  -v, --verbose         say what was assumed (e.g. the Go version)\n"
	"  -h, --help            show this help\n"
	"\n"
	"Silence one finding with `//leakhound:ignore LHnnn reason` on its line\n"
	"or alone on the line above (`//nolint:leakhound` works too).\n"
	"\n"
	"exit status: 0 clean, 1 findings, 2 usage or input error\n";

enum { OPT_TESTS = 256, OPT_ENABLE, OPT_DISABLE, OPT_FAIL_ON, OPT_COLOR,
       OPT_MAX_FILE, OPT_MIN_CONF, OPT_BASELINE, OPT_WRITE_BASELINE,
       OPT_UNUSED, OPT_FIX, OPT_DIFF, OPT_MAX_DEPTH, OPT_GENERATED,
       OPT_MAX_BASELINE };

static const struct option long_opts[] = {
	{ "jobs", required_argument, NULL, 'j' },
	{ "tests", no_argument, NULL, OPT_TESTS },
	{ "generated", no_argument, NULL, OPT_GENERATED },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "format", required_argument, NULL, 'f' },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "min-confidence", required_argument, NULL, OPT_MIN_CONF },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "max-baseline-size", required_argument, NULL, OPT_MAX_BASELINE },
	{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
	{ "report-unused-ignores", no_argument, NULL, OPT_UNUSED },
	{ "fix", no_argument, NULL, OPT_FIX },
	{ "diff", no_argument, NULL, OPT_DIFF },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
	{ "max-depth", required_argument, NULL, OPT_MAX_DEPTH },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* The bad inputs of the run: printed as they come, kept for the JSON and
 * SARIF reports (the first SCAN_MAX_ERRORS of them). */
#define SCAN_MAX_ERRORS 1000
struct diag_log {
	struct lh_error *items;
	size_t len;
};

static void diag_record(void *ctx, const struct lh_error *err)
{
	struct diag_log *d = ctx;

	cli_print_diag(NULL, err);
	if (d->len >= SCAN_MAX_ERRORS)
		return;
	if (!d->items) {
		d->items = calloc(SCAN_MAX_ERRORS, sizeof(*d->items));
		if (!d->items)
			return;
	}
	d->items[d->len++] = *err;
}

/* What the command line asked for, beyond the scan options. */
struct scan_args {
	struct lh_scan_options o;
	enum lh_severity fail_on;
	enum lh_confidence min_conf;
	enum lh_format fmt;
	const char *color;
	const char *baseline, *write_baseline;
	size_t max_baseline; /* bytes; 0 = LH_BASELINE_MAX_SIZE */
	bool fix, diff;
	struct diag_log diags;
};

static bool parse_count(const char *s, unsigned long long max,
			unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (!*s || *s == '-')
		return false;
	v = strtoull(s, &end, 10);
	if (*end || v == 0 || v > max)
		return false;
	*out = v;
	return true;
}

/* "leakhound scan ARGS..." for reports that record the invocation.
 * Caller frees with free(). */
static char *command_line(int argc, char **argv)
{
	size_t len = sizeof("leakhound scan");
	char *s, *p;

	for (int i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	s = malloc(len);
	if (!s)
		return NULL;
	p = s + sprintf(s, "leakhound scan");
	for (int i = 1; i < argc; i++)
		p += sprintf(p, " %s", argv[i]);
	return s;
}

/* Parses argv into a; returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct scan_args *a)
{
	static const char *const dflt[] = { "./..." };
	int c;

	a->color = "auto";
	/* low-confidence findings (a rule could not argue the leak, only
	 * suspect it) are shown on request */
	a->min_conf = LH_CONF_MEDIUM;
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:f:vh", long_opts, NULL)) != -1) {
		unsigned long long v;

		switch (c) {
		case 'j':
			if (!parse_count(optarg, 1024, &v))
				return cli_usage_error("scan",
					"invalid --jobs '%s': want 1 to 1024",
					optarg);
			a->o.jobs = (unsigned)v;
			break;
		case OPT_TESTS:
			a->o.tests = true;
			break;
		case OPT_GENERATED:
			a->o.generated = true;
			break;
		case OPT_ENABLE:
			a->o.enable = optarg;
			break;
		case OPT_DISABLE:
			a->o.disable = optarg;
			break;
		case 'f':
			if (!lh_format_parse(optarg, &a->fmt))
				return cli_usage_error("scan",
					"invalid --format '%s': want text, "
					"json, sarif or github", optarg);
			break;
		case OPT_MIN_CONF:
			if (!lh_confidence_parse(optarg, &a->min_conf))
				return cli_usage_error("scan",
					"invalid --min-confidence '%s': want "
					"low, medium or high", optarg);
			break;
		case OPT_FAIL_ON:
			if (!lh_severity_parse(optarg, &a->fail_on))
				return cli_usage_error("scan",
					"invalid --fail-on '%s': want info, "
					"warning or error", optarg);
			break;
		case OPT_BASELINE:
			a->baseline = optarg;
			break;
		case OPT_WRITE_BASELINE:
			a->write_baseline = optarg;
			break;
		case OPT_MAX_BASELINE:
			if (!parse_count(optarg, 1ull << 32, &v))
				return cli_usage_error("scan",
					"invalid --max-baseline-size '%s'",
					optarg);
			a->max_baseline = (size_t)v;
			break;
		case OPT_UNUSED:
			a->o.report_unused_ignores = true;
			break;
		case OPT_FIX:
			a->fix = true;
			break;
		case OPT_DIFF:
			a->diff = true;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
			    strcmp(optarg, "never"))
				return cli_usage_error("scan",
					"invalid --color '%s'", optarg);
			a->color = optarg;
			break;
		case OPT_MAX_FILE:
			if (!parse_count(optarg, 1ull << 32, &v))
				return cli_usage_error("scan",
					"invalid --max-file-size '%s'", optarg);
			a->o.max_file_size = (size_t)v;
			break;
		case OPT_MAX_DEPTH:
			/* past 32768 levels the 2 KiB per level budget of
			 * the 64 MiB worker stack would be gone
			 * (docs/limits.md) */
			if (!parse_count(optarg, 32768, &v))
				return cli_usage_error("scan",
					"invalid --max-depth '%s': want 1 to "
					"32768", optarg);
			a->o.max_depth = (unsigned)v;
			break;
		case 'v':
			a->o.verbose = true;
			break;
		case 'h':
			fputs(usage, stdout);
			return LH_EXIT_CLEAN;
		default:
			return cli_usage_error("scan", "invalid option");
		}
	}
	if (a->fix && a->diff)
		return cli_usage_error("scan", "--fix and --diff exclude each "
				       "other");
	if (a->write_baseline && (a->fix || a->diff))
		return cli_usage_error("scan", "--write-baseline records "
				       "findings; it does not fix them");
	if (optind < argc) {
		a->o.paths = (const char *const *)argv + optind;
		a->o.npaths = (size_t)(argc - optind);
	} else {
		a->o.paths = dflt;
		a->o.npaths = 1;
	}
	a->o.diag = diag_record;
	a->o.diag_ctx = &a->diags;
	return -1;
}

/* Renders the report; returns the exit status. */
static int report(int argc, char **argv, const struct scan_args *a,
		  lh_findings *f, const struct lh_scan_stats *st,
		  size_t baselined, size_t fixed)
{
	struct lh_render_options ro = { 0 };
	size_t n = lh_findings_count(f), failing = 0;
	char *cmdline = command_line(argc, argv);
	bool ok;

	ro.color = a->fmt == LH_FORMAT_TEXT &&
		   (strcmp(a->color, "always") == 0 ||
		    (strcmp(a->color, "auto") == 0 && isatty(STDOUT_FILENO) &&
		     getenv("NO_COLOR") == NULL));
	ro.verbose = a->o.verbose;
	ro.tool_command = cmdline;
	ro.inputs = a->o.paths;
	ro.ninputs = a->o.npaths;
	ro.stats = st;
	ro.errors = a->diags.items;
	ro.nerrors = a->diags.len;
	ok = lh_render(stdout, a->fmt, f, &ro) == LH_OK;
	free(cmdline);
	for (size_t i = 0; i < n; i++)
		failing += lh_findings_at(f, i)->severity >= a->fail_on;
	if (a->fmt == LH_FORMAT_TEXT) {
		printf("%sleakhound: %zu finding%s in %zu file%s (%zu package%s)",
		       n ? "\n" : "", n, n == 1 ? "" : "s", st->files,
		       st->files == 1 ? "" : "s", st->packages,
		       st->packages == 1 ? "" : "s");
		if (st->suppressed)
			printf(", %zu suppressed", st->suppressed);
		if (baselined)
			printf(", %zu in the baseline", baselined);
		if (fixed)
			printf(", %zu fixed", fixed);
		printf("%s\n", st->errors ? ", with input errors" : "");
		ok = fflush(stdout) == 0 && ok;
	}
	if (!ok) {
		fprintf(stderr, "leakhound: cannot write the report\n");
		return LH_EXIT_ERROR;
	}
	if (st->errors)
		return LH_EXIT_ERROR;
	return failing ? LH_EXIT_FINDINGS : LH_EXIT_CLEAN;
}

/* Scans, then records a baseline, fixes, or reports; returns the exit
 * status. */
static int scan_run(int argc, char **argv, struct scan_args *a)
{
	struct lh_scan_stats st = { 0 };
	struct lh_error err = { 0 };
	lh_baseline *bl = NULL;
	lh_findings *f;
	size_t baselined = 0;
	struct lh_fix_stats fs = { 0 };
	int status;

	if (a->baseline && lh_baseline_load_max(a->baseline, a->max_baseline,
						&bl, &err) != LH_OK) {
		lh_error_print(stderr, &err);
		return LH_EXIT_ERROR;
	}
	f = lh_findings_new();
	if (lh_scan(&a->o, f, &st, &err) != LH_OK) {
		lh_findings_free(f);
		lh_baseline_free(bl);
		return cli_usage_error("scan", "%s", err.msg);
	}
	lh_findings_drop_below(f, a->min_conf);
	if (a->write_baseline) {
		status = LH_EXIT_CLEAN;
		if (lh_baseline_write(a->write_baseline, f, &err) != LH_OK) {
			lh_error_print(stderr, &err);
			status = LH_EXIT_ERROR;
		} else {
			fprintf(stderr, "leakhound: %zu finding%s recorded in "
				"'%s'\n", lh_findings_count(f),
				lh_findings_count(f) == 1 ? "" : "s",
				a->write_baseline);
		}
		lh_findings_free(f);
		lh_baseline_free(bl);
		return st.errors ? LH_EXIT_ERROR : status;
	}
	baselined = lh_baseline_apply(bl, f);
	lh_baseline_free(bl);
	if (a->fix || a->diff) {
		struct lh_fix_options fo = { 0 };

		fo.diff = a->diff ? stdout : NULL;
		fo.diag = diag_record;
		fo.diag_ctx = &a->diags;
		if (lh_fix(f, &fo, &fs) != LH_OK) {
			fprintf(stderr, "leakhound: cannot write the diff\n");
			lh_findings_free(f);
			return LH_EXIT_ERROR;
		}
		st.errors += fs.errors;
	}
	if (a->diff) {
		/* the diff is the output; the status says what was found */
		size_t failing = 0;

		for (size_t i = 0; i < lh_findings_count(f); i++)
			failing += lh_findings_at(f, i)->severity >= a->fail_on;
		lh_findings_free(f);
		if (st.errors)
			return LH_EXIT_ERROR;
		return failing ? LH_EXIT_FINDINGS : LH_EXIT_CLEAN;
	}
	status = report(argc, argv, a, f, &st, baselined, fs.fixed);
	lh_findings_free(f);
	return status;
}

int cmd_scan(int argc, char **argv)
{
	struct scan_args a = { 0 };
	int status = parse_args(argc, argv, &a);

	if (status >= 0)
		return status;
	status = scan_run(argc, argv, &a);
	free(a.diags.items);
	return status;
}
