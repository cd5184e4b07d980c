// Redteam cases (an unseen-set exercise): realistic shapes written to probe
// the path walk, half leaks and half look-alikes that are correct. Each
// case opens with a comment saying which and why.
package redteam

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// N1 neg: dial with a timeout, a deadline, a deferred close.
func banner(addr string) (string, error) {
	conn, err := net.DialTimeout("tcp", addr, 3*time.Second)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if err := conn.SetReadDeadline(time.Now().Add(2 * time.Second)); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	return strings.TrimSpace(line), err
}

// N2 TP: a SetDeadline error returns before the defer.
func sendOnce(addr string, msg []byte, d time.Duration) error {
	conn, err := net.Dial("tcp", addr) // want LH704
	if err != nil {
		return err
	}
	if err := conn.SetDeadline(time.Now().Add(d)); err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write(msg)
	return err
}

// N3 neg: http.Serve closes the listener it is given.
func serveBackground(h http.Handler) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go http.Serve(ln, h)
	return ln.Addr().String(), nil
}

// N4 TP: a listener stored in the server on success, leaked when the
// TLS config check fails after it was opened.
type server struct {
	ln  net.Listener
	cfg *tls.Config
}

func (s *server) start(addr string) error {
	ln, err := net.Listen("tcp", addr) // want LH704
	if err != nil {
		return err
	}
	if s.cfg != nil && len(s.cfg.Certificates) == 0 {
		return errors.New("tls config without certificates")
	}
	s.ln = ln
	return nil
}

// N5 neg: tls.Dial closed by defer.
func peerCert(addr string) (string, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{MinVersion: tls.VersionTLS12})
	if err != nil {
		return "", err
	}
	defer conn.Close()
	st := conn.ConnectionState()
	if len(st.PeerCertificates) == 0 {
		return "", errors.New("no certificate")
	}
	return st.PeerCertificates[0].Subject.CommonName, nil
}

// N6 TP: the raw connection leaks when the TLS handshake fails; on
// success the TLS client owns it.
func handshake(ctx context.Context, addr string, cfg *tls.Config) (*tls.Conn, error) {
	var d net.Dialer
	raw, err := d.DialContext(ctx, "tcp", addr) // want LH704
	if err != nil {
		return nil, err
	}
	tc := tls.Client(raw, cfg)
	if err := tc.HandshakeContext(ctx); err != nil {
		return nil, err
	}
	return tc, nil
}

// N7 neg: the same, closing the raw connection on handshake failure.
func handshakeOK(ctx context.Context, addr string, cfg *tls.Config) (*tls.Conn, error) {
	var d net.Dialer
	raw, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(raw, cfg)
	if err := tc.HandshakeContext(ctx); err != nil {
		raw.Close()
		return nil, err
	}
	return tc, nil
}

// N8 TP: a UDP socket opened to learn a free port, never closed.
func freeUDPPort() (int, error) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0") // want LH704
	if err != nil {
		return 0, err
	}
	return pc.LocalAddr().(*net.UDPAddr).Port, nil
}

// N9 neg: a client struct owns its connection; its Close closes it.
type lineClient struct {
	conn net.Conn
	r    *bufio.Reader
}

func dialLine(addr string) (*lineClient, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &lineClient{conn: conn, r: bufio.NewReader(conn)}, nil
}

func (c *lineClient) Close() error { return c.conn.Close() }

// N10 TP: an accept loop hands connections to a worker pool; a full
// pool returns from the loop with the listener open (it was made here).
func acceptSome(addr string, max int, handle func(net.Conn)) error {
	ln, err := net.Listen("tcp", addr) // want LH704
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	for i := 0; ; i++ {
		if i >= max {
			wg.Wait()
			return nil
		}
		c, err := ln.Accept()
		if err != nil {
			ln.Close()
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.Close()
			handle(c)
		}()
	}
}

// N11 neg: a redial loop that closes the failed connection first.
func redial(addr string, tries int) (net.Conn, error) {
	var last error
	for i := 0; i < tries; i++ {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			last = err
			continue
		}
		if _, err := conn.Write([]byte("PING\n")); err != nil {
			conn.Close()
			last = err
			continue
		}
		return conn, nil
	}
	return nil, last
}

// E1 neg: CombinedOutput starts and waits.
func gitHead(dir string) (string, error) {
	cmd := exec.Command("git", "rev-parse", "HEAD")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// E2 TP: a parse error in the output loop returns without waiting.
func listProcs() ([]string, error) {
	cmd := exec.Command("ps", "-eo", "comm")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil { // want LH705
		return nil, err
	}
	var names []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if strings.ContainsRune(line, 0) {
			return nil, fmt.Errorf("bad line %q", line)
		}
		names = append(names, line)
	}
	return names, cmd.Wait()
}

// E3 neg: Wait runs in a goroutine; the select kills on timeout and the
// goroutine still reaps.
func runWithTimeout(name string, d time.Duration, args ...string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		cmd.Process.Kill()
		return <-done
	}
}

// E4 TP: the stderr pipe is read after Wait (Wait closes it).
func stderrAfterWait(name string) (string, error) {
	cmd := exec.Command(name)
	errp, err := cmd.StderrPipe() // want LH705
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	werr := cmd.Wait()
	msg, _ := io.ReadAll(errp)
	return string(msg), werr
}

// E5 neg: CommandContext with a cancel deferred; Run waits.
func runCtx(parent context.Context, name string) error {
	ctx, cancel := context.WithTimeout(parent, 10*time.Second)
	defer cancel()
	return exec.CommandContext(ctx, name).Run()
}

// E6 neg: stdin pipe written and closed, then Wait.
func feed(name string, input string) error {
	cmd := exec.Command(name)
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	if _, err := io.WriteString(in, input); err != nil {
		in.Close()
		cmd.Wait()
		return err
	}
	in.Close()
	return cmd.Wait()
}

// E7 TP: a started helper process is killed on a check failure but not
// reaped.
func startDaemon(path string, ready func() bool) (*exec.Cmd, error) {
	cmd := exec.Command(path)
	if err := cmd.Start(); err != nil { // want LH705
		return nil, err
	}
	if !ready() {
		cmd.Process.Kill()
		return nil, errors.New("daemon did not become ready")
	}
	return cmd, nil
}
