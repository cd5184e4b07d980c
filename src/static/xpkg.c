/*
 * xpkg.c - the other packages of the module, loaded on demand (see
 * xpkg.h for the contract).
 *
 * Two maps under one lock: the packages by directory (each with its own
 * lock, held while the engine runs on it) and the answers by question.
 * A question first looks for its answer; a miss takes the package's lock,
 * loads the package if needed, computes, and stores the answer.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>

#include "static/pass.h"
#include "static/xpkg.h"

/* Source bytes of loaded packages kept for later questions; past this, a
 * package is freed after its question (answers are always kept). A kept
 * package costs about 30 times its source in trees and indexes, and few
 * packages are asked about twice (Debian's Go sources: 51 loads with 1 MiB
 * kept, 54 with none). */
#define XPKG_MAX_KEPT ((size_t)256 << 10)
/* Largest package (sum of its .go files) loaded to answer a question:
 * bigger ones (generated API tables) get no answer. */
#define XPKG_MAX_LOAD ((size_t)512 << 10)
/* Longest directory path handled. */
#define XPKG_MAX_PATH 4096

struct xpkg_ent {
	pthread_mutex_t mu; /* held while pkg is in use */
	char *dir;
	struct gopkg *pkg;  /* loaded and kept, or NULL */
	bool missing;	    /* nothing to load there */
};

struct xpkg {
	pthread_mutex_t mu; /* guards ents, answers, kept */
	struct map ents;    /* dir -> struct xpkg_ent * (owned) */
	struct map answers; /* question -> (void *)(answer + 1) */
	struct go_limits lim;
	size_t kept;	    /* source bytes of the kept packages */
};

struct xpkg *xpkg_new(const struct go_limits *lim)
{
	struct xpkg *x = xcalloc(1, sizeof(*x));

	pthread_mutex_init(&x->mu, NULL);
	map_init(&x->ents);
	map_init(&x->answers);
	x->lim = *lim;
	x->lim.index = NULL;
	return x;
}

void xpkg_free(struct xpkg *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->ents.cap; i++) {
		struct xpkg_ent *e = x->ents.slots[i].key ?
					     x->ents.slots[i].value : NULL;

		if (!e)
			continue;
		if (e->pkg)
			gopkg_free(e->pkg);
		pthread_mutex_destroy(&e->mu);
		free(e->dir);
		free(e);
	}
	map_release(&x->ents);
	map_release(&x->answers);
	pthread_mutex_destroy(&x->mu);
	free(x);
}

void xpkg_attach(struct gopkg *pkg, struct xpkg *x)
{
	pkg->facts[LH_FACT_XPKG] = x;
}

/* ---------------------------------------------------------------- where */

static bool xpkg__exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* The directory of module-local import path of a package of module mod
 * into out (XPKG_MAX_PATH bytes), or false. */
static bool xpkg__dir(const struct gomod *mod, const char *path, char *out)
{
	size_t ml, rl;
	const char *slash;
	int n;

	if (!mod || !mod->found || !mod->module || !mod->path)
		return false;
	ml = strlen(mod->module);
	if (strncmp(path, mod->module, ml) != 0 ||
	    (path[ml] != '\0' && path[ml] != '/'))
		return false;
	slash = strrchr(mod->path, '/');
	rl = slash ? (size_t)(slash - mod->path) : 0;
	n = snprintf(out, XPKG_MAX_PATH, "%.*s%s", (int)rl, mod->path,
		     path + ml);
	if (n < 0 || n >= XPKG_MAX_PATH - 8)
		return false;
	/* a go.mod below the root and at or above the directory starts
	 * another module */
	for (size_t i = rl + 1; i <= (size_t)n; i++) {
		char gm[XPKG_MAX_PATH + 8];

		if (out[i] != '/' && out[i] != '\0')
			continue;
		snprintf(gm, sizeof(gm), "%.*s/go.mod", (int)i, out);
		if (xpkg__exists(gm))
			return false;
	}
	return true;
}

/* ---------------------------------------------------------------- loading */

static void xpkg__diag(void *ctx, const struct lh_error *err)
{
	LH_UNUSED(ctx);
	LH_UNUSED(err);
}

/* Parses the non-test .go files of dir into a package of module mod, or
 * NULL when there are none. Files that do not parse are left out (the
 * scan of that package reports them). */
