// Redteam cases, sixth batch: helpers that hand the resource to a func
// they were given. When every func the caller passes only borrows, the
// helper borrows too; a func that closes, or one the engine cannot see,
// keeps the hand-over (silent).
package redteam

import (
	"context"
	"database/sql"
	"net"
)

type item struct {
	ID   int64
	Name string
}

func scanItem(r *sql.Rows) (item, error) {
	var it item
	err := r.Scan(&it.ID, &it.Name)
	return it, err
}

// headRow reads the first row through the callback; it never closes.
func headRow[T any](rows *sql.Rows, scan func(*sql.Rows) (T, error)) (T, bool, error) {
	var zero T
	if !rows.Next() {
		return zero, false, rows.Err()
	}
	v, err := scan(rows)
	return v, err == nil, err
}

// CB1 TP: the callback only scans: nobody closes the rows.
func firstItem(ctx context.Context, db *sql.DB) (item, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM items ORDER BY id") // want LH703 "not closed on every path"
	if err != nil {
		return item{}, err
	}
	it, _, err := headRow(rows, scanItem)
	return it, err
}

// CB2 neg: the same helper, closed by the caller.
func firstItemOK(ctx context.Context, db *sql.DB) (item, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM items ORDER BY id")
	if err != nil {
		return item{}, err
	}
	defer rows.Close()
	it, _, err := headRow(rows, scanItem)
	return it, err
}

// CB3 neg: the callback closes the rows it is given.
func firstItemClosing(ctx context.Context, db *sql.DB) (item, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM items ORDER BY id")
	if err != nil {
		return item{}, err
	}
	it, _, err := headRow(rows, func(r *sql.Rows) (item, error) {
		defer r.Close()
		return scanItem(r)
	})
	return it, err
}

// CB4 neg: the caller passes on a func it was given: unknown.
func firstWith(ctx context.Context, db *sql.DB, scan func(*sql.Rows) (item, error)) (item, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM items ORDER BY id")
	if err != nil {
		return item{}, err
	}
	it, _, err := headRow(rows, scan)
	return it, err
}

func withConn(c net.Conn, fn func(net.Conn) error) error { return fn(c) }

// CB5 TP: a literal that only writes: the connection is never closed.
func hello(addr string) error {
	c, err := net.Dial("tcp", addr) // want LH704 "never closed"
	if err != nil {
		return err
	}
	return withConn(c, func(c net.Conn) error {
		_, err := c.Write([]byte("hello\n"))
		return err
	})
}

// CB6 neg: the literal closes the connection when done.
func helloClosing(addr string) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	return withConn(c, func(c net.Conn) error {
		defer c.Close()
		_, err := c.Write([]byte("hello\n"))
		return err
	})
}
