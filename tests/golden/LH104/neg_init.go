package golden

import "time"

// Started from init: lives as long as the process, by design.
func init() {
	go func() {
		for {
			time.Sleep(time.Hour)
			refresh()
		}
	}()
}
