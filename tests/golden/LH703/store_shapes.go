package lh703

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

type store struct {
	db *sql.DB
}

// Rows closed in a helper method that drains them first.
func (s *store) drain(rows *sql.Rows) error {
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

func (s *store) touch(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	return s.drain(rows)
}

// Rows that a same-package function only peeks at.
func firstCol(rows *sql.Rows) (string, error) {
	var v string
	if !rows.Next() {
		return "", sql.ErrNoRows
	}
	err := rows.Scan(&v)
	return v, err
}

func (s *store) name(ctx context.Context) (string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM t") // want LH703 "sql.Rows"
	if err != nil {
		return "", err
	}
	return firstCol(rows)
}

// A transaction with a deferred rollback inside a closure that checks a
// committed flag.
func (s *store) flagged(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			tx.Rollback()
		}
	}()
	if _, err := tx.ExecContext(ctx, "DELETE FROM t"); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	committed = true
	return nil
}

// A panic in the middle of a transaction with a recover-and-rollback
// defer.
func (s *store) guarded(ctx context.Context, f func(*sql.Tx)) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			tx.Rollback()
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	f(tx)
	return tx.Commit()
}

// A rollback only on one error path; the other error path returns with
// the transaction open.
func (s *store) half(ctx context.Context, ids []int64) error {
	tx, err := s.db.BeginTx(ctx, nil) // want LH703 "transaction"
	if err != nil {
		return err
	}
	for _, id := range ids {
		if id < 0 {
			return errors.New("negative id")
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM t WHERE id = ?", id); err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// A statement prepared per call and closed through a deferred closure
// with the statement as an argument.
func (s *store) once(ctx context.Context, q string) error {
	stmt, err := s.db.PrepareContext(ctx, q)
	if err != nil {
		return err
	}
	defer func(st *sql.Stmt) { _ = st.Close() }(stmt)
	_, err = stmt.ExecContext(ctx)
	return err
}

// A conn taken for a lock and released in a deferred closure that logs.
func (s *store) withLock(ctx context.Context, fn func() error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := conn.Close(); cerr != nil {
			fmt.Println(cerr)
		}
	}()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(1)"); err != nil {
		return err
	}
	return fn()
}

// Query without using the rows at all: discarded.
func (s *store) fireAndForget(ctx context.Context) error {
	_, err := s.db.QueryContext(ctx, "NOTIFY ch") // want LH703 "discarded"
	return err
}

// Exec owns nothing.
func (s *store) exec(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "NOTIFY ch")
	return err
}
