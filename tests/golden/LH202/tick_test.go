package lh202

import (
	"testing"
	"time"
)

// Tests are short-lived.
func TestPause(t *testing.T) {
	<-time.Tick(time.Millisecond)
}
