// A daemon: its main loop never ends, and every tick appends.
package main

import "time"

var samples []time.Time

func sample() {
	samples = append(samples, time.Now()) // want LH302 "samples"
}

func main() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		<-t.C
		sample()
	}
}
