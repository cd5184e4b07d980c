// Package httputil2 holds response helpers other packages of the module
// call (issue 3, gap 1).
package httputil2

import (
	"fmt"
	"io"
	"net/http"
)

// DrainAndClose reads the body to the end and closes it.
func DrainAndClose(body io.ReadCloser) {
	io.Copy(io.Discard, body)
	body.Close()
}

// CheckStatus only looks at the response.
func CheckStatus(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}

// ReadBody reads and closes the body of resp.
func ReadBody(resp *http.Response) ([]byte, error) {
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// CloseIfError closes the body only on a bad status.
func CloseIfError(resp *http.Response) error {
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}
