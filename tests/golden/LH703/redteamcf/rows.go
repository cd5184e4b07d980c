package rtcf

import (
	"context"
	"database/sql"
)

// The early return inside the loop leaves the rows open.
func firstNegative(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT n FROM t") // want LH703
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return 0, err
		}
		if n < 0 {
			return n, nil
		}
	}
	rows.Close()
	return 0, rows.Err()
}

func firstNegativeOK(db *sql.DB) (int, error) {
	rows, err := db.Query("SELECT n FROM t")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
		if n < 0 {
			return n, nil
		}
	}
	return 0, rows.Err()
}

// The transaction is rolled back in the deferred closure unless committed.
func transfer(ctx context.Context, db *sql.DB, a, b int) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if _, err = tx.ExecContext(ctx, "UPDATE t SET n = n - 1 WHERE id = ?", a); err != nil {
		return err
	}
	if _, err = tx.ExecContext(ctx, "UPDATE t SET n = n + 1 WHERE id = ?", b); err != nil {
		return err
	}
	return tx.Commit()
}

// The second Exec error returns with the transaction open.
func transferLeak(ctx context.Context, db *sql.DB, a, b int) error {
	tx, err := db.BeginTx(ctx, nil) // want LH703
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE t SET n = n - 1 WHERE id = ?", a); err != nil {
		tx.Rollback()
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE t SET n = n + 1 WHERE id = ?", b); err != nil {
		return err
	}
	return tx.Commit()
}
