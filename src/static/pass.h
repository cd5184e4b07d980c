/*
 * pass.h - what a static rule is run on, and how it reports.
 *
 * The scan driver builds one struct lh_pass per package and rule and calls
 * the rule's run(). Shared analyses (scopes, obligations, channel facts)
 * are computed once per package and cached in pkg->facts[] by the module
 * that owns them; a rule asks that module for them and never re-walks the
 * tree for what another analysis already computed.
 */
#ifndef LH_STATIC_PASS_H
#define LH_STATIC_PASS_H

#include "golang/golang.h"

/* Slots of gopkg.facts[] - one per shared analysis. */
enum { LH_FACT_SCOPES, LH_FACT_OBLIGATIONS, LH_FACT_CHANNELS, LH_FACT_PKG,
       LH_FACT_SUMMARIES, LH_FACT_SLOTS };

struct lh_pass {
	struct gopkg *pkg;
	const struct lh_rule *rule; /* the rule being run */
	lh_findings *out;
	const unsigned char *enabled; /* by registry index; 1 = on */
	bool verbose;
};

/* True when rule r is enabled for this run (families that report several
 * rule ids from one analysis ask before reporting each). */
bool pass_enabled(const struct lh_pass *p, const struct lh_rule *r);

/* Reports a finding of rule r at node n of file f. The message is
 * formatted. Returns the finding so steps can be added; NULL when r is
 * disabled. Borrowed: valid until p->out changes. */
struct lh_finding *pass_report(struct lh_pass *p, const struct lh_rule *r,
			       struct gofile *f, TSNode n, const char *fmt,
			       ...) LH_PRINTF(5, 6);
/* Appends a step of the leaking path at node n: "returns at line 42". */
void pass_step(struct lh_pass *p, struct lh_finding *fd, struct gofile *f,
	       TSNode n, const char *fmt, ...) LH_PRINTF(5, 6);
/* Sets specific fix advice (copied). */
void pass_fix(struct lh_pass *p, struct lh_finding *fd, const char *fmt, ...)
	LH_PRINTF(3, 4);
/* Adds a mechanical edit: replace bytes [start,end) of f with text. */
void pass_edit(struct lh_pass *p, struct lh_finding *fd, struct gofile *f,
	       uint32_t start, uint32_t end, const char *text);

/* Name of the function or method enclosing n ("Client.Get", "main",
 * "fetch.func1"), or NULL. Allocated in the package arena. */
const char *pass_func_name(struct gofile *f, TSNode n);

/* Registry index of rule r (position in lh_rule_at order). */
size_t lh_rule_index(const struct lh_rule *r);

#endif /* LH_STATIC_PASS_H */
