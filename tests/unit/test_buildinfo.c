/*
 * test_buildinfo.c - .go.buildinfo parsing: the inline form (Go >= 1.18),
 * the pointer form (Go < 1.18, both byte orders, through a fake address
 * space), truncated and foreign sections, and the version helpers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "runtime/buildinfo.h"

static const char modinfo[] =
	"0w\xaf\x0c\x92t\x08\x02" "A\xe1\xc1\x07\xe6\xd6\x18\xe6"
	"path\texample.com/svc/cmd/api\n"
	"mod\texample.com/svc\t(devel)\t\n"
	"dep\tgolang.org/x/sync\tv0.1.0\th1:abc=\n"
	"build\t-compiler=gc\n"
	"build\tDefaultGODEBUG=asynctimerchan=1,panicnil=1\n"
	"\xf9" "2C1\x86\x18 r\x00\x82" "B\x10" "A\x16\xd8\xf2";

static size_t header(uint8_t *sec, unsigned psz, uint8_t flags)
{
	memset(sec, 0, 32);
	memcpy(sec, GO_BUILDINFO_MAGIC, GO_BUILDINFO_MAGIC_LEN);
	sec[14] = (uint8_t)psz;
	sec[15] = flags;
	return 32;
}

static size_t put_uvarint(uint8_t *p, uint64_t v)
{
	size_t n = 0;

	while (v >= 0x80) {
		p[n++] = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (uint8_t)v;
	return n;
}

static void test_inline_form(void **state)
{
	uint8_t sec[1024];
	size_t n = header(sec, 8, GO_BUILDINFO_FLAG_INLINE);
	struct go_buildinfo bi;
	struct lh_error err;

	(void)state;
	n += put_uvarint(sec + n, 8);
	memcpy(sec + n, "go1.19.8", 8);
	n += 8;
	n += put_uvarint(sec + n, sizeof(modinfo) - 1); /* 2-byte varint */
	memcpy(sec + n, modinfo, sizeof(modinfo) - 1);
	n += sizeof(modinfo) - 1;
	assert_int_equal(buildinfo_parse(sec, n, NULL, NULL, &bi, "x", &err),
			 LH_OK);
	assert_string_equal(bi.version, "go1.19.8");
	assert_string_equal(bi.path, "example.com/svc/cmd/api");
	assert_string_equal(bi.module, "example.com/svc");
	assert_string_equal(bi.godebug, "asynctimerchan=1,panicnil=1");
	assert_false(bi.pointer_form);
	assert_true(buildinfo_async_timers(&bi));

	/* cut inside the module info */
	assert_int_equal(buildinfo_parse(sec, n - 10, NULL, NULL, &bi, "cut", &err),
			 LH_ERR);
	assert_string_equal(err.input, "cut");
	assert_non_null(strstr(err.msg, "truncated module info"));
	/* a varint that never ends */
	memset(sec + 32, 0xff, 20);
	assert_int_equal(buildinfo_parse(sec, 52, NULL, NULL, &bi, "v", &err),
			 LH_ERR);
}

/* A fake address space for the pointer form: one region at 0x1000. */
struct mem {
	uint8_t bytes[1024];
	uint64_t base;
};

static bool mem_read(void *ctx, uint64_t addr, void *out, size_t size)
{
	struct mem *m = ctx;

	if (addr < m->base || addr - m->base + size > sizeof(m->bytes))
		return false;
	memcpy(out, m->bytes + (addr - m->base), size);
	return true;
}

static void put_word(uint8_t *p, uint64_t v, unsigned psz, bool big)
{
	for (unsigned i = 0; i < psz; i++) {
		unsigned k = big ? psz - 1 - i : i;

		p[k] = (uint8_t)(v >> (8 * i));
	}
}

static void pointer_form(unsigned psz, bool big)
{
	uint8_t sec[64];
	struct mem m = { { 0 }, 0x1000 };
	struct go_buildinfo bi;
	struct lh_error err;
	const char *ver = "go1.16.15";

	header(sec, psz, big ? GO_BUILDINFO_FLAG_BIGENDIAN : 0);
	/* string headers at 0x1000 (version) and 0x1010 (modinfo) */
	put_word(sec + 16, 0x1000, psz, big);
	put_word(sec + 16 + psz, 0x1010, psz, big);
	put_word(m.bytes + 0, 0x1100, psz, big);
	put_word(m.bytes + psz, strlen(ver), psz, big);
	put_word(m.bytes + 0x10, 0x1200, psz, big);
	put_word(m.bytes + 0x10 + psz, sizeof(modinfo) - 1, psz, big);
	memcpy(m.bytes + 0x100, ver, strlen(ver));
	memcpy(m.bytes + 0x200, modinfo, sizeof(modinfo) - 1);
	assert_int_equal(buildinfo_parse(sec, sizeof(sec), mem_read, &m, &bi,
					 "old", &err),
			 LH_OK);
	assert_true(bi.pointer_form);
	assert_string_equal(bi.version, ver);
	assert_string_equal(bi.module, "example.com/svc");

	/* a pointer outside the file */
	put_word(sec + 16, 0x9000, psz, big);
	assert_int_equal(buildinfo_parse(sec, sizeof(sec), mem_read, &m, &bi,
					 "old", &err),
			 LH_ERR);
	assert_non_null(strstr(err.msg, "outside the file"));
}

static void test_pointer_form(void **state)
{
	(void)state;
	pointer_form(8, false);
	pointer_form(4, false);
	pointer_form(8, true);
}

static void test_not_buildinfo(void **state)
{
	uint8_t sec[64] = "\xff Go buildinf?";
	struct go_buildinfo bi;
	struct lh_error err;

	(void)state;
	assert_int_equal(buildinfo_parse(sec, sizeof(sec), NULL, NULL, &bi, "s",
					 &err),
			 LH_ERR);
	assert_int_equal(buildinfo_parse(sec, 10, NULL, NULL, &bi, "s", &err),
			 LH_ERR);
	header(sec, 3, 0); /* pointer form with a bad pointer size */
	assert_int_equal(buildinfo_parse(sec, sizeof(sec), NULL, NULL, &bi, "s",
					 &err),
			 LH_ERR);
	assert_int_equal(buildinfo_read_file("/proc/self/status", &bi, &err),
			 LH_ERR);
	assert_string_equal(err.msg, "not an ELF file");
	assert_int_equal(buildinfo_read_file("/proc/self/exe", &bi, &err),
			 LH_ERR); /* a C program */
	assert_non_null(strstr(err.msg, "not a Go binary"));
	assert_int_equal(buildinfo_read_file("/nonexistent", &bi, &err), LH_ERR);
}

static void test_versions(void **state)
{
	struct go_buildinfo bi = { 0 };
	int a, b;

	(void)state;
	assert_true(buildinfo_go_minor("go1.19.8", &a, &b));
	assert_true(a == 1 && b == 19);
	assert_true(buildinfo_go_minor("go1.26rc1", &a, &b));
	assert_int_equal(b, 26);
	assert_false(buildinfo_go_minor("devel +abc", &a, &b));
	strcpy(bi.version, "go1.22.1");
	assert_true(buildinfo_async_timers(&bi));
	strcpy(bi.version, "go1.23.0");
	assert_false(buildinfo_async_timers(&bi));
	strcpy(bi.godebug, "asynctimerchan=1");
	assert_true(buildinfo_async_timers(&bi));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inline_form),
		cmocka_unit_test(test_pointer_form),
		cmocka_unit_test(test_not_buildinfo),
		cmocka_unit_test(test_versions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
