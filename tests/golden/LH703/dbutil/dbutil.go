// Package dbutil holds release helpers and readers other packages of the
// module call with their rows (issue 3, gap 1).
package dbutil

import (
	"database/sql"
	"log"
)

// CloseRows closes rows on every path.
func CloseRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		log.Printf("close rows: %v", err)
	}
}

// Names reads every row; a Scan error leaves rows open.
func Names(rows *sql.Rows) ([]string, error) {
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Columns only looks at the rows.
func Columns(rows *sql.Rows) int {
	cols, err := rows.Columns()
	if err != nil {
		return 0
	}
	return len(cols)
}

// All reads and closes on every path.
func All(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Keep hands the rows to whoever reads them from into.
func Keep(rows *sql.Rows, into chan<- *sql.Rows) { into <- rows }

// Querier wraps a database.
type Querier struct{ DB *sql.DB }

// Release closes what it is given.
func (q *Querier) Release(rows *sql.Rows) { rows.Close() }

// Peek only reads.
func (q *Querier) Peek(rows *sql.Rows) bool { return rows.Next() }
