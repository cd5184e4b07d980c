/*
 * discover.c - expand scan arguments into packages (directories and the Go
 * files in them), the way `go vet` reads them: FILE.go, DIR, DIR/... .
 *
 * Walking DIR/... skips vendor/, testdata/ and directories whose names start
 * with '.' or '_' (as the go command does), never follows a symlinked
 * directory (so symlink loops cannot trap it), and skips _test.go files
 * unless asked for them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "golang/golang.h"

static void discover__error(const struct discover_options *o, size_t *errors,
			    const char *input, const char *msg)
{
	struct lh_error err;

	lh_fail(&err, input, "%s", msg);
	(*errors)++;
	if (o->diag)
		o->diag(o->diag_ctx, &err);
}

static int discover__cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool discover__is_go_file(const char *name, bool tests)
{
	if (name[0] == '.' || name[0] == '_' || !str_has_suffix(name, ".go"))
		return false;
	return tests || !str_has_suffix(name, "_test.go");
}

static char *discover__join(const char *dir, const char *name)
{
	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	if (str_has_suffix(dir, "/"))
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

/* Adds the Go files of dir as one package and, when recursive, walks its
 * subdirectories. */
static void discover__dir(const char *dir, bool recursive,
			  const struct discover_options *o, godir_vec *out,
			  size_t *errors)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct godir g = { 0 };
	VEC(char *) subdirs = VEC_INIT;

	if (!d) {
		discover__error(o, errors, dir, strerror(errno));
		return;
	}
	g.dir = xstrdup(dir);
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		char *path;
		struct stat st;

		if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			continue;
		path = discover__join(dir, name);
		if (lstat(path, &st) != 0) {
			discover__error(o, errors, path, strerror(errno));
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (recursive && name[0] != '.' && name[0] != '_' &&
			    strcmp(name, "vendor") != 0 &&
			    strcmp(name, "testdata") != 0)
				VEC_PUSH(&subdirs, path);
			else
				free(path);
			continue;
		}
		if (!discover__is_go_file(name, o->tests)) {
			free(path);
			continue;
		}
		/* a symlinked file is read through the link; a dangling or
		 * looping one is an error */
		if (S_ISLNK(st.st_mode) && stat(path, &st) != 0) {
			discover__error(o, errors, path, strerror(errno));
			free(path);
			continue;
		}
		/* a FIFO, socket or device named x.go: reading it could block
		 * forever, skipping it silently would hide a file the user
		 * meant to scan */
		if (!S_ISREG(st.st_mode)) {
			discover__error(o, errors, path,
					S_ISDIR(st.st_mode)
						? "symbolic link to a directory, not followed"
						: "not a regular file");
			free(path);
			continue;
		}
		VEC_PUSH(&g.files, path);
		g.bytes += (uint64_t)st.st_size;
	}
	closedir(d);
	if (g.files.len) {
		qsort(g.files.items, g.files.len, sizeof(char *),
		      discover__cmp_str);
		VEC_PUSH(out, g);
	} else {
		free(g.dir);
		VEC_FREE(&g.files);
	}
	if (subdirs.len)
		qsort(subdirs.items, subdirs.len, sizeof(char *),
		      discover__cmp_str);
	for (size_t i = 0; i < subdirs.len; i++) {
		discover__dir(subdirs.items[i], true, o, out, errors);
		free(subdirs.items[i]);
	}
	VEC_FREE(&subdirs);
}

static int discover__cmp_dir(const void *a, const void *b)
{
	const struct godir *x = a, *y = b;
	int c = strcmp(x->dir, y->dir);

	if (c == 0)
		c = (int)x->explicit_files - (int)y->explicit_files;
	return c;
}

void discover(const char *const *paths, size_t npaths,
	      const struct discover_options *o, godir_vec *out,
	      size_t *errors)
{
	struct godir files = { 0 };

	for (size_t i = 0; i < npaths; i++) {
		char *arg = xstrdup(paths[i]);
		size_t n = strlen(arg);
		bool recursive = false;
		struct stat st;

		if (strcmp(arg, "...") == 0) {
			free(arg);
			arg = xstrdup(".");
			recursive = true;
		} else if (n >= 4 && strcmp(arg + n - 4, "/...") == 0) {
			arg[n - 4] = '\0';
			if (!arg[0])
				strcpy(arg, "/");
			recursive = true;
		}
		while (strlen(arg) > 1 && str_has_suffix(arg, "/"))
			arg[strlen(arg) - 1] = '\0';
		if (stat(arg, &st) != 0) {
			discover__error(o, errors, paths[i], strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			discover__dir(arg, recursive, o, out, errors);
		} else if (recursive) {
			discover__error(o, errors, paths[i], "not a directory");
		} else if (!str_has_suffix(arg, ".go")) {
			discover__error(o, errors, paths[i], "not a .go file");
		} else {
			/* named files form one package per directory */
			char *slash = strrchr(arg, '/');
			char *dir = slash ? xstrndup(arg, (size_t)(slash - arg))
					  : xstrdup(".");
			struct godir *g = NULL;

			if (slash && slash == arg) {
				free(dir);
				dir = xstrdup("/");
			}
			for (size_t k = 0; k < out->len; k++) {
				if (out->items[k].explicit_files &&
				    strcmp(out->items[k].dir, dir) == 0)
					g = &out->items[k];
			}
			if (!g) {
				files.dir = dir;
				files.explicit_files = true;
				VEC_PUSH(out, files);
				g = &out->items[out->len - 1];
				memset(&files, 0, sizeof(files));
			} else {
				free(dir);
			}
			VEC_PUSH(&g->files, xstrdup(arg));
			g->bytes += (uint64_t)st.st_size;
		}
		free(arg);
	}
	if (out->len)
		qsort(out->items, out->len, sizeof(struct godir),
		      discover__cmp_dir);
	/* the same directory reached twice (./... and ./x): keep one */
	for (size_t i = 1; i < out->len;) {
		struct godir *a = &out->items[i - 1], *b = &out->items[i];

		if (strcmp(a->dir, b->dir) == 0 &&
		    a->explicit_files == b->explicit_files &&
		    !a->explicit_files) {
			for (size_t k = 0; k < b->files.len; k++)
				free(b->files.items[k]);
			VEC_FREE(&b->files);
			free(b->dir);
			memmove(b, b + 1, (out->len - i - 1) * sizeof(*b));
			out->len--;
		} else {
			i++;
		}
	}
}

void discover_free(godir_vec *v)
{
	for (size_t i = 0; i < v->len; i++) {
		for (size_t k = 0; k < v->items[i].files.len; k++)
			free(v->items[i].files.items[k]);
		VEC_FREE(&v->items[i].files);
		free(v->items[i].dir);
	}
	VEC_FREE(v);
}
