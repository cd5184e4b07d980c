/*
 * buildinfo.c - Go version and module from an ELF binary (see buildinfo.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/buildinfo.h"

#define BI_HEADER_LEN 32
#define BI_MAX_SECTION ((size_t)1 << 20)
#define BI_MAX_STRING ((uint64_t)1 << 20)
#define BI_SENTINEL_LEN 16
#define BI_MAX_FILE ((uint64_t)2 << 30)
#define BI_MAX_CANDIDATES 64

/* runtime/debug's markers around the module info string */
static const uint8_t bi_start_sentinel[BI_SENTINEL_LEN] = {
	0x30, 0x77, 0xaf, 0x0c, 0x92, 0x74, 0x08, 0x02,
	0x41, 0xe1, 0xc1, 0x07, 0xe6, 0xd6, 0x18, 0xe6,
};
static const uint8_t bi_end_sentinel[BI_SENTINEL_LEN] = {
	0xf9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72,
	0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xd8, 0xf2,
};

/* ---------------------------------------------------------------- parse */

static bool bi__uvarint(const uint8_t *p, size_t n, size_t *off, uint64_t *v)
{
	uint64_t x = 0;

	for (unsigned shift = 0; shift < 64 && *off < n; shift += 7) {
		uint8_t b = p[(*off)++];

		x |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*v = x;
			return true;
		}
	}
	return false;
}

static uint64_t bi__word(const uint8_t *p, unsigned size, bool big)
{
	uint64_t v = 0;

	for (unsigned i = 0; i < size; i++) {
		unsigned k = big ? i : size - 1 - i;

		v = v << 8 | p[k];
	}
	return v;
}

/* Reads the Go string whose header is at addr (pointer form). Caller frees
 * *out with free(). */
static bool bi__gostring(buildinfo_read_fn rd, void *ctx, uint64_t addr,
			 unsigned psz, bool big, char **out, size_t *len)
{
	uint8_t hdr[16];
	uint64_t data, n;

	if (!rd || !rd(ctx, addr, hdr, 2 * psz))
		return false;
	data = bi__word(hdr, psz, big);
	n = bi__word(hdr + psz, psz, big);
	if (n > BI_MAX_STRING)
		return false;
	*out = xmalloc(n + 1);
	if (n && !rd(ctx, data, *out, n)) {
		free(*out);
		return false;
	}
	(*out)[n] = '\0';
	*len = n;
	return true;
}

