package golden

// The early return still drains the result in a deferred receive.
func resolveDrained(host string, n int) (string, error) {
	out := make(chan string)
	go func() {
		ip, _ := fetch(host)
		out <- ip
	}()
	received := false
	defer func() {
		if !received {
			<-out
		}
	}()
	if err := check(n); err != nil {
		return "", err
	}
	received = true
	return <-out, nil
}
