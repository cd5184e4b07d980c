// Table tests that expect some requests to fail (issue 3, gap 8: docker's
// remotecontext test): where the error is asserted, the response is nil.
package lh702

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func assertErrorContains(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}

func assertNoError(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func readAllClose(b io.ReadCloser) ([]byte, error) {
	defer b.Close()
	return io.ReadAll(b)
}

// ---- negatives ----

// The failing cases assert the error: no response to close there.
func TestStatuses(t *testing.T) {
	cases := []struct{ url, wantErr string }{
		{"http://127.0.0.1:1/ok", ""},
		{"http://127.0.0.1:1/bad", "refused"},
	}
	for _, tc := range cases {
		resp, err := http.Get(tc.url)
		if tc.wantErr == "" {
			assertNoError(t, err)
			if _, err := readAllClose(resp.Body); err != nil {
				t.Fatal(err)
			}
		} else {
			assertErrorContains(t, err, tc.wantErr)
		}
	}
}

// ---- positives ----

// The success is asserted, then the response is dropped.
func TestDropped(t *testing.T) {
	resp, err := http.Get("http://127.0.0.1:1/") // want LH702 "never closed"
	assertNoError(t, err)
	if resp.StatusCode != http.StatusOK {
		t.Fatal(resp.Status)
	}
}

// The error assertion is on another call's error.
func TestOtherError(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:1/a", "http://127.0.0.1:1/b"} {
		resp, err := http.Get(u) // want LH702 "not closed on every path"
		_, perr := http.NewRequest("BAD METHOD", u, nil)
		if strings.HasSuffix(u, "a") {
			assertErrorContains(t, perr, "invalid method")
			continue
		}
		assertNoError(t, err)
		resp.Body.Close()
	}
}

// The error is checked with != nil: the usual rules.
func TestChecked(t *testing.T) {
	resp, err := http.Get("http://127.0.0.1:1/") // want LH702 "not closed on every path"
	if err != nil {
		assertErrorContains(t, err, "refused")
		return
	}
	if resp.StatusCode == http.StatusTeapot {
		return
	}
	resp.Body.Close()
}

func checkErr(t *testing.T, err error) {
	if err != nil {
		t.Fatal(err)
	}
}

// checkErr fails on an error: the response is dropped on success.
func TestCheckErr(t *testing.T) {
	resp, err := http.Head("http://127.0.0.1:1/") // want LH702 "never closed"
	checkErr(t, err)
	t.Log(resp.Status)
}
