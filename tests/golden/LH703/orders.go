package lh703

import (
	"context"
	"database/sql"
	"errors"
)

type Order struct {
	ID    int64
	Total int64
}

// Rows closed by errors.Join in the return.
func totals(ctx context.Context, db *sql.DB) (sum int64, err error) {
	rows, err := db.QueryContext(ctx, "SELECT total FROM orders")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var t int64
		if err := rows.Scan(&t); err != nil {
			return 0, joinErr(err, rows.Close())
		}
		sum += t
	}
	return sum, joinErr(rows.Err(), rows.Close())
}

// Closed by a deferred closure joining the close error.
func orders(ctx context.Context, db *sql.DB) (out []Order, err error) {
	rows, err := db.QueryContext(ctx, "SELECT id, total FROM orders")
	if err != nil {
		return nil, err
	}
	defer func() { err = joinErr(err, rows.Close()) }()
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Total); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// `defer rows.Close()` placed before the error check is still a close
// on every path where rows is not nil.
func ids(db *sql.DB) ([]int64, error) {
	rows, err := db.Query("SELECT id FROM orders")
	defer func() {
		if rows != nil {
			rows.Close()
		}
	}()
	if err != nil {
		return nil, err
	}
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// A rows wrapper type whose Close closes the embedded rows.
type orderIter struct {
	rows *sql.Rows
}

func (it *orderIter) Next() (Order, bool) {
	var o Order
	if !it.rows.Next() {
		return o, false
	}
	_ = it.rows.Scan(&o.ID, &o.Total)
	return o, true
}

func (it *orderIter) Close() error { return it.rows.Close() }

func iterOrders(db *sql.DB) (*orderIter, error) {
	rows, err := db.Query("SELECT id, total FROM orders")
	if err != nil {
		return nil, err
	}
	return &orderIter{rows: rows}, nil
}

func sumIter(db *sql.DB) (int64, error) {
	it, err := iterOrders(db)
	if err != nil {
		return 0, err
	}
	defer it.Close()
	var s int64
	for {
		o, ok := it.Next()
		if !ok {
			break
		}
		s += o.Total
	}
	return s, nil
}

// A statement used for the whole transaction and closed with defer
// before the commit.
func insertOrders(ctx context.Context, db *sql.DB, os []Order) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO orders VALUES (?, ?)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, o := range os {
		if _, err := stmt.ExecContext(ctx, o.ID, o.Total); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// A transaction committed on the happy path and rolled back on only one
// of two failure paths.
func transferFunds(ctx context.Context, db *sql.DB, from, to, amount int64) error {
	tx, err := db.BeginTx(ctx, nil) // want LH703 "transaction"
	if err != nil {
		return err
	}
	var bal int64
	if err := tx.QueryRowContext(ctx, "SELECT balance FROM acct WHERE id = ?", from).Scan(&bal); err != nil {
		tx.Rollback()
		return err
	}
	if bal < amount {
		return errors.New("insufficient funds")
	}
	if _, err := tx.ExecContext(ctx, "UPDATE acct SET balance = balance - ? WHERE id = ?", amount, from); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// A transaction runner taking a callback: the tx never escapes.
func inTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, nil)
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
	return fn(tx)
}

// Rows opened in a loop and closed at the end of each iteration except
// when the row count check continues.
func countPerTable(db *sql.DB, tables []string) (map[string]int, error) {
	out := map[string]int{}
	for _, t := range tables {
		rows, err := db.Query("SELECT 1 FROM " + t) // want LH703 "sql.Rows"
		if err != nil {
			return nil, err
		}
		n := 0
		for rows.Next() {
			n++
			if n > 1000 {
				break
			}
		}
		if n > 1000 {
			continue
		}
		rows.Close()
		out[t] = n
	}
	return out, nil
}

// A prepared statement cached in a map owned by the caller.
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

func (c *stmtCache) Close() {
	for _, s := range c.stmts {
		s.Close()
	}
}

// QueryRow on a statement: nothing to close.
func orderTotal(ctx context.Context, db *sql.DB, id int64) (int64, error) {
	stmt, err := db.PrepareContext(ctx, "SELECT total FROM orders WHERE id = ?")
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	var t int64
	err = stmt.QueryRowContext(ctx, id).Scan(&t)
	return t, err
}

// The statement of a one-off query prepared and never closed.
func orderTotalLeaky(ctx context.Context, db *sql.DB, id int64) (int64, error) {
	stmt, err := db.PrepareContext(ctx, "SELECT total FROM orders WHERE id = ?") // want LH703 "prepared statement"
	if err != nil {
		return 0, err
	}
	var t int64
	err = stmt.QueryRowContext(ctx, id).Scan(&t)
	return t, err
}

// Rows from a statement query closed by defer after the check.
func byStmt(ctx context.Context, stmt *sql.Stmt) (int, error) {
	rows, err := stmt.QueryContext(ctx)
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

// Rows from a connection, leaked when Columns fails.
func columns(ctx context.Context, conn *sql.Conn, q string) ([]string, error) {
	rows, err := conn.QueryContext(ctx, q) // want LH703 "sql.Rows"
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	rows.Close()
	return cols, nil
}

func joinErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}
