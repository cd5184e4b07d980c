package golden

type beacon struct {
	name string
	lit  chan struct{}
}

// lit is made by the constructor and closed by fire.
func newBeacon(name string) *beacon {
	b := &beacon{name: name}
	b.lit = make(chan struct{})
	go func() {
		<-b.lit
		serveConn()
	}()
	return b
}

func (b *beacon) fire() { close(b.lit) }
