/*
 * leakhound.h - the public API of libleakhound.
 *
 * leakhound finds memory, goroutine and resource leaks in Go programs, in
 * source (scan) and at runtime (inspect, watch). Both halves produce the same
 * findings, rendered by the same reporters.
 *
 * Ownership: every lh_*_new has an lh_*_free that accepts NULL; strings in a
 * finding belong to the lh_findings set that holds it.
 */
#ifndef LEAKHOUND_H
#define LEAKHOUND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define LH_VERSION "0.1.0"

#if defined(__GNUC__)
#define LH_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define LH_WARN_UNUSED
#endif

/* ================================================================ errors */

enum lh_status {
	LH_OK = 0,
	LH_ERR = 1, /* details in struct lh_error */
};

/* One input error: "cannot parse 'heap.pb.gz': truncated varint at byte 812" */
struct lh_error {
	char input[512]; /* the file, URL or other input it is about */
	char msg[512];	 /* lowercase, no full stop */
};

/* Called once per bad input while a run goes on (the run continues). */
typedef void (*lh_diag_fn)(void *ctx, const struct lh_error *err);

/* Writes "leakhound: <input>: <msg>" as one line. */
void lh_error_print(FILE *out, const struct lh_error *err);

/* ================================================================ classes */

enum lh_class {
	LH_CLASS_NONE = 0,
	LH_CLASS_GOROUTINE = 1, /* LH1xx */
	LH_CLASS_TIMER = 2,	/* LH2xx */
	LH_CLASS_GLOBAL = 3,	/* LH3xx */
	LH_CLASS_SUBSLICE = 4,	/* LH4xx */
	LH_CLASS_CLOSURE = 5,	/* LH5xx */
	LH_CLASS_POOL = 6,	/* LH6xx */
	LH_CLASS_RESOURCE = 7,	/* LH7xx */
};

enum lh_severity { LH_SEV_INFO = 0, LH_SEV_WARNING = 1, LH_SEV_ERROR = 2 };
enum lh_confidence { LH_CONF_LOW = 0, LH_CONF_MEDIUM = 1, LH_CONF_HIGH = 2 };

const char *lh_class_name(enum lh_class c);  /* "goroutine", "timer", ... */
const char *lh_class_title(enum lh_class c); /* "goroutine leak", ... */
/* The class's fix advice (a few sentences, no trailing newline). */
const char *lh_class_advice(enum lh_class c);
const char *lh_severity_name(enum lh_severity s);
const char *lh_confidence_name(enum lh_confidence c);
/* Parses "info|warning|error"; false when unknown. */
bool lh_severity_parse(const char *s, enum lh_severity *out);
bool lh_confidence_parse(const char *s, enum lh_confidence *out);

/* ================================================================ rules */

struct lh_pass; /* internal: what a static rule is run on */

/* What shared analyses a static rule needs (computed once per function). */
enum {
	LH_NEED_SCOPES = 1u << 0,
	LH_NEED_OBLIGATIONS = 1u << 1,
	LH_NEED_CHANNELS = 1u << 2,
	LH_NEED_PKGFACTS = 1u << 3,
};

enum lh_rule_kind { LH_RULE_STATIC = 0, LH_RULE_RUNTIME = 1 };

struct lh_rule {
	const char *id;	   /* "LH702" */
	const char *name;  /* "http-body-not-closed" */
	const char *title; /* "http response body is not closed on every path" */
	enum lh_class class;
	enum lh_severity severity;
	enum lh_rule_kind kind;
	const char *since; /* version it appeared in */
	unsigned needs;	   /* LH_NEED_* */
	/* Runs the rule on one package. NULL for rules whose findings come from
	 * a shared analysis or from the runtime half. */
	void (*run)(struct lh_pass *pass);
	/* For a static rule with no run(): the rule whose run() reports it
	 * too (a family), run when either is enabled. */
	const struct lh_rule *run_by;
};

/* All rules, static and runtime, in id order. */
size_t lh_rule_count(void);
const struct lh_rule *lh_rule_at(size_t i);
/* The rule with that id (case-insensitive), or NULL. */
const struct lh_rule *lh_rule_find(const char *id);
/* The rule's markdown doc (embedded at build time), or NULL. */
const char *lh_rule_doc(const struct lh_rule *r);

