// Second redteam round, more shapes (written after the first fixes, run
// before landing): each case says TP or neg and why.
package redteam2

import (
	"net"
)

func serveConn(c net.Conn) { c.Close() }

// C1 neg: closed by the deferred literal on failure, handed to a
// goroutine on success.
func dialServe(addr string) (err error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			conn.Close()
		}
	}()
	if _, err = conn.Write([]byte("x")); err != nil {
		return err
	}
	go serveConn(conn)
	return nil
}

// C2 neg: the same, sent on a channel on success (unnamed result).
func dialSend(addr string, out chan<- net.Conn) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			conn.Close()
		}
	}()
	_, err = conn.Write([]byte("x"))
	if err != nil {
		return err
	}
	out <- conn
	return nil
}

// C3 neg: the first address that answers; the deferred literal closes it
// when the greeting fails, the caller gets it otherwise.
func dialFirst(addrs []string) (net.Conn, error) {
	var conn net.Conn
	var err error
	for _, a := range addrs {
		conn, err = net.Dial("tcp", a)
		if err == nil {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			conn.Close()
		}
	}()
	_, err = conn.Write([]byte("hi"))
	return conn, err
}
