/*
 * parse.c - load and parse Go files with tree-sitter; build the package
 * index (imports, package-level declarations).
 */
#include <stdio.h>
#include <stdlib.h>

#include "golang/golang.h"

/* ---------------------------------------------------------------- files */

static void gofile__lines(struct gofile *f)
{
	uint32_t n = 1;

	for (size_t i = 0; i < f->len; i++)
		n += f->src[i] == '\n';
	f->line_starts = xmalloc(n * sizeof(*f->line_starts));
	f->line_starts[0] = 0;
	f->nlines = 1;
	for (size_t i = 0; i < f->len; i++) {
		if (f->src[i] == '\n' && f->nlines < n)
			f->line_starts[f->nlines++] = (uint32_t)(i + 1);
	}
}

/* The first ERROR or MISSING node in document order, or a null node. */
static TSNode gofile__first_error(TSNode n)
{
	TSNode null = { 0 };
	uint32_t count;

	if (ts_node_is_missing(n) || ts_node_symbol(n) == (TSSymbol)-1 ||
	    ts_node_is_null(n))
		return n;
	if (strcmp(ts_node_type(n), "ERROR") == 0)
		return n;
	if (!ts_node_has_error(n))
		return null;
	count = ts_node_child_count(n);
	for (uint32_t i = 0; i < count; i++) {
		TSNode e = gofile__first_error(ts_node_child(n, i));

		if (!ts_node_is_null(e))
			return e;
	}
	return null;
}

struct gofile *gofile_parse(TSParser *parser, const char *path,
			    const char *src, size_t len, struct lh_error *err)
{
	struct gofile *f;
	TSNode root, bad;

	if (len >= UINT32_MAX) {
		lh_fail(err, path, "file is too large to parse");
		return NULL;
	}
	if (memchr(src, '\0', len)) {
		lh_fail(err, path, "cannot parse: NUL byte at offset %zu",
			(size_t)((const char *)memchr(src, '\0', len) - src));
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->src = xstrndup(src, len);
	f->len = len;
	f->is_test = str_has_suffix(path, "_test.go");
	gofile__lines(f);
	ts_parser_reset(parser);
	f->tree = ts_parser_parse_string(parser, NULL, f->src, (uint32_t)len);
	if (!f->tree) {
		lh_fail(err, path, "cannot parse: parser gave up");
		gofile_free(f);
		return NULL;
	}
	root = ts_tree_root_node(f->tree);
	bad = gofile__first_error(root);
	if (!ts_node_is_null(bad)) {
		TSPoint p = ts_node_start_point(bad);

		lh_fail(err, path, "cannot parse: syntax error at line %u, column %u",
			p.row + 1, p.column + 1);
		gofile_free(f);
		return NULL;
	}
	return f;
}

struct gofile *gofile_load(TSParser *parser, const char *path, size_t max_size,
			   struct lh_error *err)
{
	struct buf b;
	struct gofile *f;

	buf_init(&b, max_size);
	if (buf_read_file(&b, path, err) != LH_OK) {
		buf_release(&b);
		return NULL;
	}
	f = gofile_parse(parser, path, b.data, b.len, err);
	buf_release(&b);
	return f;
}

void gofile_free(struct gofile *f)
{
	if (!f)
		return;
	if (f->tree)
		ts_tree_delete(f->tree);
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
static const char *gopkg__string(struct gofile *f, TSNode lit)
{
	size_t len;
	const char *s = go_text(f, lit, &len);

	if (len >= 2)
		return arena_strndup(&f->pkg->arena, s + 1, len - 2);
	return "";
}

static void gopkg__imports(struct gofile *f, TSNode decl)
{
	const struct go_syms *g = GS;
	uint32_t n = ts_node_named_child_count(decl);

	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(decl, i);

		if (ts_node_symbol(c) == g->import_spec_list) {
			gopkg__imports(f, c);
		} else if (ts_node_symbol(c) == g->import_spec) {
			TSNode path = go_field(c, f_path);
			TSNode name = go_field(c, f_name);
			struct goimport *im;

			if (ts_node_is_null(path))
				continue;
			f->imports = f->nimports % 8 ? f->imports :
				xrealloc(f->imports, (f->nimports + 8) *
						     sizeof(*f->imports));
			im = &f->imports[f->nimports++];
			im->path = gopkg__string(f, path);
			im->name = ts_node_is_null(name) ?
				gopkg__import_name(&f->pkg->arena, im->path) :
				go_text_dup(f, name);
		}
	}
}

static void gopkg__decl(struct gopkg *p, struct gofile *f,
			enum godecl_kind kind, TSNode node, TSNode name,
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
static const char *gopkg__recv(struct gofile *f, TSNode method, bool *ptr)
{
	const struct go_syms *g = GS;
	TSNode params = go_field(method, f_receiver), pd, t;

	*ptr = false;
	if (ts_node_is_null(params) || ts_node_named_child_count(params) == 0)
		return NULL;
	pd = ts_node_named_child(params, 0);
	t = go_field(pd, f_type);
	while (!ts_node_is_null(t)) {
		if (ts_node_symbol(t) == g->pointer_type) {
			*ptr = true;
			t = ts_node_named_child(t, 0);
		} else if (ts_node_symbol(t) == g->generic_type) {
			t = go_field(t, f_type);
		} else if (ts_node_symbol(t) == g->parenthesized_type) {
			t = ts_node_named_child(t, 0);
		} else {
			break;
		}
	}
	if (ts_node_is_null(t))
		return NULL;
	return go_text_dup(f, t);
}

/* Calls decl for every `name` field child of a var/const spec. */
static void gopkg__spec_names(struct gopkg *p, struct gofile *f, TSNode spec,
			      enum godecl_kind kind)
{
	TSTreeCursor c = ts_tree_cursor_new(spec);

	if (ts_tree_cursor_goto_first_child(&c)) {
		do {
			if (ts_tree_cursor_current_field_id(&c) == GS->f_name)
				gopkg__decl(p, f, kind, spec,
					    ts_tree_cursor_current_node(&c),
					    NULL, false);
		} while (ts_tree_cursor_goto_next_sibling(&c));
	}
	ts_tree_cursor_delete(&c);
}

static void gopkg__specs(struct gopkg *p, struct gofile *f, TSNode decl)
{
	const struct go_syms *g = GS;
	uint32_t n = ts_node_named_child_count(decl);

	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(decl, i);
		TSSymbol s = ts_node_symbol(c);

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
}

static void gopkg__index_file(struct gopkg *p, struct gofile *f)
{
	const struct go_syms *g = GS;
	TSNode root = ts_tree_root_node(f->tree);
	uint32_t n = ts_node_named_child_count(root);

	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(root, i);
		TSSymbol s = ts_node_symbol(c);

		if (s == g->package_clause) {
			TSNode id = ts_node_named_child(c, 0);

			if (!ts_node_is_null(id))
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
