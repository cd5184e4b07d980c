/*
 * scan.c - the static pipeline: discover -> parse (thread pool, one
 * tree-sitter parser per worker) -> package index -> rules -> findings.
 *
 * The unit of work is a package (a directory): a worker parses its files,
 * indexes it, runs every enabled rule on it, and frees it before taking the
 * next, so memory is bounded by the largest packages in flight, not by the
 * size of the tree. A package's syntax trees take 25 to 30 times its
 * source; the packages in flight together may hold SCAN_BUDGET bytes of
 * source (a package larger than that runs alone), so two large packages
 * never add up (Go's runtime with its tests is 4 MB of source, 115 MB
 * parsed).
 */
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "report/suppress.h"
#include "static/pass.h"
#include "static/walk.h"
#include "static/xpkg.h"

/* Source bytes the packages in flight may hold together. At 3 MiB two
 * workers seldom ran at once on Go's std (wall time = CPU time, 4.2 s
 * instead of 2.3 s at -j2); at 12 MiB they do, and still no two of the
 * largest packages with their tests meet. */
#define SCAN_BUDGET (12u << 20)
/* A package of at least this much source hands its freed memory back to
 * the system when it is done (malloc_trim): each worker's malloc arena
 * keeps what it freed, so the high-water marks of the workers' largest
 * packages would add up. With tree-sitter's trees (~30 times the source)
 * that was needed after packages of 512 KiB; with the flat trees (~10
 * times) std peaks at 61 MB without any trim (75 MB with --tests) against
 * 55 MB (71 MB) trimming at 512 KiB, and every trim costs page faults
 * when the memory is touched again. One shared arena instead cost 1.3 s
 * of CPU in lock contention once the workers ran together. */
#define SCAN_TRIM_AT ((size_t)4 << 20)

struct scan_worker {
	TSParser *parser;
	lh_findings *out;
	size_t files, bytes, errors, packages, suppressed, generated;
};

struct scan_ctx {
	const struct lh_scan_options *opts;
	godir_vec dirs;
	struct gomod_cache *mods;
	struct scan_worker *workers;
	unsigned char *enabled;
	unsigned char *kinds; /* node kinds the shared walk records */
	pthread_mutex_t diag_mu;
	/* the memory budget: source bytes charged by the packages in
	 * flight, and the wait for a share of SCAN_BUDGET */
	pthread_mutex_t budget_mu;
	pthread_cond_t budget_cv;
	uint64_t inflight;
	struct go_limits limits;
	size_t diag_errors; /* reported through scan__diag_cb */
	struct xpkg *xpkg;  /* the module's other packages, for every worker */
};

static void scan__diag(struct scan_ctx *c, const struct lh_error *err)
{
	if (!c->opts->diag)
		return;
	pthread_mutex_lock(&c->diag_mu);
	c->opts->diag(c->opts->diag_ctx, err);
	pthread_mutex_unlock(&c->diag_mu);
}

/* gomod_cache reports through this: serialised like every diag */
static void scan__diag_cb(void *ctx, const struct lh_error *err)
{
	struct scan_ctx *c = ctx;

	pthread_mutex_lock(&c->diag_mu);
	c->diag_errors++;
	if (c->opts->diag)
		c->opts->diag(c->opts->diag_ctx, err);
	pthread_mutex_unlock(&c->diag_mu);
}

/* True when r's run() has something to report: r or a rule it runs for
 * (.run_by) is enabled. A family's run() reports several ids and
 * pass_report() filters per id; a family with none enabled is not run at
 * all, so the shared analyses only its rules need are never computed. */
static bool scan__wanted(const unsigned char *enabled, const struct lh_rule *r)
{
	if (enabled[lh_rule_index(r)])
		return true;
	for (size_t i = 0; i < lh_rule_count(); i++) {
		if (enabled[i] && lh_rule_at(i)->run_by == r)
			return true;
	}
	return false;
}

static void scan__run_rules(const unsigned char *enabled, bool verbose,
			    lh_findings *out, struct gopkg *pkg)
{
	struct lh_pass pass = { 0 };

	pass.pkg = pkg;
	pass.out = out;
	pass.enabled = enabled;
	pass.verbose = verbose;
	for (size_t i = 0; i < lh_rule_count(); i++) {
		const struct lh_rule *r = lh_rule_at(i);

		if (r->kind != LH_RULE_STATIC || !r->run ||
		    !scan__wanted(enabled, r))
			continue;
		pass.rule = r;
		r->run(&pass);
	}
}

/* //leakhound:ignore and //nolint directives, while the source is here. */
static void scan__suppress(struct scan_ctx *c, struct scan_worker *w,
			   struct gopkg *pkg, size_t first)
{
	struct suppress_options so = { 0 };
	struct suppress_stats ss = { 0 };

