// Second redteam round: shapes from the sqlclosecheck and rowserrcheck
// issue trackers, written before looking at the engine. Each case says TP
// or neg and why.
package redteam2

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
)

// S1 TP: rows assigned in both branches of an if/else; only the first
// row is read and nothing closes the rows.
func firstName(db *sql.DB, onlyAdults bool) (string, error) {
	var (
		rows *sql.Rows
		err  error
	)
	if onlyAdults {
		rows, err = db.Query("SELECT name FROM users WHERE age >= 21") // want LH703
	} else {
		rows, err = db.Query("SELECT name FROM users") // want LH703
	}
	if err != nil {
		return "", err
	}
	var name string
	if rows.Next() {
		if err := rows.Scan(&name); err != nil {
			return "", err
		}
	}
	return name, nil
}

// S2 neg: the same with a defer after the error check.
func firstNameClosed(db *sql.DB, onlyAdults bool) (string, error) {
	var (
		rows *sql.Rows
		err  error
	)
	if onlyAdults {
		rows, err = db.Query("SELECT name FROM users WHERE age >= 21")
	} else {
		rows, err = db.Query("SELECT name FROM users")
	}
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var name string
	if rows.Next() {
		if err := rows.Scan(&name); err != nil {
			return "", err
		}
	}
	return name, rows.Err()
}

func deferRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		log.Println(err)
	}
}

// S3 neg: a deferred same-package helper logs the close error.
func countWithHelper(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id FROM t")
	if err != nil {
		return 0, err
	}
	defer deferRows(rows)
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// S4 neg: a deferred literal discards the close error; a scan error
// returns from inside the loop.
func scanAll(ctx context.Context, db *sql.DB, cb func(int64)) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM t")
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		var id int64
		if err = rows.Scan(&id); err != nil {
			return err
		}
		cb(id)
	}
	return rows.Err()
}

type runner struct {
	tx *sql.Tx
	db *sql.DB
}

// S5 neg: a runner picks the transaction or the pool and returns the rows
// from a switch; the caller closes them.
func (r runner) run(ctx context.Context, q string, args ...interface{}) (*sql.Rows, error) {
	switch {
	case r.tx != nil:
		return r.tx.QueryContext(ctx, q, args...)
	case r.db != nil:
		return r.db.QueryContext(ctx, q, args...)
	}
	return nil, errors.New("no runner")
}

// S6 neg: the runner's rows are closed by the caller.
func (r runner) ids(ctx context.Context) ([]int, error) {
	rows, err := r.run(ctx, "SELECT id FROM t")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// S7 TP: the runner's rows are dropped after the first row.
func (r runner) firstID(ctx context.Context) (int, error) {
	rows, err := r.run(ctx, "SELECT id FROM t") // want LH703
	if err != nil {
		return 0, err
	}
	var id int
	if rows.Next() {
		err = rows.Scan(&id)
	}
	return id, err
}

// S8 neg: QueryRow needs no Close, also when its Row is kept in a local.
func userCount(ctx context.Context, db *sql.DB) (int, error) {
	row := db.QueryRowContext(ctx, "SELECT count(*) FROM users")
	var n int
	if err := row.Scan(&n); err != nil {
		return 0, err
	}
	return n, nil
}

// S9 TP: per table, the first row is read; an empty count continues the
// outer loop with the rows still open.
func nonEmpty(db *sql.DB, tables []string) ([]string, error) {
	var out []string
	for _, t := range tables {
		rows, err := db.Query("SELECT count(*) FROM " + t) // want LH703
		if err != nil {
			return nil, err
		}
		var n int
		if rows.Next() {
			if err := rows.Scan(&n); err != nil {
				rows.Close()
				return nil, err
			}
		}
		if n == 0 {
			continue
		}
		rows.Close()
		out = append(out, t)
	}
	return out, nil
}

// S10 neg: a loop run to exhaustion closes the rows by itself (Next
// returns false and closes them); there is no early exit.
func exhaust(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM t")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var s string
		if rows.Scan(&s) == nil {
			names = append(names, s)
		}
	}
	return names, rows.Err()
}

type repo struct {
	ins *sql.Stmt
	del *sql.Stmt
}

// S11 neg: statements stored in the struct the caller owns; a failed
// second Prepare closes the first.
func newRepo(db *sql.DB) (*repo, error) {
	ins, err := db.Prepare("INSERT INTO t VALUES (?)")
	if err != nil {
		return nil, err
	}
	del, err := db.Prepare("DELETE FROM t WHERE id = ?")
	if err != nil {
		ins.Close()
		return nil, err
	}
	return &repo{ins: ins, del: del}, nil
}

// S12 TP: the same, forgetting the first statement on failure.
func newRepoLeak(db *sql.DB) (*repo, error) {
	ins, err := db.Prepare("INSERT INTO t VALUES (?)") // want LH703
	if err != nil {
		return nil, err
	}
	del, err := db.Prepare("DELETE FROM t WHERE id = ?")
	if err != nil {
		return nil, err
	}
	return &repo{ins: ins, del: del}, nil
}

