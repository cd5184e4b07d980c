/*
 * parse.c - load and parse Go files with tree-sitter; build the package
 * index (imports, package-level declarations).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "golang/golang.h"

/* tree-sitter's ts_builtin_sym_error, not in its public header */
#define GOFILE_SYM_ERROR ((TSSymbol)-1)

/* ---------------------------------------------------------------- files */

/* The line starts, found with memchr (a byte loop costs ~13 instructions
 * a byte, a tenth of a std scan's work outside tree-sitter and rules). */
static void gofile__lines(struct gofile *f)
{
	const char *s = f->src, *end = f->src + f->len, *nl;
	uint32_t n = 1;

	for (const char *p = s; (nl = memchr(p, '\n', (size_t)(end - p)));
	     p = nl + 1)
		n++;
	f->line_starts = xmalloc(n * sizeof(*f->line_starts));
	f->line_starts[0] = 0;
	f->nlines = 1;
	for (const char *p = s; (nl = memchr(p, '\n', (size_t)(end - p)));
	     p = nl + 1)
		f->line_starts[f->nlines++] = (uint32_t)(nl + 1 - s);
}

/* 1-based line and byte column of offset off in src. */
static void gofile__linecol(const char *src, size_t off, uint32_t *line,
			    uint32_t *col)
{
	size_t start = 0;

	*line = 1;
	for (size_t i = 0; i < off; i++) {
		if (src[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	}
	*col = (uint32_t)(off - start + 1);
}

/* What the Go compiler refuses before parsing: NUL bytes and invalid UTF-8
 * (https://go.dev/ref/spec#Source_code_representation). */
static enum lh_status gofile__check_text(const char *path, const char *src,
					 size_t len, struct lh_error *err)
{
	const char *nul = memchr(src, '\0', len);
	size_t bad = str_utf8_invalid(src, len);
	uint32_t line, col;

	if (nul && (size_t)(nul - src) <= bad) {
		gofile__linecol(src, (size_t)(nul - src), &line, &col);
		return lh_fail(err, path,
			       "cannot parse: NUL byte at line %u, column %u",
			       line, col);
	}
	if (bad < len) {
		gofile__linecol(src, bad, &line, &col);
		return lh_fail(err, path,
			       "cannot parse: invalid UTF-8 at line %u, column %u",
			       line, col);
	}
	return LH_OK;
}

uint32_t go_symbol_count(void)
{
	return ts_language_symbol_count(go_language());
}

static void gofile__record(struct gofile *f, GNode n, TSSymbol s,
			   uint32_t depth, uint32_t func)
{
	/* saturated: past any depth a walker visits (scan caps trees at
	 * 32768 levels) */
	struct gonode e = { n, (uint16_t)LH_MIN(depth, UINT16_MAX), s, func };

	VEC_PUSH(&f->nodes, e);
}

/* Groups the records by kind (a counting sort: stable). */
static void gofile__by_kind(struct gofile *f, uint32_t nsyms)
{
	uint32_t *start = xcalloc((size_t)nsyms + 1, sizeof(*start));
	uint32_t *at = xmalloc((f->nodes.len + 1) * sizeof(*at));

	for (size_t i = 0; i < f->nodes.len; i++)
		start[f->nodes.items[i].sym + 1]++;
	for (uint32_t s = 0; s < nsyms; s++)
		start[s + 1] += start[s];
	for (size_t i = 0; i < f->nodes.len; i++)
		at[start[f->nodes.items[i].sym]++] = (uint32_t)i;
	/* start[s] now ends kind s: shift back */
	memmove(start + 1, start, nsyms * sizeof(*start));
	start[0] = 0;
	f->by_kind = at;
	f->kind_start = start;
}

static bool gofile__is_func(const struct go_syms *g, TSSymbol s)
{
	return s == g->function_declaration || s == g->method_declaration ||
	       s == g->func_literal;
}

/* Per symbol: GOFILE_NAMED (a regular symbol of the grammar, as
 * ts_node_is_named() says of a node of that symbol, aliases resolved),
 * GOFILE_FIELDS (its children may carry fields), GOFILE_ANON_FIELDS (its
 * anonymous children too). Asking the cursor for a field costs ~120
 * instructions a node: the walk asks only where one may be. */
enum { GOFILE_NAMED = 1, GOFILE_FIELDS = 2, GOFILE_ANON_FIELDS = 4 };
static unsigned char *gofile__symtab;
static pthread_once_t gofile__symtab_once = PTHREAD_ONCE_INIT;

/* The node types with fields, from the pinned grammar's node-types.json
 * (inherited fields included: it lists them on the visible node):
 *   python3 -c 'import json; print(sorted(t["type"] for t in
 *     json.load(open("build/grammar/src/node-types.json")) if t.get("fields")))'
 * and those with a field on an anonymous child (operators; the commas of
 * a const_spec's names and of a type_case's types). A type missing here
 * would lose its fields: tests/unit/test_gtree.c compares every node's
 * field with tree-sitter's. */
static const char *const gofile__with_fields[] = {
	"array_type", "assignment_statement", "binary_expression",
	"call_expression", "channel_type", "communication_case",
	"composite_literal", "const_spec", "expression_case",
	"expression_switch_statement", "field_declaration", "for_clause",
	"for_statement", "func_literal", "function_declaration",
	"function_type", "generic_type", "if_statement",
	"implicit_length_array_type", "import_spec", "index_expression",
	"keyed_element", "labeled_statement", "map_type",
	"method_declaration", "method_elem", "parameter_declaration",
	"qualified_type", "range_clause", "receive_statement",
	"selector_expression", "send_statement", "short_var_declaration",
	"slice_expression", "slice_type", "type_alias",
	"type_assertion_expression", "type_case", "type_conversion_expression",
	"type_instantiation_expression", "type_parameter_declaration",
	"type_spec", "type_switch_statement", "unary_expression", "var_spec",
	"variadic_parameter_declaration",
};
static const char *const gofile__anon_fields[] = {
	"assignment_statement", "binary_expression", "const_spec",
	"type_case", "unary_expression",
};

static void gofile__symtab_mark(const char *const *names, size_t n,
				unsigned char bit)
{
	for (size_t i = 0; i < n; i++) {
		TSSymbol s = ts_language_symbol_for_name(
			go_language(), names[i], (uint32_t)strlen(names[i]),
			true);

		if (!s)
			LH_BUG("the grammar has no node type listed as having "
			       "fields");
		gofile__symtab[s] |= bit;
	}
}

static void gofile__symtab_init(void)
{
	uint32_t n = go_symbol_count();

	gofile__symtab = xcalloc(n, 1);
	for (uint32_t s = 0; s < n; s++) {
		if (ts_language_symbol_type(go_language(), (TSSymbol)s) ==
		    TSSymbolTypeRegular)
			gofile__symtab[s] |= GOFILE_NAMED;
	}
	gofile__symtab_mark(gofile__with_fields,
			    ARRAY_SIZE(gofile__with_fields), GOFILE_FIELDS);
	gofile__symtab_mark(gofile__anon_fields,
			    ARRAY_SIZE(gofile__anon_fields),
			    GOFILE_ANON_FIELDS);
}

/* Copies tree-sitter's tree into f->tree (golang.h, "trees") in one
 * pre-order walk without recursion, and keeps the root's named children
 * in f->top. Fails at the first ERROR or MISSING node, or at the first
 * node nested deeper than max_depth (every recursive walker downstream
 * relies on that bound; see docs/limits.md), whichever comes first in the
 * file. */
static enum lh_status gofile__flatten(struct gofile *f, TSTree *tree,
				      uint32_t max_depth,
				      struct lh_error *err)
{
	TSNode root = ts_tree_root_node(tree);
	TSTreeCursor c = ts_tree_cursor_new(root);
	enum lh_status st = LH_OK;
	uint32_t depth = 0;
	/* only a tree with an error below its root holds ERROR or MISSING
	 * nodes: the per-node test is skipped for the others */
	bool errors = ts_node_has_error(root);
	VEC(struct gnrec) recs = VEC_INIT;
	/* per level: the node there (position + 1) and the last child seen
	 * below it */
	VEC(uint32_t) path = VEC_INIT;
	VEC(uint32_t) last = VEC_INIT;
	/* per level: the siblings still to visit after the current node. The
	 * cursor's failing goto_next_sibling after a last child costs as much
	 * as a step (it rebuilds the parent's child iterator, then the
	 * grandparent's); knowing the count, the walk climbs without it, and
	 * does not ask a leaf for a first child */
	VEC(uint32_t) left = VEC_INIT;
	struct gtree *t = xcalloc(1, sizeof(*t));
	uint32_t nsyms = go_symbol_count();

	pthread_once(&gofile__symtab_once, gofile__symtab_init);
	/* ~1 node per 4 bytes of Go: one allocation mostly, trimmed below */
	VEC_GROW(&recs, f->len / 4 + 16);
	f->deepest = 0;
	f->top.len = 0;
	VEC_PUSH(&left, 0);
	VEC_PUSH(&path, 0);
	VEC_PUSH(&last, 0);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		struct gnrec r;
		uint32_t id = (uint32_t)recs.len + 1;

		r.sym = ts_node_symbol(n);
		if (errors && (ts_node_is_missing(n) ||
			       r.sym == GOFILE_SYM_ERROR)) {
			TSPoint p = ts_node_start_point(n);

			st = lh_fail(err, f->path,
				     "cannot parse: syntax error at line %u, "
				     "column %u", p.row + 1, p.column + 1);
			break;
		}
		if (depth > f->deepest)
			f->deepest = depth;
		if (depth > max_depth) {
			TSPoint p = ts_node_start_point(n);

			st = lh_fail(err, f->path,
				     "cannot parse: nesting deeper than %u "
				     "levels at line %u, column %u",
				     max_depth, p.row + 1, p.column + 1);
			break;
		}
		r.start = ts_node_start_byte(n);
		r.end = ts_node_end_byte(n);
		r.row = ts_node_start_point(n).row;
		r.nkids = ts_node_child_count(n);
		r.nnamed = 0;
		r.next = 0;
		r.flags = r.sym < nsyms &&
				  (gofile__symtab[r.sym] & GOFILE_NAMED) ?
			  GN_NAMED : 0;
		r.field = 0;
		r.parent = 0;
		if (depth) {
			unsigned char up;

			r.parent = path.items[depth - 1];
			up = gofile__symtab[recs.items[r.parent - 1].sym];
			if ((up & GOFILE_FIELDS) &&
			    ((r.flags & GN_NAMED) || (up & GOFILE_ANON_FIELDS))) {
				TSFieldId fid =
					ts_tree_cursor_current_field_id(&c);

				if (fid > UINT8_MAX)
					LH_BUG("a field id past 255");
				r.field = (uint8_t)fid;
			}
			if (last.items[depth])
				recs.items[last.items[depth] - 1].next = id;
			last.items[depth] = id;
			if (r.flags & GN_NAMED)
				recs.items[r.parent - 1].nnamed++;
		}
		VEC_PUSH(&recs, r);
		if (depth == 1 && (r.flags & GN_NAMED))
			VEC_PUSH(&f->top, gn__at(t, id));
		/* the cursor visits the visible children, as counted here */
		if (r.nkids && ts_tree_cursor_goto_first_child(&c)) {
			if (path.len <= depth)
				VEC_PUSH(&path, id);
			else
				path.items[depth] = id;
			depth++;
			if (left.len <= depth) {
				VEC_PUSH(&left, r.nkids - 1);
				VEC_PUSH(&last, 0);
			} else {
				left.items[depth] = r.nkids - 1;
				last.items[depth] = 0;
			}
			continue;
		}
		while (!left.items[depth]) {
			if (!depth)
				goto done;
			ts_tree_cursor_goto_parent(&c);
			depth--;
		}
		left.items[depth]--;
		if (!ts_tree_cursor_goto_next_sibling(&c))
			LH_BUG("a node has fewer children than it counts");
	}
done:
	ts_tree_cursor_delete(&c);
	VEC_FREE(&path);
	VEC_FREE(&last);
	VEC_FREE(&left);
	if (recs.len < recs.cap)
		recs.items = xrealloc(recs.items,
				      LH_MAX(recs.len, 1) * sizeof(*recs.items));
	t->n = recs.items;
	t->len = (uint32_t)recs.len;
	t->line_starts = f->line_starts;
	t->nlines = f->nlines;
	f->tree = t;
	return st;
}

/* Records f's nodes of the kinds in mask (NULL: none) in f->nodes, with
 * their depths and innermost functions: the one pass over every node that
 * the analyses share (static/walk.h). A pass over the flat array: it costs
 * what recording during the flattening walk cost (measured). */
static void gofile__walk(struct gofile *f, const unsigned char *mask)
{
	const struct gtree *t = f->tree;
	uint32_t nsyms = go_symbol_count();
	const struct go_syms *g = GS;
	/* per node: its depth, and the innermost function entry around its
	 * children */
	uint32_t *dep, *up;

	f->nodes.len = 0;
	f->index_mask = mask;
	free(f->by_kind);
	free(f->kind_start);
	f->by_kind = f->kind_start = NULL;
	if (!mask || !t->len)
		return;
	dep = xmalloc(t->len * sizeof(*dep));
	up = xmalloc(t->len * sizeof(*up));
	for (uint32_t i = 0; i < t->len; i++) {
		const struct gnrec *r = &t->n[i];
		uint32_t d = r->parent ? dep[r->parent - 1] + 1 : 0;
		uint32_t u = r->parent ? up[r->parent - 1] : 0;

		dep[i] = d;
		if (gofile__is_func(g, r->sym)) {
			gofile__record(f, gn__at(t, i + 1), r->sym, d, u);
			u = (uint32_t)f->nodes.len;
		} else if (r->sym < nsyms && mask[r->sym]) {
			gofile__record(f, gn__at(t, i + 1), r->sym, d, u);
		}
		up[i] = u;
	}
	free(dep);
	free(up);
	gofile__by_kind(f, nsyms);
}

void gofile_index(struct gofile *f, const unsigned char *mask)
{
	if (f->index_mask != mask)
		gofile__walk(f, mask);
}

/* The package clause, which tree-sitter does not require but Go does. */
static enum lh_status gofile__check_package(struct gofile *f,
					    struct lh_error *err)
{
	for (size_t i = 0; i < f->top.len; i++) {
		GNode c = f->top.items[i];

		if (gn_symbol(c) == GS->package_clause)
			return LH_OK;
		if (gn_symbol(c) != GS->comment)
			break;
	}
	if (f->len == 0)
		return lh_fail(err, f->path,
			       "cannot parse: empty file, no package clause");
	return lh_fail(err, f->path, "cannot parse: no package clause");
}

/* Parses src[0..len) (NUL-terminated, taken over: freed on failure too). */
static struct gofile *gofile__parse(TSParser *parser, const char *path,
				    char *src, size_t len,
				    const struct go_limits *lim,
				    struct lh_error *err)
{
	struct go_limits dflt = GO_LIMITS_DEFAULT;
	struct gofile *f;
	TSTree *tree;
	enum lh_status st;

	if (!lim)
		lim = &dflt;
	if (len >= UINT32_MAX || (lim->max_file_size &&
				  len > lim->max_file_size)) {
		lh_fail(err, path, "file is larger than the limit of %zu bytes",
			LH_MIN(lim->max_file_size, (size_t)UINT32_MAX - 1));
		free(src);
		return NULL;
	}
	if (gofile__check_text(path, src, len, err) != LH_OK) {
		free(src);
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->src = src;
	f->len = len;
	f->is_test = str_has_suffix(path, "_test.go");
	gofile__lines(f);
	go_tsalloc_link();
	ts_parser_reset(parser);
	tree = ts_parser_parse_string(parser, NULL, f->src, (uint32_t)len);
	if (!tree) {
		lh_fail(err, path, "cannot parse: parser gave up");
		gofile_free(f);
		return NULL;
	}
	/* tree-sitter's tree is deleted at once, while its nodes are still
	 * in the cache: everything downstream reads the flat copy */
	st = gofile__flatten(f, tree, lim->max_depth, err);
	ts_tree_delete(tree);
	if (st != LH_OK || gofile__check_package(f, err) != LH_OK) {
		gofile_free(f);
		return NULL;
	}
	gofile__walk(f, lim->index);
	return f;
}

struct gofile *gofile_parse_limited(TSParser *parser, const char *path,
				    const char *src, size_t len,
				    const struct go_limits *lim,
				    struct lh_error *err)
{
	return gofile__parse(parser, path, xstrndup(src, len), len, lim, err);
}

struct gofile *gofile_parse(TSParser *parser, const char *path,
			    const char *src, size_t len, struct lh_error *err)
{
	return gofile__parse(parser, path, xstrndup(src, len), len, NULL, err);
}

/* Reads a Go file: a regular file only (a FIFO or device named x.go would
 * block or never end), opened without blocking, at most max bytes. */
static enum lh_status gofile__read(struct buf *b, const char *path,
				   struct lh_error *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	ssize_t n;

	if (fd < 0)
		return lh_fail(err, path, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return lh_fail(err, path, "cannot read: not a regular file");
	}
	if (b->max && (uint64_t)st.st_size > b->max) {
		close(fd);
		return lh_fail(err, path,
			       "file is larger than the limit of %zu bytes",
			       b->max);
	}
	/* straight into the buffer, sized by fstat; a file that grows
	 * meanwhile still reads whole, within b->max */
	if (!buf_reserve(b, (size_t)st.st_size)) {
		close(fd);
		return lh_fail(err, path,
			       "file is larger than the limit of %zu bytes",
			       b->max);
	}
	for (;;) {
		size_t room = b->cap - b->len - 1;
		char probe;

		/* full: the end, or more than the size said */
		n = room ? read(fd, b->data + b->len, room) :
			   read(fd, &probe, 1);
		if (n == 0)
			break;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			close(fd);
			return lh_fail(err, path, "cannot read: %s",
				       strerror(e));
		}
		if (!room) {
			if (!buf_add(b, &probe, 1)) {
				close(fd);
				return lh_fail(err, path,
					       "file is larger than the limit "
					       "of %zu bytes", b->max);
			}
			continue;
		}
		b->len += (size_t)n;
		b->data[b->len] = '\0';
	}
	close(fd);
	return LH_OK;
}

bool go_src_generated(const char *src, size_t len)
{
	const char *s = src, *end = src + len;
	static const char pre[] = "// Code generated ", suf[] = " DO NOT EDIT.";

	while (s < end) {
		const char *eol = memchr(s, '\n', (size_t)(end - s));
		size_t n;

		if (!eol)
			eol = end;
		n = (size_t)(eol - s);
		if (n && s[n - 1] == '\r')
			n--;
		if (n >= sizeof(pre) - 1 + sizeof(suf) - 1 &&
		    memcmp(s, pre, sizeof(pre) - 1) == 0 &&
		    memcmp(s + n - (sizeof(suf) - 1), suf, sizeof(suf) - 1) == 0)
			return true;
		if (n >= 7 && memcmp(s, "package", 7) == 0)
			return false;
		s = eol + 1;
	}
	return false;
}

struct gofile *gofile_load(TSParser *parser, const char *path,
			   const struct go_limits *lim, struct lh_error *err)
{
	return gofile_load_code(parser, path, lim, NULL, err);
}

struct gofile *gofile_load_code(TSParser *parser, const char *path,
				const struct go_limits *lim, bool *generated,
				struct lh_error *err)
{
	struct go_limits dflt = GO_LIMITS_DEFAULT;
	struct buf b;
	struct gofile *f;
	size_t len;

	if (!lim)
		lim = &dflt;
	buf_init(&b, LH_MIN(lim->max_file_size, (size_t)UINT32_MAX - 1));
	if (gofile__read(&b, path, err) != LH_OK) {
		buf_release(&b);
		return NULL;
	}
	if (generated) {
		*generated = go_src_generated(b.data ? b.data : "", b.len);
		if (*generated) {
			buf_release(&b);
			return NULL;
		}
	}
	/* the buffer becomes the file's source: one copy of a big file */
	len = b.len;
	f = gofile__parse(parser, path, buf_detach(&b, NULL), len, lim, err);
	return f;
}

void gofile_free(struct gofile *f)
{
	if (!f)
		return;
	if (f->tree) {
		free(f->tree->n);
		free(f->tree);
	}
	VEC_FREE(&f->nodes);
	VEC_FREE(&f->top);
	free(f->by_kind);
	free(f->kind_start);
	free(f->imports);
	free(f->line_starts);
	free(f->src);
	free(f->path);
	free(f);
}

/* ---------------------------------------------------------------- packages */

struct gopkg *gopkg_new(const char *dir, const struct gomod *mod)
{
	struct gopkg *p = xcalloc(1, sizeof(*p));

	p->dir = xstrdup(dir);
	p->mod = mod;
	arena_init(&p->arena);
	map_init(&p->decls);
	return p;
}

void gopkg_add(struct gopkg *p, struct gofile *f)
{
	p->files = xrealloc(p->files, (p->nfiles + 1) * sizeof(*p->files));
	p->files[p->nfiles++] = f;
	f->pkg = p;
}

void gopkg_free(struct gopkg *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nfiles; i++)
		gofile_free(p->files[i]);
	free(p->files);
	map_release(&p->decls);
	VEC_FREE(&p->funcs);
	arena_release(&p->arena);
	free(p->dir);
	free(p);
}

