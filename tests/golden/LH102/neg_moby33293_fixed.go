package golden

// Fixed: one slot, so the early error is parked for the caller.
func waitExitFixed(setup func() error) <-chan error {
	exitc := make(chan error, 1)
	if err := setup(); err != nil {
		exitc <- err
		return exitc
	}
	return exitc
}
