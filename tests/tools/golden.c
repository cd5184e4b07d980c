/*
 * golden.c - the golden test runner.
 *
 * usage: golden DIR...    (default tests/golden)
 *
 * Every subdirectory G of DIR is scanned as G/... with every rule enabled
 * and _test.go files included. Each Go file is one TAP test: every line
 * annotated with `// want` must get exactly the findings it names, and no
 * other line may get any. Annotation forms (several per line allowed):
 *
 *     // want LH702
 *     // want LH702 "regexp on the message"
 *     // want LH702 `regexp` LH706
 *     // want `LH702 regexp on the message`
 *
 * A regexp matches the message or, failing that, the finding's fix advice
 * (version-aware advice is pinned this way: `// want LH401 "bytes.Clone"`).
 *
 * Prints "ok N - file" / "not ok N - file" with the differences as
 * comments, then checks that every static rule has golden cases. Exit 1
 * on any failure.
 */
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/core.h"

struct want {
	char *path;
	uint32_t line;
	char id[16];
	char *re; /* NULL = any message */
	bool matched;
};

typedef VEC(struct want) want_vec;
typedef VEC(char *) str_vec;

static unsigned tap_n, tap_fail;

static const char *skip_ws(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Reads an LHnnn id at s into w->id; returns its length or 0. */
static size_t parse_id(const char *s, struct want *w)
{
	size_t n;

	if (strncmp(s, "LH", 2) != 0)
		return 0;
	n = 2 + strspn(s + 2, "0123456789");
	if (n < 5 || n >= sizeof(w->id))
		return 0;
	memcpy(w->id, s, n);
	w->id[n] = '\0';
	return n;
}

/* Parses the annotations after "// want" on one line. */
static bool parse_wants(const char *path, uint32_t line, const char *s,
			want_vec *out)
{
	for (;;) {
		struct want w = { 0 };
		size_t n;

		s = skip_ws(s);
		if (!*s)
			return true;
		if (*s == '`' || *s == '"') {
			/* `LH702 regexp` form */
			char q = *s++;
			const char *end = strchr(s, q), *re;

			if (!end || !(n = parse_id(s, &w)))
				return false;
			re = skip_ws(s + n);
			if (re < end)
				w.re = xstrndup(re, (size_t)(end - re));
			s = end + 1;
		} else if ((n = parse_id(s, &w)) != 0) {
			s = skip_ws(s + n);
			if (*s == '"' || *s == '`') {
				char q = *s++;
				const char *end = strchr(s, q);

				if (!end)
					return false;
				w.re = xstrndup(s, (size_t)(end - s));
				s = end + 1;
			}
		} else {
			return false;
		}
		w.path = xstrdup(path);
		w.line = line;
		VEC_PUSH(out, w);
	}
}

static void read_wants(const char *path, want_vec *out)
{
	struct buf b;
	struct lh_error err;
	uint32_t line = 1;
	const char *s;

	buf_init(&b, 0);
	if (buf_read_file(&b, path, &err) != LH_OK) {
		buf_release(&b);
		return;
	}
	for (s = b.data; *s; line++) {
		const char *eol = strchr(s, '\n');
		char *l = xstrndup(s, eol ? (size_t)(eol - s) : strlen(s));
		char *w = strstr(l, "// want ");

		if (w && !parse_wants(path, line, w + 8, out))
			printf("# %s:%u: malformed want annotation\n", path,
			       line);
		free(l);
		if (!eol)
			break;
		s = eol + 1;
	}
	buf_release(&b);
}

static void collect_files(const char *dir, str_vec *files)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char *p;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			collect_files(p, files);
			free(p);
		} else if (str_has_suffix(p, ".go")) {
			VEC_PUSH(files, p);
		} else {
			free(p);
		}
	}
	closedir(d);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool want_matches(const struct want *w, const struct lh_finding *f)
{
	regex_t re;
	bool ok;

	if (strcmp(w->path, f->loc.path) != 0 || w->line != f->loc.line ||
	    strcmp(w->id, f->rule->id) != 0)
		return false;
	if (!w->re)
		return true;
	if (regcomp(&re, w->re, REG_EXTENDED | REG_NOSUB) != 0) {
		printf("# bad regexp '%s'\n", w->re);
		return false;
	}
	ok = regexec(&re, f->message, 0, NULL, 0) == 0 ||
	     (f->fix && regexec(&re, f->fix, 0, NULL, 0) == 0);
	regfree(&re);
	return ok;
}

static void diag(void *ctx, const struct lh_error *err)
{
	(*(unsigned *)ctx)++;
	printf("# input error: %s: %s\n", err->input, err->msg);
}