// S13 neg: a transaction finished by a deferred closure that rolls back
// on panic or error and commits otherwise.
func transfer(db *sql.DB, from, to int64, amount int) (err error) {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	if _, err = tx.Exec("UPDATE a SET b = b - ? WHERE id = ?", amount, from); err != nil {
		return err
	}
	_, err = tx.Exec("UPDATE a SET b = b + ? WHERE id = ?", amount, to)
	return err
}

// S14 TP: the deferred closure rolls back on error only, and the success
// path never commits: the transaction holds its connection forever.
func insertNoCommit(db *sql.DB, v int) error {
	tx, err := db.Begin() // want LH703
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if _, err = tx.Exec("INSERT INTO t VALUES (?)", v); err != nil {
		return err
	}
	return nil
}

// S15 TP: a pinned connection is returned on success but leaks when the
// session setup fails.
func sessionConn(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	conn, err := db.Conn(ctx) // want LH703
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "SET search_path TO app"); err != nil {
		return nil, fmt.Errorf("setup: %w", err)
	}
	return conn, nil
}

// S16 neg: the same, closing the connection on the setup failure.
func sessionConnClosed(ctx context.Context, db *sql.DB) (*sql.Conn, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "SET search_path TO app"); err != nil {
		conn.Close()
		return nil, fmt.Errorf("setup: %w", err)
	}
	return conn, nil
}

type iter struct {
	rows *sql.Rows
	cols []string
}

// S17 TP: the rows leave in an iterator on success; a Columns error
// returns with them open.
func newIter(db *sql.DB, q string) (*iter, error) {
	rows, err := db.Query(q) // want LH703
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	return &iter{rows: rows, cols: cols}, nil
}

// S18 neg: the same, closing on the Columns error.
func newIterClosed(db *sql.DB, q string) (*iter, error) {
	rows, err := db.Query(q)
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		rows.Close()
		return nil, err
	}
	return &iter{rows: rows, cols: cols}, nil
}

// DB is a sqlx-like wrapper embedding the pool.
type DB struct {
	*sql.DB
	name string
}

// S19 neg: a query through the embedded pool, closed by defer.
func (d *DB) names(ctx context.Context) ([]string, error) {
	rows, err := d.QueryContext(ctx, "SELECT name FROM "+d.name)
	if err != nil {
		return nil, err
	}
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

// selectRows returns the rows to its caller, who owns them.
func (d *DB) selectRows(ctx context.Context, q string) (*sql.Rows, error) {
	return d.DB.QueryContext(ctx, q)
}

// S20 TP: rows from the wrapper's method; the caller returns on the first
// row without closing.
func (d *DB) exists(ctx context.Context, q string) (bool, error) {
	rows, err := d.selectRows(ctx, q) // want LH703
	if err != nil {
		return false, err
	}
	return rows.Next(), nil
}

// S21 TP: statements prepared in a loop; only the last one is closed.
func prepareAll(db *sql.DB, qs []string) error {
	var stmt *sql.Stmt
	var err error
	for _, q := range qs {
		stmt, err = db.Prepare(q) // want LH703
		if err != nil {
			return err
		}
		if _, err = stmt.Exec(); err != nil {
			return err
		}
	}
	if stmt != nil {
		stmt.Close()
	}
	return nil
}

// S22 neg: rows handed to a goroutine that reads and closes them.
func streamNames(ctx context.Context, db *sql.DB) (<-chan string, error) {
	rows, err := db.QueryContext(ctx, "SELECT name FROM t")
	if err != nil {
		return nil, err
	}
	ch := make(chan string)
	go func() {
		defer close(ch)
		defer rows.Close()
		for rows.Next() {
			var s string
			if rows.Scan(&s) != nil {
				return
			}
			select {
			case ch <- s:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch, nil
}

// S23 neg: a statement closed by a deferred helper of this package.
func closeStmt(s *sql.Stmt) {
	if err := s.Close(); err != nil {
		log.Println("close stmt:", err)
	}
}

func insertMany(db *sql.DB, vs []int) error {
	stmt, err := db.Prepare("INSERT INTO t VALUES (?)")
	if err != nil {
		return err
	}
	defer closeStmt(stmt)
	for _, v := range vs {
		if _, err := stmt.Exec(v); err != nil {
			return err
		}
	}
	return nil
}

// S24 TP: Commit only inside the loop's success branch; an empty batch
// returns with the transaction open.
func batch(db *sql.DB, vs []int) error {
	tx, err := db.Begin() // want LH703
	if err != nil {
		return err
	}
	if len(vs) == 0 {
		return nil
	}
	for _, v := range vs {
		if _, err := tx.Exec("INSERT INTO t VALUES (?)", v); err != nil {
			_ = tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// S25 neg: Next returning false has closed the rows; the defer comes
// after that test.
func onlyRow(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT n FROM t")
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, sql.ErrNoRows
	}
	defer rows.Close()
	var n int
	return n, rows.Scan(&n)
}

// S26 TP: the same test, but the found row returns with the rows open.
func onlyRowLeak(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT n FROM t") // want LH703
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, sql.ErrNoRows
	}
	var n int
	return n, rows.Scan(&n)
}