/* Default local name of an import path: its last element, without a
 * "go-" prefix or ".vN" suffix; "x/v2" names x. */
static const char *gopkg__import_name(struct arena *a, const char *path)
{
	const char *end = path + strlen(path), *start;

	for (;;) {
		start = end;
		while (start > path && start[-1] != '/')
			start--;
		if (start > path && end - start >= 2 && start[0] == 'v' &&
		    strspn(start + 1, "0123456789") == (size_t)(end - start - 1)) {
			end = start - 1;
			continue;
		}
		break;
	}
	if (end - start > 3 && memcmp(start, "go-", 3) == 0)
		start += 3;
	for (const char *d = start; d < end; d++) {
		if (*d == '.') {
			end = d;
			break;
		}
	}
	return arena_strndup(a, start, (size_t)(end - start));
}

/* The string value of an interpreted or raw string literal (no escapes
 * processed: import paths have none). Allocated in the package arena. */
static const char *gopkg__string(struct gofile *f, GNode lit)
{
	size_t len;
	const char *s = go_text(f, lit, &len);

	if (len >= 2)
		return arena_strndup(&f->pkg->arena, s + 1, len - 2);
	return "";
}

static void gopkg__imports(struct gofile *f, GNode decl)
{
	const struct go_syms *g = GS;
	uint32_t n = gn_named_child_count(decl);

	for (uint32_t i = 0; i < n; i++) {
		GNode c = gn_named_child(decl, i);

		if (gn_symbol(c) == g->import_spec_list) {
			gopkg__imports(f, c);
		} else if (gn_symbol(c) == g->import_spec) {
			GNode path = go_field(c, f_path);
			GNode name = go_field(c, f_name);
			struct goimport *im;

			if (gn_is_null(path))
				continue;
			f->imports = f->nimports % 8 ? f->imports :
				xrealloc(f->imports, (f->nimports + 8) *
						     sizeof(*f->imports));
			im = &f->imports[f->nimports++];
			im->path = gopkg__string(f, path);
			im->name = gn_is_null(name) ?
				gopkg__import_name(&f->pkg->arena, im->path) :
				go_text_dup(f, name);
		}
	}
}