/* ================================================================ findings */

struct lh_loc {
	const char *path; /* as given or found; NULL for no location */
	uint32_t line, col; /* 1-based; 0 = unknown */
	uint32_t end_line, end_col;
};

/* One step of the leaking path: "returns at line 42 with f still open". */
struct lh_step {
	struct lh_loc loc;
	const char *note;
};

/* A mechanical fix: replace [start, end) bytes of loc.path with text. */
struct lh_edit {
	const char *path;
	uint32_t start, end;
	const char *text;
};

struct lh_finding {
	const struct lh_rule *rule;
	enum lh_severity severity;
	enum lh_confidence confidence;
	struct lh_loc loc;
	const char *message;  /* the fact at the site */
	const char *function; /* enclosing function or first user frame, or NULL */
	const char *snippet;  /* the source line at loc, or NULL */
	const char *fix;      /* specific advice, or NULL for the class advice */
	struct lh_step *steps;
	size_t nsteps;
	struct lh_edit *edits;
	size_t nedits;
	uint64_t fingerprint; /* stable across unrelated edits; 0 = compute */
};

/* A set of findings and the memory they live in. Not thread-safe: use one
 * per worker and lh_findings_merge() them. */
typedef struct lh_findings lh_findings;

/* Caller frees with lh_findings_free(). */
lh_findings *lh_findings_new(void);
void lh_findings_free(lh_findings *f);
size_t lh_findings_count(const lh_findings *f);
/* Borrowed: valid until f is freed or changed. */
const struct lh_finding *lh_findings_at(const lh_findings *f, size_t i);
struct lh_finding *lh_findings_at_mut(lh_findings *f, size_t i);
/* Adds a finding; every string and array in `tmpl` is copied into f. */
struct lh_finding *lh_findings_add(lh_findings *f,
				   const struct lh_finding *tmpl);
/* Appends a step (copied) to the leaking path of x, a finding of f. */
void lh_findings_add_step(lh_findings *f, struct lh_finding *x,
			  const struct lh_step *step);
/* Appends an edit (copied) to x, a finding of f. */
void lh_findings_add_edit(lh_findings *f, struct lh_finding *x,
			  const struct lh_edit *edit);
/* Copies into f the memory f owns: for strings built by rules. */
const char *lh_findings_strdup(lh_findings *f, const char *s);
/* Moves every finding of src into dst; src is left empty. */
void lh_findings_merge(lh_findings *dst, lh_findings *src);
/* Orders by path, line, column, rule id, message; drops exact duplicates. */
void lh_findings_sort(lh_findings *f);
/* Removes finding i (order kept). */
void lh_findings_remove(lh_findings *f, size_t i);
/* Removes the findings whose confidence is below min; returns how many. */
size_t lh_findings_drop_below(lh_findings *f, enum lh_confidence min);
/* Computes fingerprints where 0: rule, path (without leading "./"),
 * function, and the snippet trimmed of white space, so edits above the
 * finding do not change it. Without a snippet (runtime findings): the line
 * when there is a function (messages hold counts that change from run to
 * run), else the message. */
void lh_findings_fingerprint(lh_findings *f);

/* ================================================================ scan */

struct lh_scan_options {
	const char *const *paths; /* files, dirs, DIR/... patterns */
	size_t npaths;
	unsigned jobs;	     /* 0 = number of cores */
	bool tests;	     /* include _test.go files */
	bool generated;	     /* include generated files ("// Code generated
				... DO NOT EDIT." before the package clause) */
	bool verbose;	     /* notes on stderr (e.g. assumed Go version) */
	const char *enable;  /* comma-separated ids, NULL = all */
	const char *disable; /* comma-separated ids, NULL = none */
	size_t max_file_size; /* bytes; 0 = default (16 MiB) */
	/* Report //leakhound:ignore and //nolint:leakhound directives that
	 * silence nothing, as LH001 findings. */
	bool report_unused_ignores;
	unsigned max_depth;   /* AST nesting levels; 0 = default (4096) */
	lh_diag_fn diag;      /* bad inputs, as they are found */
	void *diag_ctx;
};

