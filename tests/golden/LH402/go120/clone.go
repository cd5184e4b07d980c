package go120

import (
	"os"
	"strings"
)

var heads []string

// Go 1.20: the advice is strings.Clone.
func head(name string) {
	b, _ := os.ReadFile(name)
	s := string(b)
	heads = append(heads, s[:16]) // want LH402 "strings.Clone\(s\) \(Go >= 1.20\)" LH302
}

// The fix itself.
func headClone(name string) {
	b, _ := os.ReadFile(name)
	s := string(b)
	heads = append(heads, strings.Clone(s[:16])) // LH302 is reported once, above
}
