package golden

import "time"

// The halt channel comes from the caller, who keeps it and may close it:
// the package cannot see every close, so the loop has a way out.
type sampler struct {
	tick *time.Ticker
	halt chan struct{}
}

func (s *sampler) sampleLoop() {
	defer s.tick.Stop()
	for {
		select {
		case <-s.tick.C:
			refresh()
		case <-s.halt:
			return
		}
	}
}

func startSampler(halt chan struct{}) {
	s := &sampler{tick: time.NewTicker(time.Second), halt: halt}
	go s.sampleLoop()
}

// The same channel under two names: the field is given a local that the
// goroutine closes by the local's name.
type job struct {
	results chan int
	finished chan struct{}
}

func (j *job) awaitResults() {
	for {
		select {
		case r := <-j.results:
			handle(r)
		case <-j.finished:
			return
		}
	}
}

func runJob(n int) *job {
	finished := make(chan struct{})
	j := &job{results: make(chan int), finished: finished}
	go func() {
		defer close(finished)
		for i := 0; i < n; i++ {
			j.results <- i
		}
	}()
	go j.awaitResults()
	return j
}
