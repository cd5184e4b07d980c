/*
 * apis.c - the known_apis.def table, expanded into arrays and indexed.
 */
#include <pthread.h>

#include "static/apis.h"

static struct eng_kind kinds[] = {
#define KIND(id, rule, noun, rel, rearm, recv, still, verb, ckpt, flags) \
	[id] = { rule, noun, rel, rearm, recv, still, verb, ckpt, flags,   \
		 NULL, { NULL }, NULL },
#include "golang/known_apis.def"
};

struct apis_self {
	enum apis_kind_id kind;
	const char *member;
};

static const struct apis_self selfs[] = {
#define SELF(kind, member) { kind, member },
#include "golang/known_apis.def"
};

static const struct apis_row rows[] = {
#define API(pkg, recv, name, kind, results, err, noun) \
	{ pkg, recv, name, kind, results, err, noun },
#include "golang/known_apis.def"
};

struct apis_name {
	const char *pkg, *recv, *name;
};

static const struct apis_name borrowers[] = {
#define BORROW(pkg, recv, name) { pkg, recv, name },
#include "golang/known_apis.def"
};

static const struct apis_name noreturns[] = {
#define NORETURN(pkg, recv, name) { pkg, recv, name },
#include "golang/known_apis.def"
};

struct apis_type {
	const char *pkg, *name, *type;
};

static const struct apis_type types[] = {
#define TYPE(pkg, name, type) { pkg, name, type },
#include "golang/known_apis.def"
};

struct apis_guess {
	enum apis_kind_id kind;
	const char *member;
};

static const struct apis_guess guesses[] = {
#define GUESS(kind, member) { kind, member },
#include "golang/known_apis.def"
};

static const struct apis_name errtests[] = {
#define ERRTEST(pkg, name) { pkg, "", name },
#include "golang/known_apis.def"
};

static const struct apis_name errasserts[] = {
#define ERRASSERT(method, checker) { "", method, checker },
#include "golang/known_apis.def"
};

struct apis_wrap {
	const char *pkg, *name;
	int arg;
	bool writer;
};

static const struct apis_wrap wraps[] = {
#define WRAPS(pkg, name, arg, writer) { pkg, name, arg, writer },
#include "golang/known_apis.def"
};

static const struct apis_name inmemory[] = {
#define INMEMORY(pkg, name) { pkg, "", name },
#include "golang/known_apis.def"
};

struct apis_own {
	const char *pkg, *name;
	int arg;
};

static const struct apis_own owns[] = {
#define OWNS(pkg, name, arg) { pkg, name, arg },
#include "golang/known_apis.def"
};

struct apis_field {
	const char *pkg, *type, *field;
};

static const struct apis_field fielduses[] = {
#define FIELDUSE(pkg, type, field) { pkg, type, field },
#include "golang/known_apis.def"
};

static const struct apis_name sinks[] = {
#define SINK(pkg, name) { pkg, "", name },
#include "golang/known_apis.def"
};

static pthread_once_t apis__once = PTHREAD_ONCE_INIT;
/* arena for the parsed release paths; lives as long as the process */
static char apis__store[4096];
static size_t apis__used;

static char *apis__dup(const char *s, size_t n)
{
	char *p;

	if (apis__used + n + 1 > sizeof(apis__store))
		LH_BUG("known_apis.def release paths too long");
	p = apis__store + apis__used;
	memcpy(p, s, n);
	p[n] = '\0';
	apis__used += n + 1;
	return p;
}

/* "Body.Close" -> prefix "Body", names {"Close"}; "()" -> names {""};
 * "Commit|Rollback" -> prefix "", names {"Commit", "Rollback"}. */
static void apis__parse(struct eng_kind *k)
{
	const char *rel = k->release, *dot, *s;
	size_t n = 0;

	if (strcmp(rel, "()") == 0) {
		k->rel_prefix = "";
		k->rel_names[0] = "";
		return;
	}
	dot = strrchr(rel, '.');
	k->rel_prefix = dot ? apis__dup(rel, (size_t)(dot - rel)) : "";
	s = dot ? dot + 1 : rel;
	while (*s && n + 1 < ARRAY_SIZE(k->rel_names)) {
		size_t len = strcspn(s, "|");

		k->rel_names[n++] = apis__dup(s, len);
		s += len;
		if (*s == '|')
			s++;
	}
}

/* The names of rows (any row; rows with a receiver): asked for every
 * call of every function, so a set rather than a scan of the table. */
static struct map apis__names, apis__methods;

static void apis__init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		apis__parse(&kinds[i]);
	for (size_t i = 0; i < ARRAY_SIZE(selfs); i++)
		kinds[selfs[i].kind].self_member = selfs[i].member;
	map_init(&apis__names);
	map_init(&apis__methods);
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		map_puts(&apis__names, rows[i].name, (void *)1);
		if (rows[i].recv[0])
			map_puts(&apis__methods, rows[i].name, (void *)1);
	}
}

const struct eng_kind *apis_kind(enum apis_kind_id id)
{
	pthread_once(&apis__once, apis__init);
	return &kinds[id];
}