static void bi__copy(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* Fills path, module, godebug from the module info text. */
static void bi__modinfo(struct go_buildinfo *bi, const char *m, size_t n)
{
	const char *end;

	/* the 16-byte sentinels around it (Go 1.13+) */
	if (n >= 2 * BI_SENTINEL_LEN + 1 && m[n - BI_SENTINEL_LEN - 1] == '\n') {
		m += BI_SENTINEL_LEN;
		n -= 2 * BI_SENTINEL_LEN;
	}
	end = m + n;
	while (m < end) {
		const char *nl = memchr(m, '\n', (size_t)(end - m));
		const char *le = nl ? nl : end;
		size_t ll = (size_t)(le - m);

		if (ll > 5 && memcmp(m, "path\t", 5) == 0) {
			bi__copy(bi->path, sizeof(bi->path), m + 5, ll - 5);
		} else if (ll > 4 && memcmp(m, "mod\t", 4) == 0) {
			const char *tab = memchr(m + 4, '\t', ll - 4);

			bi__copy(bi->module, sizeof(bi->module), m + 4,
				 (size_t)((tab ? tab : le) - (m + 4)));
		} else if (ll > 22 &&
			   memcmp(m, "build\tDefaultGODEBUG=", 21) == 0) {
			bi__copy(bi->godebug, sizeof(bi->godebug), m + 21,
				 ll - 21);
		}
		m = le + 1;
	}
}

enum lh_status buildinfo_parse(const uint8_t *sec, size_t n,
			       buildinfo_read_fn rd, void *ctx,
			       struct go_buildinfo *bi, const char *name,
			       struct lh_error *err)
{
	unsigned psz;
	uint8_t flags;

	memset(bi, 0, sizeof(*bi));
	if (n < BI_HEADER_LEN ||
	    memcmp(sec, GO_BUILDINFO_MAGIC, GO_BUILDINFO_MAGIC_LEN) != 0)
		return lh_fail(err, name, "no Go build info magic");
	psz = sec[14];
	flags = sec[15];
	if (flags & GO_BUILDINFO_FLAG_INLINE) {
		size_t off = BI_HEADER_LEN;
		uint64_t len;

		if (!bi__uvarint(sec, n, &off, &len) || len > n - off)
			return lh_fail(err, name, "truncated Go version at byte %zu",
				       off);
		bi__copy(bi->version, sizeof(bi->version),
			 (const char *)sec + off, (size_t)len);
		off += (size_t)len;
		if (!bi__uvarint(sec, n, &off, &len) || len > n - off)
			return lh_fail(err, name,
				       "truncated module info at byte %zu", off);
		bi__modinfo(bi, (const char *)sec + off, (size_t)len);
	} else {
		bool big = flags & GO_BUILDINFO_FLAG_BIGENDIAN;
		char *s;
		size_t len;

		if (psz != 4 && psz != 8)
			return lh_fail(err, name, "bad pointer size %u", psz);
		if (n < 16 + 2 * psz)
			return lh_fail(err, name, "truncated build info header");
		bi->pointer_form = true;
		if (!bi__gostring(rd, ctx, bi__word(sec + 16, psz, big), psz,
				  big, &s, &len))
			return lh_fail(err, name,
				       "Go version pointer outside the file");
		bi__copy(bi->version, sizeof(bi->version), s, len);
		free(s);
		if (bi__gostring(rd, ctx, bi__word(sec + 16 + psz, psz, big),
				 psz, big, &s, &len)) {
			bi__modinfo(bi, s, len);
			free(s);
		}
	}
	if (!str_has_prefix(bi->version, "go") &&
	    !str_has_prefix(bi->version, "devel"))
		return lh_fail(err, name, "unexpected Go version string '%.40s'",
			       bi->version);
	return LH_OK;
}

/* ---------------------------------------------------------------- ELF */

struct bi__elf {
	int fd;
	Elf *elf;
};

/* Maps a virtual address to the file through the section that holds it. */
static bool bi__read_vaddr(void *ctx, uint64_t addr, void *out, size_t size)
{
	struct bi__elf *e = ctx;
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(e->elf, scn)) != NULL) {
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type == SHT_NOBITS)
			continue;
		if (addr >= sh.sh_addr && sh.sh_size >= size &&
		    addr - sh.sh_addr <= sh.sh_size - size) {
			off_t off = (off_t)(sh.sh_offset + (addr - sh.sh_addr));

			return pread(e->fd, out, size, off) == (ssize_t)size;
		}
	}
	return false;
}

/* Without .go.buildinfo (some release builds drop the section), the same
 * facts are still in the binary: runtime.modinfo's text between its
 * sentinels, and runtime.buildVersion, a Go string {pointer, length} in a
 * writable data section pointing at "go1.N..." in .rodata. */
struct bi__map {
	const uint8_t *data;
	size_t size;
};

struct bi__sec {
	uint64_t addr, off, size;
	bool write;
};

static const uint8_t *bi__memmem(const uint8_t *h, size_t hn, const void *n,
				 size_t nn)
{
	return memmem(h, hn, n, nn);
}

static bool bi__scan_modinfo(const struct bi__map *m, struct go_buildinfo *bi)
{
	const uint8_t *s = bi__memmem(m->data, m->size, bi_start_sentinel,
				      BI_SENTINEL_LEN);
	const uint8_t *e;
	size_t left;

	if (!s)
		return false;
	left = m->size - (size_t)(s - m->data);
	if (left > BI_MAX_STRING)
		left = BI_MAX_STRING;
	e = bi__memmem(s + BI_SENTINEL_LEN, left - BI_SENTINEL_LEN,
		       bi_end_sentinel, BI_SENTINEL_LEN);
	if (!e)
		return false;
	bi__modinfo(bi, (const char *)s,
		    (size_t)(e - s) + BI_SENTINEL_LEN);
	return true;
}

