package lh704

// Shapes from third-party code (Debian's Go sources).

import (
	"errors"
	"net"
	"os"
	"syscall"
	"time"
)

// isMissing is true only for an error: the socket file is not there yet.
func isMissing(err error) bool {
	if err != nil {
		var oe *net.OpError
		if errors.As(err, &oe) {
			if se, ok := oe.Err.(*os.SyscallError); ok {
				return se.Err == syscall.ENOENT
			}
		}
	}
	return false
}

// isTemporary says the same in one expression.
func isTemporary(err error) bool {
	return err != nil && os.IsTimeout(err)
}

// Retries while the socket is missing: on that path the dial failed and
// there is no connection to close.
func dialWhenReady(addr string, stop <-chan struct{}) (net.Conn, error) {
	for {
		select {
		case <-stop:
			return nil, errors.New("stopped")
		default:
		}
		c, err := net.Dial("unix", addr)
		if isMissing(err) || isTemporary(err) {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		return c, err
	}
}

// slowStart can be true with a nil error: its true branch is no error
// branch, and the connection is dropped there.
func slowStart(err error, tries int) bool {
	if err == nil {
		return tries > 3
	}
	return false
}

func dialPatiently(addr string) (net.Conn, error) {
	for tries := 0; ; tries++ {
		c, err := net.Dial("tcp", addr) // want LH704 "connection is not closed on every path"
		if slowStart(err, tries) {
			continue
		}
		return c, err
	}
}

type udpClient struct{ conn *net.UDPConn }

// A constructor: on success the connection is handed to the caller, so
// the advice is to close it on the error path, not to defer it.
func newUDPClient(addr *net.UDPAddr, size int) (*udpClient, error) {
	c, err := net.DialUDP("udp", nil, addr) // want LH704 "call c.Close\(\) before the exit at line [0-9]+: the other paths hand"
	if err != nil {
		return nil, err
	}
	if err := c.SetWriteBuffer(size); err != nil {
		return nil, err
	}
	return &udpClient{conn: c}, nil
}
