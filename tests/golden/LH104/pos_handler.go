package golden

import "net/http"

// Every request starts a poller that never stops.
func routes(mux *http.ServeMux) {
	mux.HandleFunc("/watch", func(w http.ResponseWriter, r *http.Request) {
		go func() { // want LH104
			for {
				if busy() {
					continue
				}
				refresh()
			}
		}()
		w.WriteHeader(http.StatusAccepted)
	})
}
