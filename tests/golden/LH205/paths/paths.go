// Cancel funcs through every control-flow shape, and the ways a cancel
// func changes hands (written against go vet's lostcancel: every finding
// of lostcancel on this file is here too, plus the field, blank, overwrite
// and helper cases it does not see).
package paths

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"time"
)

func call(ctx context.Context) error { return ctx.Err() }

// C1 leak: retry loop continues without cancelling the attempt context.
func retryCall(parent context.Context, attempts int) error {
	for i := 0; i < attempts; i++ {
		ctx, cancel := context.WithTimeout(parent, 2*time.Second) // want LH205
		if err := call(ctx); err != nil {
			log.Printf("attempt %d: %v", i, err)
			continue
		}
		cancel()
		return nil
	}
	return errors.New("all attempts failed")
}

// C2 neg: cancel only on error, then handed to caller.
func dialCtx(parent context.Context, addr string) (context.Context, context.CancelFunc, error) {
	ctx, cancel := context.WithTimeout(parent, 5*time.Second)
	if err := call(ctx); err != nil {
		cancel()
		return nil, nil, fmt.Errorf("dial %s: %w", addr, err)
	}
	return ctx, cancel, nil
}

// C3 leak: labeled break out of the loop skips the cancel.
func consume(parent context.Context, in <-chan string) int {
	ctx, cancel := context.WithCancel(parent) // want LH205
	n := 0
loop:
	for {
		select {
		case s, ok := <-in:
			if !ok {
				break loop
			}
			n += len(s)
		case <-ctx.Done():
			cancel()
			return n
		}
	}
	return n
}

// C4 neg: cancel called in every case of the select.
func firstOf(parent context.Context, a, b <-chan int) int {
	ctx, cancel := context.WithCancel(parent)
	select {
	case v := <-a:
		cancel()
		return v
	case v := <-b:
		cancel()
		return v
	case <-ctx.Done():
		cancel()
		return -1
	}
}

// C5 leak: a shadowed inner cancel returns early; the deferred cancel is the outer one.
func handle(parent context.Context, slow bool) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	if slow {
		ctx, cancel := context.WithTimeout(ctx, time.Second) // want LH205
		if err := call(ctx); err != nil {
			return err
		}
		cancel()
	}
	return call(ctx)
}

// C6 neg: deferred closure with named result: cancel only on failure, else returned.
func openSession(parent context.Context) (ctx context.Context, cancel context.CancelFunc, err error) {
	ctx, cancel = context.WithTimeout(parent, time.Minute)
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	if err = call(ctx); err != nil {
		return nil, nil, err
	}
	return ctx, cancel, nil
}

// C7 leak: goto past the cancel.
func gotoSkip(parent context.Context, quick bool) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205
	if quick {
		goto done
	}
	if err := call(ctx); err != nil {
		cancel()
		return err
	}
	cancel()
done:
	return nil
}

// C8 neg: stored in a map of in-flight requests, cancelled by abort().
type tracker struct {
	mu       sync.Mutex
	inflight map[string]context.CancelFunc
}

func (t *tracker) begin(parent context.Context, id string) context.Context {
	ctx, cancel := context.WithCancel(parent)
	t.mu.Lock()
	t.inflight[id] = cancel
	t.mu.Unlock()
	return ctx
}

func (t *tracker) abort(id string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if c, ok := t.inflight[id]; ok {
		c()
		delete(t.inflight, id)
	}
}

// C9 leak: stored in a struct field nobody ever calls.
type poller struct {
	stopPoll context.CancelFunc
	ctx      context.Context
}

func (p *poller) Start(parent context.Context) {
	ctx, cancel := context.WithCancel(parent) // want LH205
	p.ctx = ctx
	p.stopPoll = cancel
}

// C10 neg: stored in a struct whose Stop calls it.
type service struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func (s *service) Start(parent context.Context) {
	var ctx context.Context
	ctx, s.cancel = context.WithCancel(parent)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		<-ctx.Done()
	}()
}

