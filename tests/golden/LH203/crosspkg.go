// Ranges over channels whose types are declared in another package of the
// module (issue 3, gap 6): each iteration may leave a time.After timer
// pending; ranges over slices stay silent.
package lh203

import (
	"fmt"
	"time"

	"golden/events"
)

// A field of another package's struct declared as a channel.
func logBus(b *events.Bus) {
	for ev := range b.Events {
		select {
		case <-time.After(time.Minute): // want LH203
			fmt.Println("slow", ev.Name)
		default:
			fmt.Println(ev.Name)
		}
	}
}

// A function of another package returning a channel.
func logSubscribed() {
	for ev := range events.Subscribe() {
		select {
		case <-time.After(time.Second): // want LH203
			fmt.Println("timeout", ev.Name)
		default:
		}
	}
}

// A method returning a channel, through a local.
func logMethod(b *events.Bus) {
	ch := b.C()
	for ev := range ch {
		select {
		case <-time.After(time.Second): // want LH203
			fmt.Println("timeout", ev.Name)
		default:
		}
	}
}

// A channel and an error from another package.
func logWatched(name string) error {
	ch, err := events.Watch(name)
	if err != nil {
		return err
	}
	for ev := range ch {
		select {
		case <-time.After(time.Second): // want LH203
			fmt.Println("timeout", ev.Name)
		default:
		}
	}
	return nil
}

// ---- negatives ----

// A slice field of the same struct: bounded by its data.
func logNames(b *events.Bus) {
	for _, n := range b.Names {
		select {
		case <-time.After(time.Millisecond):
			fmt.Println("slow", n)
		default:
		}
	}
}

// A function of another package returning a slice.
func logHistory() {
	for _, ev := range events.History() {
		select {
		case <-time.After(time.Millisecond):
			fmt.Println("slow", ev.Name)
		default:
		}
	}
}

// A method returning a slice.
func logAll(b *events.Bus) {
	for _, n := range b.All() {
		select {
		case <-time.After(time.Millisecond):
			fmt.Println(n)
		default:
		}
	}
}

// A value whose type leakhound cannot see: silent.
func logAny(src interface{ Items() []string }) {
	for _, n := range src.Items() {
		select {
		case <-time.After(time.Millisecond):
			fmt.Println(n)
		default:
		}
	}
}

// The timer is created once, outside the loop.
func logBusOnce(b *events.Bus) {
	timeout := time.After(time.Minute)
	for ev := range b.Events {
		select {
		case <-timeout:
			return
		default:
			fmt.Println(ev.Name)
		}
	}
}
