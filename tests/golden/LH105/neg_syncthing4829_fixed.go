package golden

// Fixed: notify after releasing the write lock.
func (m *portMapping) clearFixed() {
	m.mut.Lock()
	var gone []int
	for k, a := range m.addrs {
		gone = append(gone, a)
		delete(m.addrs, k)
	}
	m.mut.Unlock()
	if len(gone) > 0 {
		m.notify(gone)
	}
}
