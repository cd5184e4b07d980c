/*
 * diff_random.c - random cases for the autofix diff: for seeds 1..N, a
 * random text (short and repeated lines, blank lines, sometimes no final
 * newline) and random non-overlapping edits (insertions, replacements and
 * deletions, with and without newlines), written as DIR/<seed>/{orig,want,
 * diff}: want is fix_apply()'s result, diff is fix_diff()'s. The suite
 * checks that `patch -p1` turns orig into want with that diff.
 *
 * usage: diff_random DIR N
 */
#include <stdio.h>
#include <sys/stat.h>

#include "report/report.h"

static uint64_t rnd_state;

static uint32_t rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return n ? (uint32_t)(rnd_state % n) : 0;
}

static void text(struct buf *b, uint32_t lines, bool final_nl)
{
	static const char *const words[] = { "a", "b", "\tx := 1", "}", "",
					     "func f() {", "// c" };

	for (uint32_t i = 0; i < lines; i++) {
		buf_adds(b, words[rnd(ARRAY_SIZE(words))]);
		if (i + 1 < lines || final_nl)
			buf_addc(b, '\n');
	}
}

static bool write_file(const char *dir, const char *name, const char *data,
		       size_t len)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "wb");
	bool ok = f && fwrite(data, 1, len, f) == len;

	if (f)
		ok = fclose(f) == 0 && ok;
	free(p);
	return ok;
}

int main(int argc, char **argv)
{
	int n = argc == 3 ? atoi(argv[2]) : 0;

	if (n <= 0) {
		fprintf(stderr, "usage: diff_random DIR N\n");
		return 2;
	}
	for (int seed = 1; seed <= n; seed++) {
		struct buf src = BUF_INIT, want = BUF_INIT, diff = BUF_INIT;
		struct buf texts[8];
		struct fix_edit e[8];
		bool rej[8];
		uint32_t ne = 1 + rnd(8), k;
		char *dir = xasprintf("%s/%d", argv[1], seed);

		rnd_state = 0x9e3779b97f4a7c15ull * (uint64_t)seed + 1;
		text(&src, rnd(40), rnd(4) != 0);
		for (uint32_t i = 0; i < ne; i++) {
			uint32_t a = rnd((uint32_t)src.len + 1);
			uint32_t len = rnd(4) == 0 ? 0 : rnd(12);

			buf_init(&texts[i], 0);
			if (rnd(3))
				text(&texts[i], rnd(3), rnd(2));
			if (rnd(2))
				buf_adds(&texts[i], rnd(2) ? "\n\tdefer x()" : "y");
			e[i] = (struct fix_edit){ a, LH_MIN(a + len,
							    (uint32_t)src.len),
						  texts[i].data ? texts[i].data
								: "",
						  i, false };
		}
		k = (uint32_t)fix_select(e, ne, src.len, ne, rej);
		fix_apply(src.data ? src.data : "", src.len, e, k, &want);
		fix_diff(&diff, "f.go", src.data ? src.data : "", src.len, e, k);
		if (mkdir(dir, 0755) != 0 ||
		    !write_file(dir, "orig", src.data ? src.data : "", src.len) ||
		    !write_file(dir, "want", want.data ? want.data : "",
				want.len) ||
		    !write_file(dir, "diff", diff.data ? diff.data : "",
				diff.len)) {
			fprintf(stderr, "diff_random: cannot write '%s'\n", dir);
			return 1;
		}
		for (uint32_t i = 0; i < ne; i++)
			buf_release(&texts[i]);
		buf_release(&src);
		buf_release(&want);
		buf_release(&diff);
		free(dir);
	}
	return 0;
}
