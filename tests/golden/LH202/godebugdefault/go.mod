module golden

go 1.23

// the defaults of Go 1.21: timers stay pre-1.23
godebug default=go1.21