func (s *service) Stop() {
	s.cancel()
	s.wg.Wait()
}

// C11 neg: cancel handed to a goroutine that defers it.
func watch(parent context.Context, sig <-chan os.Signal) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func(stop context.CancelFunc) {
		defer stop()
		<-sig
	}(cancel)
	return ctx
}

// C12 neg: log.Fatal before the defer needs no cancel.
func mustConnect(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, 3*time.Second)
	if err := call(ctx); err != nil {
		log.Fatalf("connect: %v", err)
	}
	defer cancel()
	_ = call(ctx)
}

// C13 leak: type switch where one case returns early.
func classify(parent context.Context, v interface{}) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205
	switch x := v.(type) {
	case string:
		if x == "" {
			return errors.New("empty")
		}
	case int:
		cancel()
		return call(ctx)
	}
	cancel()
	return nil
}

// C14 neg: switch with fallthrough reaching the cancel.
func level(parent context.Context, n int) error {
	ctx, cancel := context.WithCancel(parent)
	switch n {
	case 0:
		_ = call(ctx)
		fallthrough
	case 1:
		cancel()
		return nil
	default:
		cancel()
	}
	return nil
}

// C15 leak: fallthrough-free switch, case 0 forgets.
func levelBad(parent context.Context, n int) error {
	ctx, cancel := context.WithCancel(parent) // want LH205
	switch n {
	case 0:
		return call(ctx)
	case 1:
		cancel()
		return nil
	default:
		cancel()
	}
	return nil
}

// C16 neg: cancel scheduled with time.AfterFunc (the timer owns it).
func expireLater(parent context.Context, d time.Duration) context.Context {
	ctx, cancel := context.WithCancel(parent)
	time.AfterFunc(d, cancel)
	return ctx
}

// C17 leak: overwritten in a loop without calling.
func chain(parent context.Context, hops int) error {
	ctx := parent
	var cancel context.CancelFunc
	for i := 0; i < hops; i++ {
		ctx, cancel = context.WithTimeout(ctx, time.Second) // want LH205
	}
	defer cancel()
	return call(ctx)
}

// C18 neg: stop func of NotifyContext deferred in a server run func.
func serve(srv *http.Server) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
	}()
	return srv.ListenAndServe()
}

// C19 leak: NotifyContext stop never called in a returning helper.
func interruptible() context.Context {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // want LH205
	_ = stop
	return ctx
}

// C20 neg: cancel wrapped in a stop closure called by defer.
func withWorkers(parent context.Context, n int) error {
	ctx, cancel := context.WithCancel(parent)
	var wg sync.WaitGroup
	stop := func() {
		cancel()
		wg.Wait()
	}
	defer stop()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = call(ctx)
		}()
	}
	return call(ctx)
}

// C21 neg: panic path owes nothing.
func mustRun(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	if err := call(ctx); err != nil {
		panic(err)
	}
	cancel()
}

// C22 neg: cancel sent on a channel to a reaper.
func spawn(parent context.Context, reaper chan<- context.CancelFunc) context.Context {
	ctx, cancel := context.WithCancel(parent)
	reaper <- cancel
	return ctx
}

// C23 neg: returned inside a struct literal.
type scoped struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func newScoped(parent context.Context) *scoped {
	ctx, cancel := context.WithCancel(parent)
	return &scoped{ctx: ctx, cancel: cancel}
}

func (s *scoped) Close() { s.cancel() }

// C24 leak: the deferred cancel is registered after an early return.
func fetchAll(parent context.Context, urls []string) error {
	ctx, cancel := context.WithTimeout(parent, 10*time.Second) // want LH205
	if len(urls) == 0 {
		return nil
	}
	defer cancel()
	for _, u := range urls {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		_ = req
	}
	return nil
}

// B1 neg: deferred cancel then overwritten and deferred again (defer evaluates the func value).
func layered(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, time.Second)
	defer cancel()
	return call(ctx)
}

