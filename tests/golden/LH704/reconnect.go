package lh704

import (
	"bufio"
	"context"
	"errors"
	"net"
	"time"
)

type pinger struct {
	dialer net.Dialer
	addr   string
}

// The dialer lives in a field; the probe connection is closed by defer.
func (p *pinger) ping(ctx context.Context) error {
	c, err := p.dialer.DialContext(ctx, "tcp", p.addr)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("PING\r\n"))
	return err
}

// The banner check returns early with the connection open.
func (p *pinger) banner(ctx context.Context) (string, error) {
	c, err := p.dialer.DialContext(ctx, "tcp", p.addr) // want LH704 "connection"
	if err != nil {
		return "", err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return "", err
	}
	c.Close()
	return line, nil
}

// A dialer built in place.
func dialQuick(addr string) (net.Conn, error) {
	c, err := (&net.Dialer{Timeout: time.Second}).Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if err := c.SetDeadline(time.Now().Add(time.Second)); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// A listener from a ListenConfig forgotten when the address is wrong.
func listenChecked(ctx context.Context, addr string) (net.Listener, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr) // want LH704 "listener"
	if err != nil {
		return nil, err
	}
	if ln.Addr().String() == "" {
		return nil, errors.New("no address")
	}
	return ln, nil
}

// A UDP conn with a read loop; closed by the deferred call.
func echo(addr string, stop <-chan struct{}) error {
	uc, err := net.ListenUDP("udp", &net.UDPAddr{Port: 0})
	if err != nil {
		return err
	}
	defer uc.Close()
	buf := make([]byte, 1500)
	for {
		select {
		case <-stop:
			return nil
		default:
		}
		_ = uc.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
		n, from, err := uc.ReadFromUDP(buf)
		if err != nil {
			continue
		}
		_, _ = uc.WriteToUDP(buf[:n], from)
	}
}

// A reconnect loop: the previous connection is closed before redialling.
func keepAlive(addr string, stop <-chan struct{}) {
	var c net.Conn
	for {
		select {
		case <-stop:
			if c != nil {
				c.Close()
			}
			return
		case <-time.After(time.Second):
		}
		if c != nil {
			if _, err := c.Write([]byte{0}); err == nil {
				continue
			}
			c.Close()
		}
		var err error
		c, err = net.Dial("tcp", addr)
		if err != nil {
			c = nil
		}
	}
}

// The reconnect loop without the close: the broken connection leaks.
func keepAliveLeaky(addr string, stop <-chan struct{}) {
	var c net.Conn
	for {
		select {
		case <-stop:
			if c != nil {
				c.Close()
			}
			return
		case <-time.After(time.Second):
		}
		if c != nil {
			if _, err := c.Write([]byte{0}); err == nil {
				continue
			}
		}
		var err error
		c, err = net.Dial("tcp", addr) // want LH704 "overwritten"
		if err != nil {
			c = nil
		}
	}
}
