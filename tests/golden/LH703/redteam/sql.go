// Redteam cases (an unseen-set exercise): realistic shapes written to probe
// the path walk, half leaks and half look-alikes that are correct. Each
// case opens with a comment saying which and why.
package redteam

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

type user struct {
	ID   int64
	Name string
}

// S1 neg: QueryRowContext needs no close.
func userName(ctx context.Context, db *sql.DB, id int64) (string, error) {
	var name string
	err := db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return name, err
}

// S2 TP: a break leaves the row loop early; the rows stay open.
func hasAdmin(db *sql.DB) (bool, error) {
	rows, err := db.Query("SELECT role FROM users") // want LH703
	if err != nil {
		return false, err
	}
	found := false
	for rows.Next() {
		var role string
		if err := rows.Scan(&role); err != nil {
			return false, err
		}
		if role == "admin" {
			found = true
			break
		}
	}
	return found, nil
}

// S3 neg: the loop runs to exhaustion (Next closes at the end) and the
// only early exit closes.
func allNames(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM users")
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// S4 neg: one statement prepared, reused in the loop, closed by defer.
func insertAll(ctx context.Context, db *sql.DB, us []user) error {
	stmt, err := db.PrepareContext(ctx, "INSERT INTO users(id, name) VALUES(?, ?)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, u := range us {
		if _, err := stmt.ExecContext(ctx, u.ID, u.Name); err != nil {
			return fmt.Errorf("insert %d: %w", u.ID, err)
		}
	}
	return nil
}

// S5 TP: the statement is closed at the end only; an Exec error in the
// loop returns past it.
func insertAllLeaky(db *sql.DB, us []user) error {
	stmt, err := db.Prepare("INSERT INTO users(id, name) VALUES(?, ?)") // want LH703
	if err != nil {
		return err
	}
	for _, u := range us {
		if _, err := stmt.Exec(u.ID, u.Name); err != nil {
			return err
		}
	}
	return stmt.Close()
}

// S6 neg: Rollback deferred; Commit on the success path.
func transfer(ctx context.Context, db *sql.DB, from, to int64, amt int) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE acct SET bal = bal - ? WHERE id = ?", amt, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE acct SET bal = bal + ? WHERE id = ?", amt, to); err != nil {
		return err
	}
	return tx.Commit()
}

// S7 TP: the first Exec error returns without a rollback; the second
// one rolls back.
func transferLeaky(ctx context.Context, db *sql.DB, from, to int64, amt int) error {
	tx, err := db.BeginTx(ctx, nil) // want LH703
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE acct SET bal = bal - ? WHERE id = ?", amt, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE acct SET bal = bal + ? WHERE id = ?", amt, to); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// S8 neg: a statement prepared on a transaction is closed by its commit
// or rollback.
func bulkInTx(db *sql.DB, names []string) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	stmt, err := tx.Prepare("INSERT INTO tags(name) VALUES(?)")
	if err != nil {
		tx.Rollback()
		return err
	}
	for _, n := range names {
		if _, err := stmt.Exec(n); err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// S9 neg: a prepared statement bound to a transaction with tx.Stmt.
func reuseInTx(db *sql.DB, stmt *sql.Stmt, ids []int64) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	txs := tx.Stmt(stmt)
	for _, id := range ids {
		if _, err := txs.Exec(id); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// S10 TP: a connection taken from the pool and never given back.
func setTimezone(ctx context.Context, db *sql.DB, tz string) error {
	conn, err := db.Conn(ctx) // want LH703
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "SET TIME ZONE ?", tz)
	return err
}

// S11 neg: a pinned connection closed by defer, used for two queries.
func withSession(ctx context.Context, db *sql.DB, tz string) (string, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SET TIME ZONE ?", tz); err != nil {
		return "", err
	}
	var now string
	err = conn.QueryRowContext(ctx, "SELECT now()").Scan(&now)
	return now, err
}

