/*
 * parent.c - go_parent(): the parent of a node, found from the file's
 * top-level declaration around it.
 *
 * tree-sitter 0.20's gn_parent() descends from the root, visiting
 * every top-level declaration before the one that holds the node: in a
 * file of hundreds of declarations that walk is most of its cost, and a
 * climb of k levels pays it k times. The checking walk already keeps the
 * root's named children in source order (gofile.top): a binary search
 * finds the declaration, and the descent starts there.
 */
#include "golang/golang.h"

GNode go_parent(const struct gofile *f, GNode n)
{
	GNode at, top;
	uint32_t start, end;
	size_t lo = 0, hi;

	if (gn_is_null(n) || !f || n.tree != f->tree || !f->top.len)
		return gn_is_null(n) ? n : gn_parent(n);
	start = gn_start_byte(n);
	end = gn_end_byte(n);
	/* a node of no width does not say by its bytes which of its
	 * neighbours holds it */
	if (start == end)
		return gn_parent(n);
	/* the last top-level node starting at or before n */
	hi = f->top.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (gn_start_byte(f->top.items[mid]) <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return gn_parent(n);
	top = f->top.items[lo - 1];
	if (gn_end_byte(top) < end)
		return gn_parent(n); /* n is no declaration's (the root) */
	if (top.id == n.id)
		return go_root(f);
	/* gn_parent()'s descent: the child holding n at each level is
	 * the first that ends after n's start (those before it end at or
	 * before its start, n having a width) */
	at = top;
	for (;;) {
		GNode ch = gn_first_child_for_byte(at, start);

		if (gn_is_null(ch) || gn_start_byte(ch) > start ||
		    gn_end_byte(ch) < end)
			return gn_parent(n); /* not below top after all */
		if (ch.id == n.id && gn_start_byte(ch) == start)
			break;
		at = ch;
	}
	return at;
}
