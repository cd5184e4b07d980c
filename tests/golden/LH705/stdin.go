// Stdin pipes: a child reading its input to EOF sees EOF only when the
// parent closes the pipe; waiting first blocks forever.
package lh705

import (
	"bytes"
	"io"
	"os/exec"
	"strings"
)

// Written and never closed before Wait.
func feed(name, input string) error {
	cmd := exec.Command(name)
	in, err := cmd.StdinPipe() // want LH705 "stdin pipe is not closed before the command is waited for"
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	io.WriteString(in, input)
	return cmd.Wait()
}

// Output waits too.
func filter(name, input string) ([]byte, error) {
	cmd := exec.Command(name)
	in, err := cmd.StdinPipe() // want LH705 "stdin pipe"
	if err != nil {
		return nil, err
	}
	go io.Copy(in, strings.NewReader(input))
	return cmd.Output()
}

// Closed on one branch only.
func feedSome(name string, lines []string) error {
	cmd := exec.Command(name)
	in, err := cmd.StdinPipe() // want LH705
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	for _, l := range lines {
		if _, err := io.WriteString(in, l+"\n"); err != nil {
			break
		}
	}
	if len(lines) > 0 {
		in.Close()
	}
	return cmd.Wait()
}

// ---- negatives ----

// Closed before Wait.
func feedClosed(name, input string) error {
	cmd := exec.Command(name)
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	io.WriteString(in, input)
	in.Close()
	return cmd.Wait()
}

// A goroutine writes and closes it (the os/exec example).
func combined(name, input string) ([]byte, error) {
	cmd := exec.Command(name)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	go func() {
		defer in.Close()
		io.WriteString(in, input)
	}()
	return cmd.CombinedOutput()
}

// Handed to a same-package writer that closes it.
func feedHelper(name string, data []byte) error {
	cmd := exec.Command(name)
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go writeAll(in, data)
	return cmd.Wait()
}

func writeAll(w io.WriteCloser, data []byte) {
	defer w.Close()
	w.Write(data)
}

// Never waited for here: the caller owns the command and the pipe.
func startFed(name string) (*exec.Cmd, io.WriteCloser, error) {
	cmd := exec.Command(name)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, nil, err
	}
	return cmd, in, cmd.Start()
}

// Stdin from memory needs no pipe at all.
func viaStdin(name, input string) ([]byte, error) {
	cmd := exec.Command(name)
	cmd.Stdin = bytes.NewBufferString(input)
	return cmd.Output()
}

// A Wait of another command is not this one's.
func twoCommands(a, b string) error {
	first := exec.Command(a)
	second := exec.Command(b)
	in, err := second.StdinPipe()
	if err != nil {
		return err
	}
	if err := first.Run(); err != nil {
		in.Close()
		return err
	}
	if err := second.Start(); err != nil {
		in.Close()
		return err
	}
	in.Close()
	return second.Wait()
}

// A process kept in a struct that closes its stdin on shutdown.
type coproc struct {
	cmd *exec.Cmd
	in  io.WriteCloser
}

func startCoproc(name string) (*coproc, error) {
	cmd := exec.Command(name)
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	p := &coproc{cmd: cmd, in: in}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *coproc) stop() error {
	p.in.Close()
	return p.cmd.Wait()
}
