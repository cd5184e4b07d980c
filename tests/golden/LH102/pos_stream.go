package golden

// A producer streams values; the consumer takes the first and leaves.
func firstLine(lines []string) string {
	out := make(chan string)
	go func() { // want LH102
		for _, l := range lines {
			out <- l
		}
		close(out)
	}()
	return <-out
}
