// Package asmpkg has Go assembly (stub.s): functions without Go callers
// are called from there, at start-up or per event, we cannot tell.
package asmpkg

var threads []*int

func newThread(t *int) { threads = append(threads, t) }

// called from assembly
func bootstrap() {
	for i := 0; i < 4; i++ {
		newThread(new(int))
	}
}
