// Second redteam round for connections and listeners, written before
// looking at the engine. Each case says TP or neg and why.
package redteam2

import (
	"bufio"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"
)

// N1 TP: a listener on a free port; an unexpected address returns before
// the close.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // want LH704
	if err != nil {
		return "", err
	}
	addr := ln.Addr().String()
	if !strings.HasPrefix(addr, "127.") {
		return "", fmt.Errorf("unexpected address %s", addr)
	}
	ln.Close()
	return addr, nil
}

// N2 neg: the same with a defer and a type assertion.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// N3 neg: a deferred closure closes the connection when the named error
// is set, also by `return nil, err` with a shadowed err.
func dialHello(addr string) (c net.Conn, err error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			conn.Close()
		}
	}()
	if _, err := conn.Write([]byte("hello\n")); err != nil {
		return nil, err
	}
	return conn, nil
}

// N4 TP: the deferred closure tests a local err that the failing write
// does not set (it uses its own werr): the connection leaks.
func dialHelloLeak(addr string) (net.Conn, error) {
	conn, err := net.Dial("tcp", addr) // want LH704
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			conn.Close()
		}
	}()
	if _, werr := conn.Write([]byte("hello\n")); werr != nil {
		return nil, werr
	}
	return conn, nil
}

// N5 neg: the listener is wrapped in TLS and the wrapper closed (it
// closes the inner listener).
func serveTLS(cfg *tls.Config, handle func(net.Conn)) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	ln = tls.NewListener(ln, cfg)
	defer ln.Close()
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go handle(c)
	}
}

// N6 TP: a port scan loop skips a port the check rejects without closing
// its listener.
func listenInRange(lo, hi int, ok func(int) bool) (net.Listener, error) {
	for port := lo; port < hi; port++ {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port)) // want LH704
		if err != nil {
			continue
		}
		if !ok(port) {
			continue
		}
		return ln, nil
	}
	return nil, errors.New("no free port")
}

// N7 neg: the same, closing the rejected listener.
func listenInRangeClosed(lo, hi int, ok func(int) bool) (net.Listener, error) {
	for port := lo; port < hi; port++ {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			continue
		}
		if !ok(port) {
			ln.Close()
			continue
		}
		return ln, nil
	}
	return nil, errors.New("no free port")
}

type session struct {
	conn net.Conn
	rw   *bufio.ReadWriter
}

// N8 neg: the connection leaves with its buffered reader/writer in a
// session struct.
func openSession(addr string) (*session, error) {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	rw := bufio.NewReadWriter(bufio.NewReader(conn), bufio.NewWriter(conn))
	return &session{conn: conn, rw: rw}, nil
}

// N9 TP: the greeting is read through a bufio.Reader; a bad greeting
// returns with the connection open.
func greet(addr string) (string, error) {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second) // want LH704
	if err != nil {
		return "", err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		conn.Close()
		return "", err
	}
	if !strings.HasPrefix(line, "220") {
		return "", fmt.Errorf("bad greeting %q", line)
	}
	conn.Close()
	return line, nil
}

// N10 neg: a UDP packet conn closed by defer, read with a deadline.
func probeUDP(addr string) ([]byte, error) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	defer pc.Close()
	dst, err := net.ResolveUDPAddr("udp", addr)
	if err != nil {
		return nil, err
	}
	if _, err := pc.WriteTo([]byte("ping"), dst); err != nil {
		return nil, err
	}
	if err := pc.SetReadDeadline(time.Now().Add(time.Second)); err != nil {
		return nil, err
	}
	buf := make([]byte, 512)
	n, _, err := pc.ReadFrom(buf)
	return buf[:n], err
}
