package golden

// Kernel of moby#4395: a helper runs f in a goroutine and returns the
// channel its error will arrive on; a caller that only wants the side
// effect drops the channel, and the goroutine waits forever to deliver.
func goAsync(f func() error) chan error {
	errc := make(chan error)
	go func() { // want LH102 "sending on errc: goAsync returns it and the call at line 15 drops it"
		errc <- f()
	}()
	return errc
}

func dropAsyncResult() {
	goAsync(func() error { return nil })
}
