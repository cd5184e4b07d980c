package lh702

import (
	"errors"
	"io"
	"net/http"
)

// A redirect-following client: the previous body is closed at the top of
// the next round, under a condition the engine cannot tie to resp (len(reqs)
// > 0), before send overwrites it; send returns through named results.
type redirClient struct{ hc *http.Client }

func (c *redirClient) send(req *http.Request) (resp *http.Response, err error) {
	resp, err = c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func (c *redirClient) do(req *http.Request) (*http.Response, error) {
	var (
		reqs []*http.Request
		resp *http.Response
	)
	for {
		if len(reqs) > 0 {
			loc := resp.Header.Get("Location")
			if loc == "" {
				return resp, nil
			}
			if loc == "x" {
				resp.Body.Close()
				return nil, errors.New("x")
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		reqs = append(reqs, req)
		var err error
		if resp, err = c.send(req); err != nil {
			return nil, err
		}
		if resp.StatusCode != 302 {
			return resp, nil
		}
	}
}

// A nil test on the body itself: nothing to close where it holds.
func postNoBody(c *http.Client, req *http.Request) error {
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	if res.Body != nil {
		res.Body.Close()
	}
	return nil
}
