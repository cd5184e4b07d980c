// database/sql: rows, statements, conns and transactions.
package lh703

import (
	"context"
	"database/sql"
	"errors"
	"log"
)

type user struct {
	id   int
	name string
}

// A scan error returns from inside the loop with the rows open.
func names(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users") // want LH703 "sql.Rows"
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// Only the first row is read; the rows are never closed.
func first(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM users") // want LH703 "not closed on every path"
	if err != nil {
		return "", err
	}
	if !rows.Next() {
		return "", errors.New("none")
	}
	var n string
	err = rows.Scan(&n)
	return n, err
}

// A transaction abandoned on the error path.
func transfer(db *sql.DB, from, to int) error {
	tx, err := db.Begin() // want LH703 "not committed or rolled back on every path"
	if err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE a SET n = n - 1 WHERE id = ?", from); err != nil {
		return err
	}
	if _, err := tx.Exec("UPDATE a SET n = n + 1 WHERE id = ?", to); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// A prepared statement never closed.
func insertAll(db *sql.DB, us []user) error {
	stmt, err := db.Prepare("INSERT INTO users VALUES (?, ?)") // want LH703 "prepared statement"
	if err != nil {
		return err
	}
	for _, u := range us {
		if _, err := stmt.Exec(u.id, u.name); err != nil {
			return err
		}
	}
	return nil
}

// A dedicated connection kept after an error.
func pin(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want LH703 "sql.Conn"
	if err != nil {
		return err
	}
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	return conn.Close()
}

// Through a struct field holding the *sql.DB, the loop breaks early.
type repo struct {
	db *sql.DB
}

func (r *repo) firstID() int {
	rows, err := r.db.Query("SELECT id FROM users") // want LH703
	if err != nil {
		return 0
	}
	id := 0
	for rows.Next() {
		rows.Scan(&id)
		break
	}
	return id
}

// ---- negatives ----

func deferred(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT id FROM users")
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

// Iterated to the end: Next returning false closes the rows.
func drained(db *sql.DB) int {
	rows, err := db.Query("SELECT id FROM users")
	if err != nil {
		return 0
	}
	n := 0
	for rows.Next() {
		n++
	}
	return n
}

// Closed by a helper of the package.
func closeRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		log.Print(err)
	}
}

func viaHelper(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer closeRows(rows)
	return nil
}

// Closed in a deferred closure.
func closure(db *sql.DB) error {
	rows, err := db.Query("SELECT 1")
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		if err := rows.Scan(new(int)); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Returned rows are the caller's.
func query(db *sql.DB, q string) (*sql.Rows, error) {
	rows, err := db.Query(q)
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// QueryRow has nothing to close.
func count(db *sql.DB) (n int, err error) {
	err = db.QueryRow("SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// Rollback deferred, Commit at the end.
func txOK(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "DELETE FROM users"); err != nil {
		return err
	}
	return tx.Commit()
}

// Rolled back on every error path.
func txExplicit(db *sql.DB) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM users"); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return nil
}

// A statement closed with defer, used in a loop.
func stmtOK(db *sql.DB, ids []int) error {
	stmt, err := db.Prepare("DELETE FROM users WHERE id = ?")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, id := range ids {
		if _, err := stmt.Exec(id); err != nil {
			return err
		}
	}
	return nil
}

// A Query method of another type is not database/sql.
type fakeDB struct{}

func (fakeDB) Query(q string) ([]string, error) { return nil, nil }

func notSQL(f fakeDB) int {
	rows, err := f.Query("x")
	if err != nil {
		return 0
	}
	return len(rows)
}