/* Ensures rows' kinds are parsed before any engine use. */
static void apis__ready(void)
{
	pthread_once(&apis__once, apis__init);
}

const struct apis_row *apis_acquire(const char *pkg, const char *recv,
				    const char *name, size_t len)
{
	apis__ready();
	if (!recv)
		recv = "";
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		const struct apis_row *r = &rows[i];

		if (str_eqn(name, len, r->name) && strcmp(r->pkg, pkg) == 0 &&
		    strcmp(r->recv, recv) == 0)
			return r;
	}
	return NULL;
}

bool apis_maybe_acquire(const char *name, size_t len)
{
	pthread_once(&apis__once, apis__init);
	return map_get(&apis__names, name, len) != NULL;
}

bool apis_method_name(const char *name, size_t len)
{
	pthread_once(&apis__once, apis__init);
	return map_get(&apis__methods, name, len) != NULL;
}

/* name matches pattern: exact, or pattern "X*" is a prefix */
static bool apis__match(const char *pat, const char *name, size_t len)
{
	size_t pl = strlen(pat);

	if (pl && pat[pl - 1] == '*')
		return len >= pl - 1 && memcmp(name, pat, pl - 1) == 0;
	return str_eqn(name, len, pat);
}

static bool apis__find(const struct apis_name *t, size_t n, const char *pkg,
		       const char *recv, const char *name, size_t len)
{
	for (size_t i = 0; i < n; i++) {
		if (pkg && strcmp(t[i].pkg, pkg) != 0)
			continue;
		if (!pkg && strcmp(t[i].recv, recv ? recv : "*") != 0)
			continue;
		if (apis__match(t[i].name, name, len))
			return true;
	}
	return false;
}

bool apis_borrows(const char *pkg, const char *recv, const char *name,
		  size_t len)
{
	return apis__find(borrowers, ARRAY_SIZE(borrowers), pkg, recv, name,
			  len);
}

bool apis_noreturn(const char *pkg, const char *name, size_t len)
{
	return apis__find(noreturns, ARRAY_SIZE(noreturns), pkg, "*", name,
			  len);
}

const char *apis_type(const char *pkg, const char *name, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(types); i++) {
		if (strcmp(types[i].pkg, pkg) == 0 &&
		    str_eqn(name, len, types[i].name))
			return types[i].type;
	}
	return NULL;
}

const struct apis_row *apis_guess(const char *name, size_t len,
				  const char **member)
{
	const struct apis_row *found = NULL;

	apis__ready();
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		if (!rows[i].recv[0] || !str_eqn(name, len, rows[i].name))
			continue;
		for (size_t g = 0; g < ARRAY_SIZE(guesses); g++) {
			if (guesses[g].kind != rows[i].kind)
				continue;
			if (found && found->kind != rows[i].kind)
				return NULL; /* ambiguous */
			found = &rows[i];
			*member = guesses[g].member;
		}
	}
	return found;
}

bool apis_errtest(const char *pkg, const char *name, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(errtests); i++) {
		if (strcmp(errtests[i].pkg, pkg) == 0 &&
		    str_eqn(name, len, errtests[i].name))
			return true;
	}
	return false;
}

bool apis_errassert(const char *method, size_t mlen, const char *checker,
		    size_t clen)
{
	for (size_t i = 0; i < ARRAY_SIZE(errasserts); i++) {
		if (str_eqn(method, mlen, errasserts[i].recv) &&
		    str_eqn(checker, clen, errasserts[i].name))
			return true;
	}
	return false;
}

int apis_wraps(const char *pkg, const char *name, size_t len, bool *writer)
{
	for (size_t i = 0; i < ARRAY_SIZE(wraps); i++) {
		if (strcmp(wraps[i].pkg, pkg) == 0 &&
		    str_eqn(name, len, wraps[i].name)) {
			*writer = wraps[i].writer;
			return wraps[i].arg;
		}
	}
	return -1;
}

int apis_owns(const char *pkg, const char *name, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(owns); i++) {
		if (strcmp(owns[i].pkg, pkg) == 0 &&
		    str_eqn(name, len, owns[i].name))
			return owns[i].arg;
	}
	return -1;
}

bool apis_field_uses(const char *pkg, const char *type, const char *field,
		     size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(fielduses); i++) {
		if (strcmp(fielduses[i].pkg, pkg) == 0 &&
		    strcmp(fielduses[i].type, type) == 0 &&
		    str_eqn(field, len, fielduses[i].field))
			return true;
	}
	return false;
}

bool apis_sink(const char *pkg, const char *name, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(sinks); i++) {
		if (strcmp(sinks[i].pkg, pkg) == 0 &&
		    str_eqn(name, len, sinks[i].name))
			return true;
	}
	return false;
}

bool apis_inmemory(const char *pkg, const char *name, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(inmemory); i++) {
		if (strcmp(inmemory[i].pkg, pkg) == 0 &&
		    str_eqn(name, len, inmemory[i].name))
			return true;
	}
	return false;
}
