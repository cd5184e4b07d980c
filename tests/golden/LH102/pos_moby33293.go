package golden

// Kernel of moby#33293: the wait helper reports a setup error on the
// channel it is about to return - before anyone can hold it.
func waitExit(setup func() error) <-chan error {
	exitc := make(chan error)
	if err := setup(); err != nil {
		exitc <- err // want LH102 "send on exitc blocks forever"
		return exitc
	}
	return exitc
}
