package golden

// The producer closes with defer; the consumer drains the channel.
func collect(urls []string) []string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, u := range urls {
			b, _ := fetch(u)
			out <- b
		}
	}()
	var all []string
	for b := range out {
		all = append(all, b)
	}
	return all
}