/* Length of a Go version at p ("go1.26.5"), 0 when not one. */
static size_t bi__version_len(const uint8_t *p, size_t left)
{
	size_t i = 3;

	if (left < 5 || memcmp(p, "go1.", 4) != 0)
		return 0;
	while (i < left && i < 40 &&
	       ((p[i] >= '0' && p[i] <= '9') || p[i] == '.'))
		i++;
	return p[i - 1] == '.' ? 0 : i;
}

static bool bi__scan_version(const struct bi__map *m, const struct bi__sec *ro,
			     const struct bi__sec *rw, size_t nrw,
			     unsigned psz, bool big, struct go_buildinfo *bi)
{
	const uint8_t *p = m->data + ro->off;
	const uint8_t *end = p + ro->size;
	unsigned tries = 0;

	while (p < end && tries < BI_MAX_CANDIDATES) {
		const uint8_t *q = bi__memmem(p, (size_t)(end - p), "go1.", 4);
		size_t len;
		uint64_t va;

		if (!q)
			break;
		p = q + 1;
		len = bi__version_len(q, (size_t)(end - q));
		if (!len)
			continue;
		tries++;
		va = ro->addr + (uint64_t)(q - (m->data + ro->off));
		for (size_t i = 0; i < nrw; i++) {
			const uint8_t *w = m->data + rw[i].off;

			for (uint64_t o = 0; o + 2 * psz <= rw[i].size; o += psz) {
				if (bi__word(w + o, psz, big) == va &&
				    bi__word(w + o + psz, psz, big) == len) {
					bi__copy(bi->version,
						 sizeof(bi->version),
						 (const char *)q, len);
					return true;
				}
			}
		}
	}
	return false;
}

static enum lh_status bi__fallback(struct bi__elf *e, size_t shstrndx,
				   const char *path, struct go_buildinfo *bi,
				   struct lh_error *err)
{
	struct stat sb;
	struct bi__map m;
	struct bi__sec ro = { 0 }, rw[4];
	size_t nrw = 0;
	bool is_go = false, have_ro = false, ok;
	GElf_Ehdr eh;
	Elf_Scn *scn = NULL;
	unsigned psz;
	bool big;

	if (!gelf_getehdr(e->elf, &eh))
		return lh_fail(err, path, "bad ELF header");
	psz = eh.e_ident[EI_CLASS] == ELFCLASS64 ? 8 : 4;
	big = eh.e_ident[EI_DATA] == ELFDATA2MSB;
	if (fstat(e->fd, &sb) != 0 || (uint64_t)sb.st_size > BI_MAX_FILE)
		return lh_fail(err, path, "cannot map the file");
	while ((scn = elf_nextscn(e->elf, scn)) != NULL) {
		GElf_Shdr sh;
		const char *name;
		struct bi__sec x;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type == SHT_NOBITS)
			continue;
		name = elf_strptr(e->elf, shstrndx, sh.sh_name);
		if (!name || sh.sh_offset > (uint64_t)sb.st_size ||
		    sh.sh_size > (uint64_t)sb.st_size - sh.sh_offset)
			continue;
		x = (struct bi__sec){ sh.sh_addr, sh.sh_offset, sh.sh_size,
				      (sh.sh_flags & SHF_WRITE) != 0 };
		if (strcmp(name, ".gopclntab") == 0 ||
		    strcmp(name, ".note.go.buildid") == 0 ||
		    strcmp(name, ".go.module") == 0)
			is_go = true;
		if (strcmp(name, ".rodata") == 0) {
			ro = x;
			have_ro = true;
		}
		if ((strcmp(name, ".data") == 0 ||
		     strcmp(name, ".noptrdata") == 0) && nrw < ARRAY_SIZE(rw))
			rw[nrw++] = x;
	}
	if (!is_go || !have_ro)
		return lh_fail(err, path,
			       "not a Go binary (no .go.buildinfo section)");
	m.size = (size_t)sb.st_size;
	m.data = mmap(NULL, m.size, PROT_READ, MAP_PRIVATE, e->fd, 0);
	if (m.data == MAP_FAILED)
		return lh_fail(err, path, "cannot map the file: %s",
			       strerror(errno));
	ok = bi__scan_version(&m, &ro, rw, nrw, psz, big, bi);
	bi__scan_modinfo(&m, bi);
	munmap((void *)m.data, m.size);
	if (!ok)
		return lh_fail(err, path,
			       "Go binary without build info or version string");
	bi->recovered = true;
	return LH_OK;
}

