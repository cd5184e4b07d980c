package lh705

// Shapes from third-party code (Debian's Go sources): waiting through the
// command's Process.

import (
	"log"
	"os/exec"
)

// The process is waited for through cmd.Process (a restore replaces what
// cmd.Wait would wait for): on error paths by the deferred closure, on
// success directly.
func restore(path string, apply func(pid int) error) error {
	cmd := exec.Command(path, "restore")
	if err := cmd.Start(); err != nil {
		return err
	}
	proc := cmd.Process
	waited := false
	defer func() {
		if !waited {
			if _, err := proc.Wait(); err != nil {
				log.Printf("wait: %v", err)
			}
		}
	}()
	if err := apply(proc.Pid); err != nil {
		return err
	}
	_, err := proc.Wait()
	waited = true
	return err
}

// Waited through the field directly.
func runQuiet(path string) error {
	cmd := exec.Command(path)
	if err := cmd.Start(); err != nil {
		return err
	}
	_, err := cmd.Process.Wait()
	return err
}

// Killing is not waiting: the zombie stays.
func startAndKill(path string) error {
	cmd := exec.Command(path)
	if err := cmd.Start(); err != nil { // want LH705 "started command is never waited for"
		return err
	}
	return cmd.Process.Kill()
}
