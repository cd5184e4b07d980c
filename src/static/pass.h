/*
 * pass.h - what a static rule is run on, and how it reports.
 *
 * The scan driver builds one struct lh_pass per package and rule and calls
 * the rule's run(). Shared analyses (scopes, obligations, channel facts)
 * are computed once per package and cached in pkg->facts[] by the module
 * that owns them; a rule asks that module for them and never re-walks the
 * tree for what another analysis already computed. Node kinds a rule or
 * analysis looks for are recorded by the one walk parsing already does
 * (walk.h): register them in walk.c and visit the records. A family's
 * run() runs only when one of its ids is enabled (lh_rule.run_by).
 */
#ifndef LH_STATIC_PASS_H
#define LH_STATIC_PASS_H

#include "golang/golang.h"

/* Slots of gopkg.facts[] - one per shared analysis. */
enum { LH_FACT_SCOPES, LH_FACT_OBLIGATIONS, LH_FACT_CHANNELS, LH_FACT_PKG,
       LH_FACT_SUMMARIES, LH_FACT_BIGVAL, LH_FACT_XPKG, LH_FACT_SLOTS };

struct lh_pass {
	struct gopkg *pkg;
	const struct lh_rule *rule; /* the rule being run */
	lh_findings *out;
	const unsigned char *enabled; /* by registry index; 1 = on */
	bool verbose;
	/* the timer semantics of pkg (pass_timers), computed once */
	struct gomod timers;
	bool timers_known;
};

/* True when timers and tickers nobody references are collected in pkg:
 * its go.mod (gomod_timers_collected), then the //go:debug directives of
 * package main, which decide for the program. Without a go.mod the newest
 * Go is assumed and, under --verbose, said once per package. why (when
 * not NULL) receives the reason they are not: "go 1.19 < 1.23". */
bool pass_timers_collected(struct lh_pass *p, char *why, size_t n);

/* True when rule r is enabled for this run (families that report several
 * rule ids from one analysis ask before reporting each). */
bool pass_enabled(const struct lh_pass *p, const struct lh_rule *r);

/* Reports a finding of rule r at node n of file f. The message is
 * formatted. Returns the finding so steps can be added; NULL when r is
 * disabled. Borrowed: valid until p->out changes. */
struct lh_finding *pass_report(struct lh_pass *p, const struct lh_rule *r,
			       struct gofile *f, GNode n, const char *fmt,
			       ...) LH_PRINTF(5, 6);
/* Appends a step of the leaking path at node n: "returns at line 42". */
void pass_step(struct lh_pass *p, struct lh_finding *fd, struct gofile *f,
	       GNode n, const char *fmt, ...) LH_PRINTF(5, 6);
/* Sets specific fix advice (copied). */
void pass_fix(struct lh_pass *p, struct lh_finding *fd, const char *fmt, ...)
	LH_PRINTF(3, 4);
/*
 * Mechanical fixes (`leakhound scan --fix`, `--diff`, SARIF `fixes`).
 *
 * An edit replaces bytes [start, end) of the file with text; an insertion
 * has start == end. All edits of one finding are applied together or not
 * at all; a finding whose edit overlaps another finding's is skipped, so
 * keep edits small and local. Attach one only when the fix is certain: the
 * same release the rule's advice names, on the very variable, with nothing
 * else to decide (not when the release must go on a path the rule cannot
 * see, nor when the resource is returned or stored).
 *
 * The fixed file must stay gofmt-clean and build:
 *  - Insert whole statements on their own line: start the text with "\n"
 *    and the indentation, and insert at the end of a statement (the byte
 *    after its last character), never in the middle of a line.
 *  - Indent with tabs, exactly as the statement you insert after: copy the
 *    leading white space of that statement's line (pass_edit_after_stmt()
 *    does this for you). gofmt accepts nothing else.
 *  - For a release after an error check, insert after the whole
 *    `if err != nil { ... }` statement (its closing brace), not after the
 *    call: on the error path the resource is nil.
 *
 *        resp, err := http.Get(url)
 *        if err != nil {
 *            return err
 *        }                            <- insert here: "\n\tdefer resp.Body.Close()"
 *
 *    When there is no error check, insert after the creating statement.
 *  - Never leave a name unused or a new import needed: `defer t.Stop()`,
 *    `defer cancel()`, `defer f.Close()` use what is in scope already. A
 *    fix that needs an import is not mechanical: give advice instead.
 *  - Replacing an expression (`make(chan T)` -> `make(chan T, 1)`) keeps
 *    the tokens gofmt would write: one space after a comma.
 * The end-to-end suite applies --fix to every golden case with an edit and
 * checks `go build`, `gofmt -l` and a re-scan.
 */

/* Adds a mechanical edit: replace bytes [start,end) of f with text. */
void pass_edit(struct lh_pass *p, struct lh_finding *fd, struct gofile *f,
	       uint32_t start, uint32_t end, const char *text);
/* Inserts `stmt` (one statement, no newline, e.g. "defer resp.Body.Close()")
 * on a new line after statement node n, indented like n's line. */
void pass_edit_after_stmt(struct lh_pass *p, struct lh_finding *fd,
			  struct gofile *f, GNode n, const char *stmt);

/* Name of the function or method enclosing n ("Client.Get", "main",
 * "fetch.func1"), or NULL. Allocated in the package arena. */
const char *pass_func_name(struct gofile *f, GNode n);

/* Registry index of rule r (position in lh_rule_at order). */
size_t lh_rule_index(const struct lh_rule *r);

#endif /* LH_STATIC_PASS_H */
