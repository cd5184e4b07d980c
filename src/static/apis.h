/*
 * apis.h - queries over src/golang/known_apis.def, the table of facts about
 * Go APIs (resource kinds, acquiring calls, borrowers, calls that never
 * return, result types). Rules ask here; none hard-codes a package name.
 *
 * All returned pointers are static data. Thread-safe (built once).
 */
#ifndef LH_STATIC_APIS_H
#define LH_STATIC_APIS_H

#include "static/engine.h"

enum apis_kind_id {
#define KIND(id, rule, noun, rel, rearm, recv, still, verb, ckpt, flags) id,
#include "golang/known_apis.def"
	RES_NKINDS
};

struct apis_row {
	const char *pkg, *recv, *name;
	enum apis_kind_id kind;
	unsigned results;
	int err_result;
	const char *noun;
};

/* The kind with that id. */
const struct eng_kind *apis_kind(enum apis_kind_id id);
/* The acquiring call pkg.name (recv NULL or "") or (*pkg.recv).name, or
 * NULL. */
const struct apis_row *apis_acquire(const char *pkg, const char *recv,
				    const char *name, size_t name_len);
/* True when some acquiring row (function or method) has this name: a
 * cheap filter before resolving anything. */
bool apis_maybe_acquire(const char *name, size_t len);
/* True when some acquiring method row has this name. */
bool apis_method_name(const char *name, size_t len);
/* True when the function pkg.name (recv NULL) or a method name of any
 * receiver (pkg NULL, recv "*") only borrows its arguments. */
bool apis_borrows(const char *pkg, const char *recv, const char *name,
		  size_t len);
/* True when pkg.name (or a method of that name, pkg NULL) never returns. */
bool apis_noreturn(const char *pkg, const char *name, size_t len);
/* The method row named name (any receiver) whose kind may be guessed on
 * an untyped receiver, and the member that confirms it; NULL if none. */
const struct apis_row *apis_guess(const char *name, size_t len,
				  const char **member);
/* True when pkg.name(err, ...) holds only for a non-nil err. */
bool apis_errtest(const char *pkg, const char *name, size_t len);
/* True when an assertion through method (`To`, `Assert`) with checker
 * (`HaveOccurred`, `NotNil`) holds only for a non-nil error (ERRASSERT
 * rows; the caller matches the shape). */
bool apis_errassert(const char *method, size_t mlen, const char *checker,
		    size_t clen);
/* The argument index pkg.name wraps (WRAPS rows), or -1; *writer says
 * whether it is a writer. */
int apis_wraps(const char *pkg, const char *name, size_t len, bool *writer);
/* The argument index whose ownership pkg.name's result takes (OWNS rows:
 * closing the result closes it), or -1. */
int apis_owns(const char *pkg, const char *name, size_t len);
/* True when pkg.name is an in-memory type or constructor (INMEMORY). */
bool apis_inmemory(const char *pkg, const char *name, size_t len);
/* True when the package variable pkg.name discards what is written to it
 * (SINK). */
bool apis_sink(const char *pkg, const char *name, size_t len);
/* True when storing a resource in field `field` of a pkg.type value
 * does not hand it over (FIELDUSE rows). */
bool apis_field_uses(const char *pkg, const char *type, const char *field,
		     size_t len);
/* Type of pkg.name (a call result or package var), or NULL. */
const char *apis_type(const char *pkg, const char *name, size_t len);

#endif /* LH_STATIC_APIS_H */
