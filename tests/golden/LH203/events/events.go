// Package events declares channels other packages of the module range
// over (issue 3, gap 6).
package events

// Event is one notification.
type Event struct{ Name string }

// Bus delivers events.
type Bus struct {
	Events <-chan Event
	Count  int
	Names  []string
	events chan Event
}

// NewBus makes a bus.
func NewBus() *Bus {
	ch := make(chan Event)
	return &Bus{Events: ch, events: ch}
}

// Subscribe returns a channel of events.
func Subscribe() <-chan Event { return make(chan Event) }

// Watch returns a channel and an error.
func Watch(name string) (<-chan Event, error) { return make(chan Event), nil }

// History returns the past events.
func History() []Event { return nil }

// C returns the bus's channel.
func (b *Bus) C() <-chan Event { return b.events }

// All returns a copy of the names.
func (b *Bus) All() []string { return append([]string(nil), b.Names...) }
