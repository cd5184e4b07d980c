package golden

// Same fan-out with a buffer as large as the number of shards: the
// collector can leave early, every shard still delivers and exits.
func loadShardsBuffered(shards []shard) ([][]byte, error) {
	type res struct {
		data []byte
		err  error
	}
	out := make(chan res, len(shards))
	for _, s := range shards {
		go func(s shard) {
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