static struct gopkg *xpkg__load(struct xpkg *x, const char *dir,
				const struct gomod *mod)
{
	struct discover_options o = { 0 };
	godir_vec dirs = { 0 };
	const char *paths[1] = { dir };
	size_t errors = 0;
	struct gopkg *pkg = NULL;
	TSParser *parser;

	o.diag = xpkg__diag;
	discover(paths, 1, &o, &dirs, &errors);
	if (dirs.len != 1 || !dirs.items[0].files.len) {
		discover_free(&dirs);
		return NULL;
	}
	{
		size_t total = 0;

		for (size_t i = 0; i < dirs.items[0].files.len; i++) {
			struct stat st;

			if (stat(dirs.items[0].files.items[i], &st) == 0)
				total += (size_t)st.st_size;
		}
		if (total > XPKG_MAX_LOAD) {
			discover_free(&dirs);
			return NULL;
		}
	}
	parser = ts_parser_new();
	ts_parser_set_language(parser, go_language());
	pkg = gopkg_new(dir, mod);
	for (size_t i = 0; i < dirs.items[0].files.len; i++) {
		struct lh_error err;
		struct gofile *f = gofile_load(parser,
					       dirs.items[0].files.items[i],
					       &x->lim, &err);

		if (f)
			gopkg_add(pkg, f);
	}
	ts_parser_delete(parser);
	discover_free(&dirs);
	if (!pkg->nfiles) {
		gopkg_free(pkg);
		return NULL;
	}
	gopkg_index(pkg);
	xpkg_attach(pkg, x);
	return pkg;
}

static size_t xpkg__bytes(const struct gopkg *pkg)
{
	size_t n = 0;

	for (size_t i = 0; i < pkg->nfiles; i++)
		n += pkg->files[i]->len;
	return n;
}

/* The entry of dir, created when missing. */
static struct xpkg_ent *xpkg__ent(struct xpkg *x, const char *dir)
{
	struct map_entry *slot;
	struct xpkg_ent *e;

	pthread_mutex_lock(&x->mu);
	slot = map_slot(&x->ents, dir, strlen(dir));
	e = slot->value;
	if (!e) {
		e = xcalloc(1, sizeof(*e));
		pthread_mutex_init(&e->mu, NULL);
		e->dir = xstrdup(dir);
		slot->value = e;
	}
	pthread_mutex_unlock(&x->mu);
	return e;
}

/* ---------------------------------------------------------------- asking */

enum xpkg_q { XQ_SUMMARY, XQ_CHAN, XQ_FIELD };

struct xpkg_question {
	enum xpkg_q q;
	const char *type, *name; /* name: len bytes */
	size_t len;
	int param;
	const char *release;
	unsigned flags;
};

static int xpkg__struct_field(struct gopkg *pkg, const char *type,
			      const char *field);

static int xpkg__answer(struct gopkg *pkg, const struct xpkg_question *q)
{
	char *nm = arena_strndup(&pkg->arena, q->name, q->len);

	if (q->q == XQ_CHAN)
		return xpkg_local_chan(pkg, q->type, nm, q->len);
	if (q->q == XQ_FIELD)
		return xpkg__struct_field(pkg, q->type, q->len ? nm : NULL);
	{
		const char *dot = memchr(q->name, '.', q->len);
		char c = dot ? dot[1] : q->name[0];

		if (c < 'A' || c > 'Z')
			return ENG_SUM_UNKNOWN; /* not exported */
	}
	return eng_summary_of(pkg, gopkg_lookup(pkg, nm), q->param, q->release,
			      q->flags);
}

/* The answer to q about the module-local package imported as path by
 * from, or -1 when there is none to give. */
static int xpkg__ask(struct gopkg *from, const char *path,
		     const struct xpkg_question *q)
{
	struct xpkg *x = from->facts[LH_FACT_XPKG];
	char dir[XPKG_MAX_PATH];
	struct buf key = BUF_INIT;
	struct xpkg_ent *e;
	void *v;
	int ans = -1;

	if (!x || !xpkg__dir(from->mod, path, dir))
		return -1;
	buf_printf(&key, "%d|%s|%s|%.*s|%d|%s|%u", (int)q->q, dir,
		 q->type ? q->type : "", (int)q->len, q->name, q->param,
		 q->release ? q->release : "", q->flags);
	pthread_mutex_lock(&x->mu);
	v = map_get(&x->answers, key.data, key.len);
	pthread_mutex_unlock(&x->mu);
	if (v) {
		buf_release(&key);
		return (int)((uintptr_t)v - 1);
	}
	e = xpkg__ent(x, dir);
	pthread_mutex_lock(&e->mu);
	if (!e->missing) {
		struct gopkg *pkg = e->pkg;
		bool keep = false;

		if (!pkg) {
			pkg = xpkg__load(x, dir, from->mod);
			if (!pkg) {
				e->missing = true;
			} else {
				size_t b = xpkg__bytes(pkg);

				pthread_mutex_lock(&x->mu);
				if (x->kept + b <= XPKG_MAX_KEPT) {
					x->kept += b;
					keep = true;
				}
				pthread_mutex_unlock(&x->mu);
				if (keep)
					e->pkg = pkg;
			}
		}
		if (pkg) {
			ans = xpkg__answer(pkg, q);
			if (pkg != e->pkg)
				gopkg_free(pkg);
		}
	}
	pthread_mutex_unlock(&e->mu);
	pthread_mutex_lock(&x->mu);
	map_put(&x->answers, key.data, key.len,
		(void *)(uintptr_t)(ans + 1));
	pthread_mutex_unlock(&x->mu);
	buf_release(&key);
	return ans;
}

