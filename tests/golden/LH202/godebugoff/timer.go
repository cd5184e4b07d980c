// go 1.22, but godebug asynctimerchan=0 (over default=go1.21): the new
// timers, collected when unreferenced.
package godebugoff

import (
	"log"
	"time"
)

type metrics struct {
	report *time.Ticker
}

// a field nobody stops
func (m *metrics) start() {
	m.report = time.NewTicker(time.Second)
	go func() {
		for range m.report.C {
			log.Print("report")
		}
	}()
}

func tick(ready func() bool) {
	for range time.Tick(time.Second) {
		if ready() {
			return
		}
	}
}

func batch(in <-chan string, flush func()) {
	for {
		select {
		case <-in:
		case <-time.After(time.Minute):
			flush()
		}
	}
}
