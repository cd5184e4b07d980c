package rtcf

import (
	"os"
	"testing"
)

// t.Fatal and t.Skip end the test goroutine; the defer covers the rest.
func TestOpen(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	if testing.Short() {
		f.Close()
		t.Skip("short")
	}
	defer f.Close()
	if _, err := f.WriteString("x"); err != nil {
		t.Fatalf("write: %v", err)
	}
}

// Fatal after the open without a Close: the test dies there.
func TestFatalNoClose(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "y")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("y"); err != nil {
		t.FailNow()
	}
	f.Close()
}

func BenchmarkOpen(b *testing.B) {
	for i := 0; i < b.N; i++ {
		f, err := os.Open(os.Args[0])
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}
