package golden

import (
	"errors"
	"sync"
)

type logSink struct {
	mu    sync.Mutex
	files int
}

func (l *logSink) createFile() error {
	if l.files > 8 {
		return errors.New("too many files")
	}
	l.files++
	return nil
}

// Kernel of cockroach#9935: on a file error the logger calls its exit
// path while holding mu, and exit locks mu again.
func (l *logSink) output() {
	l.mu.Lock()
	if err := l.createFile(); err != nil {
		l.exit(err) // want LH105 "l.exit locks l.mu again"
	}
	l.mu.Unlock()
}

func (l *logSink) exit(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.files = 0
}
