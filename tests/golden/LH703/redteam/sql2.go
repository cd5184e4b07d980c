// Redteam cases, second batch (see http.go/sql.go beside the first).
package redteam

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"io/fs"
)

// Q1 TP: Query used for a single row; Scan returns without closing.
func maxID(db *sql.DB) (int64, error) {
	rows, err := db.Query("SELECT max(id) FROM t") // want LH703 "not closed on every path"
	if err != nil {
		return 0, err
	}
	if !rows.Next() {
		return 0, rows.Err()
	}
	var id int64
	return id, rows.Scan(&id)
}

// Q2 neg: the same with a defer.
func maxIDOK(db *sql.DB) (int64, error) {
	rows, err := db.Query("SELECT max(id) FROM t")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		return 0, rows.Err()
	}
	var id int64
	return id, rows.Scan(&id)
}

// Q3 neg: defer before the error check (a nil-pointer bug, no leak).
func namesBugged(db *sql.DB) ([]string, error) {
	rows, err := db.Query("SELECT name FROM t")
	defer rows.Close()
	if err != nil {
		return nil, err
	}
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

// Q4 neg: a finishing helper commits or rolls back by the named error.
func finishTx(tx *sql.Tx, err *error) {
	if *err != nil {
		tx.Rollback()
		return
	}
	*err = tx.Commit()
}

func rename(ctx context.Context, db *sql.DB, id int64, name string) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer finishTx(tx, &err)
	_, err = tx.ExecContext(ctx, "UPDATE t SET name = ? WHERE id = ?", name, id)
	return err
}

// Q5 TP: a transaction begun only for bulk sizes is committed only
// inside that branch; a validation error returns with it open.
func store(db *sql.DB, items []string) error {
	if len(items) > 100 {
		tx, err := db.Begin() // want LH703 "transaction"
		if err != nil {
			return err
		}
		for _, it := range items {
			if it == "" {
				return errors.New("empty item")
			}
			if _, err := tx.Exec("INSERT INTO t(v) VALUES(?)", it); err != nil {
				tx.Rollback()
				return err
			}
		}
		return tx.Commit()
	}
	for _, it := range items {
		if _, err := db.Exec("INSERT INTO t(v) VALUES(?)", it); err != nil {
			return err
		}
	}
	return nil
}

// Q6 neg: rows closed inside the loop before the break.
func firstMatch(db *sql.DB, want string) (bool, error) {
	rows, err := db.Query("SELECT name FROM t")
	if err != nil {
		return false, err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return false, err
		}
		if s == want {
			rows.Close()
			return true, nil
		}
	}
	return false, rows.Err()
}

// Q7 LH706 TP: a deferred close per file of the walk's loop.
func countLinesAll(db *sql.DB, ids []int64) (int, error) {
	n := 0
	for _, id := range ids {
		rows, err := db.Query("SELECT v FROM t WHERE id = ?", id)
		if err != nil {
			return 0, err
		}
		defer rows.Close() // want LH706
		for rows.Next() {
			n++
		}
	}
	return n, nil
}

// Q8 neg: a walk callback opens and closes each file.
func sizesJSON(root string) ([]byte, error) {
	sizes := map[string]int64{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return err
		}
		sizes[p] = st.Size()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return json.Marshal(sizes)
}

// Q9 TP: the walk callback returns on a Stat error before its close.
func sizesLeaky(root string) (map[string]int64, error) {
	sizes := map[string]int64{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(p) // want LH701 "not closed on every path"
		if err != nil {
			return err
		}
		st, err := f.Stat()
		if err != nil {
			return err
		}
		sizes[p] = st.Size()
		return f.Close()
	})
	return sizes, err
}
