/*
 * xpkg.h - the other packages of the module, as seen from the package
 * being analysed.
 *
 * A package is analysed alone (scan.c's workers take one package each, in
 * parallel, and free it before the next). Some facts live in another
 * package of the same module: `util.CloseQuietly(f)` releases f when
 * util's CloseQuietly closes its parameter on every path; `for ev := range
 * w.Events` runs as long as a channel when watch.Watcher's Events field is
 * one; `l := &store.Log{F: f}` keeps f in l when store.Log is a struct
 * type there, whose methods then say what becomes of it. The loader
 * answers such questions by parsing the other package's
 * directory (its non-test .go files) on demand, once, and keeping the
 * answers.
 *
 * Module-local: the import path is the module path of the importing
 * package's go.mod or below it, and no go.mod lies between that module's
 * root and the package's directory (a nested module is another module).
 * Anything else (the standard library, dependencies, a directory that
 * does not exist or does not parse) gets no answer: callers stay silent.
 *
 * Determinism: an answer depends only on the other package's source, never
 * on which worker asks first or on what it has analysed before, so the
 * findings do not depend on the order packages are scanned in. Loaded
 * packages are kept up to a bound on their source size; past it a package
 * is loaded, asked and freed each time an answer is missing (answers are
 * always kept).
 *
 * Thread-safe: one loader serves every worker of a scan. A loaded package
 * is used by one thread at a time (the engine's caches in its arena are
 * not shared); a question about package B asked while answering one about
 * package A follows an import of A, and imports have no cycles, so the
 * per-package locks cannot deadlock.
 */
#ifndef LH_STATIC_XPKG_H
#define LH_STATIC_XPKG_H

#include "static/engine.h"

struct xpkg;

/* A loader for one scan, parsing with the limits lim (copied; its index
 * mask is not used). Caller frees with xpkg_free(). */
struct xpkg *xpkg_new(const struct go_limits *lim);
/* Frees x and every package it loaded. NULL is a no-op. */
void xpkg_free(struct xpkg *x);

/* Lets the analyses of pkg ask x (borrowed: x must outlive pkg). A package
 * with no loader attached gets no answers. */
void xpkg_attach(struct gopkg *pkg, struct xpkg *x);

/* What the function name (len bytes) of the module-local package imported
 * as path does with its parameter param, seen through release path
 * release with kind flags (as eng_summary_of()); ENG_SUM_UNKNOWN when
 * the package is not module-local, cannot be loaded, or has no such
 * function. */
enum eng_summary xpkg_summary(struct gopkg *from, const char *path,
			      const char *name, size_t len, int param,
			      const char *release, unsigned flags);

/* True when, in the module-local package imported as path, member (len
 * bytes) is declared with a channel type: a function's (or a method's,
 * for "Type.Method") first result, or a field of struct type `type`
 * (type non-NULL, member the field name). False when unknown. */
bool xpkg_is_chan(struct gopkg *from, const char *path, const char *type,
		  const char *member, size_t len);

/* Whether type (exported) of the module-local package imported as path is
 * a struct type: -1 when unknown (not module-local, cannot be loaded, no
 * such struct type); else, with field NULL, 1; with field non-NULL, 1
 * when it has that field (declared in it, not promoted), 0 when not (a
 * method, or a promoted field). */
int xpkg_struct_field(struct gopkg *from, const char *path, const char *type,
		      const char *field);

/* The same questions inside pkg itself (no loading): used by the loader
 * on the other package, and by rules on their own package. */
bool xpkg_local_chan(struct gopkg *pkg, const char *type, const char *member,
		     size_t len);

#endif /* LH_STATIC_XPKG_H */
