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
	"Skips vendor/, testdata/, hidden directories and _test.go files.\n"
	"\n"
	"options:\n"
	"  -j, --jobs N          parse and analyse on N threads (default: cores)\n"
	"      --tests           include _test.go files\n"
	"      --enable IDS      run only these rules (comma-separated)\n"
	"      --disable IDS     do not run these rules\n"
	"  -f, --format FMT      text, json, sarif or github (default text)\n"
	"      --fail-on SEV     exit 1 only for findings at or above SEV\n"
	"                        (info, warning, error; default info)\n"
	"      --min-confidence C  drop findings below C (low, medium, high;\n"
	"                        default low)\n"
	"      --color WHEN      auto, always or never (default auto)\n"
	"      --max-file-size N skip .go files larger than N bytes (default 16 MiB)\n"
	"  -v, --verbose         say what was assumed (e.g. the Go version)\n"
	"  -h, --help            show this help\n"
	"\n"
	"exit status: 0 clean, 1 findings, 2 usage or input error\n";

enum { OPT_TESTS = 256, OPT_ENABLE, OPT_DISABLE, OPT_FAIL_ON, OPT_COLOR,
       OPT_MAX_FILE, OPT_MIN_CONF };

static const struct option long_opts[] = {
	{ "jobs", required_argument, NULL, 'j' },
	{ "tests", no_argument, NULL, OPT_TESTS },
	{ "enable", required_argument, NULL, OPT_ENABLE },
	{ "disable", required_argument, NULL, OPT_DISABLE },
	{ "format", required_argument, NULL, 'f' },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "min-confidence", required_argument, NULL, OPT_MIN_CONF },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "max-file-size", required_argument, NULL, OPT_MAX_FILE },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
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

int cmd_scan(int argc, char **argv)
{
	struct lh_scan_options o = { 0 };
	struct lh_scan_stats st = { 0 };
	struct lh_render_options ro = { 0 };
	struct lh_error err = { 0 };
	enum lh_severity fail_on = LH_SEV_INFO;
	enum lh_confidence min_conf = LH_CONF_LOW;
	enum lh_format fmt = LH_FORMAT_TEXT;
	char *cmdline;
	int status;
	const char *color = "auto";
	static const char *const dflt[] = { "./..." };
	lh_findings *f;
	size_t n, failing = 0;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "j:f:vh", long_opts, NULL)) != -1) {
		unsigned long long v;

		switch (c) {
		case 'j':
			if (!parse_count(optarg, 1024, &v))
				return cli_usage_error("scan",
					"invalid --jobs '%s': want 1 to 1024",
					optarg);
			o.jobs = (unsigned)v;
			break;
		case OPT_TESTS:
			o.tests = true;
			break;
		case OPT_ENABLE:
			o.enable = optarg;
			break;
		case OPT_DISABLE:
			o.disable = optarg;
			break;
		case 'f':
			if (!lh_format_parse(optarg, &fmt))
				return cli_usage_error("scan",
					"invalid --format '%s': want text, "
					"json, sarif or github", optarg);
			break;
		case OPT_MIN_CONF:
			if (!lh_confidence_parse(optarg, &min_conf))
				return cli_usage_error("scan",
					"invalid --min-confidence '%s'", optarg);
			break;
		case OPT_FAIL_ON:
			if (!lh_severity_parse(optarg, &fail_on))
				return cli_usage_error("scan",
					"invalid --fail-on '%s'", optarg);
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
			    strcmp(optarg, "never"))
				return cli_usage_error("scan",
					"invalid --color '%s'", optarg);
			color = optarg;
			break;
		case OPT_MAX_FILE:
			if (!parse_count(optarg, 1ull << 32, &v))
				return cli_usage_error("scan",
					"invalid --max-file-size '%s'", optarg);
			o.max_file_size = (size_t)v;
			break;
		case 'v':
			o.verbose = true;
			break;
		case 'h':
			fputs(usage, stdout);
			return LH_EXIT_CLEAN;
		default:
			return cli_usage_error("scan", "invalid option");
		}
	}
	if (optind < argc) {
		o.paths = (const char *const *)argv + optind;
		o.npaths = (size_t)(argc - optind);
	} else {
		o.paths = dflt;
		o.npaths = 1;
	}
	o.diag = cli_print_diag;
	f = lh_findings_new();
	if (lh_scan(&o, f, &st, &err) != LH_OK) {
		lh_findings_free(f);
		return cli_usage_error("scan", "%s", err.msg);
	}
	lh_findings_drop_below(f, min_conf);
	ro.color = fmt == LH_FORMAT_TEXT &&
		   (strcmp(color, "always") == 0 ||
		    (strcmp(color, "auto") == 0 && isatty(STDOUT_FILENO) &&
		     getenv("NO_COLOR") == NULL));
	ro.verbose = o.verbose;
	cmdline = command_line(argc, argv);
	ro.tool_command = cmdline;
	ro.inputs = o.paths;
	ro.ninputs = o.npaths;
	ro.stats = &st;
	status = lh_render(stdout, fmt, f, &ro) == LH_OK ? 0 : LH_EXIT_ERROR;
	n = lh_findings_count(f);
	for (size_t i = 0; i < n; i++)
		failing += lh_findings_at(f, i)->severity >= fail_on;
	if (fmt == LH_FORMAT_TEXT)
		printf("%sleakhound: %zu finding%s in %zu file%s "
		       "(%zu package%s)%s\n",
		       n ? "\n" : "", n, n == 1 ? "" : "s", st.files,
		       st.files == 1 ? "" : "s", st.packages,
		       st.packages == 1 ? "" : "s",
		       st.errors ? ", with input errors" : "");
	lh_findings_free(f);
	free(cmdline);
	if (status) {
		fprintf(stderr, "leakhound: cannot write the report\n");
		return LH_EXIT_ERROR;
	}
	if (st.errors)
		return LH_EXIT_ERROR;
	return failing ? LH_EXIT_FINDINGS : LH_EXIT_CLEAN;
}
