package golden

import (
	"errors"
	"sync"
)

type deviceSet struct {
	sync.Mutex
	deleted int
}

// Kernel of moby#17176: the "nothing to clean" path returns with the
// device set still locked; every later device operation hangs.
func (d *deviceSet) cleanupDeleted() error {
	d.Lock() // want LH105 "stays locked when deviceSet.cleanupDeleted returns early"
	if d.deleted == 0 {
		return nil
	}
	d.Unlock()
	return errors.New("devices still pending")
}