static void gopkg__decl(struct gopkg *p, struct gofile *f,
			enum godecl_kind kind, GNode node, GNode name,
			const char *recv, bool recv_ptr)
{
	struct godecl *d = arena_alloc(&p->arena, sizeof(*d));
	struct map_entry *e;

	d->kind = kind;
	d->file = f;
	d->node = node;
	d->recv = recv;
	d->recv_ptr = recv_ptr;
	if (recv)
		d->name = arena_printf(&p->arena, "%s.%s", recv,
				       go_text_dup(f, name));
	else
		d->name = go_text_dup(f, name);
	if (kind == GODECL_FUNC || kind == GODECL_METHOD)
		VEC_PUSH(&p->funcs, d);
	if (strcmp(d->name, "_") == 0 || strcmp(d->name, "init") == 0)
		return;
	e = map_slot(&p->decls, d->name, strlen(d->name));
	if (!e->value)
		e->value = d;
}

/* Receiver type name of a method declaration: "T" for (t T), (t *T),
 * (t T[K]), (t *T[K]). */
static const char *gopkg__recv(struct gofile *f, GNode method, bool *ptr)
{
	const struct go_syms *g = GS;
	GNode params = go_field(method, f_receiver), pd, t;

	*ptr = false;
	if (gn_is_null(params) || gn_named_child_count(params) == 0)
		return NULL;
	pd = gn_named_child(params, 0);
	t = go_field(pd, f_type);
	while (!gn_is_null(t)) {
		if (gn_symbol(t) == g->pointer_type) {
			*ptr = true;
			t = gn_named_child(t, 0);
		} else if (gn_symbol(t) == g->generic_type) {
			t = go_field(t, f_type);
		} else if (gn_symbol(t) == g->parenthesized_type) {
			t = gn_named_child(t, 0);
		} else {
			break;
		}
	}
	if (gn_is_null(t))
		return NULL;
	return go_text_dup(f, t);
}

