package golden

func consume(events chan string) {
	for e := range events {
		record(len(e))
	}
}

// A named consumer ranges over a channel its starter never closes.
func publish(names []string) {
	events := make(chan string, len(names))
	go consume(events) // want LH103
	for _, n := range names {
		events <- n
	}
}
