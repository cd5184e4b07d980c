module golden/lh203rt2/go123

go 1.23