/* Calls decl for every `name` field child of a var/const spec. */
static void gopkg__spec_names(struct gopkg *p, struct gofile *f, GNode spec,
			      enum godecl_kind kind)
{
	GCursor c = gc_new(spec);

	if (gc_goto_first_child(&c)) {
		do {
			if (gc_current_field_id(&c) == GS->f_name)
				gopkg__decl(p, f, kind, spec,
					    gc_current_node(&c),
					    NULL, false);
		} while (gc_goto_next_sibling(&c));
	}
	gc_delete(&c);
}

static void gopkg__specs(struct gopkg *p, struct gofile *f, GNode decl)
{
	const struct go_syms *g = GS;
	go_node_vec kids = VEC_INIT;

	go_named_children(decl, &kids);
	for (size_t i = 0; i < kids.len; i++) {
		GNode c = kids.items[i];
		TSSymbol s = gn_symbol(c);

		if (s == g->var_spec_list)
			gopkg__specs(p, f, c);
		else if (s == g->var_spec)
			gopkg__spec_names(p, f, c, GODECL_VAR);
		else if (s == g->const_spec)
			gopkg__spec_names(p, f, c, GODECL_CONST);
		else if (s == g->type_spec || s == g->type_alias)
			gopkg__decl(p, f, GODECL_TYPE, c, go_field(c, f_name),
				    NULL, false);
	}
	VEC_FREE(&kids);
}

