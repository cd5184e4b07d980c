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

/* Makes sure f's records hold every kind of `kinds` (a list ending with
 * 0) and returns them. Borrowed: valid until f is freed. */
const struct gonode *walk_nodes(struct gofile *f, const TSSymbol *kinds,
				size_t *n);

/* Visits f's nodes of the kinds in `kinds` (a list ending with 0) at depth
 * <= max_depth below the root, in source order, calling w->enter: the same
 * calls, in the same order, as syn_walk over the root of f with an enter
 * that ignores (returns true for) every other kind; a false return skips
 * the visited nodes inside that node. w->leave must be NULL. */
void walk_file(struct gofile *f, const TSSymbol *kinds, unsigned max_depth,
	       const struct syn_walker *w);

/* The innermost function_declaration, method_declaration or func_literal
 * around record e of f (e itself excluded), or a null node. */
TSNode walk_func(const struct gofile *f, const struct gonode *e);

#endif /* LH_STATIC_WALK_H */
