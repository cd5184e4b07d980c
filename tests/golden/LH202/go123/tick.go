package go123

import "time"

// Go 1.23 collects an unreferenced ticker: silent.
func pause() {
	<-time.Tick(time.Millisecond)
}
