package golden

import "time"

type lessor struct{ ttl time.Duration }

// Kernel of a keep-alive bug: the renew loop waits for the first grant,
// which is only signalled after validation succeeded.
func (l *lessor) grant(id int) error {
	granted := make(chan struct{})
	go func() { // want LH101 "when lessor.grant returns early"
		<-granted
		for i := 0; i < 3; i++ {
			time.Sleep(l.ttl)
		}
	}()
	if err := apply(id); err != nil {
		return err
	}
	close(granted)
	return nil
}
