package golden

// The error check returns before the result is received.
func resolve(host string, n int) (string, error) {
	out := make(chan string)
	go func() { // want LH102 "after resolve returns"
		ip, _ := fetch(host)
		out <- ip
	}()
	if err := check(n); err != nil {
		return "", err
	}
	return <-out, nil
}
