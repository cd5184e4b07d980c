package lh705

import (
	"bufio"
	"context"
	"io"
	"os/exec"
	"time"
)

// Killed on timeout: the goroutine's Wait still reaps it.
func runWithTimeout(name string, d time.Duration) error {
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		return cmd.Process.Kill()
	}
}

// Waited for in both cases.
func runWithTimeoutWaited(name string, d time.Duration) error {
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		return err
	}
	timer := time.AfterFunc(d, func() { _ = cmd.Process.Kill() })
	defer timer.Stop()
	return cmd.Wait()
}

// A line scanner reads stdout to EOF, then Wait.
func tail(ctx context.Context, name string, each func(string)) error {
	cmd := exec.CommandContext(ctx, name)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		each(sc.Text())
	}
	return cmd.Wait()
}

// Stderr pipe never read: Wait closes it, output lost.
func quiet(name string) error {
	cmd := exec.Command(name)
	errp, err := cmd.StderrPipe() // want LH705 "stderr pipe"
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	_ = errp
	return cmd.Wait()
}

// The started command handed back to the caller with its pipe.
func spawnPiped(name string) (*exec.Cmd, io.ReadCloser, error) {
	cmd := exec.Command(name)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	return cmd, out, nil
}

// Killed on timeout and never waited for: a zombie.
func killOnTimeout(name string, d time.Duration, done <-chan struct{}) error {
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil { // want LH705 "started command"
		return err
	}
	select {
	case <-done:
		return cmd.Wait()
	case <-time.After(d):
		return cmd.Process.Kill()
	}
}
