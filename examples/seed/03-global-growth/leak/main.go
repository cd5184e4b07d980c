// Command leak is a login service whose package-level state only grows:
//
//   - sessions maps a token to its session; login adds one per request and
//     nothing ever deletes from it, not even logout;
//   - auditTrail gets one line per request appended and is never trimmed.
//
// Both keep every value they ever held reachable, so the heap follows the
// number of requests served, not the number of users online.
package main

import (
	"flag"
	"fmt"
	"runtime"
	"time"
)

type session struct {
	user    string
	expires time.Time
	scratch []byte // per-session state, 4 KiB
}

var sessions = map[string]*session{}

var auditTrail []string

func login(user string, now time.Time) string {
	token := fmt.Sprintf("%s-%d", user, now.UnixNano())
	sessions[token] = &session{
		user:    user,
		expires: now.Add(time.Minute),
		scratch: make([]byte, 4096),
	}
	auditTrail = append(auditTrail, fmt.Sprintf("%s login %s", now.Format(time.RFC3339), user))
	return token
}

func logout(token string) {
	if s, ok := sessions[token]; ok {
		s.expires = time.Time{} // marked dead, but still in the map
	}
	auditTrail = append(auditTrail, "logout "+token)
}

func heapMiB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// request is one call to the service: a login (user set) or a logout
// (token set); the answer goes back on reply.
type request struct {
	user, token string
	now         time.Time
	reply       chan string
}

// serve is the service's request loop: it handles requests for as long as
// the process runs (here: until the client closes the channel).
func serve(reqs <-chan request) {
	for {
		req, ok := <-reqs
		if !ok {
			return
		}
		if req.user != "" {
			req.reply <- login(req.user, req.now)
			continue
		}
		logout(req.token)
		req.reply <- ""
	}
}

func main() {
	n := flag.Int("n", 5000, "number of login/logout pairs")
	flag.Parse()

	reqs := make(chan request)
	go serve(reqs)
	reply := make(chan string)
	start := time.Now()
	for i := 0; i < *n; i++ {
		now := start.Add(time.Duration(i) * time.Second)
		reqs <- request{user: fmt.Sprintf("user-%d", i%50), now: now, reply: reply}
		token := <-reply
		reqs <- request{token: token, reply: reply}
		<-reply
	}
	close(reqs)
	fmt.Printf("%d logins, 0 users online\n", *n)
	fmt.Printf("sessions kept: %d, audit lines kept: %d, heap: %.1f MiB\n",
		len(sessions), len(auditTrail), heapMiB())
}
