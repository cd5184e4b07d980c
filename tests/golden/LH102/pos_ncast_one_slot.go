package golden

// Ask every replica, keep the first answer. One slot holds one late
// answer; every other replica blocks sending for good.
func firstReplica(replicas []string) string {
	answers := make(chan string, 1)
	for _, r := range replicas {
		go func(r string) { // want LH102 "sending on answers after firstReplica takes the first value"
			v, _ := fetch(r)
			answers <- v
		}(r)
	}
	return <-answers
}
