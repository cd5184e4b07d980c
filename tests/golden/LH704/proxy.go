// A small TCP proxy and health checker: connections and listeners handed
// to goroutines, closed on ctx.Done, stored in structs with Close.
package lh704

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"time"
)

// The listener is closed by a goroutine when the context ends.
func serveUntilDone(ctx context.Context, addr string, handle func(net.Conn)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go handle(c)
	}
}

// The listener is left open when the first Accept fails.
func acceptOne(addr string) (net.Conn, error) {
	ln, err := net.Listen("tcp", addr) // want LH704 "listener"
	if err != nil {
		return nil, err
	}
	c, err := ln.Accept()
	if err != nil {
		return nil, err
	}
	ln.Close()
	return c, nil
}

type proxy struct {
	mu    sync.Mutex
	ln    net.Listener
	conns map[net.Conn]struct{}
}

// Stored in a struct whose Close releases it.
func newProxy(addr string) (*proxy, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	p := &proxy{conns: map[net.Conn]struct{}{}}
	p.ln = ln
	return p, nil
}

func (p *proxy) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.conns {
		c.Close()
	}
	return p.ln.Close()
}

// The upstream connection is tracked in a map the proxy closes.
func (p *proxy) dialUpstream(addr string) (net.Conn, error) {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	p.conns[c] = struct{}{}
	p.mu.Unlock()
	return c, nil
}

// A health check that never closes its probe connection.
func healthy(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, time.Second) // want LH704 "connection"
	if err != nil {
		return false
	}
	_ = c.SetDeadline(time.Now().Add(time.Second))
	return true
}

// The probe closed in a deferred closure taking it as a parameter.
func healthyClosed(ctx context.Context, addr string) bool {
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return false
	}
	defer func(c net.Conn) { _ = c.Close() }(c)
	return true
}

// Both connections are closed by the pump goroutines.
func pipeConns(a, b net.Conn) {
	go func() {
		defer a.Close()
		_, _ = io.Copy(a, b)
	}()
	go func() {
		defer b.Close()
		_, _ = io.Copy(b, a)
	}()
}

func relay(ctx context.Context, client net.Conn, addr string) error {
	var d net.Dialer
	up, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		client.Close()
		return err
	}
	pipeConns(client, up)
	return nil
}

// A TLS dial whose handshake check returns without closing.
func tlsVersion(addr string, cfg *tls.Config) (uint16, error) {
	c, err := tls.Dial("tcp", addr, cfg) // want LH704 "TLS connection"
	if err != nil {
		return 0, err
	}
	st := c.ConnectionState()
	if !st.HandshakeComplete {
		return 0, errors.New("no handshake")
	}
	c.Close()
	return st.Version, nil
}

// A UDP socket closed on every path by defer, read in a select loop.
func listenUDP(ctx context.Context, addr string, out chan<- []byte) error {
	pc, err := net.ListenPacket("udp", addr)
	if err != nil {
		return err
	}
	defer pc.Close()
	buf := make([]byte, 1500)
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		n, _, err := pc.ReadFrom(buf)
		if err != nil {
			return err
		}
		out <- append([]byte(nil), buf[:n]...)
	}
}

// A dialled connection wrapped by tls.Client: the wrapper owns it and is
// returned.
func dialTLS(addr string, cfg *tls.Config) (*tls.Conn, error) {
	raw, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(raw, cfg)
	if err := tc.Handshake(); err != nil {
		raw.Close()
		return nil, err
	}
	return tc, nil
}

// The connection is dialled per iteration and closed by defer in a loop.
func probeAll(addrs []string) int {
	up := 0
	for _, a := range addrs {
		c, err := net.Dial("tcp", a)
		if err != nil {
			continue
		}
		defer c.Close() // want LH706
		up++
	}
	return up
}

// The per-iteration defer inside a func literal called per iteration.
func probeAllClosed(addrs []string) int {
	up := 0
	for _, a := range addrs {
		func() {
			c, err := net.Dial("tcp", a)
			if err != nil {
				return
			}
			defer c.Close()
			up++
		}()
	}
	return up
}
