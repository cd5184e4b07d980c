package lh205

// Shapes from third-party code (Debian's Go sources): a cancel func kept
// in a field and deferred by the function that made it.

import (
	"context"
	"net"
)

type session struct {
	stop func()
	conn net.Conn
	done chan struct{}
}

// The field only lets Close tell whether the session runs; the cancel is
// called when run returns, whatever the field's fate.
func (s *session) run(ctx context.Context, dial func(context.Context) (net.Conn, error)) error {
	ctx, cancel := context.WithCancel(ctx)
	s.stop = cancel
	s.done = make(chan struct{})
	defer cancel()
	defer close(s.done)
	c, err := dial(ctx)
	if err != nil {
		return err
	}
	s.conn = c
	<-ctx.Done()
	return nil
}

func (s *session) running() bool { return s.stop != nil }

type jobRunner struct {
	quit func()
}

// Stored and never called by anyone: the context lives until its parent
// ends.
func (w *jobRunner) start(ctx context.Context, job func(context.Context)) {
	ctx, cancel := context.WithCancel(ctx) // want LH205 "stored in field quit is never called"
	w.quit = cancel
	go job(ctx)
}

func (w *jobRunner) started() bool { return w.quit != nil }
