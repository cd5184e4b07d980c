package golden

import "net"

// Fixed: unlock before continue.
func (p *udpProxy) runFixed(addrs []string) {
	for _, a := range addrs {
		p.trackMu.Lock()
		c, err := net.Dial("udp", a)
		if err != nil {
			p.trackMu.Unlock()
			continue
		}
		p.conns++
		c.Close()
		p.trackMu.Unlock()
	}
}
