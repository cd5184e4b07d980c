package golden

// A select with one case on a nil channel is a plain blocking receive.
func waitNil() int {
	var ready chan int
	select {
	case v := <-ready: // want LH108
		return v
	}
}
