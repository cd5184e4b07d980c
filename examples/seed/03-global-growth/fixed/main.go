// Command fixed is the login service of ../leak with bounded package-level
// state:
//
//   - logout deletes the session, and login sweeps expired sessions and
//     refuses to grow past maxSessions;
//   - auditTrail keeps only the last maxAudit lines.
package main

import (
	"errors"
	"flag"
	"fmt"
	"runtime"
	"time"
)

const (
	maxSessions = 1000
	maxAudit    = 256
)

var errTooMany = errors.New("too many sessions")

type session struct {
	user    string
	expires time.Time
	scratch []byte // per-session state, 4 KiB
}

var sessions = map[string]*session{}

var auditTrail []string

func audit(line string) {
	auditTrail = append(auditTrail, line)
	if len(auditTrail) > maxAudit {
		n := copy(auditTrail, auditTrail[len(auditTrail)-maxAudit:])
		auditTrail = auditTrail[:n]
	}
}

// sweep deletes the sessions that expired before now.
func sweep(now time.Time) {
	for token, s := range sessions {
		if now.After(s.expires) {
			delete(sessions, token)
		}
	}
}

func login(user string, now time.Time) (string, error) {
	if len(sessions) >= maxSessions {
		sweep(now)
		if len(sessions) >= maxSessions {
			return "", errTooMany
		}
	}
	token := fmt.Sprintf("%s-%d", user, now.UnixNano())
	sessions[token] = &session{
		user:    user,
		expires: now.Add(time.Minute),
		scratch: make([]byte, 4096),
	}
	audit(fmt.Sprintf("%s login %s", now.Format(time.RFC3339), user))
	return token, nil
}

func logout(token string) {
	delete(sessions, token)
	audit("logout " + token)
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
			token, err := login(req.user, req.now)
			if err != nil {
				token = ""
			}
			req.reply <- token
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
	refused := 0
	for i := 0; i < *n; i++ {
		now := start.Add(time.Duration(i) * time.Second)
		reqs <- request{user: fmt.Sprintf("user-%d", i%50), now: now, reply: reply}
		token := <-reply
		if token == "" {
			refused++
			continue
		}
		reqs <- request{token: token, reply: reply}
		<-reply
	}
	close(reqs)
	fmt.Printf("%d logins (%d refused), 0 users online\n", *n, refused)
	fmt.Printf("sessions kept: %d, audit lines kept: %d, heap: %.1f MiB\n",
		len(sessions), len(auditTrail), heapMiB())
}
