package golden

// Fixed: one slot, so the goroutine finishes whether or not anyone
// receives.
func goAsyncFixed(f func() error) chan error {
	errc := make(chan error, 1)
	go func() {
		errc <- f()
	}()
	return errc
}

func dropAsyncResultFixed() {
	goAsyncFixed(func() error { return nil })
}

// Every caller receives the result: not reported.
func goAsyncAwaited(f func() error) chan error {
	errc := make(chan error)
	go func() {
		errc <- f()
	}()
	return errc
}

func awaitIt() error {
	return <-goAsyncAwaited(func() error { return nil })
}
