package negnotcond

import (
	"os/exec"
	"sync"
)

// Wait on a WaitGroup and on a command: not conds.
func run(cmds []*exec.Cmd) {
	var wg sync.WaitGroup
	for _, c := range cmds {
		wg.Add(1)
		go func(c *exec.Cmd) {
			defer wg.Done()
			_ = c.Run()
		}(c)
	}
	wg.Wait()
	if len(cmds) > 0 {
		_ = cmds[0].Wait()
	}
}
