/*
 * bigval.h - large values and their parts inside one function: the facts
 * LH401/LH402 (sub-slices and substrings pinning a big backing array) and
 * LH501 (closures keeping a big value alive) share.
 *
 * A top-level function (with its func literals) is analysed by name: each
 * local is classified from its declarations and assignments in source
 * order; a name declared twice with different kinds is ambiguous and
 * ignored (precision first).
 *
 * Big sources: make([]T, N) with a constant size of at least 64 KiB,
 * io.ReadAll, ioutil.ReadAll, os.ReadFile, ioutil.ReadFile,
 * (*bytes.Buffer).Bytes, a large array, a buffer made with a computed size
 * and filled by Read/ReadFull/ReadAt/ReadAtLeast; big strings: string(big),
 * (*bytes.Buffer).String, (*strings.Builder).String. Parts: slice
 * expressions that are not nearly the whole value, the results of
 * bytes/strings Split, SplitN, SplitAfter, Fields, Cut, and regexp Find*.
 *
 * Everything returned is borrowed from the struct bv_func; bv_release()
 * frees it.
 */
#ifndef LH_STATIC_BIGVAL_H
#define LH_STATIC_BIGVAL_H

#include "static/pass.h"

#define BV_LARGE (64 * 1024) /* bytes: a "large" buffer */

enum bv_kind {
	BV_NONE,
	BV_BIG,	       /* big slice/array/bytes */
	BV_BIG_STR,    /* big string */
	BV_PART,       /* part of a big slice */
	BV_PART_STR,   /* part of a big string */
	BV_PARTS,      /* [][]byte of parts */
	BV_PARTS_STR,  /* []string of parts */
	BV_BUFFER,     /* bytes.Buffer / strings.Builder */
	BV_MAYBE_BIG,  /* make with a computed size (big once filled by Read) */
	BV_AMBIG,      /* declared with different kinds */
};

struct bv_var {
	const char *name;
	size_t len;
	enum bv_kind kind;
	GNode decl;	  /* the declaring statement */
	const char *what; /* "io.ReadAll", "make([]byte, 1048576)" */
	const char *origin; /* the big variable a part comes from (or its
			       own name); NUL-terminated, package arena */
	bool bytes;	  /* []byte (not another element type) */
	bool param;	  /* a parameter or receiver */
	bool ptr;	  /* parameter/receiver of pointer type */
};

struct bv_func {
	struct gopkg *pkg;
	struct gofile *file;
	GNode fn; /* function_declaration or method_declaration */
	VEC(struct bv_var) vars;
	char scratch[160];
};

/* Analyses the top-level function fn of f. Release with bv_release(). */
void bv_analyze(struct bv_func *b, struct gopkg *pkg, struct gofile *f,
		GNode fn);
void bv_release(struct bv_func *b);

/* Runs fn(b, ctx) on every top-level function and method of the
 * package's non-test, non-ignored files that has large values and that
 * `want` (a filter, may be NULL) accepts, in file order. The analyses are
 * made once per package and kept in it (pkg->facts[LH_FACT_BIGVAL]); b is
 * borrowed, valid until the package is freed. */
void bv_each_func(struct gopkg *pkg,
		  bool (*want)(struct gofile *f, GNode fn),
		  void (*fn)(struct bv_func *b, void *ctx), void *ctx);

/* The local (or parameter) named by identifier id, or NULL. */
const struct bv_var *bv_var_of(const struct bv_func *b, GNode id);
/* The local named name (NUL-terminated), or NULL. */
const struct bv_var *bv_var_named(const struct bv_func *b, const char *name);
/* True when name is declared anywhere in the function (a local, a
 * parameter, a receiver, a named result). */
bool bv_is_local(const struct bv_func *b, const char *name, size_t len);

/* Kind of an expression: a big value, a part of one, or BV_NONE. *from
 * receives the big variable it comes from (may be NULL). */
enum bv_kind bv_expr(const struct bv_func *b, GNode e,
		     const struct bv_var **from);

/* When e (an expression, possibly nested in composite literals) ends up in
 * a long-lived place - returned, sent on a channel, stored in a
 * package-level variable, a field of the receiver or of a pointer
 * parameter, a map element - returns the statement that stores it and sets
 * *where ("returned", "stored in package-level cache"...; borrowed from
 * b). Otherwise a null node. */
GNode bv_sink(struct bv_func *b, GNode e, const char **where);

#endif /* LH_STATIC_BIGVAL_H */
