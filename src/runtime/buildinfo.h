/*
 * buildinfo.h - the Go version and module of a Go binary, read from its ELF
 * `.go.buildinfo` section (FORMATS.md B5; Go's debug/buildinfo).
 *
 * Section layout:
 *   [0,14)   magic "\xff Go buildinf:"
 *   14       pointer size (4 or 8)
 *   15       flags: bit 0 big-endian (pointer form), bit 1 inline strings
 *   inline form (Go >= 1.18, flag 2): at 32, two strings, each a uvarint
 *            length then the bytes: the version ("go1.19.8"), the module
 *            info
 *   pointer form (Go < 1.18): at 16 and 16+ptrsize, the addresses of two
 *            Go string headers {data pointer, length} elsewhere in the file
 * The module info is wrapped in 16-byte sentinels and holds lines
 * "path\tPKG", "mod\tPATH\tVERSION\tSUM", "dep\t...", "build\tKEY=VALUE".
 */
#ifndef LH_RUNTIME_BUILDINFO_H
#define LH_RUNTIME_BUILDINFO_H

#include "core/core.h"

#define GO_BUILDINFO_MAGIC "\xff Go buildinf:"
#define GO_BUILDINFO_MAGIC_LEN 14
#define GO_BUILDINFO_FLAG_BIGENDIAN 0x1
#define GO_BUILDINFO_FLAG_INLINE 0x2

struct go_buildinfo {
	char version[64];      /* "go1.19.8" */
	char path[512];	       /* main package path ("command-line-arguments") */
	char module[512];      /* main module path, or "" */
	char godebug[512];     /* DefaultGODEBUG build setting, or "" */
	bool pointer_form;     /* pre-1.18 layout */
	bool recovered;	       /* no .go.buildinfo section: version and
				* module info found by scanning the data
				* (runtime.buildVersion, runtime.modinfo) */
};

/* Reads `size` bytes at virtual address addr of the binary into out;
 * false when addr is not backed by the file. */
typedef bool (*buildinfo_read_fn)(void *ctx, uint64_t addr, void *out,
				  size_t size);

/* Parses a .go.buildinfo section's bytes. `rd` resolves the pointer form's
 * addresses (may be NULL when only the inline form is expected). */
LH_WARN_UNUSED enum lh_status buildinfo_parse(const uint8_t *sec, size_t n,
					      buildinfo_read_fn rd, void *ctx,
					      struct go_buildinfo *bi,
					      const char *name,
					      struct lh_error *err);

/* Opens an ELF file and parses its .go.buildinfo. A Go binary without the
 * section (.gopclntab present) is read the way the runtime holds the same
 * facts: the module info between its sentinels, and the version string
 * that a {pointer, length} pair in .data/.noptrdata points at (see
 * `recovered`). Errors name the file: "not an ELF file", "not a Go binary
 * (no .go.buildinfo section)". */
LH_WARN_UNUSED enum lh_status buildinfo_read_file(const char *path,
						  struct go_buildinfo *bi,
						  struct lh_error *err);

/* Major and minor of a "go1.N[.P]" version; false when not of that form
 * (e.g. "devel +abc"). */
bool buildinfo_go_minor(const char *version, int *major, int *minor);

/* Whether timers created by this binary follow the pre-Go-1.23 semantics
 * (an unstopped Ticker is never collected): Go < 1.23, or
 * asynctimerchan=1 in DefaultGODEBUG. */
bool buildinfo_async_timers(const struct go_buildinfo *bi);

#endif /* LH_RUNTIME_BUILDINFO_H */
