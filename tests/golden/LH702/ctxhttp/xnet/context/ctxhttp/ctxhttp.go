// Package ctxhttp is a stand-in for golang.org/x/net/context/ctxhttp with
// the same signatures, so the golden module builds offline.
package ctxhttp

import (
	"context"
	"net/http"
)

// Do sends req with ctx on client (http.DefaultClient when nil).
func Do(ctx context.Context, client *http.Client, req *http.Request) (*http.Response, error) {
	if client == nil {
		client = http.DefaultClient
	}
	return client.Do(req.WithContext(ctx))
}

// Get issues a GET with ctx.
func Get(ctx context.Context, client *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return Do(ctx, client, req)
}
