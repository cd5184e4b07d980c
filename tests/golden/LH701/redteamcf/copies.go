package rtcf

import "os"

type fbox struct {
	f *os.File
}

func (b fbox) run() { defer b.f.Close() }

func (b *fbox) Close() error { return b.f.Close() }

var boxes []fbox

// The value receiver's copy dies with the method.
func (b fbox) reopen(p string) error {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return err
	}
	b.f = f
	return nil
}

// The pointer receiver keeps it.
func (b *fbox) reopenPtr(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	b.f = f
	return nil
}

func appended(p string) {
	var b fbox
	f, err := os.Open(p)
	if err != nil {
		return
	}
	b.f = f
	boxes = append(boxes, b) // want LH302
}

func goMethod(p string) {
	b := fbox{}
	f, err := os.Open(p)
	if err != nil {
		return
	}
	b.f = f
	go b.run()
}

func sentOn(p string, ch chan<- fbox) {
	var b fbox
	f, err := os.Open(p)
	if err != nil {
		return
	}
	b.f = f
	ch <- b
}

func addrReturned(p string) *fbox {
	var b fbox
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	b.f = f
	return &b
}

func (b fbox) closedHere(p string) {
	f, err := os.Open(p)
	if err != nil {
		return
	}
	b.f = f
	b.Close()
}

// A parameter passed by value: the caller never sees the file.
func fillParam(b fbox, p string) bool {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return false
	}
	b.f = f
	return true
}
