// go 1.23, but godebug default=go1.21 brings back the old timers.
package godebugdefault

import (
	"log"
	"time"
)

type metrics struct {
	report *time.Ticker
}

// a field nobody stops
func (m *metrics) start() {
	m.report = time.NewTicker(time.Second) // want LH201
	go func() {
		for range m.report.C {
			log.Print("report")
		}
	}()
}

func tick(ready func() bool) {
	for range time.Tick(time.Second) { // want LH202 "godebug default=go1.21"
		if ready() {
			return
		}
	}
}

func batch(in <-chan string, flush func()) {
	for {
		select {
		case <-in:
		case <-time.After(time.Minute): // want LH203 "godebug default=go1.21"
			flush()
		}
	}
}
