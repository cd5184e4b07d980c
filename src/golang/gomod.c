/*
 * gomod.c - the parts of go.mod leakhound needs: the module path, the `go`
 * version line and `godebug asynctimerchan=1` (line or block form), which
 * decide timer semantics (Go 1.23 made unreferenced timers collectable).
 * Format: https://go.dev/ref/mod#go-mod-file
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "golang/golang.h"


/* The newest Go version leakhound knows the semantics of. */
#define GO_NEWEST_MAJOR 1
#define GO_NEWEST_MINOR 99

static const char *gomod__skip_space(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

/* One token (a word or a quoted string without its quotes). */
static const char *gomod__token(const char *s, const char *end,
				const char **tok, size_t *len)
{
	s = gomod__skip_space(s, end);
	*tok = s;
	if (s < end && (*s == '"' || *s == '`')) {
		char q = *s++;

		*tok = s;
		while (s < end && *s != q)
			s++;
		*len = (size_t)(s - *tok);
		return s < end ? s + 1 : s;
	}
	while (s < end && !isspace((unsigned char)*s) && *s != '(' &&
	       !(s + 1 < end && s[0] == '/' && s[1] == '/'))
		s++;
	*len = (size_t)(s - *tok);
	return s;
}

static bool gomod__version(const char *s, size_t len, int *major, int *minor)
{
	char tmp[32];
	char *end;
	long a, b = 0;

	if (len == 0 || len >= sizeof(tmp))
		return false;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	if (!isdigit((unsigned char)tmp[0]))
		return false;
	errno = 0;
	a = strtol(tmp, &end, 10);
	if (*end == '.') {
		if (!isdigit((unsigned char)end[1]))
			return false;
		b = strtol(end + 1, &end, 10);
		/* patch level and pre-release suffixes (1.21.0, 1.21rc1) */
		if (*end == '.') {
			if (!isdigit((unsigned char)end[1]))
				return false;
			strtol(end + 1, &end, 10);
		}
	}
	if (errno || a < 0 || a > 1000 || b < 0 || b > 100000)
		return false;
	if (*end && strncmp(end, "rc", 2) != 0 && strncmp(end, "beta", 4) != 0)
		return false;
	*major = (int)a;
	*minor = (int)b;
	return true;
}

/* The directives of https://go.dev/ref/mod#go-mod-file-grammar; anything
 * else at the start of a line is an error, as it is for the go command. */
static bool gomod__directive(const char *tok, size_t len)
{
	static const char *const known[] = {
		"module", "go",	     "toolchain", "godebug", "require",
		"exclude", "replace", "retract",   "tool",    "ignore",
	};

	for (size_t i = 0; i < ARRAY_SIZE(known); i++) {
		if (str_eqn(tok, len, known[i]))
			return true;
	}
	return false;
}

void gomod_godebug(struct gomod *m, const char *s, size_t len)
{
	if (str_eqn(s, len, "asynctimerchan=1")) {
		m->asynctimerchan = true;
		m->asynctimerchan_off = false;
	} else if (str_eqn(s, len, "asynctimerchan=0")) {
		m->asynctimerchan = false;
		m->asynctimerchan_off = true;
	} else if (len > 10 && memcmp(s, "default=go", 10) == 0 &&
		   !gomod__version(s + 10, len - 10, &m->default_major,
				   &m->default_minor)) {
		m->default_major = m->default_minor = 0;
	}
}

enum lh_status gomod_parse(struct gomod *m, const char *path, const char *text,
			   size_t len, struct lh_error *err)
{
	const char *s = text, *end = text + len;
	unsigned lineno = 0, block_line = 0;
	bool in_godebug = false, in_block = false;
	size_t bad = str_utf8_invalid(text, len);
	const char *nul = memchr(text, '\0', len);

	memset(m, 0, sizeof(*m));
	if (nul || bad < len) {
		size_t off = nul ? LH_MIN((size_t)(nul - text), bad) : bad;
		unsigned line = 1;

		for (size_t i = 0; i < off; i++)
			line += text[i] == '\n';
		return lh_fail(err, path, "not a text file: %s at line %u",
			       nul && (size_t)(nul - text) <= bad
				       ? "NUL byte" : "invalid UTF-8",
			       line);
	}
	m->found = true;
	m->path = xstrdup(path);
	while (s < end) {
		const char *eol = memchr(s, '\n', (size_t)(end - s));
		const char *tok, *p;
		size_t tlen;

		if (!eol)
			eol = end;
		lineno++;
		p = gomod__token(s, eol, &tok, &tlen);
		if (in_block) {
			if (str_eqn(tok, tlen, ")")) {
				in_block = in_godebug = false;
			} else if (in_godebug && tlen) {
				gomod_godebug(m, tok, tlen);
			}
		} else if (str_eqn(tok, tlen, "module") && !m->module) {
			p = gomod__token(p, eol, &tok, &tlen);
			m->module = xstrndup(tok, tlen);
		} else if (str_eqn(tok, tlen, "go")) {
			p = gomod__token(p, eol, &tok, &tlen);
			if (!gomod__version(tok, tlen, &m->go_major,
					    &m->go_minor)) {
				enum lh_status st = lh_fail(err, path,
					"invalid go version '%.*s' at line %u",
					(int)LH_MIN(tlen, 40), tok, lineno);
				gomod_release(m);
				return st;
			}
		} else if (str_eqn(tok, tlen, "godebug")) {
			p = gomod__skip_space(p, eol);
			if (p < eol && *p == '(') {
				in_block = in_godebug = true;
			} else {
				p = gomod__token(p, eol, &tok, &tlen);
				gomod_godebug(m, tok, tlen);
			}
		} else if (tlen && !gomod__directive(tok, tlen)) {
			enum lh_status st = lh_fail(err, path,
				"unknown directive '%.*s' at line %u",
				(int)LH_MIN(tlen, 40), tok, lineno);
			gomod_release(m);
			return st;
		} else if (tlen) {
			/* require ( ... ), replace ( ... ) and friends */
			p = gomod__skip_space(p, eol);
			while (p < eol && *p != '(' && !(p[0] == '/' &&
				p + 1 < eol && p[1] == '/'))
				p++;
			if (p < eol && *p == '(')
				in_block = true;
		}
		if (in_block && !block_line)
			block_line = lineno;
		else if (!in_block)
			block_line = 0;
		s = eol < end ? eol + 1 : end;
	}
	if (in_block) {
		enum lh_status st = lh_fail(err, path,
			"unterminated block opened at line %u", block_line);
		gomod_release(m);
		return st;
	}
	return LH_OK;
}

void gomod_release(struct gomod *m)
{
	free(m->path);
	free(m->module);
	memset(m, 0, sizeof(*m));
}

bool gomod_at_least(const struct gomod *m, int major, int minor)
{
	int ma = GO_NEWEST_MAJOR, mi = GO_NEWEST_MINOR;

	if (m && m->found && (m->go_major || m->go_minor)) {
		ma = m->go_major;
		mi = m->go_minor;
	} else if (m && m->found) {
		/* a go.mod without a `go` line: the go command assumes
		 * go 1.16 (https://go.dev/ref/mod#go-mod-file-go) */
		ma = 1;
		mi = 16;
	}
	return ma > major || (ma == major && mi >= minor);
}

bool gomod_timers_collected(const struct gomod *m)
{
	if (m && m->asynctimerchan)
		return false;
	if (m && m->asynctimerchan_off)
		return true;
	if (m && (m->default_major || m->default_minor))
		return m->default_major > 1 ||
		       (m->default_major == 1 && m->default_minor >= 23);
	return gomod_at_least(m, 1, 23);
}

const char *gomod_timers_why(const struct gomod *m, char *buf, size_t n)
{
	if (m && m->asynctimerchan)
		snprintf(buf, n, "godebug asynctimerchan=1");
	else if (m && (m->default_major || m->default_minor))
		snprintf(buf, n, "godebug default=go%d.%d", m->default_major,
			 m->default_minor);
	else if (m && m->found && !m->go_major && !m->go_minor)
		snprintf(buf, n, "go.mod has no go line, so go 1.16");
	else if (m)
		snprintf(buf, n, "go %d.%d < 1.23", m->go_major, m->go_minor);
	else
		snprintf(buf, n, "go < 1.23");
	return buf;
}

/* ---------------------------------------------------------------- cache */

struct gomod_cache {
	pthread_mutex_t mu;
	struct map by_dir; /* directory -> struct gomod* */
	VEC(struct gomod *) all;
	struct gomod none;
	lh_diag_fn diag;
	void *diag_ctx;
	size_t max_size;
};

struct gomod_cache *gomod_cache_new(lh_diag_fn diag, void *diag_ctx)
{
	struct gomod_cache *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->mu, NULL);
	map_init(&c->by_dir);
	c->diag = diag;
	c->diag_ctx = diag_ctx;
	c->max_size = GOMOD_MAX_SIZE_DEFAULT;
	return c;
}

