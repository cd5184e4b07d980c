// Redteam cases, fifth batch: status-check helpers that close on failure
// (released exactly when they return an error), nil-tolerant closers.
package redteam

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// G1 neg: a nil-guarded deferred literal closes the rows.
func guardedRows(ctx context.Context, db *sql.DB) (n int, err error) {
	var rows *sql.Rows
	defer func() {
		if rows != nil {
			rows.Close()
		}
	}()
	rows, err = db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}

// G2 neg: a checking helper closes the body on every path and returns
// an error.
func checkResponse(resp *http.Response) error {
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 256))
		return fmt.Errorf("%s: %s", resp.Status, b)
	}
	return nil
}

func put(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return checkResponse(resp)
}

// G3 TP: a checking helper that closes only on failure; the success
// path leaves the body to nobody.
func failIfBad(resp *http.Response) error {
	if resp.StatusCode/100 != 2 {
		resp.Body.Close()
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}

func post(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want LH702 "not closed on every path"
	if err != nil {
		return 0, err
	}
	if err := failIfBad(resp); err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// G4 neg: the same helper; the caller closes after success.
func postOK(c *http.Client, req *http.Request, v any) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if err := failIfBad(resp); err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

// G5 neg: rows closed by a nil-tolerant helper deferred before the
// error check.
func closeRows(r *sql.Rows) {
	if r != nil {
		r.Close()
	}
}

func ids(db *sql.DB) ([]int, error) {
	rows, err := db.Query("SELECT id FROM t")
	defer closeRows(rows)
	if err != nil {
		return nil, err
	}
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

// G6 TP: the response of a retry wrapper's last failed attempt is
// returned as nil with its body open.
func doRetry(c *http.Client, req *http.Request, n int) (*http.Response, error) {
	var lastErr error
	for i := 0; i < n; i++ {
		resp, err := c.Do(req) // want LH702
		if err != nil {
			lastErr = err
			continue
		}
		if resp.StatusCode >= 500 {
			lastErr = fmt.Errorf("server error %d", resp.StatusCode)
			if i == n-1 {
				return nil, lastErr
			}
			resp.Body.Close()
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

// G7 neg: the check's error goes into the function's own err, tested
// before the success path closes.
func postAssign(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	err = failIfBad(resp)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// G8 TP: returning the check's result as it is: a nil error leaves the
// body open.
func postReturn(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want LH702 "not closed on every path"
	if err != nil {
		return err
	}
	return failIfBad(resp)
}

// G9 neg: a helper that closes on failure and also on a nil-error path
// is no error-linked closer: the caller's close after success is not
// required to be proven (its use after the call keeps the duty).
func drainIfEmpty(resp *http.Response) error {
	if resp.ContentLength == 0 {
		resp.Body.Close()
		return nil
	}
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func getMaybeEmpty(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	if err := drainIfEmpty(resp); err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