static void report_file(const char *path, const want_vec *wants,
			const lh_findings *f, const bool *extra,
			unsigned input_errors)
{
	struct buf msgs = BUF_INIT;

	for (size_t k = 0; k < wants->len; k++) {
		const struct want *w = &wants->items[k];

		if (!w->matched && strcmp(w->path, path) == 0)
			buf_printf(&msgs, "#   missing:    %s:%u: %s%s%s%s\n",
				   path, w->line, w->id, w->re ? " /" : "",
				   w->re ? w->re : "", w->re ? "/" : "");
	}
	for (size_t k = 0; k < lh_findings_count(f); k++) {
		const struct lh_finding *x = lh_findings_at(f, k);

		if (extra[k] && x->loc.path && strcmp(x->loc.path, path) == 0)
			buf_printf(&msgs, "#   unexpected: %s:%u:%u: %s %s\n",
				   path, x->loc.line, x->loc.col, x->rule->id,
				   x->message);
	}
	tap_n++;
	if (msgs.len || input_errors) {
		tap_fail++;
		printf("not ok %u - %s\n%s", tap_n, path,
		       msgs.data ? msgs.data : "");
	} else {
		printf("ok %u - %s\n", tap_n, path);
	}
	buf_release(&msgs);
}

/* Runs one group directory; records the ids it expects in covered. */
static void run_group(const char *dir, struct map *covered)
{
	str_vec files = VEC_INIT;
	want_vec wants = VEC_INIT;
	char *pattern = xasprintf("%s/...", dir);
	const char *paths[] = { pattern };
	struct lh_scan_options o = { 0 };
	struct lh_error err;
	unsigned input_errors = 0;
	lh_findings *f = lh_findings_new();
	bool *extra;

	collect_files(dir, &files);
	if (files.len)
		qsort(files.items, files.len, sizeof(char *), cmp_str);
	for (size_t i = 0; i < files.len; i++)
		read_wants(files.items[i], &wants);
	for (size_t i = 0; i < wants.len; i++)
		map_puts(covered, wants.items[i].id, (void *)1);
	o.paths = paths;
	o.npaths = 1;
	o.tests = true;
	o.jobs = 2;
	o.diag = diag;
	o.diag_ctx = &input_errors;
	if (lh_scan(&o, f, NULL, &err) != LH_OK)
		printf("# scan failed: %s\n", err.msg);
	extra = xcalloc(lh_findings_count(f) + 1, sizeof(bool));
	for (size_t k = 0; k < lh_findings_count(f); k++) {
		const struct lh_finding *x = lh_findings_at(f, k);
		bool hit = false;

		for (size_t i = 0; i < wants.len && !hit; i++) {
			if (!wants.items[i].matched &&
			    want_matches(&wants.items[i], x)) {
				wants.items[i].matched = true;
				hit = true;
			}
		}
		extra[k] = !hit;
	}
	for (size_t i = 0; i < files.len; i++)
		report_file(files.items[i], &wants, f, extra, input_errors);
	for (size_t i = 0; i < wants.len; i++) {
		free(wants.items[i].path);
		free(wants.items[i].re);
	}
	VEC_FREE(&wants);
	for (size_t i = 0; i < files.len; i++)
		free(files.items[i]);
	VEC_FREE(&files);
	free(extra);
	free(pattern);
	lh_findings_free(f);
}

static void run_root(const char *root, struct map *covered)
{
	DIR *d = opendir(root);
	struct dirent *e;
	str_vec groups = VEC_INIT;

	if (!d) {
		printf("not ok %u - cannot open %s\n", ++tap_n, root);
		tap_fail++;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] != '.')
			VEC_PUSH(&groups, xasprintf("%s/%s", root, e->d_name));
	}
	closedir(d);
	if (groups.len)
		qsort(groups.items, groups.len, sizeof(char *), cmp_str);
	for (size_t i = 0; i < groups.len; i++) {
		struct stat st;

		if (stat(groups.items[i], &st) == 0 && S_ISDIR(st.st_mode))
			run_group(groups.items[i], covered);
		free(groups.items[i]);
	}
	VEC_FREE(&groups);
}

int main(int argc, char **argv)
{
	struct map covered = MAP_INIT;

	if (argc < 2)
		run_root("tests/golden", &covered);
	for (int i = 1; i < argc; i++)
		run_root(argv[i], &covered);
	/* every static rule must have golden cases that expect it */
	for (size_t i = 0; i < lh_rule_count(); i++) {
		const struct lh_rule *r = lh_rule_at(i);

		if (r->kind != LH_RULE_STATIC)
			continue;
		tap_n++;
		if (map_gets(&covered, r->id)) {
			printf("ok %u - %s has golden cases\n", tap_n, r->id);
		} else {
			tap_fail++;
			printf("not ok %u - %s has golden cases\n", tap_n, r->id);
		}
	}
	map_release(&covered);
	printf("1..%u\n", tap_n);
	return tap_fail ? 1 : 0;
}
