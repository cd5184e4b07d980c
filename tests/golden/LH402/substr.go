package lh402

import (
	"bytes"
	"io"
	"os"
	"strings"
)

// The first line of a whole file, returned.
func firstLine(name string) (string, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return "", err
	}
	s := string(b)
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return s, nil
	}
	return s[:i], nil // want LH402 "substring of s"
}

// Fields of a large document kept in a global map.
var titles = map[string]string{}

func index(id string, r io.Reader) error {
	body, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	doc := string(body)
	parts := strings.SplitN(doc, "\n", 2)
	titles[id] = parts[0] // want LH402 "stored in package-level titles" LH301
	return nil
}

// A substring of a builder's output kept in a struct.
type Report struct {
	summary string
}

func (rp *Report) build(lines []string) {
	var sb strings.Builder
	for _, l := range lines {
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	out := sb.String()
	rp.summary = out[:80] // want LH402
}

// strings.Cut parts of a big string sent on a channel.
func keys(r io.Reader, out chan<- string) {
	var buf bytes.Buffer
	buf.ReadFrom(r)
	key, _, _ := strings.Cut(buf.String(), "=")
	out <- key // want LH402
}

// Copied substrings.
func firstLineCopy(name string) string {
	b, _ := os.ReadFile(name)
	s := string(b)
	i := strings.IndexByte(s, '\n')
	return string([]byte(s[:i]))
}

// The whole string, trimmed: not a small part.
func content(name string) string {
	b, _ := os.ReadFile(name)
	return strings.TrimSpace(string(b))
}

// Substrings of a small string.
func short(s string) string {
	return s[:3]
}

// Used locally.
func hasPrefix(name string) bool {
	b, _ := os.ReadFile(name)
	s := string(b)
	return s[:4] == "\x7fELF"
}

// A substring converted to bytes: a copy.
func asBytes(name string) []byte {
	b, _ := os.ReadFile(name)
	s := string(b)
	return []byte(s[:10])
}

// Substring of a parameter: we do not know its size.
func prefix(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}