	so.enabled = c->enabled;
	so.report_unused = c->opts->report_unused_ignores;
	so.diag = scan__diag_cb;
	so.diag_ctx = c;
	suppress_package(pkg, w->out, first, &so, &ss);
	w->suppressed += ss.suppressed;
}

/* Charges `bytes` of source to the budget, first waiting until they fit
 * when other packages are in flight (the first package always runs:
 * charges only wait for charges that will end). */
static void scan__charge(struct scan_ctx *c, uint64_t bytes)
{
	pthread_mutex_lock(&c->budget_mu);
	while (c->inflight && c->inflight + bytes > SCAN_BUDGET)
		pthread_cond_wait(&c->budget_cv, &c->budget_mu);
	c->inflight += bytes;
	pthread_mutex_unlock(&c->budget_mu);
}

/* Changes a charge from `from` to `to` bytes without waiting. */
static void scan__recharge(struct scan_ctx *c, uint64_t from, uint64_t to)
{
	pthread_mutex_lock(&c->budget_mu);
	c->inflight = c->inflight - from + to;
	if (to < from)
		pthread_cond_broadcast(&c->budget_cv);
	pthread_mutex_unlock(&c->budget_mu);
}

static void scan__package(size_t item, unsigned worker, void *ctx)
{
	struct scan_ctx *c = ctx;
	struct scan_worker *w = &c->workers[worker];
	struct godir *d = &c->dirs.items[item];
	struct gopkg *pkg;
	/* charged: the sizes discovered, then what was parsed (generated
	 * files are read and dropped) */
	uint64_t charge = d->bytes, bytes0 = w->bytes;

	if (!w->parser) {
		w->parser = ts_parser_new();
		ts_parser_set_language(w->parser, go_language());
	}
	scan__charge(c, charge);
	pkg = gopkg_new(d->dir, gomod_cache_get(c->mods, d->dir));
	xpkg_attach(pkg, c->xpkg);
	for (size_t i = 0; i < d->files.len; i++) {
		struct lh_error err;
		bool gen = false;
		/* generated code is nobody's to fix: skipped unless asked
		 * for (or named on the command line), before it costs a
		 * parse */
		bool skip = !c->opts->generated && !d->explicit_files;
		struct gofile *f = gofile_load_code(w->parser, d->files.items[i],
						    &c->limits,
						    skip ? &gen : NULL, &err);

		if (!f && gen) {
			w->generated++;
			continue;
		}
		if (!f) {
			w->errors++;
			scan__diag(c, &err);
			continue;
		}
		w->files++;
		w->bytes += f->len;
		gopkg_add(pkg, f);
	}
	scan__recharge(c, charge, w->bytes - bytes0);
	charge = w->bytes - bytes0;
	if (pkg->nfiles) {
		size_t first = lh_findings_count(w->out);

		w->packages++;
		gopkg_index(pkg);
		scan__run_rules(c->enabled, c->opts->verbose, w->out, pkg);
		scan__suppress(c, w, pkg, first);
	}
	gopkg_free(pkg);
#ifdef __GLIBC__
	if (charge >= SCAN_TRIM_AT)
		malloc_trim(0);
#endif
	scan__recharge(c, charge, 0);
}

static void scan__limits(const struct lh_scan_options *opts,
			 struct go_limits *lim)
{
	lim->max_file_size = opts->max_file_size ? opts->max_file_size
						 : GO_MAX_FILE_DEFAULT;
	lim->max_depth = opts->max_depth ? opts->max_depth
					 : GO_MAX_DEPTH_DEFAULT;
}

/* Parses a comma-separated id list into mask entries set to val. */
static enum lh_status scan__select(unsigned char *mask, const char *list,
				   unsigned char val, struct lh_error *err)
{
	const char *s = list;

	while (*s) {
		size_t n = strcspn(s, ", ");
		char id[32];
		const struct lh_rule *r;

		if (n == 0) {
			s++;
			continue;
		}
		if (n >= sizeof(id))
			return lh_fail(err, NULL, "unknown rule '%.*s'",
				       (int)LH_MIN(n, 40), s);
		memcpy(id, s, n);
		id[n] = '\0';
		r = lh_rule_find(id);
		if (!r)
			return lh_fail(err, NULL, "unknown rule '%s'", id);
		mask[lh_rule_index(r)] = val;
		s += n;
	}
	return LH_OK;
}

/* The enabled-rule mask of opts (by registry index), or NULL with err
 * filled for an unknown id. Caller frees with free(). */
static unsigned char *scan__mask(const struct lh_scan_options *opts,
				 struct lh_error *err)
{
	unsigned char *m = xcalloc(lh_rule_count() + 1, 1);

	memset(m, opts->enable ? 0 : 1, lh_rule_count());
	if ((opts->enable && scan__select(m, opts->enable, 1, err)) ||
	    (opts->disable && scan__select(m, opts->disable, 0, err))) {
		free(m);
		return NULL;
	}
	return m;
}

