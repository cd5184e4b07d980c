module golden/lh201rt2

go 1.19
