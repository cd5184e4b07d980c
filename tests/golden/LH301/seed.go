package lh301

import (
	"fmt"
	"net/http"
	"sync"
)

// The seed's example: every request is logged into a global map that
// nobody ever cleans.
var globalLogMap = make(map[string]interface{})

func logRequest(id string, data interface{}) {
	globalLogMap[id] = data // want LH301 "globalLogMap is written here and never shrunk"
}

// A response cache keyed by URL with no eviction.
var (
	pageMu    sync.Mutex
	pageCache = map[string][]byte{}
)

func servePage(w http.ResponseWriter, r *http.Request) {
	pageMu.Lock()
	defer pageMu.Unlock()
	if b, ok := pageCache[r.URL.Path]; ok {
		w.Write(b)
		return
	}
	b := []byte(fmt.Sprintf("page %s", r.URL.Path))
	pageCache[r.URL.Path] = b // want LH301
	w.Write(b)
}

// sync.Map of live connections: stored on connect, never deleted.
var liveConns sync.Map

func onConnect(id string, c interface{}) {
	liveConns.Store(id, c) // want LH301 "sync.Map liveConns"
}

// A sync.Map used the way its documentation describes ("caches that only
// grow", written once per key and read many times): not reported.
var userCache sync.Map

func lookupUser(id string) interface{} {
	if v, ok := userCache.Load(id); ok {
		return v
	}
	u := fmt.Sprintf("user-%s", id)
	userCache.Store(id, u)
	return u
}

// Lazily created, then only grown.
var seenIDs map[int64]bool

func markSeen(id int64) {
	if seenIDs == nil {
		seenIDs = make(map[int64]bool)
	}
	seenIDs[id] = true // want LH301 "clear\(\) needs Go 1.21"
}

// Filled by a goroutine started in init: the goroutine runs forever.
type event struct{ ID string }

var (
	events   = make(chan event)
	lastSeen = map[string]event{}
)

func init() {
	go func() {
		for ev := range events {
			lastSeen[ev.ID] = ev // want LH301
		}
	}()
}
