module golden/async

go 1.23

godebug asynctimerchan=1
