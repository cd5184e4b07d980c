package golden

// A select with a single case blocks exactly like a plain receive.
func singleCase() {
	errc := make(chan error)
	go func() { // want LH101
		select {
		case err := <-errc:
			if err != nil {
				cleanup()
			}
		}
	}()
}
