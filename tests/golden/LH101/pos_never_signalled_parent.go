package golden

// The caller waits for a ready signal that nothing ever gives: the
// goroutine was meant to close ready once warmed up.
func warmUp() {
	ready := make(chan struct{})
	go func() {
		use(compute())
	}()
	<-ready // want LH101 "receive from ready blocks forever: nothing sends to or closes it"
}
