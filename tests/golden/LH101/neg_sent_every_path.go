package golden

// Every path sends before returning.
func handOff(n int) error {
	in := make(chan int)
	go func() {
		use(<-in)
	}()
	if err := apply(n); err != nil {
		in <- -1
		return err
	}
	in <- n
	return nil
}
