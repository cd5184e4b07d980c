package golden

type fileLock struct{ path string }

func (f *fileLock) Lock()   {}
func (f *fileLock) Unlock() {}

// Not a sync mutex: a lock type of the package with no blocking Lock.
func touch(f *fileLock, ok bool) bool {
	f.Lock()
	if !ok {
		return false
	}
	f.Unlock()
	return true
}
