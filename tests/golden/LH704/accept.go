// Connections from Accept: each one is a socket the server must close or
// hand to a handler that owns it.
package lh704

import (
	"bufio"
	"crypto/tls"
	"errors"
	"io"
	"net"
)

// The greeting error path returns with the accepted connection open.
func acceptGreeting(ln net.Listener) (string, error) {
	c, err := ln.Accept() // want LH704 "accepted connection is not closed on every path"
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

// A loop that rejects clients by dropping them without closing.
func rejectAll(ln net.Listener, allowed func(net.Addr) bool) error {
	for {
		c, err := ln.Accept() // want LH704 "accepted connection"
		if err != nil {
			return err
		}
		if !allowed(c.RemoteAddr()) {
			continue
		}
		go serveConn(c)
	}
}

// A TCP listener from ListenTCP: AcceptTCP's connection read and dropped.
func firstByte(addr *net.TCPAddr) (byte, error) {
	ln, err := net.ListenTCP("tcp", addr)
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	c, err := ln.AcceptTCP() // want LH704 "never closed"
	if err != nil {
		return 0, err
	}
	var b [1]byte
	_, err = io.ReadFull(c, b[:])
	return b[0], err
}

// The listener from net.Listen is typed by its constructor.
func echoOnce(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	c, err := ln.Accept() // want LH704
	if err != nil {
		return err
	}
	if _, err := io.Copy(c, c); err != nil {
		return err
	}
	return c.Close()
}

// ---- negatives ----

// Each accepted connection handed to a goroutine that closes it.
func serveAll(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go serveConn(c)
	}
}

func serveConn(c net.Conn) {
	defer c.Close()
	io.Copy(io.Discard, c)
}

// A goroutine closure owning the connection.
func serveInline(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go func() {
			defer c.Close()
			io.Copy(c, c)
		}()
	}
}

// A goroutine with the connection as its argument.
func serveArg(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go func(conn net.Conn) {
			defer conn.Close()
			io.Copy(io.Discard, conn)
		}(c)
	}
}

// Sent to a worker pool.
func dispatch(ln net.Listener, work chan<- net.Conn) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		work <- c
	}
}

// Wrapped by tls.Server: the TLS conn owns it.
func acceptTLS(ln net.Listener, conf *tls.Config) (*tls.Conn, error) {
	c, err := ln.Accept()
	if err != nil {
		return nil, err
	}
	return tls.Server(c, conf), nil
}

// Closed on every path, also the rejected one.
func rejectClosed(ln net.Listener, allowed func(net.Addr) bool) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		if !allowed(c.RemoteAddr()) {
			c.Close()
			continue
		}
		go serveConn(c)
	}
}

// Returned to the caller.
func next(ln *net.TCPListener) (*net.TCPConn, error) {
	c, err := ln.AcceptTCP()
	if err != nil {
		return nil, err
	}
	if err := c.SetKeepAlive(true); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// An Accept method of another type is not a listener's.
type queue struct{ items []string }

func (q *queue) Accept() (string, error) {
	if len(q.items) == 0 {
		return "", errors.New("empty")
	}
	s := q.items[0]
	q.items = q.items[1:]
	return s, nil
}

func drain(q *queue) []string {
	var out []string
	for {
		s, err := q.Accept()
		if err != nil {
			return out
		}
		out = append(out, s)
	}
}

// Kept in a map of live connections the server closes on shutdown.
type hub struct{ conns map[net.Conn]bool }

func (h *hub) accept(ln net.Listener) error {
	c, err := ln.Accept()
	if err != nil {
		return err
	}
	h.conns[c] = true
	return nil
}