struct lh_scan_stats {
	size_t files, packages, bytes, errors;
	size_t suppressed; /* findings silenced by directives in the source */
};

/* Scans Go source. Findings are added to out (sorted, fingerprinted),
 * less those silenced by `//leakhound:ignore LHnnn reason` or
 * `//nolint:leakhound` comments. Bad inputs, malformed directives included,
 * are reported through opts->diag and counted in stats->errors; the scan
 * goes on. Returns LH_ERR only for a usage error (err filled). */
LH_WARN_UNUSED enum lh_status lh_scan(const struct lh_scan_options *opts,
				      lh_findings *out,
				      struct lh_scan_stats *stats,
				      struct lh_error *err);

/* Scans one Go file held in memory, src[0..len) (copied), as a package of
 * its own with no go.mod (the newest Go assumed), with the rules, limits
 * and suppression settings of opts (paths, jobs and tests are not used).
 * Findings are added to out (sorted); malformed ignore directives go to
 * opts->diag. Returns LH_ERR with err filled when the source is rejected
 * (named by path) or an option is wrong. */
LH_WARN_UNUSED enum lh_status lh_scan_source(const struct lh_scan_options *opts,
					     const char *path, const char *src,
					     size_t len, lh_findings *out,
					     struct lh_error *err);

/* ================================================================ baseline */

/* Findings recorded earlier (--write-baseline), so that CI fails only on
 * new ones. Entries match findings by fingerprint, so line shifts do not
 * matter; each entry matches one finding. */
typedef struct lh_baseline lh_baseline;

/* The largest baseline file lh_baseline_load reads. */
#define LH_BASELINE_MAX_SIZE ((size_t)64 << 20)

/* Reads a baseline file. On failure returns LH_ERR (err names the file and
 * what is wrong) and *out is NULL. Caller frees with lh_baseline_free(). */
LH_WARN_UNUSED enum lh_status lh_baseline_load(const char *path,
					       lh_baseline **out,
					       struct lh_error *err);
/* The same with the file size bounded by max_size bytes (0: the default
 * LH_BASELINE_MAX_SIZE); a larger file is an error naming the limit. */
LH_WARN_UNUSED enum lh_status lh_baseline_load_max(const char *path,
						   size_t max_size,
						   lh_baseline **out,
						   struct lh_error *err);
void lh_baseline_free(lh_baseline *b);
/* Number of entries. */
size_t lh_baseline_count(const lh_baseline *b);
/* Removes from f the findings b holds; returns how many. */
size_t lh_baseline_apply(const lh_baseline *b, lh_findings *f);
/* Writes every finding of f (fingerprinting them) to path, atomically. */
LH_WARN_UNUSED enum lh_status lh_baseline_write(const char *path,
						lh_findings *f,
						struct lh_error *err);

/* ================================================================ fix */

struct lh_fix_options {
	/* NULL: write the fixed files (atomically). Else: print a unified
	 * diff of the fixes here and change nothing. */
	FILE *diff;
	lh_diag_fn diag; /* unreadable files, conflicting fixes */
	void *diag_ctx;
};

struct lh_fix_stats {
	size_t fixed;	  /* findings whose edits were all applied */
	size_t files;	  /* files changed (or diffed) */
	size_t edits;	  /* edits applied */
	size_t conflicts; /* findings skipped: overlapping edits, or the file
			   * changed since the scan */
	size_t errors;	  /* files that could not be read or written */
};

/* Applies the mechanical edits of f's findings (struct lh_edit), each
 * finding's whole or not at all, in finding order; a finding whose edit
 * overlaps an earlier one's is skipped and reported through diag. When
 * writing, fixed findings are removed from f. Returns LH_ERR only when the
 * diff cannot be written; file errors are counted in stats->errors. */
LH_WARN_UNUSED enum lh_status lh_fix(lh_findings *f,
				     const struct lh_fix_options *o,
				     struct lh_fix_stats *stats);

