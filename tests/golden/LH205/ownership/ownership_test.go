package ownership

import (
	"testing"
	"time"
)

func TestTickerCleanup(t *testing.T) {
	tk := time.NewTicker(time.Millisecond)
	t.Cleanup(tk.Stop)
	<-tk.C
}

func TestTimerCleanup(t *testing.T) {
	tm := time.NewTimer(time.Hour)
	t.Cleanup(func() { tm.Stop() })
	if testing.Short() {
		return
	}
}

func TestTickerLeak(t *testing.T) {
	tk := time.NewTicker(time.Millisecond) // want LH201
	<-tk.C
	if testing.Short() {
		t.Skip("short")
	}
}
