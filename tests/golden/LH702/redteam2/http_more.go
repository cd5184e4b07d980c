// Second redteam round, more shapes (written after the first fixes, run
// before landing): each case says TP or neg and why.
package redteam2

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
)

// M1 neg: the response is closed by a defer placed before the error
// check, guarded by a nil test.
func nilGuardedFirst(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// M2 TP: an else-if on the status returns before the defer.
func elseIfStatus(u string) error {
	resp, err := http.Get(u) // want LH702
	if err != nil {
		return err
	} else if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	return nil
}

// M3 TP: a tagless switch tests the error, then the status, and returns
// before the defer.
func switchStatus(u string) error {
	resp, err := http.Get(u) // want LH702
	switch {
	case err != nil:
		return err
	case resp.StatusCode != http.StatusOK:
		return errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return nil
}

// M4 neg: the same switch closing in the status case.
func switchStatusClosed(u string) error {
	resp, err := http.Get(u)
	switch {
	case err != nil:
		return err
	case resp.StatusCode != http.StatusOK:
		resp.Body.Close()
		return errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return nil
}

// M5 neg: an IDE-generated deferred closure taking the body as argument.
func generatedClose(u string) ([]byte, error) {
	res, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	defer func(Body io.ReadCloser) {
		err := Body.Close()
		if err != nil {
			log.Println(err)
		}
	}(res.Body)
	return io.ReadAll(res.Body)
}

// M6 neg: a nil-guarded deferred closure before the error check, on the
// default client.
func deferBeforeCheck(req *http.Request) error {
	resp, err := http.DefaultClient.Do(req)
	defer func() {
		if resp != nil && resp.Body != nil {
			resp.Body.Close()
		}
	}()
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// M7 TP: a POST whose answer is only checked for its status.
func postStatus(u string, body io.Reader) error {
	resp, err := http.Post(u, "application/json", body) // want LH702
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return errors.New(resp.Status)
	}
	return nil
}

// M8 neg: the body's Close method value is kept and deferred.
func closeMethodValue(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	closeBody := resp.Body.Close
	defer closeBody()
	return nil
}

// M9 TP: a 4xx answer is turned into an error with the body open; other
// answers go to the caller.
func doChecked(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req) // want LH702
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		return nil, fmt.Errorf("http %d", resp.StatusCode)
	}
	return resp, nil
}

// M10 neg: a func literal kept in a local fetches and closes each URL.
func fetchEach(urls []string) error {
	fetch := func(u string) error {
		resp, err := http.Get(u)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.ReadAll(resp.Body)
		return err
	}
	for _, u := range urls {
		if err := fetch(u); err != nil {
			return err
		}
	}
	return nil
}
