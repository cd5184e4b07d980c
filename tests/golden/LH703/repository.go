// A user repository over database/sql in the shapes sqlclosecheck users
// report: helpers that close, defers before and after the error check,
// transactions with deferred rollbacks, statements owned by a struct.
package lh703

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"
)

type User struct {
	ID   int64
	Name string
}

type Repo struct {
	db       *sql.DB
	byID     *sql.Stmt
	byName   *sql.Stmt
	logger   *log.Logger
}

// Statements owned by the repository and closed by its Close.
func NewRepo(db *sql.DB) (*Repo, error) {
	byID, err := db.Prepare("SELECT id, name FROM users WHERE id = ?") // want LH703 "prepared statement is not closed on every path"
	if err != nil {
		return nil, err
	}
	byName, err := db.Prepare("SELECT id, name FROM users WHERE name = ?")
	if err != nil {
		return nil, err
	}
	return &Repo{db: db, byID: byID, byName: byName}, nil
}

func (r *Repo) Close() error {
	err1 := r.byID.Close()
	err2 := r.byName.Close()
	if err1 != nil {
		return err1
	}
	return err2
}

// NewRepo done right: the first statement is closed when the second fails.
func NewRepoClean(db *sql.DB) (*Repo, error) {
	byID, err := db.Prepare("SELECT id, name FROM users WHERE id = ?")
	if err != nil {
		return nil, err
	}
	byName, err := db.Prepare("SELECT id, name FROM users WHERE name = ?")
	if err != nil {
		byID.Close()
		return nil, err
	}
	return &Repo{db: db, byID: byID, byName: byName}, nil
}

// closeRows logs the close error.
func (r *Repo) closeRows(rows *sql.Rows) {
	if err := rows.Close(); err != nil {
		r.logger.Printf("close rows: %v", err)
	}
}

func scanUsers(rows *sql.Rows) ([]User, error) {
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Rows closed by a method helper, read by a function that only borrows.
func (r *Repo) All(ctx context.Context) ([]User, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	defer r.closeRows(rows)
	return scanUsers(rows)
}

// Rows read by a borrowing helper and never closed: the helper returns
// early on a scan error.
func (r *Repo) AllLeaky(ctx context.Context) ([]User, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT id, name FROM users") // want LH703 "sql.Rows"
	if err != nil {
		return nil, err
	}
	return scanUsers(rows)
}

// `defer rows.Close()` before the error check: rows is nil on error, but
// Close on a nil *Rows is not reached because... it is: this panics, yet
// it is not a leak.
func (r *Repo) Count(ctx context.Context) (int, error) {
	var n int
	rows, err := r.db.QueryContext(ctx, "SELECT count(*) FROM users")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, rows.Err()
}

// QueryRow owns nothing the caller must close.
func (r *Repo) ByID(ctx context.Context, id int64) (User, error) {
	var u User
	err := r.byID.QueryRowContext(ctx, id).Scan(&u.ID, &u.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("user %d: not found", id)
	}
	return u, err
}

func (r *Repo) NameOf(ctx context.Context, id int64) (string, error) {
	row := r.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", id)
	var name string
	if err := row.Scan(&name); err != nil {
		return "", err
	}
	return name, nil
}

// Transaction with a deferred rollback, then commit.
func (r *Repo) Rename(ctx context.Context, id int64, name string) error {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "UPDATE users SET name = ? WHERE id = ?", name, id); err != nil {
		return err
	}
	return tx.Commit()
}

// The error path of the second statement forgets the rollback.
func (r *Repo) Move(ctx context.Context, from, to int64) error {
	tx, err := r.db.BeginTx(ctx, nil) // want LH703 "transaction"
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM a WHERE id = ?", from); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO b VALUES (?)", to); err != nil {
		return err
	}
	return tx.Commit()
}

// Rows iterated with a labelled break out of the loop; closed by defer.
func (r *Repo) FirstMatch(ctx context.Context, want string) (int64, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var id int64
outer:
	for rows.Next() {
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return 0, err
		}
		switch {
		case name == want:
			break outer
		}
	}
	return id, rows.Err()
}

// The loop breaks out early without a defer: the rows stay open.
func (r *Repo) FirstID(ctx context.Context) (int64, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT id FROM users") // want LH703 "sql.Rows"
	if err != nil {
		return 0, err
	}
	var id int64
	for rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		break
	}
	return id, nil
}

// A connection pinned for a session and closed.
func (r *Repo) WithConn(ctx context.Context, fn func(*sql.Conn) error) error {
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return fn(conn)
}

// A connection pinned and leaked when the setup query fails.
func (r *Repo) Session(ctx context.Context) (*sql.Conn, error) {
	conn, err := r.db.Conn(ctx) // want LH703 "sql.Conn"
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "SET search_path TO app"); err != nil {
		return nil, err
	}
	return conn, nil
}

// A statement prepared inside a transaction is closed with it, but one
// prepared on the DB is not.
func (r *Repo) InsertAll(ctx context.Context, names []string) error {
	stmt, err := r.db.PrepareContext(ctx, "INSERT INTO users(name) VALUES (?)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, n := range names {
		if _, err := stmt.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	return nil
}

// A transaction committed in a helper on every path.
func commitOrRollback(tx *sql.Tx, err *error) {
	if *err != nil {
		_ = tx.Rollback()
		return
	}
	*err = tx.Commit()
}

func (r *Repo) Purge(ctx context.Context) (err error) {
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer commitOrRollback(tx, &err)
	_, err = tx.ExecContext(ctx, "DELETE FROM users")
	return err
}

// Rows passed to a goroutine that drains and closes them.
func (r *Repo) Stream(ctx context.Context) (<-chan User, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	ch := make(chan User)
	go func() {
		defer close(ch)
		defer rows.Close()
		for rows.Next() {
			var u User
			if rows.Scan(&u.ID, &u.Name) != nil {
				return
			}
			ch <- u
		}
	}()
	return ch, nil
}

// Rows passed to a goroutine that stops on a scan error without closing.
func (r *Repo) StreamLeaky(ctx context.Context) (<-chan User, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT id, name FROM users") // want LH703 "sql.Rows"
	if err != nil {
		return nil, err
	}
	ch := make(chan User)
	go func() {
		defer close(ch)
		for rows.Next() {
			var u User
			if rows.Scan(&u.ID, &u.Name) != nil {
				return
			}
			ch <- u
		}
	}()
	return ch, nil
}