void gomod_cache_free(struct gomod_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->all.len; i++) {
		gomod_release(c->all.items[i]);
		free(c->all.items[i]);
	}
	VEC_FREE(&c->all);
	map_release(&c->by_dir);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

static const struct gomod *gomod__lookup(struct gomod_cache *c,
					 const char *dir)
{
	const struct gomod *m = map_gets(&c->by_dir, dir);
	char *path, *parent, *slash;
	struct stat st;

	if (m)
		return m;
	path = xasprintf("%s/go.mod", dir);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		struct buf b;
		struct lh_error err;
		struct gomod *nm = xcalloc(1, sizeof(*nm));

		buf_init(&b, c->max_size);
		if (buf_read_file(&b, path, &err) != LH_OK ||
		    gomod_parse(nm, path, b.data, b.len, &err) != LH_OK) {
			if (c->diag)
				c->diag(c->diag_ctx, &err);
			free(nm);
			m = &c->none;
		} else {
			VEC_PUSH(&c->all, nm);
			m = nm;
		}
		buf_release(&b);
		free(path);
		map_puts(&c->by_dir, dir, (void *)m);
		return m;
	}
	free(path);
	/* go up one directory */
	parent = xstrdup(dir);
	slash = strrchr(parent, '/');
	if (!slash || strcmp(dir, "/") == 0 || strcmp(dir, ".") == 0 ||
	    strcmp(dir, "..") == 0) {
		char *real = NULL;

		if (strcmp(dir, "/") != 0 && (real = realpath(dir, NULL)) &&
		    strcmp(real, dir) != 0)
			m = gomod__lookup(c, real);
		else
			m = &c->none;
		free(real);
	} else {
		if (slash == parent)
			slash[1] = '\0';
		else
			*slash = '\0';
		m = gomod__lookup(c, parent);
	}
	free(parent);
	map_puts(&c->by_dir, dir, (void *)m);
	return m;
}

void gomod_cache_set_max_size(struct gomod_cache *c, size_t max)
{
	c->max_size = max ? max : GOMOD_MAX_SIZE_DEFAULT;
}

const struct gomod *gomod_cache_get(struct gomod_cache *c, const char *dir)
{
	const struct gomod *m;

	pthread_mutex_lock(&c->mu);
	m = gomod__lookup(c, dir);
	pthread_mutex_unlock(&c->mu);
	return m;
}
