module golden/lh202rt2/async

go 1.23

godebug asynctimerchan=1
