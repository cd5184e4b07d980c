package golden

import (
	"net"
	"sync"
)

type udpProxy struct {
	trackMu sync.Mutex
	conns   int
}

// Kernel of moby#7559: a failed dial continues the loop with the tracking
// lock held; the next round's Lock waits for itself.
func (p *udpProxy) run(addrs []string) {
	for _, a := range addrs {
		p.trackMu.Lock() // want LH105 "p.trackMu is locked again while still locked"
		c, err := net.Dial("udp", a)
		if err != nil {
			continue
		}
		p.conns++
		c.Close()
		p.trackMu.Unlock()
	}
}
