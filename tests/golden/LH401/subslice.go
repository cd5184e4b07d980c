package lh401

import (
	"bytes"
	"io"
	"net"
	"os"
)

// The seed's example: the last element of a 800 MB array.
func leakSlice() []int {
	bigSlice := make([]int, 100*1024*1024)
	smallSlice := bigSlice[len(bigSlice)-1:]
	return smallSlice // want LH401 "sub-slice of bigSlice .* is returned"
}

// The magic number of a whole file, kept in a package-level map.
var magic = map[string][]byte{}

func sniff(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	magic[name] = data[:4] // want LH401 "stored in package-level magic" LH301
	return nil
}

// A header sliced out of a whole response body.
func header(r io.Reader) ([]byte, error) {
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return body[:16], nil // want LH401 "bytes.Clone needs Go 1.20"
}

// A 64 KiB read buffer whose first bytes are sent on.
func readPacket(c net.Conn, out chan<- []byte) error {
	buf := make([]byte, 64<<10)
	n, err := c.Read(buf)
	if err != nil {
		return err
	}
	out <- buf[:n] // want LH401 "sent on a channel"
	return nil
}

// Lines of a file kept in a struct field that outlives the call.
type Index struct {
	first []byte
}

func (ix *Index) load(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	lines := bytes.Split(data, []byte("\n"))
	ix.first = lines[0] // want LH401 "stored in a field"
	return nil
}

// Copies: nothing pinned.
func headerCopy(r io.Reader) ([]byte, error) {
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), body[:16]...), nil
}

func headerCopy2(r io.Reader) ([]byte, error) {
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	h := make([]byte, 16)
	copy(h, body[:16])
	return h, nil
}

// Nearly the whole body: trimming a newline keeps what is used anyway.
func trimmed(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return bytes.TrimSpace(data), nil
}

func withoutNewline(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return data[:len(data)-1], nil
}

// A small buffer: nothing large is pinned.
func small(c net.Conn) ([]byte, error) {
	buf := make([]byte, 512)
	n, err := c.Read(buf)
	return buf[:n], err
}

// A buffer sized by the caller and filled by Read: buf[:n] is what was
// asked for.
func readN(r io.Reader, size int) ([]byte, error) {
	buf := make([]byte, size)
	n, err := io.ReadFull(r, buf)
	return buf[:n], err
}

// A sub-slice used locally only.
func count(name string) int {
	data, _ := os.ReadFile(name)
	part := data[10:20]
	return bytes.Count(part, []byte("x"))
}

// Converted to a string: a copy.
func title(name string) string {
	data, _ := os.ReadFile(name)
	return string(data[:32])
}

// Stored in a field of a value the function returns.
type Msg struct {
	ID   []byte
	Body []byte
}

func parse(r io.Reader) (*Msg, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	m := &Msg{}
	m.ID = data[:8] // want LH401 "field of a returned value"
	return m, nil
}

// A local struct that does not leave the function.
func idLen(r io.Reader) int {
	data, _ := io.ReadAll(r)
	var m Msg
	m.ID = data[:8]
	return len(m.ID)
}

// A buffer sized by the caller, filled by Read: a 4-byte tag of it kept.
var tags = map[string][]byte{}

func readTag(r io.Reader, key string, size int) error {
	buf := make([]byte, size)
	if _, err := io.ReadFull(r, buf); err != nil {
		return err
	}
	tags[key] = buf[:4] // want LH401 "a buffer filled by Read" LH301
	return nil
}
