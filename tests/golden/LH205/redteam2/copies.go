package rt2

import "context"

type box struct {
	cancel context.CancelFunc
}

func (b *box) Close() { b.cancel() }

func keepBox(b *box) { b.Close() }

// The local struct value dies at the return with the cancel in it.
func localBox(parent context.Context) context.Context {
	var b box
	ctx, cancel := context.WithCancel(parent) // want LH205
	b.cancel = cancel
	return ctx
}

// Handed on by address.
func localBoxShared(parent context.Context) {
	var b box
	_, cancel := context.WithCancel(parent)
	b.cancel = cancel
	keepBox(&b)
}

// Closed through the pointer method on the addressable local.
func localBoxClosed(parent context.Context) {
	var b box
	_, cancel := context.WithCancel(parent)
	b.cancel = cancel
	defer b.Close()
}

// The value is returned: the caller gets the cancel.
func localBoxReturned(parent context.Context) box {
	b := box{}
	_, b.cancel = context.WithCancel(parent)
	return b
}

// A value receiver returning the modified copy hands it on.
func (b box) withCancel(parent context.Context) box {
	_, cancel := context.WithCancel(parent)
	b.cancel = cancel
	return b
}
