package redteam

import (
	"net/http"
	"testing"
)

// C15 neg: t.Fatalf ends the test before the close matters.
func TestStatusFatal(t *testing.T) {
	resp, err := http.Get("http://127.0.0.1:1/")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
}

// C16 TP: t.Errorf returns; the explicit return leaves the body open.
func TestStatusErrorf(t *testing.T) {
	resp, err := http.Get("http://127.0.0.1:1/") // want LH702 "not closed on every path"
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status %d", resp.StatusCode)
		return
	}
	resp.Body.Close()
}
