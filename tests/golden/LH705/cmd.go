// Child processes: started commands must be waited for.
package lh705

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os/exec"
	"strings"
)

// Started and never waited for: a zombie per call.
func spawn(name string) error {
	cmd := exec.Command(name)
	return cmd.Start() // want LH705 "never waited for"
}

// Killed on timeout but not reaped.
func killOnError(ctx context.Context, name string) error {
	cmd := exec.CommandContext(ctx, name)
	if err := cmd.Start(); err != nil { // want LH705 "not waited for on every path"
		return err
	}
	if ctx.Err() != nil {
		cmd.Process.Kill()
		return ctx.Err()
	}
	return cmd.Wait()
}

// Reading the pipe after Wait: Wait closes it first.
func outputAfterWait(name string) (string, error) {
	cmd := exec.Command(name)
	out, err := cmd.StdoutPipe() // want LH705 "stdout pipe is not read before"
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	if err := cmd.Wait(); err != nil {
		return "", err
	}
	b, err := io.ReadAll(out)
	return string(b), err
}

// An early return between Start and Wait.
func firstLine(name string) (string, error) {
	cmd := exec.Command(name)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err = cmd.Start(); err != nil { // want LH705
		return "", err
	}
	sc := bufio.NewScanner(out)
	if !sc.Scan() {
		return "", errors.New("no output")
	}
	line := sc.Text()
	io.Copy(io.Discard, out)
	return line, cmd.Wait()
}

// stderr never read before Wait.
func stderrIgnored(name string) error {
	cmd := exec.Command(name)
	errPipe, err := cmd.StderrPipe() // want LH705 "stderr pipe"
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	err = cmd.Wait()
	if err != nil {
		b, _ := io.ReadAll(errPipe)
		return errors.New(string(b))
	}
	return nil
}

// Started in a loop; waited only for the last.
func many(names []string) error {
	var cmd *exec.Cmd
	for _, n := range names {
		cmd = exec.Command(n)
		if err := cmd.Start(); err != nil { // want LH705
			return err
		}
	}
	if cmd != nil {
		return cmd.Wait()
	}
	return nil
}

// ---- negatives ----

func run(name string) error {
	return exec.Command(name).Run()
}

func output(name string) (string, error) {
	b, err := exec.Command(name).Output()
	return strings.TrimSpace(string(b)), err
}

func startWait(name string) error {
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Wait()
}

// Read to EOF before Wait.
func readThenWait(name string) (string, error) {
	cmd := exec.Command(name)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	b, err := io.ReadAll(out)
	if err != nil {
		cmd.Wait()
		return "", err
	}
	return string(b), cmd.Wait()
}

// Waited for in a goroutine.
func background(name string, done chan<- error) error {
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { done <- cmd.Wait() }()
	return nil
}

// Returned: the caller waits.
func start(name string) (*exec.Cmd, error) {
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return cmd, nil
}

// Start on a parameter: the caller owns the command.
func startGiven(cmd *exec.Cmd) error {
	return cmd.Start()
}

// Waited with defer.
func deferred(name string) error {
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		return err
	}
	defer cmd.Wait()
	return nil
}
