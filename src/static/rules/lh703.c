/*
 * lh703.c - LH703: database/sql rows, statement, conn or tx is not released.
 *
 * Flags: sql.Rows from Query*, sql.Stmt from Prepare*, sql.Conn from DB.Conn not closed on some path, and a Tx from Begin/BeginTx neither committed nor rolled back on some path.
 * Ignores: rows iterated to the end (for rows.Next() {} closes them), values returned or handed on, the error branch.
 * The path analysis is the obligation engine's (static/engine.h); the
 * constructors, releases and borrowers are rows of known_apis.def.
 */
#include "static/resources.h"

static void lh703_run(struct lh_pass *p)
{
	res_report(p);
}

const struct lh_rule lh_rule_lh703 = {
	.id = "LH703",
	.name = "sql-not-closed",
	.title = "database/sql rows, statement, conn or tx is not released",
	.class = LH_CLASS_RESOURCE,
	.severity = LH_SEV_WARNING,
	.kind = LH_RULE_STATIC,
	.since = "0.1",
	.needs = LH_NEED_SCOPES | LH_NEED_OBLIGATIONS,
	.run = lh703_run,
};
