package lh402

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"
)

// Go 1.19 (this module): no strings.Clone yet; the advice says how to copy.
var firstWords = map[string]string{}

func firstWord(key, name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	text := string(b)
	f := strings.Fields(text)
	if len(f) > 0 {
		firstWords[key] = f[0] // want LH402 "strings.Clone needs Go 1.20" LH301
	}
	return nil
}

// A regexp match inside a whole body, returned.
var version = regexp.MustCompile(`v[0-9]+\.[0-9]+`)

func findVersion(r io.Reader) string {
	body, _ := io.ReadAll(r)
	s := string(body)
	return version.FindString(s) // want LH402
}

// A copy made with strings.Builder: nothing pinned.
func firstWordCopy(name string) string {
	b, _ := os.ReadFile(name)
	text := string(b)
	i := strings.IndexByte(text, ' ')
	if i < 0 {
		return ""
	}
	var sb strings.Builder
	sb.WriteString(text[:i])
	return sb.String()
}

// Compared, not kept.
func isJSON(r io.Reader) bool {
	var buf bytes.Buffer
	buf.ReadFrom(r)
	s := buf.String()
	return strings.HasPrefix(s[:1], "{")
}

// Turned into a number: nothing of the string survives.
func lineCount(name string) int {
	b, _ := os.ReadFile(name)
	return len(strings.Split(string(b), "\n"))
}
