package golden

type shard struct{ id int }

func (s shard) load() ([]byte, error) { return nil, nil }

// Fan-out over shards with one unbuffered result channel: the collector
// returns on the first failed shard and every shard still running blocks.
func loadShards(shards []shard) ([][]byte, error) {
	type res struct {
		data []byte
		err  error
	}
	out := make(chan res)
	for _, s := range shards {
		go func(s shard) { // want LH102 "sending on out after loadShards returns from its receive loop"
			d, err := s.load()
			out <- res{d, err}
		}(s)
	}
	var all [][]byte
	for range shards {
		r := <-out
		if r.err != nil {
			return nil, r.err
		}
		all = append(all, r.data)
	}
	return all, nil
}