static void gopkg__index_file(struct gopkg *p, struct gofile *f)
{
	const struct go_syms *g = GS;
	for (size_t i = 0; i < f->top.len; i++) {
		GNode c = f->top.items[i];
		TSSymbol s = gn_symbol(c);

		if (s == g->package_clause) {
			GNode id = gn_named_child(c, 0);

			if (!gn_is_null(id))
				f->pkgname = go_text_dup(f, id);
		} else if (s == g->import_declaration) {
			gopkg__imports(f, c);
		} else if (s == g->function_declaration) {
			gopkg__decl(p, f, GODECL_FUNC, c, go_field(c, f_name),
				    NULL, false);
		} else if (s == g->method_declaration) {
			bool ptr;
			const char *recv = gopkg__recv(f, c, &ptr);

			if (recv)
				gopkg__decl(p, f, GODECL_METHOD, c,
					    go_field(c, f_name), recv, ptr);
		} else if (s == g->var_declaration || s == g->const_declaration ||
			   s == g->type_declaration) {
			gopkg__specs(p, f, c);
		}
	}
	if (!f->pkgname)
		f->pkgname = "";
}

void gopkg_index(struct gopkg *p)
{
	for (size_t i = 0; i < p->nfiles; i++)
		gopkg__index_file(p, p->files[i]);
}

const struct godecl *gopkg_lookup(const struct gopkg *p, const char *name)
{
	return map_gets(&p->decls, name);
}
