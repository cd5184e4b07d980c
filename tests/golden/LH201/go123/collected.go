// Since Go 1.23 unreferenced tickers are collected: LH201 is silent here.
package go123

import "time"

func poll(n int) {
	t := time.NewTicker(time.Second)
	for i := 0; i < n; i++ {
		<-t.C
	}
}

func early(stop bool) {
	t := time.NewTicker(time.Second)
	if stop {
		return
	}
	t.Stop()
}
