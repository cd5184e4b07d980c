// Redteam cases, fourth batch: tickers, timers, time.After loops, cancel in
// switches, compress writers, zip entries, started commands.
package redteam

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"io"
	"log"
	"os"
	"os/exec"
	"sync"
	"time"
)

// D1 TP LH201: a ticker in a struct-less helper; the error path returns
// before the deferred Stop.
func sampleN(n int, every time.Duration, read func() (float64, error)) ([]float64, error) {
	tk := time.NewTicker(every) // want LH201
	var out []float64
	for i := 0; i < n; i++ {
		<-tk.C
		v, err := read()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	tk.Stop()
	return out, nil
}

// D2 neg LH201: Reset after Stop, stopped again by defer.
func retune(every func() time.Duration, stop <-chan struct{}, f func()) {
	tk := time.NewTicker(every())
	defer tk.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tk.C:
			f()
			tk.Reset(every())
		}
	}
}

// D3 neg LH201: a ticker kept in a struct stopped by its Close.
type sampler struct {
	tk   *time.Ticker
	done chan struct{}
	once sync.Once
}

func newSampler(d time.Duration) *sampler {
	return &sampler{tk: time.NewTicker(d), done: make(chan struct{})}
}

func (s *sampler) Close() {
	s.once.Do(func() {
		s.tk.Stop()
		close(s.done)
	})
}

// D4 TP LH204: a timeout timer per request in a loop, never stopped when
// the reply wins.
func requestAll(reqs []chan int, d time.Duration) int {
	got := 0
	for _, r := range reqs {
		t := time.NewTimer(d) // want LH204
		select {
		case <-r:
			got++
		case <-t.C:
		}
	}
	return got
}

// D5 neg LH204: the same, stopped after the select.
func requestAllOK(reqs []chan int, d time.Duration) int {
	got := 0
	for _, r := range reqs {
		t := time.NewTimer(d)
		select {
		case <-r:
			got++
		case <-t.C:
		}
		t.Stop()
	}
	return got
}

// D6 neg LH204: AfterFunc returns a timer; stopping it is optional.
func schedule(d time.Duration, f func()) func() bool {
	t := time.AfterFunc(d, f)
	return t.Stop
}

// D7 neg LH203: time.After in a select that runs once per call.
func recvOrTimeout(ch <-chan int, d time.Duration) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

// D8 TP LH203: a select loop in a goroutine consuming a channel with a
// per-iteration timeout.
func consume(in <-chan string, handle func(string)) {
	go func() {
		for {
			select {
			case s, ok := <-in:
				if !ok {
					return
				}
				handle(s)
			case <-time.After(5 * time.Second): // want LH203
				log.Print("consumer idle")
			}
		}
	}()
}

// D9 neg LH202: time.Tick in main-like endless loop of a daemon.
func daemonLoop(f func()) {
	for range time.Tick(time.Minute) {
		f()
	}
}

// D10 TP LH205: WithCancelCause-free: WithTimeout whose cancel is kept in
// a variable only compared against nil.
func guarded(parent context.Context, f func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205
	if cancel == nil {
		return errors.New("no cancel")
	}
	return f(ctx)
}

// D11 neg LH205: cancel called in every case of a switch.
func byMode(parent context.Context, mode int, f func(context.Context) error) error {
	ctx, cancel := context.WithCancel(parent)
	switch mode {
	case 0:
		cancel()
		return nil
	case 1:
		err := f(ctx)
		cancel()
		return err
	default:
		defer cancel()
		return f(ctx)
	}
}

// D12 TP LH205: a missing default case leaves cancel uncalled.
func byModeLeaky(parent context.Context, mode int, f func(context.Context) error) error {
	ctx, cancel := context.WithCancel(parent) // want LH205
	switch mode {
	case 0:
		cancel()
		return nil
	case 1:
		err := f(ctx)
		cancel()
		return err
	}
	return nil
}

// D13 neg LH707: gzip writer over a buffer closed before use.
func compress(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// D14 TP LH707: a zlib writer over a file, flushed, never closed.
func deflateTo(path string, b []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zlib.NewWriter(f) // want LH707
	if _, err := zw.Write(b); err != nil {
		return err
	}
	return zw.Flush()
}

// D15 neg LH707: a zip reader closed by defer after a size check.
func countEntries(path string) (int, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0, err
	}
	defer zr.Close()
	return len(zr.File), nil
}

// D16 neg LH707: a zip entry reader left open on a read error holds no OS
// resource (the archive does): not reported.
func readEntries(path string) (map[string][]byte, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			return nil, err
		}
		rc.Close()
		out[f.Name] = b
	}
	return out, nil
}

// D17 neg LH705: Output runs and waits.
func version(bin string) (string, error) {
	out, err := exec.Command(bin, "--version").Output()
	return string(bytes.TrimSpace(out)), err
}

// D18 TP LH705: a started command whose stdin write fails returns
// without waiting.
func pipeInto(bin string, data []byte) error {
	cmd := exec.Command(bin)
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil { // want LH705
		return err
	}
	if _, err := in.Write(data); err != nil {
		return err
	}
	in.Close()
	return cmd.Wait()
}

// D19 neg LH705: Wait deferred right after Start, with a kill first on
// the error path.
func killOnError(bin string, check func() error) error {
	cmd := exec.Command(bin)
	if err := cmd.Start(); err != nil {
		return err
	}
	defer cmd.Wait()
	if err := check(); err != nil {
		cmd.Process.Kill()
		return err
	}
	return nil
}
