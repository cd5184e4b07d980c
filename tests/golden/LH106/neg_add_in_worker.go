package golden

// Fixed: the starter adds before each go statement.
func (ix *indexer) workerFixed(i int) {
	defer ix.wg.Done()
	process(i)
}

func (ix *indexer) flushFixed(n int) {
	for i := 0; i < n; i++ {
		ix.wg.Add(1)
		go ix.workerFixed(i)
	}
	ix.wg.Wait()
}
