package golden

// Kernel of a container-wait bug: the function sends on its own
// unbuffered channel before anyone can hold it, so it blocks right there.
func waitResult(n int) <-chan error {
	errc := make(chan error)
	if err := check(n); err != nil {
		errc <- err // want LH102 "send on errc blocks forever: nothing can receive from it yet"
		return errc
	}
	return errc
}