// S12 neg: the rows' close error joins the named result.
func countRows(ctx context.Context, db *sql.DB, q string) (n int, err error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := rows.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	for rows.Next() {
		n++
		if n > 1000 {
			return n, errors.New("too many")
		}
	}
	return n, rows.Err()
}

// S13 TP: paging reassigns rows each iteration after reading only the
// first row; the previous page's rows are never closed.
func pageHeads(ctx context.Context, db *sql.DB, pages int) ([]int64, error) {
	var heads []int64
	var rows *sql.Rows
	var err error
	for p := 0; p < pages; p++ {
		rows, err = db.QueryContext(ctx, "SELECT id FROM t LIMIT 10 OFFSET ?", p*10) // want LH703
		if err != nil {
			return nil, err
		}
		if rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			heads = append(heads, id)
		}
	}
	if rows != nil {
		rows.Close()
	}
	return heads, nil
}

// S14 neg: a generic collector closes the rows it is handed.
func collect[T any](rows *sql.Rows, scan func(*sql.Rows) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func scanUser(r *sql.Rows) (user, error) {
	var u user
	err := r.Scan(&u.ID, &u.Name)
	return u, err
}

func listUsers(ctx context.Context, db *sql.DB) ([]user, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	return collect(rows, scanUser)
}

// S16 neg: rows wrapped in an iterator whose Close closes them.
type userIter struct {
	rows *sql.Rows
	cur  user
	err  error
}

func (it *userIter) Next() bool {
	if !it.rows.Next() {
		return false
	}
	it.err = it.rows.Scan(&it.cur.ID, &it.cur.Name)
	return it.err == nil
}
func (it *userIter) Close() error { return it.rows.Close() }

func iterUsers(ctx context.Context, db *sql.DB) (*userIter, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	return &userIter{rows: rows}, nil
}

// S17 TP: a transaction begun on a pinned connection; a validation
// failure returns without a rollback; the connection is closed.
func migrateOn(ctx context.Context, db *sql.DB, stmts []string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil) // want LH703
	if err != nil {
		return err
	}
	for _, s := range stmts {
		if s == "" {
			return errors.New("empty statement")
		}
		if _, err := tx.ExecContext(ctx, s); err != nil {
			_ = tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// S18 neg: Commit, then a deferred Rollback that is a no-op; a
// function-literal callback runs inside.
func inTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: false})
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
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// S19 TP: rows read in a loop over ids, a Scan error returns from the
// inner loop; rows are closed only after it.
func namesByGroup(db *sql.DB, groups []int) (map[int][]string, error) {
	out := map[int][]string{}
	for _, g := range groups {
		rows, err := db.Query("SELECT name FROM users WHERE grp = ?", g) // want LH703
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				return nil, err
			}
			out[g] = append(out[g], n)
		}
		rows.Close()
	}
	return out, nil
}

// S20 neg: the same with a per-group closure and defer.
func namesByGroupOK(db *sql.DB, groups []int) (map[int][]string, error) {
	out := map[int][]string{}
	for _, g := range groups {
		err := func() error {
			rows, err := db.Query("SELECT name FROM users WHERE grp = ?", g)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var n string
				if err := rows.Scan(&n); err != nil {
					return err
				}
				out[g] = append(out[g], n)
			}
			return rows.Err()
		}()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// S21 neg: a statement cache: prepared statements are stored in a map
// owned by the struct.
type stmtCache struct {
	db    *sql.DB
	stmts map[string]*sql.Stmt
}

func (c *stmtCache) get(q string) (*sql.Stmt, error) {
	if s, ok := c.stmts[q]; ok {
		return s, nil
	}
	s, err := c.db.Prepare(q)
	if err != nil {
		return nil, err
	}
	c.stmts[q] = s
	return s, nil
}

// S22 TP: Stmt.QueryRow is fine, but Stmt.Query's rows are dropped.
func touch(stmt *sql.Stmt, id int64) error {
	rows, err := stmt.Query(id) // want LH703
	if err != nil {
		return err
	}
	if !rows.Next() {
		return sql.ErrNoRows
	}
	return nil
}
