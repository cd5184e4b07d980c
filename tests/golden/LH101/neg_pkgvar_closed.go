package golden

var reloaded = make(chan struct{})

// Reload closes the package-level channel.
func watchReload() {
	go func() {
		<-reloaded
		cleanup()
	}()
}

func Reload() { close(reloaded) }
