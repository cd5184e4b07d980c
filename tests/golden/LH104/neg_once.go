package golden

import (
	"sync"
	"time"
)

var startOnce sync.Once

// sync.Once: started once per process.
func ensureFlusher() {
	startOnce.Do(func() {
		go func() {
			for {
				time.Sleep(time.Second)
				refresh()
			}
		}()
	})
}
