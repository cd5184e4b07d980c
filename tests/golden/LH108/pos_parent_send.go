package golden

// The done signal is sent on a channel that was never made.
func finish() {
	var done chan struct{}
	done <- struct{}{} // want LH108
}
