/*
 * gtree.c - queries on a flattened syntax tree (golang.h, "trees") that
 * need more than one record: children by index or field, siblings, the
 * descendant over a byte range, points.
 *
 * Each answers what tree-sitter 0.20's call of the same name answers on
 * the tree the file was parsed into: tree-sitter walks hidden nodes
 * (supertypes, inlined rules) transparently, and the flat tree holds only
 * the nodes its API shows, so a walk over a node's flat children meets
 * the same nodes in the same order. tests/unit/test_gtree.c compares every
 * answer node by node with tree-sitter's.
 */
#include "golang/golang.h"

GNode gn_child(GNode n, uint32_t i)
{
	GNode c = gn__first(n);

	while (!gn_is_null(c) && i--)
		c = gn__next(c);
	return c;
}

GNode gn_named_child(GNode n, uint32_t i)
{
	if (gn_is_null(n) || i >= gn__rec(n)->nnamed)
		return gn__at(NULL, 0);
	for (GNode c = gn__first(n); !gn_is_null(c); c = gn__next(c)) {
		if ((gn__rec(c)->flags & GN_NAMED) && i-- == 0)
			return c;
	}
	return gn__at(NULL, 0);
}

GNode gn_next_named_sibling(GNode n)
{
	if (gn_is_null(n))
		return n;
	for (GNode c = gn__next(n); !gn_is_null(c); c = gn__next(c)) {
		if (gn__rec(c)->flags & GN_NAMED)
			return c;
	}
	return gn__at(NULL, 0);
}

GNode gn_prev_named_sibling(GNode n)
{
	GNode best = gn__at(NULL, 0), p = gn_parent(n);

	if (gn_is_null(p))
		return best;
	for (GNode c = gn__first(p); !gn_is_null(c) && c.id != n.id;
	     c = gn__next(c)) {
		if (gn__rec(c)->flags & GN_NAMED)
			best = c;
	}
	return best;
}

GNode gn_child_by_field_id(GNode n, TSFieldId fid)
{
	if (!fid)
		return gn__at(NULL, 0);
	for (GNode c = gn__first(n); !gn_is_null(c); c = gn__next(c)) {
		if (gn__rec(c)->field == fid)
			return c;
	}
	return gn__at(NULL, 0);
}

/* The first child ending after byte. tree-sitter 0.20 answers null instead
 * when a hidden node with nothing visible after byte comes first (a
 * statement terminator between specs): the one place it differs. */
GNode gn_first_child_for_byte(GNode n, uint32_t byte)
{
	for (GNode c = gn__first(n); !gn_is_null(c); c = gn__next(c)) {
		if (gn__rec(c)->end > byte)
			return c;
	}
	return gn__at(NULL, 0);
}

/* tree-sitter's descent: into the first child that reaches the range's end
 * and passes its start, while that child starts at or before the range */
static GNode gn__descendant(GNode n, uint32_t start, uint32_t end,
			    bool named_only)
{
	GNode last = n;
	bool down = !gn_is_null(n);

	while (down) {
		down = false;
		for (GNode c = gn__first(n); !gn_is_null(c); c = gn__next(c)) {
			const struct gnrec *r = gn__rec(c);

			if (r->end < end || r->end <= start)
				continue;
			if (start < r->start)
				break;
			n = c;
			if (!named_only || (r->flags & GN_NAMED))
				last = c;
			down = true;
			break;
		}
	}
	return last;
}

GNode gn_descendant_for_byte_range(GNode n, uint32_t start, uint32_t end)
{
	return gn__descendant(n, start, end, false);
}

GNode gn_named_descendant_for_byte_range(GNode n, uint32_t start,
					 uint32_t end)
{
	return gn__descendant(n, start, end, true);
}

TSPoint gn_start_point(GNode n)
{
	TSPoint p = { 0, 0 };
	const struct gnrec *r;

	if (gn_is_null(n))
		return p;
	r = gn__rec(n);
	p.row = r->row;
	p.column = r->start - n.tree->line_starts[r->row];
	return p;
}

TSPoint gn_end_point(GNode n)
{
	TSPoint p = { 0, 0 };
	uint32_t end, lo, hi;

	if (gn_is_null(n))
		return p;
	end = gn__rec(n)->end;
	/* the last line starting at or before end */
	lo = gn__rec(n)->row;
	hi = n.tree->nlines;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (n.tree->line_starts[mid] <= end)
			lo = mid;
		else
			hi = mid;
	}
	p.row = lo;
	p.column = end - n.tree->line_starts[lo];
	return p;
}

const char *gn_type(GNode n)
{
	return gn_is_null(n) ? "" :
			       ts_language_symbol_name(go_language(),
						       gn__rec(n)->sym);
}
