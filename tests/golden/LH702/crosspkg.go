// Responses handed to helpers of another package of the module (issue 3,
// gap 1): a helper that closes on every path releases, one that only
// reads leaves the duty here.
package lh702

import (
	"net/http"

	"golden/lh702/httputil2"
)

// The status check only reads: the body is never closed.
func ping(c *http.Client, url string) error {
	resp, err := c.Get(url) // want LH702 "never closed"
	if err != nil {
		return err
	}
	return httputil2.CheckStatus(resp)
}

// A bad status returns before the deferred release.
func fetchChecked(url string) error {
	resp, err := http.Get(url) // want LH702 "not closed on every path"
	if err != nil {
		return err
	}
	if err := httputil2.CheckStatus(resp); err != nil {
		return err
	}
	defer httputil2.DrainAndClose(resp.Body)
	return nil
}

// ---- negatives ----

// Drained and closed by the helper.
func head(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer httputil2.DrainAndClose(resp.Body)
	return resp.StatusCode, nil
}

// Read and closed by the helper.
func body(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return httputil2.ReadBody(resp)
}

// The helper closes on error; this function closes the rest.
func fetchOrClose(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	if err := httputil2.CloseIfError(resp); err != nil {
		return err
	}
	return resp.Body.Close()
}

// Checked, then drained by the helper on every path.
func checkThenDrain(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer httputil2.DrainAndClose(resp.Body)
	return httputil2.CheckStatus(resp)
}
