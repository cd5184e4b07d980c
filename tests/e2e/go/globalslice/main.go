// globalslice: an audit log kept in a package-level slice, never trimmed.
package main

import (
	"time"

	"lhe2e/internal/serve"
)

type record struct {
	at   time.Time
	body [1000]byte
}

var audit []*record

func logEvent() {
	audit = append(audit, &record{at: time.Now()})
}

func main() {
	serve.Start()
	serve.Every(10*time.Millisecond, func() {
		for i := 0; i < 6; i++ {
			logEvent()
		}
		serve.Garbage(64 << 10)
	})
}
