package golden

import (
	"os"
	"os/signal"
)

// signal.Notify sends on the channel.
func onInterrupt() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	go func() {
		<-sigs
		cleanup()
	}()
}
