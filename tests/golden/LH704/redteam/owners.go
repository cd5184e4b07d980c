package redteam

import (
	"crypto/tls"
	"errors"
	"net"
	"net/rpc"
	"net/textproto"
	"time"
)

// Wrappers whose Close closes the connection they were given (OWNS rows):
// the wrapper is another handle of the connection.

// O1 neg: the text protocol wrapper is closed by defer.
func greeting(addr string) (string, error) {
	conn, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return "", err
	}
	tp := textproto.NewConn(conn)
	defer tp.Close()
	_, msg, err := tp.ReadResponse(220)
	return msg, err
}

// O2 TP: the wrapper is dropped when the greeting is wrong.
func greetingLeaky(addr string) (*textproto.Conn, error) {
	conn, err := net.DialTimeout("tcp", addr, time.Second) // want LH704 "not closed on every path"
	if err != nil {
		return nil, err
	}
	tp := textproto.NewConn(conn)
	if _, _, err := tp.ReadResponse(220); err != nil {
		return nil, err
	}
	return tp, nil
}

// O3 neg: an RPC client built on the connection is returned.
func rpcClient(addr string) (*rpc.Client, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return rpc.NewClient(conn), nil
}

// O4 neg: a server-side TLS wrapper over an accepted connection handed to
// a goroutine that closes it; the listener is closed by defer.
func serveTLSOnce(addr string, cfg *tls.Config, handle func(*tls.Conn)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	c, err := ln.Accept()
	if err != nil {
		return err
	}
	go func(tc *tls.Conn) {
		defer tc.Close()
		handle(tc)
	}(tls.Server(c, cfg))
	return nil
}

// O5 TP: a TLS client over a dialed connection never closed when the
// peer certificate is missing.
func pinnedPeer(addr string, cfg *tls.Config) error {
	raw, err := net.Dial("tcp", addr) // want LH704 "not closed on every path"
	if err != nil {
		return err
	}
	tc := tls.Client(raw, cfg)
	if err := tc.Handshake(); err != nil {
		tc.Close()
		return err
	}
	if len(tc.ConnectionState().PeerCertificates) == 0 {
		return errors.New("no peer certificate")
	}
	return tc.Close()
}
