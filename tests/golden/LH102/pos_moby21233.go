package golden

// Kernel of moby#21233: the progress consumer stops on the first write
// error, and the transfer loop keeps sending progress to nobody.
func transferAll(chunks []string, write func(string) error) {
	progress := make(chan string)
	go func() {
		for p := range progress {
			if err := write(p); err != nil {
				return
			}
		}
	}()
	for _, c := range chunks {
		progress <- c // want LH102 "send on progress blocks forever once its consumer goroutine returns on an error at line 10"
	}
	close(progress)
}
