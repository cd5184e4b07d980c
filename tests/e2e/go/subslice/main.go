// subslice: reads 64 KiB messages and keeps a 16-byte header of each as a
// sub-slice, which pins the whole 64 KiB array.
package main

import (
	"bytes"
	"io"
	"time"

	"lhe2e/internal/serve"
)

var headers [][]byte

func readMessage() []byte {
	buf, _ := io.ReadAll(io.LimitReader(bytes.NewReader(make([]byte, 64<<10)), 64<<10))
	return buf
}

func main() {
	serve.Start()
	serve.Every(20*time.Millisecond, func() {
		msg := readMessage()
		headers = append(headers, msg[:16]) // pins 64 KiB
		serve.Garbage(128 << 10)
	})
}
