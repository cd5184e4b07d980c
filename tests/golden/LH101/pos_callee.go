package golden

func waitFor(quit chan bool) {
	<-quit
	cleanup()
}

// The channel is handed to a same-package function run as a goroutine.
func spawnWaiter() {
	quit := make(chan bool)
	go waitFor(quit) // want LH101
	use(compute())
}
