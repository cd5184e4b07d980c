/*
 * walk.h - the one shared walk over each file's syntax tree.
 *
 * Parsing already walks every node of every tree once, to reject syntax
 * errors and over-deep nesting (golang/parse.c). That same walk records
 * the nodes of the kinds the enabled analyses registered in walk.c's
 * interest table (gofile.nodes, in source order, with each node's depth
 * and innermost function). An analysis that looks for a few node kinds
 * anywhere in a file visits those records instead of walking the whole
 * tree again with its own cursor; each family pays for its kinds only.
 *
 * Registering is a row in walk.c: the node kinds a rule, or a shared
 * analysis named by its LH_NEED_* bit, visits. A kind nobody registered
 * cannot be visited (LH_BUG), so the table stays complete; a file indexed
 * without a kind a visit needs (the rule was disabled for the parse, a
 * file built by a test) is indexed again, once, with every kind.
 */
#ifndef LH_STATIC_WALK_H
#define LH_STATIC_WALK_H

#include "golang/golang.h"
#include "static/syn.h"

/* The node kinds to record for the rules enabled in `enabled` (registry
 * index -> 1 when on): a mask for go_limits.index. Caller frees with
 * free(). */
unsigned char *walk_mask(const unsigned char *enabled);

/* Most kinds one visit asks for. */
#define WALK_MAX_KINDS 8

/* An iteration over f's records of some kinds, in source order. */
struct walk_iter {
	const struct gofile *f;
	const uint32_t *at[WALK_MAX_KINDS], *end[WALK_MAX_KINDS];
	size_t nk;
	uint32_t stop; /* positions in f->nodes before this one */
};

/* Starts an iteration over f's records of the kinds in `kinds` (a list
 * ending with 0, at most WALK_MAX_KINDS): makes sure f's records hold
 * them. Borrowed: valid until f is freed. */
void walk_iter_file(struct walk_iter *it, struct gofile *f,
		    const TSSymbol *kinds);
/* The next record, in source order, or NULL at the end. */
const struct gonode *walk_next(struct walk_iter *it);

/* Visits f's nodes of the kinds in `kinds` (a list ending with 0) at depth
 * <= max_depth below the root, in source order, calling w->enter: the same
 * calls, in the same order, as syn_walk over the root of f with an enter
 * that ignores (returns true for) every other kind; a false return skips
 * the visited nodes inside that node. w->leave must be NULL. */
void walk_file(struct gofile *f, const TSSymbol *kinds, unsigned max_depth,
	       const struct syn_walker *w);

/* The same for the body of fn (a function_declaration,
 * method_declaration or func_literal of f): like syn_walk(go_field(fn,
 * f_body), w) with an enter that ignores every other kind; depths are
 * counted from the body. */
void walk_fn_body(struct gofile *f, GNode fn, const TSSymbol *kinds,
	       unsigned max_depth, const struct syn_walker *w);

/* Makes sure f's records (f->nodes) hold every kind of kinds (a list
 * ending with 0, of any length), for a caller that reads f->nodes itself. */
void walk_prepare(struct gofile *f, const TSSymbol *kinds);

/* The innermost function_declaration, method_declaration or func_literal
 * around record e of f (e itself excluded), or a null node. */
GNode walk_func(const struct gofile *f, const struct gonode *e);

#endif /* LH_STATIC_WALK_H */
