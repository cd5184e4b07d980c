package golden

// The result channel is never read.
func fireAndForget(url string) {
	done := make(chan error)
	go func() { // want LH102 "nothing receives"
		_, err := fetch(url)
		done <- err
	}()
}
