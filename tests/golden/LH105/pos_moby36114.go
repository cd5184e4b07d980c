package golden

import "sync"

type serviceVM struct {
	sync.Mutex
	disks []string
}

// Kernel of moby#36114: a method that holds the VM lock calls another
// method of the VM that takes the same lock.
func (vm *serviceVM) attachAtStart() {
	vm.Lock()
	defer vm.Unlock()
	vm.detachAtStart() // want LH105 "vm.detachAtStart locks vm again"
}

func (vm *serviceVM) detachAtStart() {
	vm.Lock()
	defer vm.Unlock()
	vm.disks = nil
}
