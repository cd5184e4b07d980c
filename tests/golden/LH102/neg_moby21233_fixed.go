package golden

// Fixed: after an error the consumer keeps draining and only skips the
// work, so every send completes and the close ends the range.
func transferAllFixed(chunks []string, write func(string) error) {
	progress := make(chan string)
	go func() {
		var failed error
		for p := range progress {
			if failed != nil {
				continue
			}
			failed = write(p)
		}
	}()
	for _, c := range chunks {
		progress <- c
	}
	close(progress)
}

// The consumer stops on a sentinel the producer sends last: it never
// leaves a send waiting.
func transferUntilEmpty(chunks []string, write func(string) error) {
	progress := make(chan string)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for p := range progress {
			if p == "" {
				return
			}
			_ = write(p)
		}
	}()
	for _, c := range chunks {
		if c != "" {
			progress <- c
		}
	}
	progress <- ""
	close(progress)
	<-done
}