enum lh_status lh_scan(const struct lh_scan_options *opts, lh_findings *out,
		       struct lh_scan_stats *stats, struct lh_error *err)
{
	struct scan_ctx c = { 0 };
	struct discover_options dopts = { 0 };
	unsigned jobs = opts->jobs ? opts->jobs : lh_ncpu();
	size_t errors = 0;
	struct lh_scan_stats st = { 0 };

	c.opts = opts;
	scan__limits(opts, &c.limits);
	c.enabled = scan__mask(opts, err);
	if (!c.enabled)
		return LH_ERR;
	c.kinds = walk_mask(c.enabled);
	c.limits.index = c.kinds;
	pthread_mutex_init(&c.diag_mu, NULL);
	pthread_mutex_init(&c.budget_mu, NULL);
	pthread_cond_init(&c.budget_cv, NULL);
	dopts.tests = opts->tests;
	dopts.diag = opts->diag;
	dopts.diag_ctx = opts->diag_ctx;
	discover(opts->paths, opts->npaths, &dopts, &c.dirs, &errors);
	c.mods = gomod_cache_new(scan__diag_cb, &c);
	/* --max-file-size bounds every file scan reads, go.mod included */
	if (opts->max_file_size)
		gomod_cache_set_max_size(c.mods, opts->max_file_size);
	c.workers = xcalloc(jobs, sizeof(*c.workers));
	for (unsigned i = 0; i < jobs; i++)
		c.workers[i].out = lh_findings_new();
	c.xpkg = xpkg_new(&c.limits);
	pool_run(jobs, c.dirs.len, scan__package, &c);
	xpkg_free(c.xpkg);
	for (unsigned i = 0; i < jobs; i++) {
		struct scan_worker *w = &c.workers[i];

		lh_findings_merge(out, w->out);
		lh_findings_free(w->out);
		if (w->parser)
			ts_parser_delete(w->parser);
		st.files += w->files;
		st.bytes += w->bytes;
		st.errors += w->errors;
		st.packages += w->packages;
		st.suppressed += w->suppressed;
	}
	st.errors += errors + c.diag_errors;
	if (opts->verbose) {
		size_t gen = 0;

		for (unsigned i = 0; i < jobs; i++)
			gen += c.workers[i].generated;
		if (gen)
			fprintf(stderr, "leakhound: note: skipped %zu generated "
				"file%s (--generated includes them)\n", gen,
				gen == 1 ? "" : "s");
	}
	lh_findings_sort(out);
	lh_findings_fingerprint(out);
	if (stats)
		*stats = st;
	free(c.workers);
	gomod_cache_free(c.mods);
	discover_free(&c.dirs);
	pthread_mutex_destroy(&c.diag_mu);
	pthread_mutex_destroy(&c.budget_mu);
	pthread_cond_destroy(&c.budget_cv);
	free(c.enabled);
	free(c.kinds);
	return LH_OK;
}

enum lh_status lh_scan_source(const struct lh_scan_options *opts,
			      const char *path, const char *src, size_t len,
			      lh_findings *out, struct lh_error *err)
{
	static const struct gomod none; /* no go.mod: newest Go */
	const char *slash = strrchr(path, '/');
	unsigned char *enabled = scan__mask(opts, err);
	unsigned char *kinds;
	struct go_limits lim;
	TSParser *parser;
	struct gofile *f;
	struct gopkg *pkg;
	char *dir;
	lh_findings *found;
	struct suppress_options so = { 0 };
	struct suppress_stats ss = { 0 };

	if (!enabled)
		return LH_ERR;
	kinds = walk_mask(enabled);
	scan__limits(opts, &lim);
	lim.index = kinds;
	parser = ts_parser_new();
	ts_parser_set_language(parser, go_language());
	f = gofile_parse_limited(parser, path, src, len, &lim, err);
	ts_parser_delete(parser);
	if (!f) {
		free(enabled);
		free(kinds);
		return LH_ERR;
	}
	dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	pkg = gopkg_new(dir[0] ? dir : "/", &none);
	free(dir);
	gopkg_add(pkg, f);
	gopkg_index(pkg);
	found = lh_findings_new();
	scan__run_rules(enabled, opts->verbose, found, pkg);
	so.enabled = enabled;
	so.report_unused = opts->report_unused_ignores;
	so.diag = opts->diag;
	so.diag_ctx = opts->diag_ctx;
	suppress_package(pkg, found, 0, &so, &ss);
	gopkg_free(pkg);
	lh_findings_merge(out, found);
	lh_findings_free(found);
	lh_findings_sort(out);
	lh_findings_fingerprint(out);
	free(enabled);
	free(kinds);
	return LH_OK;
}
