package golden

// Fixed: the caller holds the lock and calls the variant that expects
// it held.
func (vm *serviceVM) attachAtStartFixed() {
	vm.Lock()
	defer vm.Unlock()
	vm.detachLocked()
}

func (vm *serviceVM) detachLocked() {
	vm.disks = nil
}

// Calling the locking method after the unlock is fine.
func (vm *serviceVM) attachThenDetach() {
	vm.Lock()
	vm.disks = append(vm.disks, "d0")
	vm.Unlock()
	vm.detachAtStart()
}
