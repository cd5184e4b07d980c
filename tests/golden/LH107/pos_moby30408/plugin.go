package posmoby30408

import (
	"errors"
	"sync"
)

type manifest struct{ implements []string }

type plugin struct {
	activateWait *sync.Cond
	activateErr  error
	m            *manifest
}

func newPlugin() *plugin {
	return &plugin{activateWait: sync.NewCond(&sync.Mutex{})}
}

func (p *plugin) activated() bool { return p.m != nil }

// Kernel of moby#30408: activation failed and set only the error; the
// waiter loops on "activated" and nothing ever wakes it.
func (p *plugin) waitActive() error {
	p.activateWait.L.Lock()
	for !p.activated() {
		p.activateWait.Wait() // want LH107
	}
	p.activateWait.L.Unlock()
	return p.activateErr
}

func (p *plugin) activate(ok bool) {
	if !ok {
		p.activateErr = errors.New("activation failed")
		return
	}
	p.m = &manifest{}
}
