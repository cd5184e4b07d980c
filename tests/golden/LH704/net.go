// Network connections and listeners.
package lh704

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"time"
)

// The handshake error path returns with the connection open.
func hello(addr string) (string, error) {
	c, err := net.Dial("tcp", addr) // want LH704 "connection is not closed on every path"
	if err != nil {
		return "", err
	}
	if _, err := io.WriteString(c, "HELLO\n"); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	c.Close()
	return line, err
}

// A probe that never closes.
func probe(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, time.Second) // want LH704 "never closed"
	return err == nil && c != nil
}

// A dialer in a struct, closed only when the write fails.
type client struct {
	d *net.Dialer
}

func (cl *client) ping(ctx context.Context, addr string) error {
	c, err := cl.d.DialContext(ctx, "tcp", addr) // want LH704
	if err != nil {
		return err
	}
	if _, err := c.Write([]byte("ping")); err != nil {
		c.Close()
		return err
	}
	return nil
}

// A listener bound to check a port, left open on success.
func portFree(addr string) bool {
	ln, err := net.Listen("tcp", addr) // want LH704 "listener"
	if err != nil {
		return false
	}
	_ = ln.Addr()
	return true
}

// TLS connection: the verify error leaks it.
func peer(addr string, conf *tls.Config) (string, error) {
	c, err := tls.Dial("tcp", addr, conf) // want LH704 "TLS connection"
	if err != nil {
		return "", err
	}
	st := c.ConnectionState()
	if len(st.PeerCertificates) == 0 {
		return "", errors.New("no certificate")
	}
	defer c.Close()
	return st.PeerCertificates[0].Subject.CommonName, nil
}

// UDP packet conn overwritten in a retry.
func bindUDP(addr string) (net.PacketConn, error) {
	pc, err := net.ListenPacket("udp", addr) // want LH704 "overwritten"
	if err != nil {
		return nil, err
	}
	pc, err = net.ListenPacket("udp", addr)
	return pc, err
}

// ---- negatives ----

func deferred(addr string) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("x"))
	return err
}

// Returned to the caller.
func dial(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Handed to a goroutine that closes it.
func serveOne(ln net.Listener, handle func(net.Conn)) error {
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		return err
	}
	go func() {
		defer c.Close()
		handle(c)
	}()
	return nil
}

// A listener served until it fails, closed by defer.
func serve(addr string, handle func(net.Conn)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go handle(c)
	}
}

// Wrapped in a struct the caller closes.
type session struct {
	conn net.Conn
}

func (s *session) Close() error { return s.conn.Close() }

func open(addr string) (*session, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &session{conn: c}, nil
}

// Closed on every branch.
func branches(addr string, quick bool) error {
	c, err := net.Dial("udp", addr)
	if err != nil {
		return err
	}
	if quick {
		return c.Close()
	}
	_, err = c.Write([]byte("slow"))
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	return err
}
