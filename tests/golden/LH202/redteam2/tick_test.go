package rt2

import (
	"testing"
	"time"
)

// Tests are exempt: the test binary ends.
func TestTickWaits(t *testing.T) {
	c := time.Tick(time.Millisecond)
	<-c
	if time.Now().IsZero() {
		t.Fatal("zero")
	}
}
