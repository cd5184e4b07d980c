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