// B2 leak: deferred closure calls the latest cancel only; the first is lost.
func layeredBad(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want LH205
	defer func() { cancel() }()
	ctx, cancel = context.WithTimeout(ctx, time.Second)
	return call(ctx)
}

// B3 neg: deferred closure with args.
func deferArg(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer func(c context.CancelFunc) {
		c()
	}(cancel)
	return call(ctx)
}

// B4 neg: optional timeout with a no-op cancel by default.
func maybeTimeout(parent context.Context, d time.Duration) error {
	ctx, cancel := parent, context.CancelFunc(func() {})
	if d > 0 {
		ctx, cancel = context.WithTimeout(parent, d)
	}
	defer cancel()
	return call(ctx)
}

// B5 neg: cancels collected in a slice, all called in a deferred loop.
func fanOut(parent context.Context, n int) error {
	var cancels []context.CancelFunc
	defer func() {
		for _, c := range cancels {
			c()
		}
	}()
	for i := 0; i < n; i++ {
		ctx, cancel := context.WithCancel(parent)
		cancels = append(cancels, cancel)
		go func() { _ = call(ctx) }()
	}
	return nil
}

// B6 leak: helper releases only when its flag says so.
func maybeStop(c context.CancelFunc, really bool) {
	if really {
		c()
	}
}

func partialHelper(parent context.Context, really bool) error {
	ctx, cancel := context.WithCancel(parent) // want LH205
	err := call(ctx)
	maybeStop(cancel, really)
	return err
}

// B7 neg: helper releases on every path.
func stopNow(c context.CancelFunc) {
	log.Print("stopping")
	c()
}

func fullHelper(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer stopNow(cancel)
	return call(ctx)
}

// B8 neg: middleware with deferred cancel.
func timeoutMW(next http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// B9 leak: middleware discards the cancel func.
func timeoutMWBad(next http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, _ := context.WithTimeout(r.Context(), d) // want LH205
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// B10 leak: per-iteration cancel in a select loop, one case continues.
func pollJobs(parent context.Context, fetch func(context.Context) (int, error), out chan<- int) {
	for {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205
		n, err := fetch(ctx)
		if errors.Is(err, context.DeadlineExceeded) {
			continue
		}
		cancel()
		if err != nil {
			return
		}
		select {
		case out <- n:
		case <-parent.Done():
			return
		}
	}
}

// B11 neg: immediately-invoked closure with its own defer.
func perItem(parent context.Context, items []string) {
	for _, it := range items {
		func() {
			ctx, cancel := context.WithTimeout(parent, time.Second)
			defer cancel()
			_ = call(ctx)
			log.Print(it)
		}()
	}
}

// B12 neg: cancel nil-checked in the deferred closure.
func nilChecked(parent context.Context, timed bool) error {
	var cancel context.CancelFunc
	ctx := parent
	if timed {
		ctx, cancel = context.WithTimeout(parent, time.Second)
	}
	defer func() {
		if cancel != nil {
			cancel()
		}
	}()
	return call(ctx)
}

// B13 neg: struct field cancel nil-checked in Close.
type client struct {
	cancel context.CancelFunc
}

func (c *client) Connect(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	c.cancel = cancel
	return ctx
}

func (c *client) Close() error {
	if c.cancel != nil {
		c.cancel()
	}
	return nil
}

// B14 neg: stored in a local struct that is returned.
type Request struct {
	ctx    context.Context
	Cancel func()
}

func NewRequest(parent context.Context) *Request {
	r := &Request{}
	r.ctx, r.Cancel = context.WithTimeout(parent, time.Second)
	return r
}

// D1 neg: break inside a switch only leaves the switch; cancel runs after it.
func switchBreak(parent context.Context, in <-chan int) {
	for v := range in {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		switch {
		case v < 0:
			break
		case v == 0:
			log.Print("zero")
		}
		_ = call(ctx)
		cancel()
	}
}

// D2 leak: continue inside a switch inside the loop.
func switchContinue(parent context.Context, in <-chan int) {
	for v := range in {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205
		switch {
		case v == 0:
			continue
		}
		_ = call(ctx)
		cancel()
	}
}

// D3 leak: labeled continue to the outer loop from an inner loop.
func groups(parent context.Context, gs [][]int) {
outer:
	for _, g := range gs {
		ctx, cancel := context.WithCancel(parent) // want LH205
		for _, x := range g {
			if x < 0 {
				continue outer
			}
			_ = call(ctx)
		}
		cancel()
	}
}

// D4 leak: select with default falls out without cancelling.
func tryDone(parent context.Context, done <-chan struct{}) bool {
	ctx, cancel := context.WithCancel(parent) // want LH205
	_ = call(ctx)
	select {
	case <-done:
		cancel()
		return true
	default:
	}
	return false
}

// D5 neg: runtime.Goexit and log.Panicf paths owe nothing.
func exitPaths(parent context.Context, mode int) {
	ctx, cancel := context.WithCancel(parent)
	switch mode {
	case 1:
		runtime.Goexit()
	case 2:
		log.Panicf("bad mode %d", mode)
	}
	_ = call(ctx)
	cancel()
}

// D6 neg: same-package function that never returns.
func die(msg string) {
	log.Fatal(msg)
}

func mustWork(parent context.Context) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	if err := call(ctx); err != nil {
		die(err.Error())
	}
	cancel()
}

// D7 leak: if-init declared cancel, the else branch returns without it.
func ifInit(parent context.Context, fast bool) error {
	if ctx, cancel := context.WithTimeout(parent, time.Second); fast { // want LH205
		defer cancel()
		return call(ctx)
	} else {
		return call(ctx)
	}
}

// D8 neg: named results, release closure returned (bare return).
func acquire(parent context.Context) (ctx context.Context, release func(), err error) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	var wg sync.WaitGroup
	release = func() {
		cancel()
		wg.Wait()
	}
	return
}

