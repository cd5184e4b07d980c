package golden

// The goroutine closes ready once warmed up; the caller's receive ends.
func warmUpFixed() {
	ready := make(chan struct{})
	go func() {
		use(compute())
		close(ready)
	}()
	<-ready
}

// Both outcomes send: the caller's receive always ends.
func runJobEitherWay(n int) error {
	res := make(chan error)
	go func() {
		if err := apply(n); err != nil {
			res <- err
		} else {
			res <- nil
		}
	}()
	return <-res
}
