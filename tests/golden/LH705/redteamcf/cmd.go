package rtcf

import (
	"bufio"
	"os/exec"
)

// The scan error returns without waiting for the child.
func firstLine(name string) (string, error) {
	cmd := exec.Command(name)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil { // want LH705
		return "", err
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if sc.Text() != "" {
			return sc.Text(), nil
		}
	}
	return "", cmd.Wait()
}

func runQuiet(name string) error {
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		return err
	}
	defer cmd.Wait()
	return nil
}
