// Second redteam round, more shapes (written after the first fixes, run
// before landing): each case says TP or neg and why.
package redteam2

import (
	"context"
	"database/sql"
)

// T1 TP: the statement is closed by defer, its rows are not.
func stmtClosedRowsNot(ctx context.Context, db *sql.DB) (int, error) {
	stmt, err := db.PrepareContext(ctx, "SELECT 1")
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	rows, err := stmt.QueryContext(ctx) // want LH703
	if err != nil {
		return 0, err
	}
	var n int
	if rows.Next() {
		err = rows.Scan(&n)
	}
	return n, err
}

// T2 neg: QueryRow on a transaction needs no close.
func txCount(tx *sql.Tx) (n int, err error) {
	err = tx.QueryRow("SELECT count(*) FROM t").Scan(&n)
	return
}

// T3 TP: a page loop reads at most six rows and skips an empty page with
// continue before the close.
func pageCounts(db *sql.DB, pages int) (int, error) {
	total := 0
	for p := 0; p < pages; p++ {
		rows, err := db.Query("SELECT id FROM t LIMIT 10 OFFSET ?", p*10) // want LH703
		if err != nil {
			return 0, err
		}
		cnt := 0
		for rows.Next() {
			cnt++
			if cnt > 5 {
				break
			}
		}
		if cnt == 0 {
			continue
		}
		rows.Close()
		total += cnt
	}
	return total, nil
}

// T4 neg: a deferred closure commits when the named error is nil and
// rolls back otherwise.
func deleteAll(db *sql.DB) (err error) {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if err == nil {
			err = tx.Commit()
		} else {
			_ = tx.Rollback()
		}
	}()
	_, err = tx.Exec("DELETE FROM t")
	return err
}
