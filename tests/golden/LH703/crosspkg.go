// Rows handed to helpers of another package of the module: judged by the
// helper's summary (issue 3, gap 1).
package lh703

import (
	"database/sql"
	"errors"

	"golden/lh703/dbutil"
)

// The helper only reads: the rows stay open.
func columnCount(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT * FROM t") // want LH703 "never closed"
	if err != nil {
		return 0, err
	}
	return dbutil.Columns(rows), nil
}

// The helper leaves rows open when Scan fails.
func allNames(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM t") // want LH703 "not closed on every path"
	if err != nil {
		return nil, err
	}
	return dbutil.Names(rows)
}

// An early return before the release helper.
func firstName(db *sql.DB, limit int) ([]string, error) {
	rows, err := db.Query("SELECT name FROM t") // want LH703 "not closed on every path"
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		return nil, errors.New("bad limit")
	}
	defer dbutil.CloseRows(rows)
	return nil, nil
}

// A method of another package's type that only reads.
func peek(q *dbutil.Querier, db *sql.DB) (bool, error) {
	rows, err := db.Query("SELECT 1") // want LH703 "never closed"
	if err != nil {
		return false, err
	}
	return q.Peek(rows), nil
}

// ---- negatives ----

// Closed by the helper on every path.
func countAll(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT id FROM t")
	if err != nil {
		return 0, err
	}
	defer dbutil.CloseRows(rows)
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// The helper reads and closes.
func namesAll(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM t")
	if err != nil {
		return nil, err
	}
	return dbutil.All(rows)
}

// The helper keeps the rows: handed on.
func keep(db *sql.DB, out chan<- *sql.Rows) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	dbutil.Keep(rows, out)
	return nil
}

// A method of another package's type that closes.
func release(q *dbutil.Querier, db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	defer q.Release(rows)
	return nil
}

// Read by the helper, then closed here.
func columnsThenClose(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT * FROM t")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	return dbutil.Columns(rows), nil
}
