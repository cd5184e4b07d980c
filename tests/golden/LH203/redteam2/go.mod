module golden/lh203rt2

go 1.19
