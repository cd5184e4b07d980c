package golden

// A non-blocking receive: when the result is not ready yet, the sender
// is abandoned.
func poll(url string) (string, bool) {
	c := make(chan string)
	go func() { // want LH102 "default"
		b, _ := fetch(url)
		c <- b
	}()
	select {
	case b := <-c:
		return b, true
	default:
		return "", false
	}
}