// D9 neg: WithTimeout returned directly (no variable).
func withDefault(parent context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(parent, 30*time.Second)
}

// D10 neg: goroutine owns cancel via defer, started in a loop.
func startAll(parent context.Context, jobs []func(context.Context)) {
	for _, j := range jobs {
		ctx, cancel := context.WithCancel(parent)
		go func(j func(context.Context)) {
			defer cancel()
			j(ctx)
		}(j)
	}
}

// D11 leak: goto backwards retry overwrites the cancel.
func gotoRetry(parent context.Context) error {
	n := 0
retry:
	ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205
	if err := call(ctx); err != nil && n < 3 {
		n++
		goto retry
	}
	cancel()
	return nil
}

// D12 neg: recover in deferred closure; cancel deferred.
func safe(parent context.Context) (err error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("panic")
		}
	}()
	return call(ctx)
}

// D13 leak: cancel only called in a goroutine on one branch.
func maybeAsync(parent context.Context, async bool) error {
	ctx, cancel := context.WithCancel(parent) // want LH205
	if async {
		go func() {
			defer cancel()
			_ = call(ctx)
		}()
		return nil
	}
	return call(ctx)
}

// D14 neg: cancel passed as a method value to a registry (transfer).
type registry struct{ fns []func() }

func (r *registry) add(f func()) { r.fns = append(r.fns, f) }
func (r *registry) closeAll() {
	for _, f := range r.fns {
		f()
	}
}

func registered(parent context.Context, r *registry) context.Context {
	ctx, cancel := context.WithCancel(parent)
	r.add(cancel)
	return ctx
}

// D18 neg: sync.Once guarded cancel in Close.
type once struct {
	once   sync.Once
	cancel context.CancelFunc
}

func newOnce(parent context.Context) (*once, context.Context) {
	ctx, cancel := context.WithCancel(parent)
	return &once{cancel: cancel}, ctx
}

func (o *once) Close() { o.once.Do(o.cancel) }
