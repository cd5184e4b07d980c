package golden

var ticks chan int

// The package-level channel is declared and never made.
func startTicks() {
	go func() { // want LH108 "sending on nil channel ticks"
		ticks <- work(1)
	}()
}
