module golden/lh204rt2/async

go 1.23

godebug asynctimerchan=1
