/*
 * suppress.h - in-source suppressions, applied while a package's source is
 * loaded (the static scan calls suppress_package() after the rules ran on
 * the package and before it is freed).
 *
 *   resp, err := http.Get(u) //leakhound:ignore LH702 closed by the caller
 *
 *   //leakhound:ignore LH702,LH201 handed to the pool, which closes it
 *   resp, err := http.Get(u)
 *
 * A `//leakhound:ignore IDS REASON` comment silences the findings of those
 * rule ids on its own line or, when the comment stands alone on its line,
 * on the next line. The reason is required and the ids must be known
 * rules: a malformed directive is an input error (the scan exits 2) and
 * silences nothing.
 *
 * For golangci-lint users, `//nolint`, `//nolint:all`, `//nolint:leakhound`
 * and `//nolint:a,leakhound,b` silence every leakhound finding on their
 * line; alone on a line, they cover the statement or declaration that
 * follows (as golangci-lint does), e.g. a whole function.
 */
#ifndef LH_REPORT_SUPPRESS_H
#define LH_REPORT_SUPPRESS_H

#include "golang/golang.h"

struct suppress_options {
	const unsigned char *enabled; /* by registry index, or NULL = all */
	bool report_unused;	      /* add an LH001 finding per directive
				       * that silenced nothing */
	/* Looks up a directive's rule id; NULL = lh_rule_find (tests pass
	 * their own rules). */
	const struct lh_rule *(*find)(const char *id);
	lh_diag_fn diag;	      /* malformed directives */
	void *diag_ctx;
};

struct suppress_stats {
	size_t suppressed; /* findings removed */
	size_t errors;	   /* malformed directives reported */
};

/* Applies the directives in pkg's files to findings [first, end) of out
 * (the ones the rules just reported on pkg): silenced findings are
 * removed; with report_unused, unused directives become findings. */
void suppress_package(struct gopkg *pkg, lh_findings *out, size_t first,
		      const struct suppress_options *o,
		      struct suppress_stats *st);

/* The descriptor of "ignore directive silences nothing" findings (LH001,
 * not a registered rule: it cannot be enabled, disabled or ignored). */
extern const struct lh_rule lh_rule_unused_ignore;

#endif /* LH_REPORT_SUPPRESS_H */