static pthread_once_t bi__once = PTHREAD_ONCE_INIT;
static void bi__init(void)
{
	elf_version(EV_CURRENT);
}

enum lh_status buildinfo_read_file(const char *path, struct go_buildinfo *bi,
				   struct lh_error *err)
{
	struct bi__elf e = { -1, NULL };
	Elf_Scn *scn = NULL;
	size_t shstrndx;
	enum lh_status st = LH_ERR;
	bool found = false;

	memset(bi, 0, sizeof(*bi));
	pthread_once(&bi__once, bi__init);
	e.fd = open(path, O_RDONLY | O_CLOEXEC);
	if (e.fd < 0)
		return lh_fail(err, path, "cannot open: %s", strerror(errno));
	e.elf = elf_begin(e.fd, ELF_C_READ, NULL);
	if (!e.elf || elf_kind(e.elf) != ELF_K_ELF) {
		lh_fail(err, path, "not an ELF file");
		goto out;
	}
	if (elf_getshdrstrndx(e.elf, &shstrndx) != 0) {
		lh_fail(err, path, "ELF file without section names");
		goto out;
	}
	while ((scn = elf_nextscn(e.elf, scn)) != NULL) {
		GElf_Shdr sh;
		const char *name;
		uint8_t *sec;
		size_t n;

		if (!gelf_getshdr(scn, &sh))
			continue;
		name = elf_strptr(e.elf, shstrndx, sh.sh_name);
		if (!name || strcmp(name, ".go.buildinfo") != 0)
			continue;
		found = true;
		n = sh.sh_size < BI_MAX_SECTION ? (size_t)sh.sh_size
						: BI_MAX_SECTION;
		sec = xmalloc(n ? n : 1);
		if (sh.sh_type == SHT_NOBITS ||
		    pread(e.fd, sec, n, (off_t)sh.sh_offset) != (ssize_t)n)
			lh_fail(err, path, "cannot read .go.buildinfo");
		else
			st = buildinfo_parse(sec, n, bi__read_vaddr, &e, bi,
					     path, err);
		free(sec);
		break;
	}
	if (!found)
		st = bi__fallback(&e, shstrndx, path, bi, err);
out:
	if (e.elf)
		elf_end(e.elf);
	close(e.fd);
	return st;
}

/* ---------------------------------------------------------------- versions */

bool buildinfo_go_minor(const char *version, int *major, int *minor)
{
	char *end;
	long a, b;

	if (!str_has_prefix(version, "go"))
		return false;
	a = strtol(version + 2, &end, 10);
	if (end == version + 2 || *end != '.')
		return false;
	b = strtol(end + 1, &end, 10);
	if (a < 1 || b < 0)
		return false;
	*major = (int)a;
	*minor = (int)b;
	return true;
}

bool buildinfo_async_timers(const struct go_buildinfo *bi)
{
	int maj, min;

	if (strstr(bi->godebug, "asynctimerchan=1"))
		return true;
	if (!buildinfo_go_minor(bi->version, &maj, &min))
		return false; /* a devel toolchain is newer than 1.23 */
	return maj == 1 && min < 23;
}
