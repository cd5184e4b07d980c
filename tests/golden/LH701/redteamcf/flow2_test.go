package rtcf

import (
	"os"
	"testing"
)

// Cleanup closes it.
func TestCleanup(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "z")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if _, err := f.WriteString("z"); err != nil {
		t.Fatal(err)
	}
}

// The early return forgets the file.
func TestEarlyReturn(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "w") // want LH701
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		return
	}
	f.Close()
}
