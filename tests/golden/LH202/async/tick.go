package async

import "time"

// go 1.23 but godebug asynctimerchan=1 restores the old timers.
func pause() {
	<-time.Tick(time.Millisecond) // want LH202 "asynctimerchan=1"
}
