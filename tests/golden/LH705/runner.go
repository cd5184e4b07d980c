// Running helper programs: Start without Wait on an error path, pipes
// read to EOF or not before Wait, commands owned by a struct.
package lh705

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os/exec"
	"strings"
)

// The version probe starts the command and forgets it when the pipe
// read fails.
func gitVersion() (string, error) {
	cmd := exec.Command("git", "--version")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil { // want LH705 "started command"
		return "", err
	}
	b, err := io.ReadAll(out)
	if err != nil {
		return "", err
	}
	if err := cmd.Wait(); err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

// The same, killing and waiting on the read error.
func gitVersionClean() (string, error) {
	cmd := exec.Command("git", "--version")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	b, err := io.ReadAll(out)
	if err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return "", err
	}
	if err := cmd.Wait(); err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

// Wait before the pipe is read: the output is lost and Wait may hang.
func listFiles(dir string) ([]string, error) {
	cmd := exec.Command("ls", dir)
	out, err := cmd.StdoutPipe() // want LH705 "stdout pipe"
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	if err := cmd.Wait(); err != nil {
		return nil, err
	}
	var names []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		names = append(names, sc.Text())
	}
	return names, nil
}

// A background daemon owned by a struct: Stop waits for it.
type daemon struct {
	cmd *exec.Cmd
}

func startDaemon(ctx context.Context, bin string) (*daemon, error) {
	cmd := exec.CommandContext(ctx, bin, "--foreground")
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &daemon{cmd: cmd}, nil
}

func (d *daemon) Stop() error {
	_ = d.cmd.Process.Kill()
	return d.cmd.Wait()
}

// Started and waited for by a goroutine that reports the exit.
func runAsync(name string, done chan<- error) error {
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() {
		done <- cmd.Wait()
	}()
	return nil
}

// Started, and a validation error returns before the Wait.
func runChecked(name string, args []string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil { // want LH705 "started command"
		return err
	}
	if len(args) > 10 {
		return errors.New("too many args")
	}
	return cmd.Wait()
}

// Started and waited for in a deferred closure.
func runDeferred(name string) (err error) {
	cmd := exec.Command(name)
	if err = cmd.Start(); err != nil {
		return err
	}
	defer func() {
		if werr := cmd.Wait(); err == nil {
			err = werr
		}
	}()
	if cmd.Process.Pid == 0 {
		return errors.New("no pid")
	}
	return nil
}

// Stderr read to EOF by a goroutine before Wait is reached.
func runStderr(name string) (string, error) {
	cmd := exec.Command(name)
	se, err := cmd.StderrPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	var msg []byte
	done := make(chan struct{})
	go func() {
		msg, _ = io.ReadAll(se)
		close(done)
	}()
	<-done
	err = cmd.Wait()
	return string(msg), err
}

// Run waits by itself.
func runPlain(name string) error {
	return exec.Command(name).Run()
}
