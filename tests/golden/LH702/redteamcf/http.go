package rtcf

import (
	"errors"
	"io"
	"net/http"
)

var errNotFound = errors.New("not found")

// The 404 case returns with the body open.
func statusSwitch(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u) // want LH702
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	case http.StatusNotFound:
		return nil, errNotFound
	default:
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
}

func statusSwitchOK(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer func(b io.ReadCloser) {
		b.Close()
	}(resp.Body)
	switch resp.StatusCode {
	case http.StatusOK:
		return io.ReadAll(resp.Body)
	case http.StatusNotFound:
		return nil, errNotFound
	default:
		return nil, errors.New(resp.Status)
	}
}

// Retried with goto; the failed response's body is closed first.
func retryGet(c *http.Client, u string) (*http.Response, error) {
	n := 0
again:
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 500 && n < 3 {
		resp.Body.Close()
		n++
		goto again
	}
	return resp, nil
}

// The retry forgets the body of the failed response.
func retryGetLeak(c *http.Client, u string) (*http.Response, error) {
	n := 0
	for {
		resp, err := c.Get(u) // want LH702
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 && n < 3 {
			n++
			continue
		}
		return resp, nil
	}
}