enum eng_summary xpkg_summary(struct gopkg *from, const char *path,
			      const char *name, size_t len, int param,
			      const char *release, unsigned flags)
{
	struct xpkg_question q = { XQ_SUMMARY, NULL, name, len, param,
				   release, flags };
	int a = xpkg__ask(from, path, &q);

	return a < 0 ? ENG_SUM_UNKNOWN : (enum eng_summary)a;
}

int xpkg_struct_field(struct gopkg *from, const char *path, const char *type,
		      const char *field)
{
	struct xpkg_question q = { XQ_FIELD, type, field ? field : "",
				   field ? strlen(field) : 0, 0, NULL, 0 };

	if (type[0] < 'A' || type[0] > 'Z')
		return -1; /* not exported */
	return xpkg__ask(from, path, &q);
}

bool xpkg_is_chan(struct gopkg *from, const char *path, const char *type,
		  const char *member, size_t len)
{
	struct xpkg_question q = { XQ_CHAN, type, member, len, 0, NULL, 0 };

	return xpkg__ask(from, path, &q) == 1;
}

/* ---------------------------------------------------------------- channels */

static bool xpkg__chan_type(GNode t)
{
	while (!gn_is_null(t) &&
	       gn_symbol(t) == GS->parenthesized_type)
		t = gn_named_child(t, 0);
	return !gn_is_null(t) && gn_symbol(t) == GS->channel_type;
}

/* The type of the first result of a function or method declaration. */
static GNode xpkg__first_result(GNode decl)
{
	GNode r = go_field(decl, f_result);

	if (gn_is_null(r) || gn_symbol(r) != GS->parameter_list)
		return r;
	for (uint32_t i = 0; i < gn_named_child_count(r); i++) {
		GNode p = gn_named_child(r, i);

		if (gn_symbol(p) == GS->parameter_declaration)
			return go_field(p, f_type);
	}
	return (GNode){ 0 };
}

/* Is field name of the struct type declared by type_spec ts a channel?
 * -1 when it has no such field. */
static GNode xpkg__field(const struct gofile *f, GNode ts, const char *name);

static int xpkg__chan_field(const struct gofile *f, GNode ts,
			    const char *name)
{
	GNode fd = xpkg__field(f, ts, name);

	if (gn_is_null(fd))
		return -1;
	return xpkg__chan_type(go_field(fd, f_type));
}

/* The field of struct type_spec ts named name (its declaration), or
 * null. Embedded fields are not looked into. */
static GNode xpkg__field(const struct gofile *f, GNode ts, const char *name)
{
	GNode st = go_field(ts, f_type), fl;

	if (gn_is_null(st) || gn_symbol(st) != GS->struct_type)
		return (GNode){ 0 };
	fl = gn_named_child(st, 0);
	for (uint32_t k = 0; k < gn_named_child_count(fl); k++) {
		GNode fd = gn_named_child(fl, k);

		if (gn_symbol(fd) != GS->field_declaration)
			continue;
		for (uint32_t m = 0; m < gn_named_child_count(fd); m++) {
			GNode nm = gn_named_child(fd, m);

			if (gn_symbol(nm) == GS->field_identifier &&
			    go_text_is(f, nm, name))
				return fd;
		}
	}
	return (GNode){ 0 };
}

/* See xpkg_struct_field(), inside pkg. */
static int xpkg__struct_field(struct gopkg *pkg, const char *type,
			      const char *field)
{
	const struct godecl *d = gopkg_lookup(pkg, type);
	GNode st;

	if (!d || d->kind != GODECL_TYPE)
		return -1;
	st = go_field(d->node, f_type);
	if (gn_is_null(st) || gn_symbol(st) != GS->struct_type)
		return -1;
	if (!field)
		return 1;
	return gn_is_null(xpkg__field(d->file, d->node, field)) ? 0 : 1;
}

bool xpkg_local_chan(struct gopkg *pkg, const char *type, const char *member,
		     size_t len)
{
	char *nm = arena_strndup(&pkg->arena, member, len);
	const struct godecl *d;

	if (type) {
		d = gopkg_lookup(pkg, type);
		return d && d->kind == GODECL_TYPE &&
		       xpkg__chan_field(d->file, d->node, nm) == 1;
	}
	d = gopkg_lookup(pkg, nm);
	return d && (d->kind == GODECL_FUNC || d->kind == GODECL_METHOD) &&
	       xpkg__chan_type(xpkg__first_result(d->node));
}
