// Shapes reported against ryanrolds/sqlclosecheck, rowserrcheck and
// golangci-lint (false positives and false negatives), as cases: the
// comment of each function names the thread it pins.
package lh703

import (
	"context"
	"database/sql"
	"log"
)

// sqlclosecheck#43 (and #7, PR#33): closed by a deferred helper.
func deferRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		log.Print(err)
	}
}

func issue43helper(ctx context.Context, db *sql.DB, a, b int) error {
	rows, err := db.QueryContext(ctx, "SELECT x FROM t WHERE a = ? AND b = ?", a, b)
	if err != nil {
		return err
	}
	defer deferRows(rows)
	for rows.Next() {
		var x int
		if err := rows.Scan(&x); err != nil {
			return err
		}
	}
	return rows.Err()
}

// sqlclosecheck#43, rowserrcheck#16: closed in a deferred closure that
// discards the error, with returns from inside the loop.
func issue43closure(ctx context.Context, db *sql.DB, each func(int)) error {
	rows, err := db.QueryContext(ctx, "SELECT x FROM t")
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		var x int
		if err = rows.Scan(&x); err != nil {
			return err
		}
		each(x)
	}
	return rows.Err()
}

// sqlclosecheck#11: assigned on both branches of an if, read in a loop
// that returns early, never closed.
func issue11branches(ctx context.Context, db *sql.DB, adults bool) ([]string, error) {
	var (
		rows *sql.Rows
		err  error
	)
	if adults {
		rows, err = db.QueryContext(ctx, "SELECT name FROM users WHERE age >= 18") // want LH703 "sql.Rows"
	} else {
		rows, err = db.QueryContext(ctx, "SELECT name FROM users") // want LH703 "sql.Rows"
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// sqlclosecheck#11, the original: the loop can only end by exhausting the
// rows (scan errors exit the process), and Next returning false closes
// them. Not a leak.
func issue11drained(ctx context.Context, db *sql.DB, adults bool) []string {
	var rows *sql.Rows
	var err error
	if adults {
		rows, err = db.QueryContext(ctx, "SELECT name FROM users WHERE age >= 18")
	} else {
		rows, err = db.QueryContext(ctx, "SELECT name FROM users")
	}
	if err != nil {
		log.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			log.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		log.Fatal(err)
	}
	return names
}

// rowserrcheck#32: rows returned straight from a wrapper: the caller
// closes them.
type runner struct {
	tx *sql.Tx
	db *sql.DB
}

func (r runner) issue32wrapper(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if r.tx != nil {
		return r.tx.QueryContext(ctx, q, args...)
	}
	return r.db.QueryContext(ctx, q, args...)
}

// letsencrypt/boulder PR#8129: an explicit Close whose error is checked,
// no defer.
func explicitCloseChecked(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT id FROM t")
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
		if n > 100 {
			break
		}
	}
	err = rows.Close()
	if err != nil {
		return 0, err
	}
	return n, nil
}

// A statement prepared per iteration and closed at its end.
func stmtPerIteration(db *sql.DB, qs []string) error {
	for _, q := range qs {
		stmt, err := db.Prepare(q)
		if err != nil {
			return err
		}
		_, err = stmt.Exec()
		stmt.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// A statement prepared per iteration and never closed: one leaks per
// iteration.
func stmtLeakPerIteration(db *sql.DB, qs []string) error {
	for _, q := range qs {
		stmt, err := db.Prepare(q) // want LH703 "prepared statement"
		if err != nil {
			return err
		}
		if _, err := stmt.Exec(); err != nil {
			return err
		}
	}
	return nil
}

// A statement prepared per iteration with a deferred close: closed, but
// only when the function returns (LH706).
func stmtDeferInLoop(db *sql.DB, qs []string) error {
	for _, q := range qs {
		stmt, err := db.Prepare(q)
		if err != nil {
			return err
		}
		defer stmt.Close() // want LH706
		if _, err := stmt.Exec(); err != nil {
			return err
		}
	}
	return nil
}

// A same-package helper returns the rows; the caller closes them.
func queryIDs(db *sql.DB) (*sql.Rows, error) {
	return db.Query("SELECT id FROM t")
}

func helperRowsClosed(db *sql.DB) (int, error) {
	rows, err := queryIDs(db)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// A same-package helper returns the rows; the caller reads one row and
// drops them.
func openUsers(db *sql.DB) (*sql.Rows, error) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	return rows, nil
}

func helperRowsLeaked(db *sql.DB) string {
	rows, err := openUsers(db) // want LH703 "sql.Rows"
	if err != nil {
		return ""
	}
	var name string
	if rows.Next() {
		_ = rows.Scan(&name)
	}
	return name
}

// A transaction rolled back by a deferred closure unless committed.
func txDeferredClosure(ctx context.Context, db *sql.DB) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if _, err = tx.ExecContext(ctx, "DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit()
}

// A transaction handed to a callback runner that commits or rolls back.
func finish(tx *sql.Tx, err error) error {
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

func txHelper(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	_, err = tx.Exec("DELETE FROM t")
	return finish(tx, err)
}

// Rolled back through a method value deferred.
func txMethodValue(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	rollback := tx.Rollback
	defer rollback()
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		return err
	}
	return tx.Commit()
}

// A transaction forgotten on a status branch.
func txForgotten(db *sql.DB, dry bool) error {
	tx, err := db.Begin() // want LH703 "transaction"
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM t"); err != nil {
		_ = tx.Rollback()
		return err
	}
	if dry {
		return nil
	}
	return tx.Commit()
}

// Rows handed to a goroutine that drains and closes them.
func rowsToGoroutine(db *sql.DB, out chan<- int) error {
	rows, err := db.Query("SELECT id FROM t")
	if err != nil {
		return err
	}
	go func() {
		defer rows.Close()
		for rows.Next() {
			var id int
			_ = rows.Scan(&id)
			out <- id
		}
	}()
	return nil
}

// A generic helper draining any rows-like value.
type closer interface{ Close() error }

func must[T closer](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func closeAll[T closer](xs ...T) {
	for _, x := range xs {
		_ = x.Close()
	}
}

func genericClose(db *sql.DB) error {
	a, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	b, err := db.Query("SELECT 2")
	if err != nil {
		a.Close()
		return err
	}
	defer closeAll(a, b)
	return nil
}

// database/sql's beginDC shape: the transaction is begun inside a closure
// run under a lock and assigned to a variable of the enclosing function,
// which hands it on.
func withLock(mu interface{ Lock(); Unlock() }, fn func()) {
	mu.Lock()
	defer mu.Unlock()
	fn()
}

func beginLocked(mu interface{ Lock(); Unlock() }, db *sql.DB) (*sql.Tx, error) {
	var tx *sql.Tx
	var err error
	withLock(mu, func() {
		tx, err = db.Begin()
	})
	if err != nil {
		return nil, err
	}
	return tx, nil
}
