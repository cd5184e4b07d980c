/*
 * lh707.c - LH707: compress or archive reader/writer is not closed.
 *
 * Flags: gzip/zlib/flate readers and writers, and zip.OpenReader files, not closed on some path. bufio and gzip only borrow the file under them: that file's own Close is LH701's.
 * Ignores: closers returned or handed on, the error branch, compress
 * readers over memory (their Close releases nothing), and compress writers
 * over memory that some path closes (an error path drops the buffer too).
 * See lh707.md for what Close releases in each case.
 * The path analysis is the obligation engine's (static/engine.h); the
 * constructors, releases and borrowers are rows of known_apis.def.
 */
#include "static/resources.h"

static void lh707_run(struct lh_pass *p)
{
	res_report(p);
}

const struct lh_rule lh_rule_lh707 = {
	.id = "LH707",
	.name = "closer-not-closed",
	.title = "compress or archive reader/writer is not closed",
	.class = LH_CLASS_RESOURCE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_SCOPES | LH_NEED_OBLIGATIONS,
	.run = lh707_run,
};
