// Second redteam round for started commands, written before looking at
// the engine. Each case says TP or neg and why.
package redteam2

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os/exec"
	"strings"
)

// P1 TP: several commands are started; only the last one is waited for.
func startAllWaitLast(names []string) error {
	var last *exec.Cmd
	for _, n := range names {
		c := exec.Command(n)
		if err := c.Start(); err != nil { // want LH705
			return err
		}
		last = c
	}
	if last == nil {
		return nil
	}
	return last.Wait()
}

// P2 neg: started commands are collected and all waited for.
func startAllWaitAll(names []string) error {
	var cmds []*exec.Cmd
	for _, n := range names {
		c := exec.Command(n)
		if err := c.Start(); err != nil {
			break
		}
		cmds = append(cmds, c)
	}
	var first error
	for _, c := range cmds {
		if err := c.Wait(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

type daemon struct {
	cmd  *exec.Cmd
	done chan error
}

// P3 neg: a started command is kept in the struct the caller gets; a
// goroutine waits for it.
func startDaemon(ctx context.Context, name string) (*daemon, error) {
	cmd := exec.CommandContext(ctx, name)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	d := &daemon{cmd: cmd, done: make(chan error, 1)}
	go func() { d.done <- cmd.Wait() }()
	return d, nil
}

// P4 TP: the first line of output is checked; a bad banner returns
// without waiting (the child becomes a zombie).
func banner(name string) (string, error) {
	cmd := exec.Command(name)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil { // want LH705
		return "", err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		_ = cmd.Wait()
		return "", err
	}
	if !strings.HasPrefix(line, "v") {
		return "", errors.New("bad banner")
	}
	io.Copy(io.Discard, out)
	return line, cmd.Wait()
}

// P5 neg: the same, killing and waiting on the bad banner.
func bannerWaited(name string) (string, error) {
	cmd := exec.Command(name)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err == nil && !strings.HasPrefix(line, "v") {
		err = errors.New("bad banner")
	}
	if err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return "", err
	}
	io.Copy(io.Discard, out)
	return line, cmd.Wait()
}

// P6 neg: Wait is deferred inside a closure that records its error.
func runPiped(name string, in string) (err error) {
	cmd := exec.Command(name)
	cmd.Stdin = strings.NewReader(in)
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		if werr := cmd.Wait(); werr != nil && err == nil {
			err = werr
		}
	}()
	return nil
}

// P7 neg: each started command is waited for before the next one is
// kept in its place.
func startEachWaitPrevious(names []string) error {
	var last *exec.Cmd
	for _, n := range names {
		c := exec.Command(n)
		if err := c.Start(); err != nil {
			break
		}
		if last != nil {
			_ = last.Wait()
		}
		last = c
	}
	if last == nil {
		return nil
	}
	return last.Wait()
}
