package rt2

import (
	"context"
	"errors"
	"log"
	"time"
)

func use(ctx context.Context) error { return ctx.Err() }

// Only assigned to the blank identifier, inside a branch.
func blankInBranch(parent context.Context, slow bool) error {
	ctx := parent
	if slow {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(parent, time.Minute) // want LH205
		_ = cancel
	}
	return use(ctx)
}

// Each iteration overwrites the previous cancel: only the last is called.
func overwrittenInLoop(parent context.Context, ds []time.Duration) {
	var ctx context.Context
	cancel := context.CancelFunc(func() {})
	for _, d := range ds {
		ctx, cancel = context.WithTimeout(parent, d) // want LH205
		_ = use(ctx)
	}
	cancel()
}

// Cancelled at the end of every iteration, before the continue too.
func cancelEachIteration(parent context.Context, ds []time.Duration) int {
	n := 0
	for _, d := range ds {
		ctx, cancel := context.WithTimeout(parent, d)
		err := use(ctx)
		cancel()
		if err != nil {
			continue
		}
		n++
	}
	return n
}

type job struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (j *job) Stop() { j.cancel() }

// The cancel leaves inside the returned struct, whose Stop calls it.
func newJob(parent context.Context) *job {
	ctx, cancel := context.WithCancel(parent)
	return &job{ctx: ctx, cancel: cancel}
}

type session struct {
	ctx  context.Context
	quit context.CancelFunc
}

// Nothing in the package ever calls session.quit.
func (s *session) open(parent context.Context) {
	ctx, cancel := context.WithCancel(parent) // want LH205
	s.ctx = ctx
	s.quit = cancel
}

// A goroutine owns the cancel and calls it when it is done.
func goroutineCalls(parent context.Context, work func(context.Context)) {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		defer cancel()
		work(ctx)
	}()
}

func deferClosure(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer func() { cancel() }()
	return use(ctx)
}

// The deferred closure and the explicit call both reach the second
// cancel only: the first is lost when tight is set.
func deferClosureOverwritten(parent context.Context, tight bool) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205
	defer func() { cancel() }()
	if tight {
		ctx, cancel = context.WithTimeout(ctx, time.Millisecond)
	}
	err := use(ctx)
	cancel()
	return err
}

// defer cancel() keeps the old value; both are called.
func deferEachOne(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	if err := use(ctx); err != nil {
		return err
	}
	ctx, cancel = context.WithTimeout(ctx, time.Millisecond)
	defer cancel()
	return use(ctx)
}

func watchdog(ctx context.Context, cancel context.CancelFunc, d time.Duration) {
	defer cancel()
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

func passedToGoroutine(parent context.Context, d time.Duration) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go watchdog(ctx, cancel, d)
	return ctx
}

// Named results, bare return: the caller gets the cancel.
func start(parent context.Context) (ctx context.Context, stop context.CancelFunc) {
	ctx, stop = context.WithCancel(parent)
	return
}

// The function leaves only through log.Fatal.
func serveForever(parent context.Context, step func(context.Context) error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	for {
		if err := step(ctx); err != nil {
			log.Fatal(err)
		}
	}
}

type worker struct {
	name   string
	cancel context.CancelFunc
}

func (w *worker) halt() { w.cancel() }

// The literal stays local: the early return drops it with the cancel.
func spawn(parent context.Context, name string) (*worker, error) {
	_, cancel := context.WithCancel(parent) // want LH205
	w := &worker{name: name, cancel: cancel}
	if name == "" {
		return nil, errors.New("no name")
	}
	return w, nil
}

// The same with the cancel called on the error path.
func spawnChecked(parent context.Context, name string) (*worker, error) {
	_, cancel := context.WithCancel(parent)
	w := &worker{name: name, cancel: cancel}
	if name == "" {
		w.halt()
		return nil, errors.New("no name")
	}
	return w, nil
}

type svc struct {
	cancel context.CancelFunc
}

func (s *svc) Close() {
	if s.cancel != nil {
		s.cancel()
	}
}

// A value receiver stores the cancel into a copy that dies on return.
func (s svc) startCopy(parent context.Context) context.Context {
	var ctx context.Context
	ctx, s.cancel = context.WithCancel(parent) // want LH205
	return ctx
}

// The pointer receiver keeps it; Close calls it.
func (s *svc) startPtr(parent context.Context) context.Context {
	var ctx context.Context
	ctx, s.cancel = context.WithCancel(parent)
	return ctx
}

// A goroutine that calls cancel in one case; the other case means the
// context is already done.
func cancelOnDone(parent context.Context, done <-chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		select {
		case <-done:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx
}
