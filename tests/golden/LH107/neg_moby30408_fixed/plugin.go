package negmoby30408

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

func (p *plugin) activated() bool { return p.m != nil || p.activateErr != nil }

// Fixed: activation wakes the waiters on both outcomes.
func (p *plugin) waitActive() error {
	p.activateWait.L.Lock()
	for !p.activated() {
		p.activateWait.Wait()
	}
	p.activateWait.L.Unlock()
	return p.activateErr
}

func (p *plugin) activate(ok bool) {
	p.activateWait.L.Lock()
	defer p.activateWait.L.Unlock()
	if !ok {
		p.activateErr = errors.New("activation failed")
	} else {
		p.m = &manifest{}
	}
	p.activateWait.Broadcast()
}
