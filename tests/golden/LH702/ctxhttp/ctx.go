// Responses from golang.org/x/net/context/ctxhttp are responses like
// http.Get's (the module is replaced by a local stand-in with the same
// API so this builds offline).
package lh702ctx

import (
	"context"
	"io"
	"net/http"

	"golang.org/x/net/context/ctxhttp"
)

// ctxhttp.Get's body is never closed.
func fetch(ctx context.Context, u string) ([]byte, error) {
	resp, err := ctxhttp.Get(ctx, nil, u) // want LH702 "never closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// ctxhttp.Do's body closed with defer.
func fetchOK(ctx context.Context, c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := ctxhttp.Do(ctx, c, req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
