package golden

// First answer wins; the other mirrors block forever.
func fastest(mirrors []string) string {
	c := make(chan string)
	for _, m := range mirrors {
		go func(m string) { // want LH102 "takes the first value"
			b, _ := fetch(m)
			c <- b
		}(m)
	}
	return <-c
}
