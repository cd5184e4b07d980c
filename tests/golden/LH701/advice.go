package lh701

// Leaks whose fix is not a defer next to the Open.

import (
	"bufio"
	"log"
	"net"
	"os"
	"time"
)

// The file leaves inside a *bufio.Reader, which has no Close: the caller
// can never release it, and a defer here would close it too early.
func openLines(name string) *bufio.Reader {
	f, err := os.Open(name) // want LH701 "the value returned at line [0-9]+ wraps f"
	if err != nil {
		log.Fatal(err)
	}
	return bufio.NewReader(f)
}

// A reconnect loop made of gotos: every round's connection must be closed
// before jumping back; a defer would keep them all until the return.
func pump(addr string, lines <-chan string) {
	var conn net.Conn
	var err error
DIAL:
	conn, err = net.Dial("tcp", addr) // want LH704 "call conn.Close\(\) before each goto back to DIAL"
	if err != nil {
		time.Sleep(time.Second)
		goto DIAL
	}
	for l := range lines {
		if _, err := conn.Write([]byte(l + "\n")); err != nil {
			goto DIAL
		}
	}
}
