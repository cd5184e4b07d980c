module golden

go 1.22

// a 1.23+ toolchain with the new timers
godebug (
	default=go1.21
	asynctimerchan=0
)