/* ================================================================ render */

enum lh_format {
	LH_FORMAT_TEXT = 0,   /* compiler style, for people */
	LH_FORMAT_JSON = 1,   /* one JSON document */
	LH_FORMAT_SARIF = 2,  /* SARIF 2.1.0, for code scanning */
	LH_FORMAT_GITHUB = 3, /* GitHub Actions workflow commands */
};

/* Parses "text|json|sarif|github"; false when unknown. */
bool lh_format_parse(const char *s, enum lh_format *out);
const char *lh_format_name(enum lh_format fmt);

struct lh_render_options {
	bool color;
	bool verbose;
	const char *tool_command; /* for reports that record the invocation */
	/* What was analysed (paths, URLs, dump files), recorded by the JSON
	 * and SARIF reports. Borrowed. */
	const char *const *inputs;
	size_t ninputs;
	/* Counts of the scan, or NULL (runtime reports). A SARIF run with
	 * stats->errors is marked unsuccessful. */
	const struct lh_scan_stats *stats;
	/* Directory relative paths are relative to (SARIF %SRCROOT%);
	 * NULL = the working directory. */
	const char *src_root;
	/* The bad inputs of the run (JSON "errors", SARIF
	 * toolExecutionNotifications). Borrowed. */
	const struct lh_error *errors;
	size_t nerrors;
};

/* Compiler-style text: path:line:col: LHnnn message, source line, caret,
 * leaking path, fix advice; then a one-line summary. */
void lh_render_text(FILE *out, const lh_findings *f,
		    const struct lh_render_options *o);
/* One JSON document: tool, inputs, stats and every finding with rule,
 * class, severity, confidence, location, message, leaking path, advice,
 * edits and fingerprint. Strings that are not UTF-8 are repaired (U+FFFD).
 * Returns LH_ERR when writing fails. */
LH_WARN_UNUSED enum lh_status lh_render_json(FILE *out, const lh_findings *f,
					     const struct lh_render_options *o);
/* A SARIF 2.1.0 log with one run: tool.driver.rules (every registered rule
 * plus any rule a finding names, help text from the rule docs), results
 * with codeFlows for the leaking path, partialFingerprints and fixes. */
LH_WARN_UNUSED enum lh_status lh_render_sarif(FILE *out, const lh_findings *f,
					      const struct lh_render_options *o);
/* GitHub Actions workflow commands, one per finding:
 *   ::warning file=a.go,line=3,col=2,endLine=3,endColumn=9,title=LH702 ...::msg
 * error -> ::error, warning -> ::warning, info -> ::notice, escaped as the
 * runner expects (% CR LF in data; also : and , in properties). */
void lh_render_github(FILE *out, const lh_findings *f,
		      const struct lh_render_options *o);
/* Dispatches on fmt. Returns LH_ERR when writing fails. */
LH_WARN_UNUSED enum lh_status lh_render(FILE *out, enum lh_format fmt,
					const lh_findings *f,
					const struct lh_render_options *o);

/* Writes docs/RULES.md: an index of every registered rule, then each rule's
 * doc. Deterministic: the same registry and docs give the same bytes. */
void lh_render_rules_markdown(FILE *out);

/* Checks that rule r's embedded doc exists, that its header ("# LH702:
 * title" then "class: C | severity: S | since: V") agrees with the
 * descriptor, and that it has the sections "## Why it leaks", "## Bad",
 * "## Good" and "## Fix". Returns LH_ERR with err naming what disagrees. */
LH_WARN_UNUSED enum lh_status lh_rule_doc_check(const struct lh_rule *r,
						struct lh_error *err);
/* Same, on a given doc text (for tests and new rules). */
LH_WARN_UNUSED enum lh_status lh_rule_doc_check_text(const struct lh_rule *r,
						     const char *doc,
						     struct lh_error *err);
/* The body of the doc section "## <name>" (up to the next "## "), without
 * leading and trailing blank lines. Caller frees with free(); NULL when the
 * section is missing. */
char *lh_rule_doc_section(const char *doc, const char *name);

#endif /* LEAKHOUND_H */
